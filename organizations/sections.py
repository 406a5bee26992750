"""Sections other apps add to body and meeting pages, without organizations importing them.

An app registers a Section in its AppConfig.ready(); the page asks each section for its
context (one or two queries, whatever the data size) and includes its template.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    template_name: str
    get_context: Callable[..., dict | None]  # returns None when there is nothing to show
    order: int = 100


_registry: dict[str, dict[str, Section]] = {"body": {}, "meeting": {}, "person": {}, "block": {}}


def register(page: str, section: Section) -> None:
    """Add (or replace) a section on the "body", "meeting", "person" or "block" page."""
    _registry[page][section.key] = section


def render_context(page: str, obj) -> list[dict]:
    """The sections with something to show, in order, each with its template and context."""
    shown = []
    for section in sorted(_registry[page].values(), key=lambda s: (s.order, s.key)):
        context = section.get_context(obj)
        if context:
            shown.append({"key": section.key, "template_name": section.template_name, **context})
    return shown
