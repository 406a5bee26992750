"""A person's union career, read from their positions: what they hold today, what they held
before (newest first), and the bodies and terms they served in. No query of its own: it works
on the positions the page has already fetched."""

from dataclasses import dataclass, field
from datetime import date

from organizations.models import Position


@dataclass
class BodyService:
    """The positions one person held in one body, and the terms they belong to."""

    body: object
    titles: list[str] = field(default_factory=list)
    terms: list[object] = field(default_factory=list)
    current: bool = False


@dataclass
class Career:
    current: list[Position]
    past: list[Position]
    bodies: list[BodyService]

    @property
    def main_body(self):
        """The body a reader knows the person by: that of their highest position today, or of
        their latest one."""
        if self.current:
            return min(self.current, key=lambda p: p.rank).body
        return self.past[0].body if self.past else None


def _holds_on(position: Position, on: date) -> bool:
    return (position.starts_on is None or position.starts_on <= on) and (
        position.ends_on is None or position.ends_on > on
    )


def _newest_first(position: Position):
    # Undated positions go last; among equals, the higher position first.
    started = position.starts_on or date.min
    return (-started.toordinal(), position.rank)


def career(positions: list[Position], *, today: date) -> Career:
    ordered = sorted(positions, key=_newest_first)
    current = [p for p in ordered if _holds_on(p, today)]
    past = [p for p in ordered if not _holds_on(p, today)]
    bodies: dict[int, BodyService] = {}
    for position in [*current, *past]:
        service = bodies.setdefault(position.body_id, BodyService(body=position.body))
        service.current = service.current or _holds_on(position, today)
        if position.display_title not in service.titles:
            service.titles.append(position.display_title)
        if position.term is not None and position.term not in service.terms:
            service.terms.append(position.term)
    for service in bodies.values():
        service.terms.sort(key=lambda term: -term.starts_year)
    return Career(current=current, past=past, bodies=list(bodies.values()))
