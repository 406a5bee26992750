from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from news import services
from news.forms import ArticleAdminForm, ArticlePhotoInlineForm
from news.legacy_admin import LegacyImportAdminMixin
from news.models import Article, ArticlePhoto, Category, Slogan
from news.views import ArticleView


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "in_menu", "on_home"]
    list_editable = ["order", "in_menu", "on_home"]
    search_fields = ["name"]
    fields = ["name", "slug", "description", "order", "in_menu", "on_home"]


@admin.register(Slogan)
class SloganAdmin(admin.ModelAdmin):
    list_display = ["text", "starts_on", "ends_on", "is_active", "order"]
    list_editable = ["is_active", "order"]
    list_filter = ["is_active"]
    search_fields = ["text"]


class ArticlePhotoInline(admin.StackedInline):
    model = ArticlePhoto
    form = ArticlePhotoInlineForm
    extra = 0
    fields = ["image", "alt_text", "caption", "after_paragraph", "order"]


class PublicationStateFilter(admin.SimpleListFilter):
    title = _("tình trạng hiển thị")
    parameter_name = "hien_thi"

    def lookups(self, request, model_admin):
        return [("visible", _("Bạn đọc đang thấy")), ("scheduled", _("Hẹn giờ xuất bản"))]

    def queryset(self, request, queryset):
        if self.value() == "visible":
            return queryset.published()
        if self.value() == "scheduled":
            return queryset.scheduled()
        return queryset


@admin.register(Article)
class ArticleAdmin(LegacyImportAdminMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    inlines = [ArticlePhotoInline]
    list_display = [
        "title",
        "display_state",
        "published_at",
        "category",
        "source_body",
        "is_featured",
        "updated_at",
    ]
    list_filter = [
        "status",
        PublicationStateFilter,
        "category",
        "is_featured",
        ("source_body", admin.RelatedOnlyFieldListFilter),
        "published_at",
    ]
    list_select_related = ["category", "source_body"]
    search_fields = ["title", "summary", "byline"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["source_body", "mentioned_bodies", "meeting"]
    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by", "preview_link"]
    actions = ["publish_now", "unpublish"]
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (
            _("Ảnh đại diện"),
            {"fields": ["cover_image", "cover_alt", "cover_caption"]},
        ),
        (
            _("Nguồn và chuyên mục"),
            {"fields": ["byline", "source_body", "category", "mentioned_bodies", "meeting"]},
        ),
        (
            _("Xuất bản"),
            {"fields": ["status", "published_at", "is_featured", "preview_link"]},
        ),
        (
            _("Lịch sử"),
            {
                "classes": ["collapse"],
                "fields": ["created_at", "created_by", "updated_at", "updated_by"],
            },
        ),
    ]

    @admin.display(description=_("hiển thị"))
    def display_state(self, article):
        if article.status == Article.Status.PUBLISHED and article.published_at > timezone.now():
            return _("Hẹn giờ")
        return article.get_status_display()

    @admin.display(description=_("xem trước"))
    def preview_link(self, article):
        if not article.pk:
            return _("Lưu bài để xem trước.")
        url = reverse("admin:news_article_preview", args=[article.pk])
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("Xem trước như bạn đọc")
        )

    def view_on_site(self, article):
        if article.is_visible:
            return article.get_absolute_url()
        return reverse("admin:news_article_preview", args=[article.pk])

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        preview = self.admin_site.admin_view(never_cache(self.preview_view))
        return [
            path("<int:pk>/xem-truoc/", preview, name="news_article_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request, pk):
        article = self.get_queryset(request).filter(pk=pk).first()
        if article is None or not self.has_view_permission(request, article):
            raise PermissionDenied
        return ArticleView.as_view(preview=True)(request, pk=pk)

    @admin.action(description=_("Xuất bản ngay các bài đã chọn"), permissions=["change"])
    def publish_now(self, request, queryset):
        count = services.publish(articles=queryset, by=request.user)
        self.message_user(
            request,
            ngettext("Đã xuất bản %d bài.", "Đã xuất bản %d bài.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Gỡ xuống (chuyển về bản nháp)"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = services.unpublish(articles=queryset, by=request.user)
        self.message_user(
            request,
            ngettext("Đã gỡ %d bài.", "Đã gỡ %d bài.", count) % count,
            messages.SUCCESS,
        )
