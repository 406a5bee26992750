"""The working desk ("Bàn làm việc") on the admin index, and counts beside the menu entries.

lsunion knows no app: each app registers a provider in its AppConfig.ready(). A provider takes
the request and returns the panels this staff member should see (each already scoped to what
they may touch) and the counts to show beside its menu entries.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Item:
    label: str
    url: str
    note: str = ""
    quote: str = ""  # a comment to show in full (the editor's "trả lại" comment)


@dataclass
class Panel:
    key: str
    title: str
    count: int
    items: list[Item] = field(default_factory=list)
    more_url: str = ""
    empty: str = ""


@dataclass
class Desk:
    panels: list[Panel] = field(default_factory=list)
    # (app_label, model_name) -> short text such as "3 chờ duyệt"
    counts: dict[tuple[str, str], str] = field(default_factory=dict)


_providers: list[Callable] = []


def register(provider: Callable) -> None:
    if provider not in _providers:
        _providers.append(provider)


def for_request(request) -> Desk:
    """The desk of the staff member making the request, built once per request."""
    cached = getattr(request, "_lsunion_desk", None)
    if cached is not None:
        return cached
    desk = Desk()
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        for provider in _providers:
            panels, counts = provider(request)
            desk.panels.extend(panels)
            desk.counts.update(counts)
    request._lsunion_desk = desk
    return desk
