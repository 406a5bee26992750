"""Versions that hold a record together with the rows it owns, on every write path.

A versioned record (an article, a body, a meeting, a decision) is registered with the inline
rows it owns (photos, member figures, attendees, recipients…). Whatever saves it — the admin,
an import, the demo, a service function, the shell — the version it leaves holds those rows:
`recorded()` is the one way code outside the admin opens a revision, and a row saved outside
any revision versions its owner. Restoring never deletes a row: rows the version does not know
are kept, rows it knows are put back as they were.
"""

from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import wraps

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion.models import Version

SYSTEM_COMMENT = "Lưu tự động (nhập dữ liệu, lệnh quản trị hoặc chương trình)"

# owned row model -> names of its foreign keys to the records that own it
_OWNERS: dict[type, list[str]] = {}
# owner model -> accessor names of the rows it owns
_OWNS: dict[type, tuple[str, ...]] = {}
# records saved in the innermost recorded() block, versioned again with their rows at its end
_touched: ContextVar[list | None] = ContextVar("lsunion-versioning-touched", default=None)


def register(model, *, owns: tuple[str, ...] = ()) -> None:
    """Version `model` together with the rows behind each reverse accessor in `owns`."""
    reversion.register(model, follow=owns)
    _OWNS[model] = tuple(owns)


def connect() -> None:
    """Once the models are loaded: version the owned rows and watch every save."""
    from django.db.models.signals import post_save

    for model, owns in _OWNS.items():
        for accessor in owns:
            relation = model._meta.get_field(accessor)
            child = relation.related_model
            if not reversion.is_registered(child):
                reversion.register(child)
            _OWNERS.setdefault(child, []).append(relation.field.name)
    post_save.connect(version_every_save, dispatch_uid="lsunion-version-every-save")


def owned_accessors(model) -> tuple[str, ...]:
    return _OWNS.get(model, ())


def owners_of(instance) -> list:
    """The records that own this row (none for a record that is not an owned row)."""
    found = []
    for name in _OWNERS.get(type(instance), ()):
        owner = getattr(instance, name, None)
        if owner is not None and owner.pk is not None:
            found.append(owner)
    return found


def _versioned_roots(instance) -> list:
    if type(instance) in _OWNERS:
        return owners_of(instance)
    return [instance] if type(instance) in _OWNS or reversion.is_registered(type(instance)) else []


@contextmanager
def recorded(*, user=None, comment: str = ""):
    """One revision for a unit of work; each record saved in it is versioned with its rows."""
    token = _touched.set([])
    try:
        with reversion.create_revision(atomic=False):
            if user is not None and getattr(user, "is_authenticated", False):
                reversion.set_user(user)
            reversion.set_comment(comment or SYSTEM_COMMENT)
            yield
            connection = transaction.get_connection()
            if not (connection.in_atomic_block and transaction.get_rollback()):
                include(*_touched.get())
    finally:
        _touched.reset(token)


def versioned(comment: str | Callable[[dict], str]):
    """Decorate a service function: its saves are one revision by its `by` argument."""

    def decorate(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            text = comment(kwargs) if callable(comment) else str(comment)
            with recorded(user=kwargs.get("by"), comment=text):
                return func(*args, **kwargs)

        return wrapper

    return decorate


def include(*records) -> None:
    """Add records (with the rows they own, as they are now) to the open revision."""
    seen = set()
    for record in records:
        key = (type(record), record.pk)
        if record.pk is None or key in seen:
            continue
        seen.add(key)
        record.refresh_from_db()
        reversion.add_to_revision(record)


def version_every_save(sender, instance, raw=False, **kwargs):
    """post_save receiver: no save of a versioned record or owned row goes unversioned."""
    if raw:
        return
    roots = _versioned_roots(instance)
    if not roots:
        return
    touched = _touched.get()
    if reversion.is_active():
        if touched is not None:
            touched.extend(roots)
        return
    with reversion.create_revision(atomic=False):
        reversion.set_comment(SYSTEM_COMMENT)
        for root in roots:
            reversion.add_to_revision(root)


# Restoring


@dataclass
class RowChange:
    """One owned row as a restore will treat it."""

    label: str  # the kind of row ("ảnh trong bài")
    title: str
    action: str  # "restore", "recreate", "keep", "same"
    fields: list[dict] = field(default_factory=list)

    @property
    def action_label(self) -> str:
        return {
            "restore": _("đưa về như trong phiên bản"),
            "recreate": _("tạo lại (đã bị xoá sau phiên bản này)"),
            "keep": _("giữ nguyên (phiên bản này không có dòng này)"),
            "same": _("không đổi"),
        }[self.action]


@dataclass
class RestorePlan:
    version: Version
    fields: list[dict]
    rows: list[RowChange]

    @property
    def changes_anything(self) -> bool:
        return bool(self.fields) or any(r.action in {"restore", "recreate"} for r in self.rows)


class _Current:
    """The live record in the shape of a version, so that `differences` can compare them."""

    def __init__(self, obj):
        data = serializers.serialize("json", [obj])
        content_type = ContentType.objects.get_for_model(type(obj))
        version = Version(content_type=content_type, format="json", serialized_data=data)
        self.field_dict = version._local_field_dict


def _owned_versions(version: Version):
    """Versions of the rows the record owned, as captured in the same revision."""
    model = version._model
    for accessor in owned_accessors(model):
        relation = model._meta.get_field(accessor)
        child, fk = relation.related_model, relation.field.attname
        label = str(child._meta.verbose_name)
        siblings = version.revision.version_set.get_for_model(child)
        captured = [v for v in siblings if str(v.field_dict.get(fk)) == str(version.object_id)]
        yield accessor, child, fk, label, captured


def plan_restore(version: Version, obj) -> RestorePlan:
    """What restoring `version` onto `obj` will change, owned rows included."""
    from lsunion.revisions import differences

    model = version._model
    rows: list[RowChange] = []
    for accessor, child, _fk, label, captured in _owned_versions(version):
        current = {str(row.pk): row for row in getattr(obj, accessor).all()}
        for row_version in captured:
            live = current.pop(str(row_version.object_id), None)
            if live is None:
                rows.append(RowChange(label, row_version.object_repr, "recreate"))
                continue
            diff = differences(child, _Current(live), row_version)
            rows.append(
                RowChange(label, row_version.object_repr, "restore" if diff else "same", diff)
            )
        rows.extend(RowChange(label, str(row), "keep") for row in current.values())
    return RestorePlan(version, differences(model, _Current(obj), version), rows)


def restore(version: Version, *, user=None) -> list[str]:
    """Put the record and the rows its version knows back; delete nothing. A new version.

    Returns the rows that could not be put back (a newer row took their place).
    """
    failed: list[str] = []
    when = timezone.localtime(version.revision.date_created).strftime("%H:%M %d/%m/%Y")
    comment = _("Khôi phục phiên bản lưu lúc %(when)s") % {"when": when}
    with transaction.atomic(), recorded(user=user, comment=comment):
        version.revert()
        for _accessor, _child, _fk, _label, captured in _owned_versions(version):
            for row_version in captured:
                try:
                    with transaction.atomic():
                        row_version.revert()
                except IntegrityError:
                    failed.append(row_version.object_repr)
        include(version._model._default_manager.get(pk=version.object_id))
    return failed
