"""The organisation chart on Giới thiệu, generated from the union tree (organizations.dated):
the federation, the bodies directly under it above the grassroots, and how many grassroots
unions each has. Two queries whatever the size of the tree."""

from datetime import date

from organizations import dated
from organizations.models import UnionBody

GRASSROOTS = {UnionBody.Kind.GRASSROOTS, UnionBody.Kind.SUB_UNIT}


def _size(node: dict) -> int:
    return sum(1 + _size(child) for child in node["children"])


def _federation(nodes: list[dict]) -> dict | None:
    stack = list(nodes)
    while stack:
        node = stack.pop(0)
        if node["body"].kind == UnionBody.Kind.PROVINCIAL:
            return node
        stack.extend(node["children"])
    return nodes[0] if nodes else None


def organisation_chart(day: date) -> dict | None:
    """{"body", "units": [{"body", "below"}], "grassroots"} or None when there is no body."""
    tree, _count = dated.tree_on(day)
    root = _federation(tree)
    if root is None:
        return None
    units, grassroots = [], 0
    for child in root["children"]:
        if child["body"].kind in GRASSROOTS:
            grassroots += 1 + _size(child)
        else:
            units.append({"body": child["body"], "below": _size(child)})
    return {"body": root["body"], "units": units, "grassroots": grassroots}
