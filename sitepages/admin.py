import threading

from django.contrib import admin
from django.db.models import Case, F, Value, When
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from lsunion import menu as registry
from lsunion.revisions import RevisionsAdminMixin
from sitepages.forms import MenuItemForm
from sitepages.models import MenuItem, Page


@admin.register(Page)
class PageAdmin(RevisionsAdminMixin, VersionAdmin):
    """Giới thiệu, Liên hệ, Sơ đồ cổng thông tin and other pages (the chief editor's)."""

    list_display = ["title", "address", "updated_at"]
    search_fields = ["title", "summary"]
    fields = ["title", "slug", "summary", "body"]

    @admin.display(description=_("địa chỉ trên cổng"))
    def address(self, page):
        url = page.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)

    def get_readonly_fields(self, request, obj=None):
        # A fixed page keeps its address: the menus, the footer and readers' bookmarks use it.
        return ["slug"] if obj is not None and obj.is_fixed else []

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_fixed:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(MenuItem)
class MenuItemAdmin(admin.ModelAdmin):
    """The main menu and the footer links: each item under its parent, in order."""

    form = MenuItemForm
    list_display = ["label", "menu", "destination", "order", "is_active"]
    list_display_links = ["label"]
    list_editable = ["order", "is_active"]
    list_filter = ["menu", "is_active"]
    list_select_related = ["page", "parent"]
    search_fields = ["title", "url", "page__title"]
    fieldsets = [
        (None, {"fields": ["menu", "parent", "title", "order", "is_active"]}),
        (_("Nơi đến"), {"fields": ["destination", "url"]}),
    ]

    def get_ordering(self, request):
        # The main menu first; each child right under its parent: by the top-level item's
        # place, then its own.
        return [
            Case(When(menu=MenuItem.Menu.MAIN, then=Value(0)), default=Value(1)).asc(),
            Coalesce("parent__order", "order").asc(),
            Coalesce("parent_id", "id").asc(),
            F("parent_id").asc(nulls_first=True),
            "order",
        ]

    # The rows' destinations, looked up once per list page (the admin object is shared by
    # every request a process serves, so per thread).
    _list = threading.local()

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        targets = [item.target for item in changelist.result_list if item.target]
        self._list.resolved = registry.resolve(targets)  # one query, not one per row
        return changelist

    @admin.display(description=_("tên"))
    def label(self, item):
        text = str(item) if not item.target else item.title or self._label_of(item.target)
        return f"— {text}" if item.parent_id else text

    @admin.display(description=_("trỏ đến"))
    def destination(self, item):
        if item.page_id:
            return format_html("{}: {}", _("Trang"), item.page.title)
        if item.url:
            return item.url
        if item.target:
            return self._label_of(item.target) or _("(không còn tồn tại)")
        return _("(tiêu đề nhóm)")

    def _label_of(self, target: str) -> str:
        links = getattr(self._list, "resolved", {}).get(target)
        if links is None:
            return ""
        if len(links) == 1:
            return links[0].label
        for _group, options in registry.choices():
            for key, label in options:
                if key == target:
                    return label
        return ""
