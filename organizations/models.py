from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field
from tree_queries.fields import TreeNodeForeignKey
from tree_queries.query import TreeQuerySet

from lsunion.collation import vi_order
from lsunion.fields import CleanImageField
from lsunion.html import sanitise_html
from lsunion.text import clean_line, nfc, normalise, unique_slug


class UnionBodyQuerySet(TreeQuerySet):
    def current(self, on=None):
        """Bodies that exist on the given day (today by default)."""
        on = on or timezone.localdate()
        return self.filter(
            Q(founded_on__isnull=True) | Q(founded_on__lte=on),
            Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=on),
        )

    def dissolved(self, on=None):
        on = on or timezone.localdate()
        return self.filter(dissolved_on__lte=on)

    def in_vietnamese_order(self):
        return self.order_by(vi_order("name"))


class UnionBody(models.Model):
    """A trade-union body (tổ chức công đoàn), from the provincial federation to a grassroots union."""

    class Kind(models.TextChoices):
        PROVINCIAL = "provincial", _("Liên đoàn Lao động tỉnh")
        DISTRICT = "district", _("LĐLĐ huyện, thành phố")
        SECTORAL = "sectoral", _("Công đoàn ngành")
        ECONOMIC_ZONE = "economic_zone", _("Công đoàn Khu kinh tế")
        DIRECT = "direct", _("Công đoàn cấp trên trực tiếp cơ sở khác")
        GRASSROOTS = "grassroots", _("Công đoàn cơ sở")
        SUB_UNIT = "sub_unit", _("Công đoàn bộ phận, tổ công đoàn")
        NATIONAL = "national", _("Cấp Trung ương")
        OTHER = "other", _("Khác")

    name = models.CharField(_("tên đầy đủ"), max_length=300)
    short_name = models.CharField(
        _("tên viết tắt"),
        max_length=150,
        blank=True,
        help_text=_("Cách gọi ngắn quen dùng, ví dụ “LĐLĐ huyện Văn Quan”."),
    )
    aliases = models.TextField(
        _("tên gọi khác"),
        blank=True,
        help_text=_(
            "Mỗi dòng một cách gọi khác (ví dụ “LĐLĐ Văn Quan”), dùng để nhận ra tổ chức "
            "trong bài viết và tệp nhập."
        ),
    )
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=160,
        unique=True,
        blank=True,
        help_text=_("Để trống để tạo tự động từ tên."),
    )
    kind = models.CharField(_("loại tổ chức"), max_length=20, choices=Kind, default=Kind.GRASSROOTS)
    parent = TreeNodeForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang web"), blank=True)
    description = CKEditor5Field(_("giới thiệu"), blank=True)
    logo = CleanImageField(_("biểu trưng"), upload_to="to-chuc/%Y/", blank=True)
    founded_on = models.DateField(_("ngày thành lập"), null=True, blank=True)
    dissolved_on = models.DateField(
        _("ngày giải thể, sáp nhập"),
        null=True,
        blank=True,
        help_text=_("Tổ chức vẫn giữ trang và lịch sử sau ngày này."),
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("tổ chức kế thừa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    history_note = models.TextField(
        _("ghi chú lịch sử"),
        blank=True,
        help_text=_("Ví dụ: căn cứ sáp nhập, hoặc ghi rõ đây là dữ liệu mẫu chưa xác minh."),
    )
    display_order = models.PositiveSmallIntegerField(_("thứ tự hiển thị"), default=100)
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)

    objects = UnionBodyQuerySet.as_manager()

    class Meta:
        verbose_name = _("tổ chức công đoàn")
        verbose_name_plural = _("tổ chức công đoàn")
        ordering = ["display_order", "name"]
        indexes = [models.Index(fields=["kind", "display_order"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True)
                | Q(founded_on__isnull=True)
                | Q(dissolved_on__gte=models.F("founded_on")),
                name="union_body_dissolved_after_founded",
                violation_error_message=_("Ngày giải thể phải sau ngày thành lập."),
            ),
            models.CheckConstraint(
                condition=~Q(successor=models.F("pk")),
                name="union_body_not_own_successor",
                violation_error_message=_("Tổ chức không thể kế thừa chính nó."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")),
                name="union_body_not_own_parent",
                violation_error_message=_("Tổ chức không thể trực thuộc chính nó."),
            ),
        ]

    def __str__(self):
        return self.short_name or self.name

    def save(self, *args, **kwargs):
        self.name = clean_line(self.name)
        self.short_name = clean_line(self.short_name)
        self.aliases = "\n".join(clean_line(a) for a in nfc(self.aliases).splitlines() if a.strip())
        self.address = clean_line(self.address)
        self.history_note = nfc(self.history_note).strip()
        self.description = sanitise_html(self.description)
        if not self.slug:
            others = UnionBody.objects.exclude(pk=self.pk)
            self.slug = unique_slug(self.name, lambda s: others.filter(slug=s).exists(), 150)
        self.search_text = normalise(" ".join([self.name, self.short_name, self.aliases]))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("organizations:body-detail", kwargs={"slug": self.slug})

    @property
    def is_dissolved(self) -> bool:
        return self.dissolved_on is not None and self.dissolved_on <= timezone.localdate()

    def names(self) -> list[str]:
        """Every way this body is written: full name, short name and aliases."""
        return [n for n in [self.name, self.short_name, *self.aliases.splitlines()] if n]
