from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Q, Subquery
from django.http import Http404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from reversion.admin import VersionAdmin

from lsunion.admin_stamps import StampedAdminMixin
from lsunion.revisions import RevisionsAdminMixin
from news import review, services
from news.forms import ArticleAdminForm, ArticlePhotoInlineForm, WorkflowStep
from news.legacy_admin import LegacyImportAdminMixin
from news.mentions_admin import MentionsAdminMixin
from news.models import Article, ArticleEvent, ArticlePhoto, Category, Slogan
from news.views import ArticleView
from organizations import permissions
from organizations.admin_scope import ScopedAdminMixin


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


class MineFilter(admin.SimpleListFilter):
    title = _("của tôi")
    parameter_name = "cua_toi"

    def lookups(self, request, model_admin):
        return [("nhap", _("Bản nháp của tôi")), ("tra-lai", _("Bài của tôi bị trả lại"))]

    def queryset(self, request, queryset):
        if self.value() not in {"nhap", "tra-lai"}:
            return queryset
        mine = queryset.filter(created_by=request.user, status=Article.Status.DRAFT)
        last = ArticleEvent.objects.filter(article=OuterRef("pk")).order_by("-at", "-pk")
        mine = mine.annotate(last_action=Subquery(last.values("action")[:1]))
        returned = Q(last_action=ArticleEvent.Action.RETURNED)
        if self.value() == "tra-lai":
            return mine.filter(returned)
        return mine.filter(Q(last_action__isnull=True) | ~returned)


class MissingPhotoFileFilter(admin.SimpleListFilter):
    title = _("ảnh trong bài")
    parameter_name = "thieu_anh"

    def lookups(self, request, model_admin):
        return [("1", _("Có ảnh chưa có tệp"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(pk__in=ArticlePhoto.objects.filter(image="").values("article"))
        return queryset


@admin.register(Article)
class ArticleAdmin(
    MentionsAdminMixin,
    LegacyImportAdminMixin,
    StampedAdminMixin,
    ScopedAdminMixin,
    RevisionsAdminMixin,
    VersionAdmin,
):
    form = ArticleAdminForm
    inlines = [ArticlePhotoInline]
    list_display = [
        "title",
        "display_state",
        "published_at",
        "category",
        "source_body",
        "is_featured",
        "approved_by",
        "updated_at",
    ]
    list_filter = [
        "status",
        PublicationStateFilter,
        MineFilter,
        MissingPhotoFileFilter,
        "category",
        "is_featured",
        ("source_body", admin.RelatedOnlyFieldListFilter),
        "published_at",
    ]
    list_select_related = ["category", "source_body", "approved_by"]
    search_fields = ["title", "summary", "byline"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["source_body", "mentioned_bodies", "mentioned_people", "meeting"]
    readonly_fields = [
        "status", "approved_by", "approved_at", "created_at", "created_by", "updated_at",
        "updated_by", "preview_link", "review_history",
    ]  # fmt: skip
    actions = ["submit_for_review", "publish_now", "unpublish"]
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (
            _("Ảnh đại diện"),
            {"fields": ["cover_image", "cover_alt", "cover_caption"]},
        ),
        (
            _("Nguồn và chuyên mục"),
            {
                "fields": [
                    "byline",
                    "source_body",
                    "category",
                    "mentioned_bodies",
                    "mentioned_people",
                    "meeting",
                ]
            },
        ),
        (
            _("Duyệt và xuất bản"),
            {
                "fields": [
                    "status",
                    "workflow",
                    "review_comment",
                    "published_at",
                    "is_featured",
                    "approved_by",
                    "approved_at",
                    "preview_link",
                ]
            },
        ),
        (_("Lịch sử duyệt bài"), {"fields": ["review_history"]}),
        (
            _("Người tạo, người sửa"),
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

    @admin.display(description=_("các bước duyệt"))
    def review_history(self, article):
        return review.history_html(article)

    def view_on_site(self, article):
        if article.is_visible:
            return article.get_absolute_url()
        return reverse("admin:news_article_preview", args=[article.pk])

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        article = self.get_object(request, object_id) if request.method == "GET" else None
        if article is not None:
            extra_context["returned"] = review.latest_return(article)
            extra_context["is_author"] = article.created_by_id == request.user.pk
        return super().change_view(request, object_id, form_url, extra_context)

    def construct_change_message(self, request, form, formsets, add=False):
        """History says what happened ("Gửi duyệt", "Trả lại: …") before what was edited."""
        return review.change_message(
            form, super().construct_change_message(request, form, formsets, add)
        )

    def changelist_view(self, request, extra_context=None):
        extra_context = {"may_import_legacy": permissions.acts_everywhere(request.user)}
        return super().changelist_view(request, extra_context)

    def has_publish_permission(self, request):
        return permissions.may(request.user, "publish", model=Article)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"current_user": request.user})

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        step = form.cleaned_data.get("workflow")
        if step == WorkflowStep.SUBMIT:
            services.submit(article=obj, by=request.user)
        elif step in (WorkflowStep.SCHEDULE, WorkflowStep.PUBLISH):
            services.publish(articles=[obj], by=request.user, now=step == WorkflowStep.PUBLISH)
        elif step == WorkflowStep.RETURN:
            services.return_to_author(
                article=obj, by=request.user, comment=form.cleaned_data["review_comment"]
            )
        elif step == WorkflowStep.UNPUBLISH:
            services.unpublish(articles=[obj], by=request.user)

    def get_urls(self):
        preview = self.admin_site.admin_view(never_cache(self.preview_view))
        return [
            path("<id:pk>/xem-truoc/", preview, name="news_article_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request, pk):
        article = self.get_object(request, str(pk))
        if article is None:
            raise Http404
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        return ArticleView.as_view(preview=True)(request, pk=pk)

    @admin.action(description=_("Gửi duyệt các bài đã chọn"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        count = 0
        for article in queryset.filter(status=Article.Status.DRAFT):
            if permissions.may(request.user, "change", article):
                services.submit(article=article, by=request.user)
                count += 1
        self.message_user(
            request,
            ngettext("Đã gửi duyệt %d bài.", "Đã gửi duyệt %d bài.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Duyệt và xuất bản ngay các bài đã chọn"), permissions=["publish"])
    def publish_now(self, request, queryset):
        count = services.publish(articles=queryset, by=request.user)
        self.message_user(
            request,
            ngettext("Đã xuất bản %d bài.", "Đã xuất bản %d bài.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Gỡ xuống (chuyển về bản nháp)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = services.unpublish(articles=queryset, by=request.user)
        self.message_user(
            request,
            ngettext("Đã gỡ %d bài.", "Đã gỡ %d bài.", count) % count,
            messages.SUCCESS,
        )
