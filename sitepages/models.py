from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from lsunion import versioning
from lsunion.html import sanitise_html
from lsunion.links import slug_url
from lsunion.text import clean_line, nfc, unique_slug

# Pages with an address of their own, and a part generated from the records under the text.
ABOUT, CONTACT, SITE_MAP = "gioi-thieu", "lien-he", "so-do-cong-thong-tin"
FIXED = {ABOUT: "sitepages:about", CONTACT: "sitepages:contact", SITE_MAP: "sitepages:site-map"}
SAFE_SCHEMES = ("https://", "http://", "mailto:", "tel:")


class Page(models.Model):
    """A page of the portal written by the chief editor: Giới thiệu, Liên hệ and the like."""

    title = models.CharField(_("tiêu đề"), max_length=200)
    slug = models.SlugField(
        _("đường dẫn"), max_length=120, unique=True, blank=True,
        help_text=_("Để trống để tạo tự động từ tiêu đề. Trang cố định giữ đường dẫn của mình."),
    )  # fmt: skip
    summary = models.TextField(
        _("mô tả ngắn"), blank=True, max_length=300,
        help_text=_("Một hai câu, hiện khi chia sẻ trang và trên kết quả tìm kiếm."),
    )  # fmt: skip
    body = CKEditor5Field(_("nội dung"), blank=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)

    class Meta:
        verbose_name = _("trang cố định")
        verbose_name_plural = _("trang cố định")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = clean_line(self.title)
        self.summary = " ".join(nfc(self.summary).split())
        self.body = sanitise_html(self.body)
        if not self.slug:
            others = Page.objects.exclude(pk=self.pk)
            self.slug = unique_slug(self.title, lambda s: others.filter(slug=s).exists(), 100)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.slug in FIXED:
            return reverse(FIXED[self.slug])
        return slug_url("sitepages:page", self.slug)

    @property
    def is_fixed(self) -> bool:
        return self.slug in FIXED


def safe_address(value: str) -> str:
    """An address of this portal ("/to-chuc/") or of the web; anything else (javascript:,
    data:, "//elsewhere") is no address at all."""
    value = clean_line(value)
    if value.startswith("/") and not value.startswith("//"):
        return value
    return value if value.lower().startswith(SAFE_SCHEMES) else ""


class MenuItem(models.Model):
    """A link of the main menu or of the footer; a link may hold one level of links under it."""

    class Menu(models.TextChoices):
        MAIN = "main", _("Menu chính")
        FOOTER = "footer", _("Liên kết chân trang")

    menu = models.CharField(_("menu"), max_length=10, choices=Menu, default=Menu.MAIN)
    parent = models.ForeignKey(
        "self", verbose_name=_("nằm trong mục"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="children",
        help_text=_("Để trống cho mục ở hàng đầu. Chỉ một cấp: mục con không có mục con."),
    )  # fmt: skip
    title = models.CharField(
        _("tên hiện trên menu"), max_length=120, blank=True,
        help_text=_("Để trống để dùng tên của trang, chuyên mục hoặc mục được chọn."),
    )  # fmt: skip
    page = models.ForeignKey(
        Page, verbose_name=_("trang"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="menu_items",
    )  # fmt: skip
    # A destination another app offers (lsunion.menu): "section:awards:lookup", "category:3".
    target = models.CharField(_("chuyên mục hoặc mục"), max_length=120, blank=True)
    url = models.CharField(
        _("địa chỉ khác"), max_length=300, blank=True,
        help_text=_("Một địa chỉ trong cổng (bắt đầu bằng /) hoặc trang ngoài (https://…)."),
    )  # fmt: skip
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)
    is_active = models.BooleanField(_("hiển thị"), default=True)

    class Meta:
        verbose_name = _("mục menu")
        verbose_name_plural = _("menu và liên kết chân trang")
        ordering = ["menu", "order", "pk"]
        indexes = [models.Index(fields=["menu", "order"])]
        constraints = [
            models.CheckConstraint(
                condition=~(Q(page__isnull=False) & ~Q(target=""))
                & ~(Q(page__isnull=False) & ~Q(url=""))
                & ~(~Q(target="") & ~Q(url="")),
                name="menu_item_one_destination",
                violation_error_message=_("Mỗi mục chỉ trỏ đến một nơi."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")),
                name="menu_item_not_own_parent",
                violation_error_message=_("Mục không thể nằm trong chính nó."),
            ),
        ]

    def __str__(self):
        return self.title or (self.page.title if self.page_id else "") or self.target or self.url

    def save(self, *args, **kwargs):
        self.title = clean_line(self.title)
        self.url = safe_address(self.url)
        super().save(*args, **kwargs)


versioning.register(Page)
