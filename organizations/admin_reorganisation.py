"""The admin's “Giải thể, sáp nhập” action: choose the day and the successor, preview what
moves and ends, apply it as one version, and undo it from the list of reorganisations."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminDateWidget, AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from organizations import permissions
from organizations.models import Reorganisation, UnionBody
from organizations.reorganisation import (
    apply_reorganisation,
    plan_reorganisation,
    undo_problems,
    undo_reorganisation,
)


class ReorganiseForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Hình thức"),
        choices=Reorganisation.Kind.choices,
        initial=Reorganisation.Kind.MERGE,
        widget=forms.RadioSelect,
    )
    effective_on = forms.DateField(
        label=gettext_lazy("Ngày có hiệu lực"),
        widget=AdminDateWidget,
        help_text=gettext_lazy(
            "Ngày ghi trong quyết định, đã qua hay sắp tới; trang công khai đổi đúng từ ngày đó."
        ),
    )
    successor = forms.ModelChoiceField(
        label=gettext_lazy("Tổ chức kế thừa, tiếp nhận"),
        queryset=UnionBody.objects.all(),
        required=False,
        widget=AutocompleteSelect(UnionBody._meta.get_field("successor"), admin.site),
        help_text=gettext_lazy(
            "Các tổ chức trực thuộc chuyển về đây. Để trống khi giải thể: chúng chuyển về tổ chức "
            "cấp trên."
        ),
    )
    note = forms.CharField(
        label=gettext_lazy("Căn cứ, ghi chú"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=gettext_lazy("Ví dụ: số quyết định; hiện trong lịch sử của các tổ chức."),
    )


class ReorganiseAdminMixin:
    """For UnionBodyAdmin: the action on selected bodies, and the button on a body's page."""

    reorganise_template = "admin/organizations/unionbody/reorganise.html"

    @admin.action(
        description=gettext_lazy("Giải thể, sáp nhập các tổ chức đã chọn…"), permissions=["change"]
    )
    def reorganise(self, request, queryset):
        return self._reorganise(request, list(queryset.order_by("name")), from_action=True)

    def get_urls(self):
        view = self.admin_site.admin_view(never_cache(self.reorganise_one_view))
        return [
            path("<id:pk>/giai-the-sap-nhap/", view, name="organizations_unionbody_reorganise"),
            *super().get_urls(),
        ]

    def reorganise_one_view(self, request, pk):
        body = self.get_object(request, str(pk))
        if body is None:
            raise PermissionDenied
        done = self._reorganise(request, [body], from_action=False)
        return done or redirect("admin:organizations_unionbody_change", body.pk)

    def _reorganise(self, request, bodies, *, from_action: bool):
        if not all(permissions.may(request.user, "change", body) for body in bodies):
            raise PermissionDenied
        step = "reorganise_step" in request.POST
        form = ReorganiseForm(request.POST if step else None)
        plan = None
        if step and form.is_valid():
            data = form.cleaned_data
            successor = data["successor"]
            plan = plan_reorganisation(
                bodies=bodies, on=data["effective_on"], successor=successor,
                kind=data["kind"], note=data["note"],
            )  # fmt: skip
            if successor is not None and not permissions.may(request.user, "change", successor):
                plan.errors.append(
                    _("Bạn không có quyền với tổ chức tiếp nhận %(body)s.") % {"body": successor}
                )
            if "apply" in request.POST and plan.ok:
                done = apply_reorganisation(plan=plan, by=request.user)
                url = reverse("admin:organizations_reorganisation_change", args=[done.pk])
                self.message_user(
                    request,
                    format_html(
                        '{} <a href="{}">{}</a>',
                        _("Đã ghi: %(what)s.") % {"what": plan.comment},
                        url,
                        _("Xem lại hoặc hoàn tác"),
                    ),
                    messages.SUCCESS,
                )
                return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Giải thể, sáp nhập tổ chức công đoàn"),
            "opts": self.model._meta,
            "bodies": bodies,
            "form": form,
            "plan": plan,
            "from_action": from_action,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, self.reorganise_template, context)


@admin.register(Reorganisation)
class ReorganisationAdmin(admin.ModelAdmin):
    """What each reorganisation changed, and the button that puts it back."""

    list_display = ["__str__", "bodies_display", "successor", "applied_by", "applied_at", "undone"]
    list_select_related = ["successor", "applied_by"]
    list_filter = ["kind", "effective_on"]
    readonly_fields = [
        "kind", "effective_on", "bodies_display", "successor", "note", "changes_display",
        "applied_by", "applied_at", "undone_by", "undone_at",
    ]  # fmt: skip
    fields = readonly_fields
    change_form_template = "admin/organizations/reorganisation/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("bodies")

    def has_add_permission(self, request):
        return False  # made by the action on union bodies

    def has_change_permission(self, request, obj=None):
        return False  # a record of what was done: read, and undone with its own button

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("organizations.view_unionbody") or request.user.has_perm(
            "organizations.change_unionbody"
        )

    def has_delete_permission(self, request, obj=None):
        return False  # the record is what makes an undo possible

    @admin.display(description=gettext_lazy("tổ chức kết thúc"))
    def bodies_display(self, obj):
        return ", ".join(body.name for body in obj.bodies.all())

    @admin.display(description=gettext_lazy("đã hoàn tác"), boolean=True)
    def undone(self, obj):
        return obj.is_undone

    @admin.display(description=gettext_lazy("những gì đã thay đổi"))
    def changes_display(self, obj):
        changes = obj.changes or {}
        moved = UnionBody.objects.in_bulk(
            [m["child"] for m in changes.get("moves", [])]
            + [m["old_parent"] for m in changes.get("moves", [])]
            + [m["new_parent"] for m in changes.get("moves", [])]
        )
        lines = [
            _("%(child)s: từ %(old)s chuyển về %(new)s")
            % {
                "child": moved.get(m["child"], m["child"]),
                "old": moved.get(m["old_parent"], m["old_parent"]),
                "new": moved.get(m["new_parent"], m["new_parent"]),
            }
            for m in changes.get("moves", [])
        ]
        lines.append(
            _("%(count)s chức vụ kết thúc.") % {"count": len(changes.get("positions", []))}
        )
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((line,) for line in lines))
        )

    def get_urls(self):
        view = self.admin_site.admin_view(self.undo_view)
        return [
            path("<id:pk>/hoan-tac/", view, name="organizations_reorganisation_undo"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        extra = {
            "undo_problems": undo_problems(obj) if obj else [],
            "may_undo": obj is not None and self._may_undo(request, obj),
        }
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def _may_undo(self, request, obj) -> bool:
        bodies = list(obj.bodies.all())
        return bool(bodies) and all(permissions.may(request.user, "change", b) for b in bodies)

    def undo_view(self, request, pk):
        obj = get_object_or_404(Reorganisation, pk=pk)
        if request.method != "POST" or not self._may_undo(request, obj):
            raise PermissionDenied
        problems = undo_reorganisation(reorganisation=obj, by=request.user)
        if problems:
            for problem in problems:
                self.message_user(request, problem, messages.ERROR)
        else:
            self.message_user(
                request, _("Đã hoàn tác: %(what)s.") % {"what": obj}, messages.SUCCESS
            )
        return redirect("admin:organizations_reorganisation_change", obj.pk)
