"""Revisions (django-reversion): every save of a versioned model keeps a version.

Admin saves are versioned by VersionAdmin with the staff member as author; any other save
(imports, management commands, the shell) is captured here with no author. The admin
mixin adds a comparison of two versions to the history page; restoring uses reversion's
revert view, and is itself saved as a new version.
"""

import difflib
import html
import re
from datetime import datetime

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ForeignKey, ManyToManyField
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion.models import Version

from lsunion import versioning
from lsunion.admin_conflicts import ConflictGuardAdminMixin


def _plain(value) -> str:
    text = "" if value is None else str(value)
    text = re.sub(r"<(br|/p|/li|/h\d|/tr|/figure)\b[^>]*>", "\n", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def _display(field, value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(field, ForeignKey):
        target = field.related_model._default_manager.filter(pk=value).first()
        return str(target) if target else f"#{value} ({_('đã xoá')})"
    if isinstance(field, ManyToManyField):
        targets = field.related_model._default_manager.filter(pk__in=list(value))
        return ", ".join(str(t) for t in targets) or "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value).strftime("%H:%M %d/%m/%Y")
    return _plain(value)


def differences(model, older: Version, newer: Version) -> list[dict]:
    """Field by field, what changed between two versions of one object."""
    a, b = older.field_dict, newer.field_dict
    rows = []
    for field in model._meta.get_fields():
        name = getattr(field, "attname", None)
        if (
            name is None
            or (name not in a and name not in b)
            or not getattr(field, "editable", True)
        ):
            continue
        before, after = _display(field, a.get(name)), _display(field, b.get(name))
        if before == after:
            continue
        row = {"label": str(field.verbose_name), "before": before, "after": after, "diff": None}
        if "\n" in before or "\n" in after or len(before) > 200 or len(after) > 200:
            row["diff"] = list(
                difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=1)
            )[2:]
        rows.append(row)
    return rows


class RevisionsAdminMixin(ConflictGuardAdminMixin):
    """History with a comparison of any two versions; Vietnamese templates for restoring."""

    object_history_template = "admin/revisions/object_history.html"
    revision_form_template = "admin/revisions/revision_form.html"
    recover_form_template = "admin/revisions/revision_form.html"

    def history_view(self, request, object_id, extra_context=None):
        versions = list(
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision", "revision__user")
            .order_by("-revision__date_created", "-pk")
        )
        opts = self.model._meta
        context = {
            "versions": [
                {
                    "version": version,
                    "revert_url": reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_revision",
                        args=[quote(version.object_id), version.pk],
                    ),
                }
                for version in versions
            ],
            "compare_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_compare", args=[quote(object_id)]
            ),
        }
        context.update(extra_context or {})
        return super().history_view(request, object_id, context)

    def get_urls(self):
        opts = self.model._meta
        compare = self.admin_site.admin_view(self.compare_view)
        return [
            path(
                "<path:object_id>/lich-su/so-sanh/",
                compare,
                name=f"{opts.app_label}_{opts.model_name}_compare",
            ),
            *super().get_urls(),
        ]

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore a version: first what will change (owned rows too), then, on confirming,
        the restore itself as a new version that deletes nothing."""
        try:
            obj = self.get_object(request, unquote(object_id))
        except (ValidationError, ValueError):
            obj = None
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = Version.objects.get_for_object(obj).filter(pk=version_id).first()
        if version is None:
            raise Http404
        opts = self.model._meta
        if request.method == "POST":
            failed = versioning.restore(version, user=request.user)
            self.message_user(request, _("Đã khôi phục phiên bản. Việc khôi phục được lưu thành "
                                         "một phiên bản mới, có thể hoàn tác từ trang lịch sử."),
                              messages.SUCCESS)  # fmt: skip
            if failed:
                self.message_user(
                    request,
                    _("Không tạo lại được (một dòng mới hơn đã thế chỗ): %(rows)s")
                    % {"rows": "; ".join(failed)},
                    messages.WARNING,
                )
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)])
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "object": obj,
            "title": _("Khôi phục phiên bản: %(object)s") % {"object": obj},
            "plan": versioning.plan_restore(version, obj),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/revisions/restore.html", context)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision")
        try:
            first = versions.get(pk=int(request.GET.get("a", "")))
            second = versions.get(pk=int(request.GET.get("b", "")))
        except (ValueError, Version.DoesNotExist):
            raise Http404 from None
        older, newer = sorted([first, second], key=lambda v: (v.revision.date_created, v.pk))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "title": _("So sánh hai phiên bản: %(object)s") % {"object": obj},
            "older": older,
            "newer": newer,
            "rows": differences(self.model, older, newer),
        }
        return TemplateResponse(request, "admin/revisions/compare.html", context)
