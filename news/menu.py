"""News categories as destinations of the portal's menus (lsunion.menu)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lsunion.menu import Kind, Link
from news.models import Category

# Stands for every category marked “hiện trên thanh chuyên mục”, in their order: the menu
# keeps what Category.in_menu has always meant, and a new category joins it by itself.
ALL_IN_MENU = "menu"


def choices() -> list[tuple[str, str]]:
    categories = Category.objects.values_list("pk", "name")
    return [
        (ALL_IN_MENU, _("Mọi chuyên mục đánh dấu “hiện trên thanh chuyên mục”")),
        *((str(pk), name) for pk, name in categories),
    ]


def resolve(values: list[str]) -> dict[str, list[Link]]:
    """One query for every category item of every menu."""
    ids = {int(v) for v in values if v.isdigit()}
    wants_menu = ALL_IN_MENU in values
    if not ids and not wants_menu:
        return {}
    categories = Category.objects.only("pk", "name", "slug", "in_menu")
    if not wants_menu:
        categories = categories.filter(pk__in=ids)
    found: dict[str, list[Link]] = {ALL_IN_MENU: []} if wants_menu else {}
    for category in categories:
        link = Link(category.name, category.get_absolute_url())
        if category.pk in ids:
            found[str(category.pk)] = [link]
        if wants_menu and category.in_menu:
            found[ALL_IN_MENU].append(link)
    return found


CATEGORIES = Kind("category", gettext_lazy("Chuyên mục tin"), choices, resolve)
