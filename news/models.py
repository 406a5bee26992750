from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from lsunion import versioning
from lsunion.constraints import ends_after_start
from lsunion.fields import CleanImageField
from lsunion.html import sanitise_html, strip_tags
from lsunion.links import slug_url
from lsunion.models import Stamped
from lsunion.text import clean_line, nfc, normalise, unique_slug
from news.querysets import ArticleQuerySet, SloganQuerySet


class Category(models.Model):
    """A news section (chuyên mục), such as “Hoạt động công đoàn”."""

    name = models.CharField(_("tên chuyên mục"), max_length=120, unique=True)
    slug = models.SlugField(
        _("đường dẫn"), max_length=140, unique=True, blank=True,
        help_text=_("Để trống để tạo tự động từ tên."),
    )  # fmt: skip
    description = models.TextField(_("mô tả"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)
    in_menu = models.BooleanField(_("hiện trên thanh chuyên mục"), default=True)
    on_home = models.BooleanField(_("hiện thành khối trên trang chủ"), default=True)

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = clean_line(self.name)
        self.description = nfc(self.description).strip()
        if not self.slug:
            others = Category.objects.exclude(pk=self.pk)
            self.slug = unique_slug(self.name, lambda s: others.filter(slug=s).exists(), 120)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("news:category", self.slug)


class Article(Stamped):
    """A news article (tin bài) written by an editor and published to readers."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        REVIEW = "review", _("Chờ duyệt")
        PUBLISHED = "published", _("Đã xuất bản")
        ARCHIVED = "archived", _("Lưu trữ")

    title = models.CharField(_("tiêu đề"), max_length=300)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=160,
        unique=True,
        blank=True,
        help_text=_(
            "Tạo tự động từ tiêu đề, bỏ dấu tiếng Việt (“Đình Lập” → “dinh-lap”). "
            "Không đổi khi sửa tiêu đề. Nếu đổi đường dẫn của bài đã đăng, địa chỉ cũ vẫn "
            "tự chuyển đến địa chỉ mới."
        ),
    )
    summary = models.TextField(
        _("sapo"),
        blank=True,
        help_text=_("Đoạn tóm tắt in đậm dưới tiêu đề; dùng cho danh sách và mạng xã hội."),
    )
    body = CKEditor5Field(_("nội dung"), blank=True)
    cover_image = CleanImageField(_("ảnh đại diện"), upload_to="anh-bai/%Y/%m/", blank=True)
    cover_alt = models.CharField(
        _("mô tả ảnh đại diện"),
        max_length=200,
        blank=True,
        help_text=_("Mô tả ngắn nội dung ảnh cho người không xem được ảnh."),
    )
    cover_caption = models.CharField(_("chú thích ảnh đại diện"), max_length=400, blank=True)
    byline = models.CharField(
        _("tác giả, nguồn tin"),
        max_length=200,
        blank=True,
        help_text=_("Ghi đúng như trên bài, ví dụ “Tin và ảnh: Đỗ Thị Gấm” hoặc “Ban TG”."),
    )
    source_body = models.ForeignKey(
        "organizations.UnionBody",
        verbose_name=_("đơn vị đưa tin"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("chuyên mục"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("thời điểm xuất bản"),
        null=True,
        blank=True,
        help_text=_(
            "Để trống để bài lên trang ngay khi được duyệt. Chọn một thời điểm sau này để "
            "hẹn giờ: bài tự xuất hiện đúng giờ."
        ),
    )
    mentioned_bodies = models.ManyToManyField(
        "organizations.UnionBody",
        verbose_name=_("tổ chức được nhắc đến"),
        blank=True,
        related_name="mentioned_in",
        help_text=_(
            "Tự gợi ý khi lưu từ tên tổ chức trong bài (cả tên viết tắt); bỏ tổ chức không đúng "
            "rồi lưu lại, lần sau sẽ không gợi ý lại."
        ),
    )
    mentioned_people = models.ManyToManyField(
        "organizations.Person",
        verbose_name=_("nhân sự được nhắc đến"),
        blank=True,
        related_name="mentioned_in",
        help_text=_(
            "Tự gợi ý khi lưu từ tên trong bài; bỏ người không đúng rồi lưu lại, lần sau sẽ "
            "không gợi ý lại."
        ),
    )
    # What the editor took off after it was suggested: {"bodies": [ids], "people": […], …}.
    dismissed_mentions = models.JSONField(default=dict, blank=True, editable=False)
    meeting = models.ForeignKey(
        "organizations.Meeting",
        verbose_name=_("hội nghị được đưa tin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("Hội nghị mà bài viết này đưa tin, nếu có."),
    )
    is_featured = models.BooleanField(_("tin nổi bật"), default=False)
    # Identifies an article brought over from the old portal; NULL for articles written here.
    legacy_key = models.CharField(max_length=64, unique=True, null=True, editable=False)  # noqa: DJ001
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True, editable=False)
    search_title = models.TextField(editable=False, blank=True, default="")
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        permissions = [("publish_article", _("Có thể duyệt và xuất bản bài viết"))]
        indexes = [
            # Lists read these in order (newest first, id breaking ties) and stop early.
            models.Index(fields=["status", "-published_at", "-id"], name="article_status_pub"),
            models.Index(
                fields=["category", "status", "-published_at", "-id"], name="article_category_pub"
            ),
            models.Index(
                fields=["source_body", "status", "-published_at", "-id"], name="article_body_pub"
            ),
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(is_featured=True),
                name="article_featured_pub",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_time",
                violation_error_message=_("Bài đã xuất bản phải có thời điểm xuất bản."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = clean_line(self.title)
        self.summary = nfc(self.summary).strip()
        self.byline = clean_line(self.byline)
        self.cover_alt = clean_line(self.cover_alt)
        self.cover_caption = clean_line(self.cover_caption)
        self.body = sanitise_html(self.body)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if not self.slug:
            others = Article.objects.exclude(pk=self.pk)
            self.slug = unique_slug(self.title, lambda s: others.filter(slug=s).exists(), 150)
        self._remember_old_slug()
        # The byline ranks with the title: a reader typing a name wants the articles she wrote.
        self.search_title = normalise(f"{self.title} {self.byline}")
        self.search_text = normalise(
            " ".join([self.title, self.summary, self.byline, strip_tags(self.body)])
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("news:article-detail", self.slug)

    def _remember_old_slug(self):
        """A published article's old address keeps working (301) after its slug is renamed."""
        if not self.pk:
            return
        old = Article.objects.filter(pk=self.pk).values_list("slug", "published_at").first()
        if old and old[0] and old[0] != self.slug and old[1] is not None:
            ArticleSlugHistory.objects.filter(slug=self.slug).delete()
            ArticleSlugHistory.objects.update_or_create(slug=old[0], defaults={"article": self})

    def clean(self):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    @property
    def is_visible(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class ArticleEvent(models.Model):
    """A step of an article's review: submitted, returned with a comment, approved…"""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Gửi duyệt")
        RETURNED = "returned", _("Trả lại tác giả")
        APPROVED = "approved", _("Duyệt và xuất bản")
        SCHEDULED = "scheduled", _("Duyệt, hẹn giờ xuất bản")
        UNPUBLISHED = "unpublished", _("Gỡ xuống")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("thao tác"), max_length=12, choices=Action)
    comment = models.TextField(_("nhận xét"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("bước duyệt bài")
        verbose_name_plural = _("lịch sử duyệt bài")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} – {self.article}"


class ArticleSlugHistory(models.Model):
    """An address an article used to have; readers following it are redirected (301)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")
    slug = models.SlugField(_("đường dẫn cũ"), max_length=160, unique=True)
    created_at = models.DateTimeField(_("đổi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("đường dẫn cũ của bài")
        verbose_name_plural = _("đường dẫn cũ của bài")
        ordering = ["-created_at"]

    def __str__(self):
        return self.slug


class ArticlePhoto(models.Model):
    """A photo of an article, with the alt text and caption readers see under it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="photos")
    image = CleanImageField(
        _("ảnh"),
        upload_to="anh-bai/%Y/%m/",
        blank=True,
        help_text=_("JPEG, PNG hoặc WebP, tối đa 10 MB. Thông tin vị trí (EXIF) được xoá."),
    )
    alt_text = models.CharField(
        _("mô tả ảnh (alt)"),
        max_length=200,
        help_text=_("Bắt buộc: mô tả ngắn nội dung ảnh cho người không xem được ảnh."),
    )
    caption = models.CharField(
        _("chú thích"),
        max_length=400,
        blank=True,
        help_text=_(
            "Ví dụ: “Đồng chí Lương Chí Công, Phó Chủ tịch LĐLĐ tỉnh phát biểu tại hội nghị”."
        ),
    )
    after_paragraph = models.PositiveSmallIntegerField(
        _("đặt sau đoạn thứ"),
        null=True,
        blank=True,
        help_text=_("Để trống để đặt ảnh ở cuối bài."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("ảnh trong bài")
        verbose_name_plural = _("ảnh trong bài")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.caption or self.alt_text

    def save(self, *args, **kwargs):
        self.alt_text = clean_line(self.alt_text)
        self.caption = clean_line(self.caption)
        super().save(*args, **kwargs)


class Slogan(models.Model):
    """A slogan shown in the banner above every page, for a period editors choose."""

    text = models.CharField(_("khẩu hiệu"), max_length=400)
    starts_on = models.DateField(_("hiện từ ngày"), null=True, blank=True)
    ends_on = models.DateField(_("đến hết ngày"), null=True, blank=True)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    objects = SloganQuerySet.as_manager()

    class Meta:
        verbose_name = _("khẩu hiệu")
        verbose_name_plural = _("khẩu hiệu")
        ordering = ["order", "pk"]
        constraints = [
            ends_after_start(
                "slogan_ends_after_start",
                _("Ngày kết thúc phải sau ngày bắt đầu."),
            )
        ]

    def __str__(self):
        return self.text

    def save(self, *args, **kwargs):
        self.text = clean_line(self.text)
        super().save(*args, **kwargs)


versioning.register(Article, owns=("photos",))


class ArticleDailyViews(models.Model):
    """How many times readers opened an article on one day (counted on our own server)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="daily_views")
    day = models.DateField(_("ngày"))
    count = models.PositiveIntegerField(_("lượt xem"), default=0)

    class Meta:
        verbose_name = _("lượt xem trong ngày")
        verbose_name_plural = _("lượt xem trong ngày")
        ordering = ["-day", "-count"]
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="article_daily_views_once"),
        ]
        indexes = [models.Index(fields=["day", "article"], name="article_views_day")]

    def __str__(self):
        return f"{self.article_id} · {self.day}: {self.count}"
