"""The main menu and the footer links as readers get them: every item of both menus from one
query, the categories (or any other kind an app offers) from one more, and the whole result
kept until the content version changes (lsunion.cache), so most pages pay nothing."""

from lsunion import menu as registry
from lsunion.cache import cached_for_version
from sitepages.models import MenuItem


def _links(
    item: MenuItem, resolved: dict[str, list[registry.Link]], *, titled: bool = True
) -> list[registry.Link]:
    """The links an item stands for, under its own title unless `titled` is False."""
    title = item.title if titled else ""
    if item.page_id:
        return [registry.Link(title or item.page.title, item.page.get_absolute_url())]
    if item.url:
        return [registry.Link(title or item.url, item.url)]
    if item.target:
        found = resolved.get(item.target, [])
        if len(found) == 1 and title:
            return [registry.Link(title, found[0].url)]
        return found
    return []  # a heading for the items under it


def _entry(link: registry.Link, children=()) -> dict:
    return {"label": link.label, "url": link.url, "children": list(children)}


def build() -> dict[str, list[dict]]:
    """{"main": [...], "footer": [...]}: entries with a label, an address and the entries
    under it (plain data, so the cache can keep it)."""
    items = list(
        MenuItem.objects.filter(is_active=True)
        .select_related("page")
        .only("menu", "parent_id", "title", "page__title", "page__slug", "target", "url")
    )
    resolved = registry.resolve(item.target for item in items if item.target)
    below: dict[int | None, list[MenuItem]] = {}
    for item in items:
        below.setdefault(item.parent_id, []).append(item)
    menus: dict[str, list[dict]] = {name: [] for name in MenuItem.Menu.values}
    for item in below.get(None, []):
        own = _links(item, resolved)
        children = [
            _entry(link) for child in below.get(item.pk, []) for link in _links(child, resolved)
        ]
        if not children:
            menus[item.menu].extend(_entry(link) for link in own)
            continue
        label = item.title or (own[0].label if own else "")
        if len(own) == 1:
            # A <summary> opens the list; the item's own page comes first inside it, by its
            # own name (the summary already shows the item's title).
            children.insert(0, _entry(_links(item, resolved, titled=False)[0]))
        menus[item.menu].append({"label": label, "url": "", "children": children})
    return menus


def menus() -> dict[str, list[dict]]:
    return cached_for_version("site-menus", build)
