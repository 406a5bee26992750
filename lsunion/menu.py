"""What the portal's menus may point at, offered by the apps (lsunion imports no app).

Two kinds of destination besides pages and plain addresses (which the menu's own app keeps):

- a *section*: a named public URL with no argument (the directory, meetings, awards, search,
  later /hoi-dap/ and /van-ban/), registered with `register_section` in an app's `ready()`;
- an object of an app (a news category), registered with `register_kind`: the kind lists its
  choices for the admin and turns many stored values into links at once (one query per kind,
  however many items point at it). A value may stand for several links (“every category shown
  on the menu bar”).

A menu item stores the destination as one key, "section:<url name>" or "<kind>:<value>".
"""

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

SECTION = "section"


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Kind:
    """Objects of one app that a menu item may point at."""

    name: str  # "category"
    label: str  # "Chuyên mục", the group's title in the admin's choice list
    choices: Callable[[], list[tuple[str, str]]]  # (value, label) for the admin
    resolve: Callable[[list[str]], dict[str, list[Link]]]  # values -> links, in one query


_sections: dict[str, tuple[int, str]] = {}
_kinds: dict[str, Kind] = {}


def register_section(url_name: str, label: str, order: int = 100) -> None:
    """A public page without arguments that the menus may point at, e.g. "awards:lookup";
    `order` places it in the admin's list and the site map."""
    _sections[url_name] = (order, label)


def _ordered_sections() -> list[tuple[str, str]]:
    ranked = sorted(_sections.items(), key=lambda item: (item[1][0], item[0]))
    return [(name, label) for name, (_order, label) in ranked]


def register_kind(kind: Kind) -> None:
    _kinds[kind.name] = kind


def key(kind: str, value: str) -> str:
    return f"{kind}:{value}"


def choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every destination the registries offer, grouped for a <select> with <optgroup>s."""
    groups = [
        (
            _("Mục của cổng thông tin"),
            [(key(SECTION, n), str(label)) for n, label in _ordered_sections()],
        )
    ]
    for kind in _kinds.values():
        groups.append((kind.label, [(key(kind.name, v), label) for v, label in kind.choices()]))
    return [(label, options) for label, options in groups if options]


def is_known(destination: str) -> bool:
    kind, _sep, value = destination.partition(":")
    if kind == SECTION:
        return value in _sections
    return kind in _kinds and bool(value)


def resolve(destinations: Iterable[str]) -> dict[str, list[Link]]:
    """Links for each stored key; a key whose object is gone, or unknown, gets none."""
    by_kind: dict[str, list[str]] = {}
    for destination in dict.fromkeys(destinations):
        kind, _sep, value = destination.partition(":")
        by_kind.setdefault(kind, []).append(value)
    found: dict[str, list[Link]] = {}
    for name in by_kind.pop(SECTION, []):
        # A section whose app was removed has no address any more: no link.
        with contextlib.suppress(NoReverseMatch):
            if name in _sections:
                found[key(SECTION, name)] = [Link(str(_sections[name][1]), reverse(name))]
    for kind_name, values in by_kind.items():
        kind = _kinds.get(kind_name)
        if kind is None:
            continue
        for value, links in kind.resolve(values).items():
            found[key(kind_name, value)] = links
    return found


def every_link() -> list[tuple[str, list[Link]]]:
    """Every section and every object the registries offer, grouped (for the site map): one
    link per choice, a choice standing for several links left out."""
    groups = []
    for label, options in choices():
        keys = [k for k, _label in options]
        found = resolve(keys)
        links = [found[k][0] for k in keys if len(found.get(k, [])) == 1]
        if links:
            groups.append((str(label), links))
    return groups
