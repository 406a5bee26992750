from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from reversion.admin import VersionAdmin

from documents import cited, numbers, services
from documents.admin_import import import_view
from documents.models import Document, DocumentKind, Field, Issuer
from lsunion.admin_stamps import StampedAdminMixin
from lsunion.revisions import RevisionsAdminMixin
from organizations import permissions
from organizations.admin_scope import ScopedAdminMixin
from organizations.models import StaffScope, UnionBody


@admin.register(DocumentKind)
class DocumentKindAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "display_order"]
    list_editable = ["display_order"]
    search_fields = ["name", "code"]
    fields = ["name", "code", "slug", "display_order"]


@admin.register(Issuer)
class IssuerAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "body", "display_order"]
    list_editable = ["display_order"]
    list_select_related = ["body"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["body"]
    fields = ["name", "code", "body", "slug", "display_order"]


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ["name", "display_order"]
    list_editable = ["display_order"]
    search_fields = ["name"]


@admin.register(Document)
class DocumentAdmin(StampedAdminMixin, ScopedAdminMixin, RevisionsAdminMixin, VersionAdmin):
    change_list_template = "documents/admin/change_list.html"
    list_display = ["symbol", "kind", "summary_short", "issuer", "issued_on", "state",
                    "is_published"]  # fmt: skip
    list_display_links = ["symbol"]
    list_filter = ["kind", "issuer", "field", "state", "is_published", "year"]
    list_select_related = ["kind", "issuer"]
    search_fields = ["symbol", "summary", "signer", "issuer__name"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["kind", "issuer", "field", "owner", "replaces", "amends"]
    readonly_fields = ["number", "kind_code", "issuer_code", "text_read"]
    fieldsets = [
        (None, {"fields": ["symbol", "kind", "issuer", "issued_on", "effective_on", "signer",
                           "summary", "field", "owner"]}),
        (_("Tệp"), {"fields": ["file", "text_read"]}),
        (_("Hiệu lực"), {"fields": ["state", "replaces", "amends"]}),
        (_("Công khai"), {"fields": ["is_published", "slug"]}),
        (_("Đọc từ số, ký hiệu"), {"fields": ["number", "kind_code", "issuer_code"],
                                   "classes": ["collapse"]}),
    ]  # fmt: skip

    @admin.display(description=_("trích yếu"))
    def summary_short(self, obj):
        return obj.summary[:90] + ("…" if len(obj.summary) > 90 else "")

    @admin.display(description=_("nội dung đã đọc từ tệp"))
    def text_read(self, obj):
        if not obj.pk or not obj.file:
            return _("Chưa có tệp.")
        if obj.text_source != obj.file.name:
            return _("Đang đọc nội dung tệp…")
        if not obj.pdf_text.strip():
            return _("Không đọc được chữ trong tệp (bản quét ảnh hoặc tệp Word).")
        return _("%(count)s ký tự, đã đưa vào tìm kiếm.") % {"count": len(obj.pdf_text)}

    def get_changeform_initial_data(self, request):
        """From the missing list: "Chỉ thị số 02-NQ/TW" gives the symbol and the kind."""
        initial = super().get_changeform_initial_data(request)
        if "owner" not in initial:
            # The body the staff member works for (the province for those acting everywhere).
            mine = StaffScope.objects.filter(user=request.user).values("bodies")
            bodies = UnionBody.objects.filter(pk__in=mine)
            if permissions.scope_ids(request.user) is None:
                bodies = UnionBody.objects.filter(parent__isnull=True)
            owner = bodies.order_by("pk").first()
            if owner is not None:
                initial["owner"] = owner.pk
        ref = numbers.parse(str(initial.get("symbol", "")))
        if ref is not None and ref.key:
            initial["symbol"] = ref.symbol
            code = ref.kind_code or ref.word_code
            kind = next((k for k in DocumentKind.objects.exclude(code="")
                         if numbers.code_key(k.code) == code), None)  # fmt: skip
            if kind is not None:
                initial["kind"] = kind.pk
            if ref.issued_on:
                initial["issued_on"] = ref.issued_on
        return initial

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.apply_links(document=form.instance)

    def get_urls(self):
        view = self.admin_site.admin_view(never_cache(self.missing_view))
        batch = self.admin_site.admin_view(never_cache(lambda r: import_view(self, r)))
        return [
            path("trich-dan-chua-co/", view, name="documents_document_missing"),
            path("nhap-lo/", batch, name="documents_document_import"),
            *super().get_urls(),
        ]

    def missing_view(self, request):
        """Văn bản được trích dẫn nhưng chưa có: most cited first, to know what to upload."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = list(cited.missing()[:200])
        return TemplateResponse(
            request,
            "documents/admin/missing.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("Văn bản được trích dẫn nhưng chưa có"),
                "rows": rows,
                "may_add": self.has_add_permission(request),
            },
        )
