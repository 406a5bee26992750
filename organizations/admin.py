from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from organizations.models import UnionBody


class CurrentOrDissolvedFilter(admin.SimpleListFilter):
    title = _("tình trạng")
    parameter_name = "tinh_trang"

    def lookups(self, request, model_admin):
        return [("current", _("Đang hoạt động")), ("dissolved", _("Đã giải thể, sáp nhập"))]

    def queryset(self, request, queryset):
        if self.value() == "current":
            return queryset.current()
        if self.value() == "dissolved":
            return queryset.dissolved()
        return queryset


@admin.register(UnionBody)
class UnionBodyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "parent", "founded_on", "dissolved_on"]
    list_filter = ["kind", CurrentOrDissolvedFilter]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name", "aliases"]
    autocomplete_fields = ["parent", "successor"]
