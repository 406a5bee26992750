from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from reversion.admin import VersionAdmin

from awards import exporting
from awards.admin_import import import_view
from awards.models import AwardForm, AwardTitle, Decision, Movement, Recipient
from lsunion.admin_stamps import StampedAdminMixin
from lsunion.revisions import RevisionsAdminMixin
from organizations import permissions
from organizations.admin_scope import ScopedAdminMixin, ScopedInlineMixin

# Above this many recipients the decision page links to the paginated recipient list
# instead of an inline of hundreds of rows.
INLINE_LIMIT = 60


@admin.register(AwardForm)
class AwardFormAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "display_order"]
    list_editable = ["display_order"]
    list_filter = ["level"]
    search_fields = ["name"]
    fields = ["name", "level", "slug", "description", "display_order"]


@admin.register(AwardTitle)
class AwardTitleAdmin(admin.ModelAdmin):
    list_display = ["name", "applies_to", "level", "display_order"]
    list_editable = ["display_order"]
    list_filter = ["applies_to", "level"]
    search_fields = ["name"]


@admin.register(Movement)
class MovementAdmin(admin.ModelAdmin):
    list_display = ["name", "period", "launched_by"]
    list_select_related = ["launched_by"]
    search_fields = ["name"]
    autocomplete_fields = ["launched_by"]


class RecipientInline(ScopedInlineMixin, admin.TabularInline):
    model = Recipient
    extra = 0
    autocomplete_fields = ["body", "unit_body"]
    fields = [
        "order",
        "kind",
        "full_name",
        "position",
        "collective_name",
        "body",
        "unit",
        "unit_body",
        "achievement",
        "prize_amount",
        "verification_code",
    ]
    readonly_fields = ["verification_code"]
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})},
    }


class ExportActions:
    """Exports shared by the decision and recipient lists: of the selected rows (actions) or
    of the whole filtered list (the links above the list)."""

    export_kinds: tuple[str, ...] = ("recipients",)

    def _recipients(self, queryset):
        raise NotImplementedError

    @admin.action(description=_("Xuất danh sách khen thưởng ra Excel (.xlsx)"))
    def export_recipients_xlsx(self, request, queryset):
        return exporting.export_recipients(self._recipients(queryset), "xlsx")

    @admin.action(description=_("Xuất danh sách khen thưởng ra CSV"))
    def export_recipients_csv(self, request, queryset):
        return exporting.export_recipients(self._recipients(queryset), "csv")

    def export_filtered(self, request, what, fmt):
        """The whole filtered changelist (every page), as the staff member sees it."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        if what not in self.export_kinds or fmt not in ("xlsx", "csv"):
            return HttpResponseBadRequest()
        try:
            queryset = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            return HttpResponseBadRequest(_("Bộ lọc không hợp lệ."))
        if what == "recipients":
            return exporting.export_recipients(self._recipients(queryset), fmt)
        return exporting.export_decisions(queryset, fmt)

    def export_urls(self):
        view = self.admin_site.admin_view(never_cache(self.export_filtered))
        name = f"{self.opts.app_label}_{self.opts.model_name}_export"
        return [path("xuat/<slug:what>/<slug:fmt>/", view, name=name)]


@admin.register(Decision)
class DecisionAdmin(
    ExportActions, StampedAdminMixin, ScopedAdminMixin, RevisionsAdminMixin, VersionAdmin
):
    export_kinds = ("decisions", "recipients")
    change_form_template = "awards/admin/decision_change_form.html"
    change_list_template = "awards/admin/change_list.html"
    list_display = [
        "reference_display",
        "issued_on",
        "issuing_body",
        "award_display",
        "recipient_count",
        "status_display",
        "is_published",
    ]
    list_filter = [
        "year",
        "form",
        "title",
        ("issuing_body", admin.RelatedOnlyFieldListFilter),
        "status",
        "is_published",
    ]
    list_select_related = ["issuing_body", "form", "title"]
    search_fields = ["number", "code", "reason", "signer_name", "issuing_body__name"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["issuing_body", "form", "title", "movement", "meeting", "revoked_by"]
    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by"]
    actions = [
        "export_recipients_xlsx",
        "export_recipients_csv",
        "export_decisions_xlsx",
        "export_decisions_csv",
    ]
    fieldsets = [
        (None, {"fields": [("number", "code"), "issued_on", "issuing_body", "is_published"]}),
        (
            _("Người ký"),
            {"fields": ["signing_capacity", "signing_for", "signer_position", "signer_name"]},
        ),
        (
            _("Nội dung khen thưởng"),
            {"fields": ["form", "title", "movement", "period", "reason", "legal_basis"]},
        ),
        (_("Văn bản và hội nghị trao"), {"fields": ["scan", "meeting", "note"]}),
        (
            _("Thu hồi"),
            {
                "classes": ["collapse"],
                "description": _(
                    "Quyết định bị thu hồi vẫn hiện trên cổng thông tin, có ghi rõ quyết định "
                    "thu hồi."
                ),
                "fields": [
                    "status",
                    "revoked_on",
                    "revoked_by",
                    "revoked_by_reference",
                    "revocation_reason",
                ],
            },
        ),
        (
            _("Theo dõi"),
            {
                "classes": ["collapse"],
                "fields": ["created_at", "created_by", "updated_at", "updated_by"],
            },
        ),
    ]

    def _recipients(self, queryset):
        return Recipient.objects.filter(decision__in=queryset.values("pk"))

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(number_of_recipients=Count("recipients"))

    @admin.display(description=_("số hiệu"), ordering="number")
    def reference_display(self, decision):
        return decision.reference

    @admin.display(description=_("khen thưởng"))
    def award_display(self, decision):
        return decision.award_name

    @admin.display(description=_("số được khen"), ordering="number_of_recipients")
    def recipient_count(self, decision):
        url = reverse("admin:awards_recipient_changelist") + f"?decision__id__exact={decision.pk}"
        return format_html('<a href="{}">{}</a>', url, decision.number_of_recipients)

    @admin.display(description=_("tình trạng"), ordering="status")
    def status_display(self, decision):
        return decision.get_status_display()

    @admin.action(description=_("Xuất các quyết định đã chọn ra Excel (.xlsx)"))
    def export_decisions_xlsx(self, request, queryset):
        return exporting.export_decisions(queryset, "xlsx")

    @admin.action(description=_("Xuất các quyết định đã chọn ra CSV"))
    def export_decisions_csv(self, request, queryset):
        return exporting.export_decisions(queryset, "csv")

    def get_inlines(self, request, obj):
        if obj is not None and obj.recipients.count() > INLINE_LIMIT:
            return []
        return [RecipientInline]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        decision = self.get_object(request, object_id)
        if decision is not None:
            count = decision.recipients.count()
            extra_context.update(
                recipient_total=count,
                recipients_url=reverse("admin:awards_recipient_changelist")
                + f"?decision__id__exact={decision.pk}",
                inline_hidden=count > INLINE_LIMIT,
                may_import=request.user.has_perm("awards.add_recipient"),
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not permissions.may(request.user, "publish", obj, model=Decision):
            fields.append("is_published")  # making a decision public is for who may publish
        return fields

    def get_urls(self):
        importing = self.admin_site.admin_view(never_cache(self.import_recipients_view))
        return [
            path("<id:pk>/nhap-danh-sach/", importing, name="awards_decision_import"),
            *self.export_urls(),
            *super().get_urls(),
        ]

    def import_recipients_view(self, request, pk):
        decision = get_object_or_404(Decision.objects.select_related("issuing_body"), pk=pk)
        if not (
            request.user.has_perm("awards.add_recipient")
            and request.user.has_perm("awards.change_recipient")
            and self.has_change_permission(request, decision)
        ):
            raise PermissionDenied
        done = import_view(request, decision, self.admin_site.each_context(request))
        if done is True:
            messages.success(
                request, _("Đã nhập danh sách vào %(decision)s.") % {"decision": decision}
            )
            return redirect("admin:awards_decision_change", decision.pk)
        return done


@admin.register(Recipient)
class RecipientAdmin(ExportActions, ScopedAdminMixin, admin.ModelAdmin):
    change_list_template = "awards/admin/change_list.html"
    list_display = ["name_display", "kind", "position", "unit", "decision", "verification_code"]
    list_filter = [
        "kind",
        "decision__year",
        "decision__form",
        ("decision__issuing_body", admin.RelatedOnlyFieldListFilter),
        "decision__status",
    ]
    list_select_related = ["decision", "body"]
    list_per_page = 100
    search_fields = [
        "full_name",
        "collective_name",
        "unit",
        "position",
        "verification_code",
        "decision__number",
    ]
    autocomplete_fields = ["decision", "body", "unit_body"]
    readonly_fields = ["verification_code"]
    actions = ["export_recipients_xlsx", "export_recipients_csv"]
    fields = [
        "decision",
        "order",
        "kind",
        "full_name",
        "position",
        "collective_name",
        "body",
        "unit",
        "unit_body",
        "achievement",
        "prize_amount",
        "verification_code",
    ]

    def _recipients(self, queryset):
        return queryset

    @admin.display(description=_("tên"), ordering="full_name")
    def name_display(self, recipient):
        return recipient.name

    def get_urls(self):
        return [*self.export_urls(), *super().get_urls()]
