"""Workflows on union bodies and meetings that span several models."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lsunion.versioning import versioned
from organizations.models import BodyAffiliation, Meeting, Position, Reorganisation, UnionBody


@transaction.atomic
@versioned(_("Chuyển tổ chức trực thuộc"))
def move_body(*, body: UnionBody, new_parent: UnionBody | None, on: date, note: str = "") -> None:
    """Change the body a union body reports to, keeping the old link in its history."""
    open_link = body.affiliations.filter(ends_on__isnull=True).first()
    if open_link is None and body.parent_id and body.parent_id != getattr(new_parent, "pk", None):
        # The old link was never recorded: record it now, ending today.
        BodyAffiliation.objects.create(body=body, parent_id=body.parent_id, ends_on=on)
    elif open_link is not None:
        open_link.ends_on = on
        open_link.save()
    if new_parent is not None:
        BodyAffiliation.objects.create(body=body, parent=new_parent, starts_on=on, note=note)
    body.parent = new_parent
    body.save()


def dissolve_body(
    *, body: UnionBody, on: date, successor: UnionBody | None = None, note: str = ""
) -> None:
    """End a body: its page stays, marked with the date and successor; its current child
    bodies move to the successor (or to the body above it) and its current positions end on
    that day. The admin's “Giải thể, sáp nhập” action does the same, previewed and undoable."""
    from organizations.reorganisation import apply_reorganisation, plan_reorganisation

    kind = Reorganisation.Kind.MERGE if successor else Reorganisation.Kind.DISSOLVE
    plan = plan_reorganisation(bodies=[body], on=on, successor=successor, kind=kind, note=note)
    apply_reorganisation(plan=plan)


def complete_elected_position(*, position: Position, meeting: Meeting) -> Position:
    """A position elected at a meeting belongs to the organising body from the meeting's day."""
    position.elected_at = meeting
    position.body_id = position.body_id or meeting.organiser_id
    if position.starts_on is None:
        position.starts_on = meeting.starts_at.date()
    if position.term_id is None and meeting.term_id:
        position.term_id = meeting.term_id
    return position
