"""The union's tree as it stood (or will stand) on a given day.

`UnionBody.parent` holds the latest link entered, which may take effect later (a merger
decided in June for 1 July). What a reader sees for a day is read from the dated links in
`BodyAffiliation`: the link covering that day, else the latest parent when no link is dated.
"""

from datetime import date

from django.db.models import F, OuterRef, Q, QuerySet, Subquery

from lsunion.collation import sort_key
from organizations.models import BodyAffiliation, UnionBody


def covering(day: date):
    """Links in force on the day."""
    return BodyAffiliation.objects.filter(
        Q(starts_on__isnull=True) | Q(starts_on__lte=day),
        Q(ends_on__isnull=True) | Q(ends_on__gt=day),
    )


def covers(link: BodyAffiliation, day: date) -> bool:
    """The link is in force on the day (the same test as `covering`, on a loaded link)."""
    return (link.starts_on is None or link.starts_on <= day) and (
        link.ends_on is None or link.ends_on > day
    )


def with_parent_on(bodies: QuerySet, day: date) -> QuerySet:
    """The bodies, each with `parent_on_day`: the parent of the link in force on the day, or
    None when no link is (then `parent` holds). In the same query as the bodies; of two links
    in force, the one that started last, as in `parent_ids_on`."""
    link = (
        covering(day)
        .filter(body=OuterRef("pk"))
        .order_by(F("starts_on").desc(nulls_last=True), "-pk")
        .values("parent_id")[:1]
    )
    return bodies.annotate(parent_on_day=Subquery(link))


def parent_ids_on(day: date, bodies) -> dict[int, int | None]:
    """Each body's parent on the day (one query for the links of all of them)."""
    bodies = list(bodies)
    links = dict(
        covering(day).filter(body__in=[b.pk for b in bodies]).values_list("body_id", "parent_id")
    )
    return {body.pk: links.get(body.pk, body.parent_id) for body in bodies}


def exists_on(body: UnionBody, day: date) -> bool:
    return (body.founded_on is None or body.founded_on <= day) and (
        body.dissolved_on is None or body.dissolved_on > day
    )


def _rank(body: UnionBody) -> tuple:
    kinds = UnionBody.Kind.values
    return (kinds.index(body.kind) if body.kind in kinds else 99, sort_key(body.name), body.pk)


def tree_on(day: date, *, with_history: bool = False) -> tuple[list[dict], int]:
    """The nested tree of the bodies existing on the day (or of all of them), siblings by
    level of body then in Vietnamese order; a body whose parent is not shown joins its nearest
    shown ancestor. Two queries whatever the size.

    Most days every link in force agrees with `parent`: the database's recursive query then
    builds the tree (about 1.5 times faster for a thousand bodies than doing it here)."""
    disagrees = covering(day).exclude(parent_id=F("body__parent_id")).exists()
    if not disagrees:
        return _tree_from_parents(day, with_history=with_history)
    bodies = list(
        UnionBody.objects.only(
            "pk", "name", "slug", "kind", "parent_id", "founded_on", "dissolved_on"
        )
    )
    parents = parent_ids_on(day, bodies)
    shown = {b.pk: b for b in bodies if with_history or exists_on(b, day)}

    def shown_parent(pk: int) -> int | None:
        seen = {pk}
        parent = parents.get(pk)
        while parent is not None and parent not in shown:
            if parent in seen:
                return None
            seen.add(parent)
            parent = parents.get(parent)
        return parent if parent not in seen else None

    children: dict[int | None, list[UnionBody]] = {}
    for body in shown.values():
        children.setdefault(shown_parent(body.pk), []).append(body)
    placed: set[int] = set()

    def nest(body: UnionBody, depth: int) -> dict:
        placed.add(body.pk)
        below = sorted(children.get(body.pk, []), key=_rank)
        return {
            "body": body,
            "depth": depth,
            "children": [nest(child, depth + 1) for child in below if child.pk not in placed],
        }

    roots = [nest(body, 0) for body in sorted(children.get(None, []), key=_rank)]
    # Bodies caught in a loop of links (bad data) are still shown, at the top.
    roots += [nest(b, 0) for b in sorted(shown.values(), key=_rank) if b.pk not in placed]
    return roots, len(shown)


def _tree_from_parents(day: date, *, with_history: bool) -> tuple[list[dict], int]:
    bodies = UnionBody.objects.all() if with_history else UnionBody.objects.current(day)
    nodes = list(bodies.tree_in_vietnamese_order())
    shown = {node.pk: {"body": node, "depth": 0, "children": []} for node in nodes}
    roots = []
    for node in nodes:
        ancestors = [pk for pk in node.tree_path[:-1] if pk in shown]
        if ancestors:
            parent = shown[ancestors[-1]]
            shown[node.pk]["depth"] = parent["depth"] + 1
            parent["children"].append(shown[node.pk])
        else:
            roots.append(shown[node.pk])
    return roots, len(nodes)
