from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from reversion.models import Revision, Version

from lsunion import admin_mail  # noqa: F401 - registers Thư gửi đi
from lsunion.models import Abbreviation


@admin.register(Abbreviation)
class AbbreviationAdmin(admin.ModelAdmin):
    list_display = ["short", "expansion", "is_active"]
    list_editable = ["is_active"]
    search_fields = ["short", "expansion"]


class RevisionVersionInline(admin.TabularInline):
    model = Version
    fields = ["content_type", "object_repr"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("đối tượng được lưu")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    """The audit list: who changed what and when (administrators)."""

    list_display = ["date_created", "user", "comment", "objects"]
    list_filter = ["user", "date_created"]
    list_select_related = ["user"]
    search_fields = ["comment", "user__username", "version__object_repr"]
    date_hierarchy = "date_created"
    inlines = [RevisionVersionInline]
    readonly_fields = ["date_created", "user", "comment"]
    fields = readonly_fields

    @admin.display(description=_("đối tượng"))
    def objects(self, revision):
        return ", ".join(v.object_repr for v in revision.version_set.all()[:5])

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("version_set")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
