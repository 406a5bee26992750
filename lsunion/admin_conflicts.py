"""Two people edit the same record: the second save must not silently undo the first.

Each change form carries a version token (the latest version of the record when the form was
opened). On saving, the record's row is locked and the token compared with the latest version:
if someone saved in between, the form comes back with the editor's own text untouched, a
Vietnamese message saying who changed what, and the new token, so that saving again is a
deliberate choice.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from reversion.models import Version

VERSION_FIELD = "version_token"


def current_token(obj) -> str:
    latest = Version.objects.get_for_object(obj).order_by("-pk").values_list("pk", flat=True)
    return str(latest.first() or "")


def excerpts(before: str, after: str, room: int = 60) -> tuple[str, str]:
    """The part of two long texts that differs, with a little context on each side."""
    context = 20
    if max(len(before), len(after)) <= room + 2 * context:
        return before, after
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while (
        end < min(len(before), len(after)) - start
        and before[len(before) - 1 - end] == after[len(after) - 1 - end]
    ):
        end += 1
    head = max(0, start - context)

    def cut(text: str) -> str:
        middle = text[head : len(text) - max(0, end - context)]
        middle = Truncator(middle).chars(room + 2 * context)
        return ("…" if head else "") + middle + ("…" if end > context else "")

    return cut(before), cut(after)


def conflict_message(obj, opened: str):
    """Who saved the record since the version `opened`, and what they changed."""
    from lsunion.revisions import differences

    versions = Version.objects.get_for_object(obj).select_related("revision__user")
    latest = versions.order_by("-pk").first()
    start = versions.filter(pk=opened).first() if opened.isdigit() else None
    savers = {
        v.revision.user.get_username() if v.revision.user else _("chương trình")
        for v in versions.filter(pk__gt=int(opened) if opened.isdigit() else 0)
    }
    when = timezone.localtime(latest.revision.date_created).strftime("%H:%M %d/%m/%Y")
    rows = differences(type(obj), start, latest) if start else []
    changes = format_html_join(
        "",
        "<li>{}: “{}” → “{}”</li>",
        ((str(row["label"]).capitalize(), *excerpts(row["before"], row["after"])) for row in rows),
    )
    return format_html(
        "{}<ul>{}</ul>{}",
        _(
            "Trong lúc bạn sửa, %(who)s đã lưu bản ghi này (lần lưu gần nhất lúc %(when)s). "
            "Bản của bạn CHƯA được lưu. Những gì người kia đã thay đổi:"
        )
        % {"who": ", ".join(sorted(savers)) or _("người khác"), "when": when},
        changes or format_html("<li>{}</li>", _("các dòng đi kèm (ảnh, danh sách…)")),
        _(
            "Nội dung bạn vừa nhập vẫn còn nguyên trong biểu mẫu dưới đây. Hãy đối chiếu, "
            "rồi bấm Lưu lần nữa nếu muốn bản của bạn thay thế bản vừa được lưu."
        ),
    )


class VersionTokenField(forms.CharField):
    """Hidden; says which version the form was opened on, and is never itself a change."""

    widget = forms.HiddenInput

    def has_changed(self, initial, data):
        return False


class ConflictGuardAdminMixin:
    """A version token in every change form; a stale one is refused with what changed."""

    def get_object(self, request, object_id, from_field=None):
        if request.method == "POST" and not transaction.get_autocommit():
            # Lock the row before reading it, so that two saves cannot both pass the check.
            try:
                pk = self.model._meta.pk.to_python(object_id)
                self.model._base_manager.select_for_update().filter(pk=pk).exists()
            except ValidationError:
                pass
        return super().get_object(request, object_id, from_field)

    def get_form(self, request, obj=None, **kwargs):
        if obj is None or obj.pk is None:
            return super().get_form(request, obj, **kwargs)
        token = current_token(obj)
        base = kwargs.pop("form", self.form)

        class GuardedForm(base):
            version_token = VersionTokenField(required=False, label=_("phiên bản đang sửa"))

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields[VERSION_FIELD].initial = token

            def clean(self):
                cleaned = super().clean()
                if VERSION_FIELD not in self.data:
                    return cleaned  # a script posting without the form: no token to check
                opened = self.data.get(VERSION_FIELD, "")
                if opened != token:
                    self.data = self.data.copy()
                    self.data[VERSION_FIELD] = token  # saving again is now a deliberate choice
                    raise ValidationError(conflict_message(obj, opened), code="conflict")
                return cleaned

        GuardedForm.__name__ = base.__name__
        return super().get_form(request, obj, form=GuardedForm, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or any(VERSION_FIELD in opts.get("fields", ()) for _n, opts in fieldsets):
            return fieldsets
        (name, opts), *rest = fieldsets
        return [(name, {**opts, "fields": [*opts["fields"], VERSION_FIELD]}), *rest]
