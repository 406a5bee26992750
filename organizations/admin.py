from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from lsunion.revisions import RevisionsAdminMixin
from organizations import services
from organizations.admin_forms import UnionBodyAdminForm
from organizations.admin_reorganisation import ReorganiseAdminMixin
from organizations.admin_scope import ScopedAdminMixin, ScopedInlineMixin, restrict_autocomplete
from organizations.models import (
    BodyAffiliation,
    EmulationBlock,
    Meeting,
    MeetingAttendee,
    MeetingDocument,
    MemberFigure,
    Person,
    Position,
    StaffScope,
    Term,
    UnionBody,
)


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


class MemberFigureInline(ScopedInlineMixin, admin.TabularInline):
    model = MemberFigure
    extra = 0
    fields = [
        "year",
        "members",
        "women_members",
        "grassroots_unions",
        "new_members",
        "new_unions",
        "note",
    ]


class BodyAffiliationInline(admin.TabularInline):
    model = BodyAffiliation
    fk_name = "body"
    extra = 0
    autocomplete_fields = ["parent"]
    fields = ["parent", "starts_on", "ends_on", "note"]
    verbose_name_plural = _("lịch sử trực thuộc (tự ghi khi đổi đơn vị trực thuộc)")


@admin.register(UnionBody)
class UnionBodyAdmin(ReorganiseAdminMixin, ScopedAdminMixin, RevisionsAdminMixin, VersionAdmin):
    form = UnionBodyAdminForm
    actions = ["reorganise"]
    list_display = ["name", "short_name", "kind", "parent", "founded_on", "dissolved_on"]
    list_filter = ["kind", CurrentOrDissolvedFilter]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name", "aliases", "slug"]
    autocomplete_fields = ["parent", "successor"]
    inlines = [MemberFigureInline, BodyAffiliationInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "short_name",
                    "aliases",
                    "slug",
                    "kind",
                    "parent",
                    "parent_changed_on",
                    "display_order",
                ]
            },
        ),
        (_("Liên hệ"), {"fields": ["address", "phone", "email", "website", "logo"]}),
        (_("Giới thiệu"), {"fields": ["description"]}),
        (
            _("Lịch sử"),
            {"fields": ["founded_on", "dissolved_on", "successor", "history_note"]},
        ),
    ]

    def get_queryset(self, request):
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "autocomplete":
            # Any body may be mentioned; owner fields are narrowed in get_search_results.
            return super(ScopedAdminMixin, self).get_queryset(request)
        return super().get_queryset(request)

    def get_search_results(self, request, queryset, search_term):
        queryset = restrict_autocomplete(request, queryset)
        return super().get_search_results(request, queryset, search_term)

    def save_model(self, request, obj, form, change):
        if change and "parent" in form.changed_data:
            # Keep the old link in the history instead of rewriting the past.
            new_parent = obj.parent
            obj.parent_id = form.initial.get("parent")
            super().save_model(request, obj, form, change)
            services.move_body(
                body=obj, new_parent=new_parent, on=form.cleaned_data["parent_changed_on"]
            )
            return
        super().save_model(request, obj, form, change)


class PositionInline(ScopedInlineMixin, admin.TabularInline):
    model = Position
    extra = 0
    fk_name = "person"
    autocomplete_fields = ["body", "term", "elected_at"]
    fields = [
        "body",
        "organ",
        "department",
        "title",
        "title_text",
        "term",
        "starts_on",
        "ends_on",
        "how",
        "elected_at",
    ]


@admin.register(Person)
class PersonAdmin(ScopedAdminMixin, admin.ModelAdmin):
    """People are changed by the staff of the bodies where they hold positions; anyone may
    pick any person (an attendee, a chair, a mention) in an autocomplete."""

    list_display = ["full_name", "slug"]
    search_fields = ["full_name", "search_text"]
    inlines = [PositionInline]
    fields = ["full_name", "slug", "photo", "note"]

    def get_queryset(self, request):
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "autocomplete":
            return super(ScopedAdminMixin, self).get_queryset(request)
        return super().get_queryset(request)


@admin.register(Term)
class TermAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["body", "congress_number", "starts_year", "ends_year"]
    list_filter = ["starts_year"]
    list_select_related = ["body"]
    search_fields = ["body__name", "body__short_name", "congress_number"]
    autocomplete_fields = ["body"]


@admin.register(Position)
class PositionAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["person", "display_title", "body", "term", "starts_on", "ends_on", "how"]
    list_filter = ["organ", "title", "how"]
    list_select_related = ["person", "body", "term"]
    search_fields = ["person__full_name", "body__name", "body__short_name"]
    autocomplete_fields = ["person", "body", "term", "elected_at"]


@admin.register(EmulationBlock)
class EmulationBlockAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "year", "organiser", "leader"]
    list_filter = ["kind", "year"]
    list_select_related = ["organiser", "leader"]
    search_fields = ["name"]
    autocomplete_fields = ["organiser", "leader", "members"]


class AttendeeInline(admin.TabularInline):
    model = MeetingAttendee
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "guest_name", "position_then", "order"]


class DocumentInline(admin.TabularInline):
    model = MeetingDocument
    extra = 0
    fields = ["title", "file", "order"]


class ElectedPositionInline(ScopedInlineMixin, admin.TabularInline):
    model = Position
    fk_name = "elected_at"
    extra = 0
    autocomplete_fields = ["person", "term"]
    fields = ["person", "organ", "department", "title", "term", "how"]
    verbose_name = _("người được bầu")
    verbose_name_plural = _("bầu cử tại hội nghị (ghi chức vụ cho đơn vị tổ chức, từ ngày họp)")


@admin.register(Meeting)
class MeetingAdmin(ScopedAdminMixin, RevisionsAdminMixin, VersionAdmin):
    list_display = ["title", "kind", "organiser", "starts_at", "place"]
    list_filter = ["kind", "starts_at"]
    list_select_related = ["organiser"]
    search_fields = ["title", "place", "organiser__name", "organiser__short_name"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["organiser", "term", "emulation_block", "chaired_by"]
    inlines = [AttendeeInline, ElectedPositionInline, DocumentInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "kind",
                    "session_number",
                    "title",
                    "slug",
                    "organiser",
                    "term",
                    "emulation_block",
                ]
            },
        ),
        (_("Thời gian, địa điểm"), {"fields": ["starts_at", "ends_at", "place"]}),
        (_("Chủ trì"), {"fields": ["chaired_by", "chair_title"]}),
        (_("Nội dung"), {"fields": ["summary", "outcomes"]}),
    ]

    def save_formset(self, request, form, formset, change):
        if formset.model is Position:
            positions = formset.save(commit=False)
            for position in positions:
                services.complete_elected_position(position=position, meeting=form.instance)
                position.save()
            for removed in formset.deleted_objects:
                removed.delete()
            formset.save_m2m()
            return
        super().save_formset(request, form, formset, change)


class StaffScopeInline(admin.StackedInline):
    model = StaffScope
    can_delete = False
    autocomplete_fields = ["bodies"]
    verbose_name_plural = _("phạm vi làm việc (tổ chức và các tổ chức trực thuộc)")


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Staff accounts with their role (group) and the union bodies they work for."""

    inlines = [*UserAdmin.inlines, StaffScopeInline]
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "roles"]
    list_filter = [
        *UserAdmin.list_filter,
        ("staff_scope__bodies", admin.RelatedOnlyFieldListFilter),
    ]

    @admin.display(description=_("vai trò"))
    def roles(self, user):
        return ", ".join(group.name for group in user.groups.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")
