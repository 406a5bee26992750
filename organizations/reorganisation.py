"""Dissolving and merging union bodies, as the 2025 reorganisation did: planned, previewed,
applied in one step from a chosen day, recorded as a version, and undoable.

On the effective day each ended body keeps its page, marked with the date and its successor;
its grassroots unions move to the successor (or, when it has none, to the body above it),
their old link kept in their history; the positions held in it end that day.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lsunion import versioning
from organizations.models import BodyAffiliation, Position, Reorganisation, UnionBody


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


@dataclass
class Move:
    child: UnionBody
    old_parent: UnionBody
    new_parent: UnionBody


@dataclass
class Plan:
    """What applying would change, shown to staff before they confirm."""

    kind: str
    on: date
    bodies: list[UnionBody]
    successor: UnionBody | None
    note: str = ""
    moves: list[Move] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.bodies)

    @property
    def comment(self) -> str:
        names = ", ".join(body.name for body in self.bodies)
        values = {"names": names, "day": _day(self.on)}
        if self.kind == Reorganisation.Kind.MERGE and self.successor is not None:
            return _("Sáp nhập %(names)s vào %(successor)s từ ngày %(day)s") % {
                **values,
                "successor": self.successor.name,
            }
        if self.successor is not None:
            return _("Giải thể %(names)s từ ngày %(day)s; tổ chức kế thừa: %(successor)s") % {
                **values,
                "successor": self.successor.name,
            }
        return _("Giải thể %(names)s từ ngày %(day)s") % values


def plan_reorganisation(
    *,
    bodies: list[UnionBody],
    on: date,
    successor: UnionBody | None,
    kind: str = Reorganisation.Kind.MERGE,
    note: str = "",
) -> Plan:
    """Check a dissolution or merger and list what it would change; writes nothing."""
    plan = Plan(kind=kind, on=on, bodies=list(bodies), successor=successor, note=note.strip())
    ended = {body.pk for body in plan.bodies}
    if kind == Reorganisation.Kind.MERGE and successor is None:
        plan.errors.append(_("Sáp nhập cần chọn tổ chức tiếp nhận."))
    if successor is not None:
        _check_successor(plan, successor, ended)
    by_pk = {b.pk: b for b in UnionBody.objects.filter(pk__in=_parent_chain_ids(plan.bodies))}
    for body in plan.bodies:
        if body.dissolved_on is not None and body.dissolved_on <= on:
            plan.errors.append(
                _("%(body)s đã giải thể, sáp nhập từ ngày %(day)s.")
                % {"body": body.name, "day": _day(body.dissolved_on)}
            )
        if body.founded_on is not None and body.founded_on >= on:
            plan.errors.append(
                _("%(body)s thành lập ngày %(day)s, không trước ngày có hiệu lực.")
                % {"body": body.name, "day": _day(body.founded_on)}
            )
    children = list(
        UnionBody.objects.filter(parent__in=ended)
        .exclude(pk__in=ended)
        .current(on)
        .select_related("parent")
        .order_by("name", "pk")
    )
    later = set(
        BodyAffiliation.objects.filter(
            body__in=[c.pk for c in children], starts_on__gte=on
        ).values_list("body_id", flat=True)
    )
    for child in children:
        if successor is not None and child.pk == successor.pk:
            continue  # the successor itself stays where it is
        target = successor or _first_kept_ancestor(child.parent, ended, by_pk)
        if target is None:
            plan.errors.append(
                _("%(child)s trực thuộc %(body)s: chọn tổ chức tiếp nhận các tổ chức trực thuộc.")
                % {"child": child.name, "body": child.parent.name}
            )
            continue
        if child.pk in later:
            plan.errors.append(
                _("%(child)s đã có thay đổi trực thuộc từ ngày có hiệu lực trở về sau: sửa ở trang "
                  "của tổ chức đó trước.")
                % {"child": child.name}
            )  # fmt: skip
            continue
        plan.moves.append(Move(child=child, old_parent=child.parent, new_parent=target))
    plan.positions = list(
        Position.objects.filter(body__in=ended)
        .current(on)
        .select_related("person", "body")
        .order_by("body__name", "rank", "person__full_name")
    )
    return plan


def _check_successor(plan: Plan, successor: UnionBody, ended: set[int]) -> None:
    if successor.pk in ended:
        plan.errors.append(_("Tổ chức tiếp nhận không thể là một trong các tổ chức kết thúc."))
        return
    if successor.dissolved_on is not None and successor.dissolved_on <= plan.on:
        plan.errors.append(
            _("Tổ chức tiếp nhận %(body)s đã giải thể từ ngày %(day)s.")
            % {"body": successor.name, "day": _day(successor.dissolved_on)}
        )
    path = (
        UnionBody.objects.with_tree_fields()
        .filter(pk=successor.pk)
        .values_list("tree_path", flat=True)
    )
    ancestors = set((path.first() or [])[:-1])
    inside = [body.name for body in plan.bodies if body.pk in ancestors]
    if inside:
        plan.errors.append(
            _("Tổ chức tiếp nhận đang trực thuộc %(body)s, tổ chức sắp kết thúc: chuyển nó ra "
              "trước.")
            % {"body": inside[0]}
        )  # fmt: skip


def _parent_chain_ids(bodies) -> set[int]:
    ids: set[int] = set()
    for row in (
        UnionBody.objects.with_tree_fields()
        .filter(pk__in=[b.pk for b in bodies])
        .values_list("tree_path", flat=True)
    ):
        ids.update(row)
    return ids


def _first_kept_ancestor(parent, ended: set[int], by_pk: dict) -> UnionBody | None:
    """The body above, skipping bodies that end in the same step."""
    while parent is not None and parent.pk in ended:
        parent = by_pk.get(parent.parent_id) if parent.parent_id else None
    return parent


@transaction.atomic
def apply_reorganisation(*, plan: Plan, by=None) -> Reorganisation:
    """Apply a checked plan as one version, keeping what changed so that it can be undone."""
    if not plan.ok:
        raise ValueError("; ".join(plan.errors) or "nothing to reorganise")
    changes: dict = {"bodies": [], "moves": [], "positions": []}
    with versioning.recorded(user=by, comment=plan.comment):
        for body in plan.bodies:
            changes["bodies"].append(
                {
                    "pk": body.pk,
                    "dissolved_on": body.dissolved_on.isoformat() if body.dissolved_on else None,
                    "successor": body.successor_id,
                    "history_note": body.history_note,
                }
            )
            body.dissolved_on = plan.on
            body.successor = plan.successor
            if plan.note:
                body.history_note = plan.note
            body.save()
        for move in plan.moves:
            changes["moves"].append(_move(move, plan.on, plan.note))
        for position in plan.positions:
            changes["positions"].append(
                [position.pk, position.ends_on.isoformat() if position.ends_on else None]
            )
            position.ends_on = plan.on
            position.save()
    reorganisation = Reorganisation.objects.create(
        kind=plan.kind,
        effective_on=plan.on,
        successor=plan.successor,
        note=plan.note,
        changes=changes,
        applied_by=by,
    )
    reorganisation.bodies.set(plan.bodies)
    return reorganisation


def _move(move: Move, on: date, note: str) -> dict:
    child = move.child
    record = {"child": child.pk, "old_parent": move.old_parent.pk, "new_parent": move.new_parent.pk}
    open_link = child.affiliations.filter(ends_on__isnull=True).first()
    if open_link is not None:
        record["closed_link"] = open_link.pk
        open_link.ends_on = on
        open_link.save()
    else:  # the old link was never recorded: record it now, ending that day
        record["recorded_link"] = BodyAffiliation.objects.create(
            body=child, parent=move.old_parent, ends_on=on
        ).pk
    record["new_link"] = BodyAffiliation.objects.create(
        body=child, parent=move.new_parent, starts_on=on, note=note[:300]
    ).pk
    child.parent = move.new_parent
    child.save()
    return record


def undo_problems(reorganisation: Reorganisation) -> list[str]:
    """Why undoing would overwrite later changes (empty when it can be undone)."""
    if reorganisation.is_undone:
        return [_("Lượt này đã được hoàn tác.")]
    changes = reorganisation.changes
    problems = []
    bodies = UnionBody.objects.in_bulk([b["pk"] for b in changes["bodies"]])
    for saved in changes["bodies"]:
        body = bodies.get(saved["pk"])
        if body is None or body.dissolved_on != reorganisation.effective_on:
            problems.append(
                _("%(body)s đã được sửa ngày giải thể sau lượt này.")
                % {"body": body.name if body else saved["pk"]}
            )
    children = UnionBody.objects.in_bulk([m["child"] for m in changes["moves"]])
    links = BodyAffiliation.objects.in_bulk([m["new_link"] for m in changes["moves"]])
    for move in changes["moves"]:
        child, link = children.get(move["child"]), links.get(move["new_link"])
        if child is None or child.parent_id != move["new_parent"] or link is None or link.ends_on:
            problems.append(
                _("%(body)s đã đổi trực thuộc sau lượt này.")
                % {"body": child.name if child else move["child"]}
            )
    return problems


@transaction.atomic
def undo_reorganisation(*, reorganisation: Reorganisation, by=None) -> list[str]:
    """Put everything back as it was before the reorganisation, as a new version.

    Returns the reasons it cannot be undone (and then changes nothing)."""
    reorganisation = Reorganisation.objects.select_for_update().get(pk=reorganisation.pk)
    problems = undo_problems(reorganisation)
    if problems:
        return problems
    changes = reorganisation.changes
    with versioning.recorded(user=by, comment=_("Hoàn tác: %(what)s") % {"what": reorganisation}):
        for move in changes["moves"]:
            BodyAffiliation.objects.filter(pk=move["new_link"]).delete()
            if "recorded_link" in move:
                BodyAffiliation.objects.filter(pk=move["recorded_link"]).delete()
            if "closed_link" in move:
                link = BodyAffiliation.objects.filter(pk=move["closed_link"]).first()
                if link is not None:
                    link.ends_on = None
                    link.save()
            child = UnionBody.objects.get(pk=move["child"])
            child.parent_id = move["old_parent"]
            child.save()
        for pk, ends_on in changes["positions"]:
            position = Position.objects.filter(pk=pk).first()
            if position is not None:
                position.ends_on = date.fromisoformat(ends_on) if ends_on else None
                position.save()
        for saved in changes["bodies"]:
            body = UnionBody.objects.get(pk=saved["pk"])
            body.dissolved_on = (
                date.fromisoformat(saved["dissolved_on"]) if saved["dissolved_on"] else None
            )
            body.successor_id = saved["successor"]
            body.history_note = saved["history_note"]
            body.save()
    reorganisation.undone_at = timezone.now()
    reorganisation.undone_by = by
    reorganisation.save(update_fields=["undone_at", "undone_by"])
    return []


def next_change_time():
    """When the union's tree next changes by itself (a dated dissolution, move, or position
    ending or starting), so the page cache rolls over that midnight without a cron job."""
    today = timezone.localdate()
    days = [
        UnionBody.objects.filter(Q(dissolved_on__gt=today)).order_by("dissolved_on")
        .values_list("dissolved_on", flat=True).first(),
        UnionBody.objects.filter(founded_on__gt=today).order_by("founded_on")
        .values_list("founded_on", flat=True).first(),
        BodyAffiliation.objects.filter(starts_on__gt=today).order_by("starts_on")
        .values_list("starts_on", flat=True).first(),
        Position.objects.filter(ends_on__gt=today).order_by("ends_on")
        .values_list("ends_on", flat=True).first(),
        Position.objects.filter(starts_on__gt=today).order_by("starts_on")
        .values_list("starts_on", flat=True).first(),
    ]  # fmt: skip
    upcoming = [day for day in days if day is not None]
    if not upcoming:
        return None
    return timezone.make_aware(datetime.combine(min(upcoming), time.min))
