import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lsunion import versioning
from lsunion.constraints import ends_after_start
from lsunion.documents import validate_pdf
from lsunion.links import id_url
from lsunion.models import Stamped
from lsunion.text import clean_line, nfc, normalise, unique_slug
from organizations.matching import body_key

# Unambiguous characters only (no 0/O, 1/I/L), so a code copied from paper is read right.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10  # 31**10 ≈ 8·10^14: not guessable, short enough to type


def new_verification_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_code(value: str) -> str:
    """A verification code as typed or scanned: case, spaces and dashes do not matter.

    Codes are ASCII letters and digits; anything else (a name typed by mistake) is dropped,
    so the cleaned code always fits the verification page's address.
    """
    return "".join(ch for ch in (value or "").upper() if ch.isascii() and ch.isalnum())[:32]


class IssuingLevel(models.TextChoices):
    """Who may issue a form of award."""

    STATE = "state", _("Nhà nước")
    NATIONAL_UNION = "national_union", _("Tổng Liên đoàn Lao động Việt Nam")
    PROVINCE = "province", _("Ủy ban nhân dân tỉnh")
    PROVINCIAL_UNION = "provincial_union", _("Liên đoàn Lao động tỉnh")
    DIRECT_UNION = "direct_union", _("Công đoàn cấp trên trực tiếp cơ sở")
    GRASSROOTS = "grassroots", _("Công đoàn cơ sở")


class AwardForm(models.Model):
    """A form of award (hình thức khen thưởng) with the level that issues it."""

    name = models.CharField(
        _("hình thức"), max_length=120, help_text=_("Ví dụ: “Giấy khen”, “Bằng khen”.")
    )
    level = models.CharField(_("cấp khen"), max_length=20, choices=IssuingLevel)
    slug = models.SlugField(_("đường dẫn"), max_length=160, unique=True, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    display_order = models.PositiveSmallIntegerField(_("thứ tự hiển thị"), default=100)

    class Meta:
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("hình thức khen thưởng")
        ordering = ["display_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "level"],
                name="award_form_unique_per_level",
                violation_error_message=_("Hình thức khen thưởng này đã có ở cấp đó."),
            )
        ]

    def __str__(self):
        return f"{self.name} – {self.get_level_display()}"

    def save(self, *args, **kwargs):
        self.name = clean_line(self.name)
        self.description = nfc(self.description).strip()
        if not self.slug:
            others = AwardForm.objects.exclude(pk=self.pk)
            self.slug = unique_slug(
                f"{self.name} {self.level}", lambda s: others.filter(slug=s).exists(), 150
            )
        super().save(*args, **kwargs)


class AwardTitle(models.Model):
    """An emulation title (danh hiệu thi đua), such as “Lao động tiên tiến”."""

    class AppliesTo(models.TextChoices):
        INDIVIDUAL = "individual", _("Cá nhân")
        COLLECTIVE = "collective", _("Tập thể")
        BOTH = "both", _("Cả tập thể và cá nhân")

    name = models.CharField(_("danh hiệu"), max_length=160, unique=True)
    applies_to = models.CharField(
        _("dành cho"), max_length=12, choices=AppliesTo, default=AppliesTo.INDIVIDUAL
    )
    level = models.CharField(_("cấp xét tặng"), max_length=20, choices=IssuingLevel, blank=True)
    slug = models.SlugField(_("đường dẫn"), max_length=160, unique=True, blank=True)
    display_order = models.PositiveSmallIntegerField(_("thứ tự hiển thị"), default=100)

    class Meta:
        verbose_name = _("danh hiệu thi đua")
        verbose_name_plural = _("danh hiệu thi đua")
        ordering = ["display_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = clean_line(self.name)
        if not self.slug:
            others = AwardTitle.objects.exclude(pk=self.pk)
            self.slug = unique_slug(self.name, lambda s: others.filter(slug=s).exists(), 150)
        super().save(*args, **kwargs)


class Movement(models.Model):
    """An emulation movement (phong trào thi đua), for a period, launched by a body."""

    name = models.CharField(_("tên phong trào"), max_length=300)
    slug = models.SlugField(_("đường dẫn"), max_length=160, unique=True, blank=True)
    launched_by = models.ForeignKey(
        "organizations.UnionBody",
        verbose_name=_("đơn vị phát động"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="movements_launched",
    )
    starts_year = models.PositiveSmallIntegerField(
        _("từ năm"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
    )
    ends_year = models.PositiveSmallIntegerField(
        _("đến năm"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
    )
    description = models.TextField(_("nội dung"), blank=True)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["name"]
        constraints = [
            ends_after_start(
                "movement_ends_after_start",
                _("Năm kết thúc phải sau năm bắt đầu."),
                start="starts_year",
                end="ends_year",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = clean_line(self.name)
        self.description = nfc(self.description).strip()
        if not self.slug:
            others = Movement.objects.exclude(pk=self.pk)
            self.slug = unique_slug(self.name, lambda s: others.filter(slug=s).exists(), 150)
        super().save(*args, **kwargs)

    @property
    def period(self) -> str:
        if self.starts_year and self.ends_year and self.starts_year != self.ends_year:
            return f"{self.starts_year} – {self.ends_year}"
        return str(self.starts_year or self.ends_year or "")


class DecisionQuerySet(models.QuerySet):
    def published(self):
        """Decisions readers may see: marked public by staff. Revoked ones stay visible."""
        return self.filter(is_published=True)

    def in_force(self):
        return self.filter(status=Decision.Status.IN_FORCE)

    def revoked(self):
        return self.filter(status=Decision.Status.REVOKED)


class Decision(Stamped):
    """A commendation decision (quyết định khen thưởng) and the recipients it lists."""

    class Capacity(models.TextChoices):
        OWN = "", _("Ký trực tiếp")
        ON_BEHALF = "TM.", _("TM. (thay mặt)")
        DEPUTY = "KT.", _("KT. (ký thay)")
        BY_ORDER = "TL.", _("TL. (thừa lệnh)")
        AUTHORISED = "TUQ.", _("TUQ. (thừa ủy quyền)")

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("Đang có hiệu lực")
        REVOKED = "revoked", _("Đã bị thu hồi")

    number = models.CharField(
        _("số"), max_length=20, help_text=_("Phần số của số hiệu, ví dụ “123”.")
    )
    code = models.CharField(
        _("ký hiệu"),
        max_length=40,
        blank=True,
        help_text=_("Phần ký hiệu sau dấu “/”, ví dụ “QĐ-LĐLĐ”."),
    )
    issued_on = models.DateField(_("ngày ký"))
    year = models.PositiveSmallIntegerField(_("năm"), editable=False)
    issuing_body = models.ForeignKey(
        "organizations.UnionBody",
        verbose_name=_("cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="award_decisions_issued",
    )
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    signer_position = models.CharField(
        _("chức vụ người ký"), max_length=120, blank=True, help_text=_("Ví dụ: “Chủ tịch”.")
    )
    signing_capacity = models.CharField(
        _("thẩm quyền ký"), max_length=5, choices=Capacity, default=Capacity.OWN, blank=True
    )
    signing_for = models.CharField(
        _("ký thay mặt cho"),
        max_length=160,
        blank=True,
        help_text=_("Với TM./KT.: ví dụ “Ban Thường vụ”, “Chủ tịch”."),
    )
    form = models.ForeignKey(
        AwardForm,
        verbose_name=_("hình thức khen thưởng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    title = models.ForeignKey(
        AwardTitle,
        verbose_name=_("danh hiệu thi đua"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    movement = models.ForeignKey(
        Movement,
        verbose_name=_("phong trào thi đua"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )
    period = models.CharField(
        _("thời kỳ"), max_length=120, blank=True, help_text=_("Ví dụ: “giai đoạn 2015 – 2020”.")
    )
    reason = models.TextField(
        _("lý do khen thưởng"),
        blank=True,
        help_text=_("Ví dụ: “Đã có thành tích xuất sắc trong phong trào thi đua …”."),
    )
    legal_basis = models.TextField(
        _("căn cứ"), blank=True, help_text=_("Mỗi căn cứ một dòng, như trên văn bản.")
    )
    scan = models.FileField(
        _("bản quét (PDF)"),
        upload_to="khen-thuong/%Y/",
        blank=True,
        validators=[validate_pdf],
        help_text=_("Chỉ nhận tệp PDF, tối đa 20 MB."),
    )
    meeting = models.ForeignKey(
        "organizations.Meeting",
        verbose_name=_("trao tại hội nghị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="award_decisions",
    )
    note = models.TextField(
        _("ghi chú công khai"),
        blank=True,
        help_text=_("Hiện trên trang quyết định, ví dụ ghi rõ đây là dữ liệu mẫu."),
    )
    is_published = models.BooleanField(
        _("công khai trên cổng thông tin"),
        default=False,
        help_text=_("Bật khi đã kiểm tra xong danh sách; trước đó bạn đọc chưa thấy quyết định."),
    )
    status = models.CharField(
        _("tình trạng"), max_length=10, choices=Status, default=Status.IN_FORCE
    )
    revoked_on = models.DateField(_("ngày thu hồi"), null=True, blank=True)
    revoked_by_reference = models.CharField(
        _("số hiệu quyết định thu hồi"),
        max_length=80,
        blank=True,
        help_text=_("Ví dụ “45/QĐ-LĐLĐ”; tự điền khi chọn quyết định thu hồi có trong hệ thống."),
    )
    revoked_by = models.ForeignKey(
        "self",
        verbose_name=_("quyết định thu hồi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revokes",
    )
    revocation_reason = models.TextField(_("lý do thu hồi"), blank=True)
    search_title = models.TextField(editable=False, blank=True, default="")
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-issued_on", "-pk"]
        permissions = [("publish_decision", _("Có thể công khai quyết định khen thưởng"))]
        indexes = [
            models.Index(fields=["-issued_on", "-id"], name="decision_issued"),
            models.Index(fields=["issuing_body", "-issued_on"], name="decision_body_issued"),
            models.Index(fields=["year", "form"], name="decision_year_form"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["issuing_body", "year", "number"],
                name="decision_number_unique_per_body_year",
                violation_error_message=_(
                    "Cơ quan này đã có quyết định mang số đó trong cùng năm."
                ),
            ),
            models.CheckConstraint(
                condition=Q(year=ExtractYear("issued_on")),
                name="decision_year_matches_date",
                violation_error_message=_("Năm phải khớp với ngày ký."),
            ),
            models.CheckConstraint(
                condition=~Q(number=""),
                name="decision_number_not_blank",
                violation_error_message=_("Quyết định phải có số."),
            ),
            models.CheckConstraint(
                condition=Q(form__isnull=False) | Q(title__isnull=False),
                name="decision_has_form_or_title",
                violation_error_message=_("Chọn hình thức khen thưởng hoặc danh hiệu thi đua."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(status="in_force", revoked_on__isnull=True, revoked_by__isnull=True)
                    & Q(revoked_by_reference="")
                )
                | (Q(status="revoked", revoked_on__isnull=False) & ~Q(revoked_by_reference="")),
                name="decision_revocation_complete",
                violation_error_message=_(
                    "Quyết định bị thu hồi cần ngày thu hồi và số hiệu quyết định thu hồi; "
                    "quyết định còn hiệu lực thì để trống các ô đó."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(revoked_by=models.F("pk")),
                name="decision_not_revoked_by_itself",
                violation_error_message=_("Quyết định không thể tự thu hồi chính nó."),
            ),
        ]

    def __str__(self):
        return _("Quyết định số %(reference)s") % {"reference": self.reference}

    def save(self, *args, **kwargs):
        self.number = clean_line(self.number)
        self.code = clean_line(self.code).strip("/ ")
        for name in ("signer_name", "signer_position", "signing_for", "period"):
            setattr(self, name, clean_line(getattr(self, name)))
        for name in ("reason", "legal_basis", "note", "revocation_reason"):
            setattr(self, name, nfc(getattr(self, name)).strip())
        if self.issued_on:
            self.year = self.issued_on.year
        if self.revoked_by_id and not self.revoked_by_reference:
            self.revoked_by_reference = self.revoked_by.reference
        self.revoked_by_reference = clean_line(self.revoked_by_reference)
        named = [self.reference, self.award_name]
        self.search_title = normalise(" ".join(named))
        self.search_text = normalise(
            " ".join(
                [
                    *named,
                    self.issuing_body.name if self.issuing_body_id else "",
                    self.movement.name if self.movement_id else "",
                    self.period,
                    self.reason,
                    self.signer_name,
                ]
            )
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return id_url("awards:decision-detail", pk=self.pk)

    @property
    def reference(self) -> str:
        """The number as written on the decision: “123/QĐ-LĐLĐ”."""
        return f"{self.number}/{self.code}" if self.code else self.number

    @property
    def is_revoked(self) -> bool:
        return self.status == self.Status.REVOKED

    @property
    def award_name(self) -> str:
        """What was awarded: the form, the title, or both."""
        parts = [self.form.name if self.form_id else "", self.title.name if self.title_id else ""]
        return ", ".join(p for p in parts if p)


class RecipientQuerySet(models.QuerySet):
    def published(self):
        return self.filter(decision__is_published=True)

    def for_listing(self):
        return self.select_related(
            "decision",
            "decision__form",
            "decision__title",
            "decision__issuing_body",
            "decision__revoked_by",
            "body",
            "unit_body",
        )

    def for_lookup(self):
        """What a row of the look-up shows, and no more: each column costs ORM time."""
        return self.select_related(
            "decision__form", "decision__title", "decision__issuing_body", "body", "unit_body"
        ).only(
            "kind",
            "full_name",
            "collective_name",
            "position",
            "unit",
            "decision__number",
            "decision__code",
            "decision__year",
            "decision__status",
            "decision__form__name",
            "decision__title__name",
            "decision__issuing_body__name",
            "decision__issuing_body__short_name",
            "body__name",
            "body__slug",
            "unit_body__slug",
        )


class Recipient(models.Model):
    """A collective or an individual that a decision commends."""

    class Kind(models.TextChoices):
        COLLECTIVE = "collective", _("Tập thể")
        INDIVIDUAL = "individual", _("Cá nhân")

    decision = models.ForeignKey(
        Decision,
        verbose_name=_("quyết định"),
        on_delete=models.CASCADE,
        related_name="recipients",
    )
    kind = models.CharField(_("loại"), max_length=10, choices=Kind)
    order = models.PositiveIntegerField(
        _("STT"), default=0, help_text=_("Số thứ tự trong quyết định.")
    )
    body = models.ForeignKey(
        "organizations.UnionBody",
        verbose_name=_("tổ chức công đoàn (tập thể)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commendations",
        help_text=_("Với tập thể là một tổ chức công đoàn có trong danh bạ."),
    )
    collective_name = models.CharField(
        _("tên tập thể"),
        max_length=300,
        blank=True,
        help_text=_("Như ghi trong quyết định; để trống thì lấy tên hiện nay của tổ chức đã chọn."),
    )
    full_name = models.CharField(_("họ và tên (cá nhân)"), max_length=120, blank=True)
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    unit = models.CharField(
        _("đơn vị"),
        max_length=300,
        blank=True,
        help_text=_("Đơn vị công tác khi được khen (cá nhân), hoặc đơn vị của tập thể."),
    )
    unit_body = models.ForeignKey(
        "organizations.UnionBody",
        verbose_name=_("tổ chức công đoàn của đơn vị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="unit_commendations",
        help_text=_("Tổ chức công đoàn mà cột “Đơn vị” chỉ đến; tự nhận ra khi nhập từ tệp."),
    )
    achievement = models.TextField(_("thành tích"), blank=True)
    prize_amount = models.PositiveBigIntegerField(_("tiền thưởng (đồng)"), null=True, blank=True)
    verification_code = models.CharField(
        _("mã xác minh"), max_length=16, unique=True, editable=False
    )
    match_key = models.CharField(max_length=700, editable=False)
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = RecipientQuerySet.as_manager()

    class Meta:
        verbose_name = _("người, tập thể được khen")
        verbose_name_plural = _("người, tập thể được khen")
        # Decisions list collectives first, then individuals, each in their own numbering.
        ordering = ["decision", "kind", "order", "pk"]
        indexes = [
            models.Index(fields=["decision", "kind", "order"], name="recipient_decision_order"),
            models.Index(fields=["body", "decision"], name="recipient_body"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="collective", full_name="", position="")
                    & (Q(body__isnull=False) | ~Q(collective_name=""))
                )
                | (Q(kind="individual", body__isnull=True, collective_name="") & ~Q(full_name="")),
                name="recipient_collective_xor_individual",
                violation_error_message=_(
                    "Tập thể cần tên tập thể hoặc tổ chức công đoàn và không có họ tên, chức vụ; "
                    "cá nhân cần họ và tên và không gắn với tổ chức như một tập thể."
                ),
            ),
            models.UniqueConstraint(
                fields=["decision", "match_key"],
                name="recipient_once_per_decision",
                violation_error_message=_(
                    "Quyết định này đã có người, tập thể cùng tên và đơn vị."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        for field in ("collective_name", "full_name", "position", "unit"):
            setattr(self, field, clean_line(getattr(self, field)))
        if self.kind == self.Kind.COLLECTIVE and not self.collective_name and self.body_id:
            # Keep the name as the decision wrote it, even if the body is renamed later.
            self.collective_name = self.body.name
        self.achievement = "\n".join(
            line for line in (clean_line(x) for x in nfc(self.achievement).splitlines()) if line
        )
        if not self.verification_code:
            self.verification_code = self._unused_code()
        self.match_key = self.make_match_key(self.kind, self.name, self.unit)
        text = " ".join([self.name, self.position, self.unit])
        # Both the plain and the expanded form, so “cdcs” and “cong doan co so” both match.
        plain, expanded = normalise(text), body_key(text)
        self.search_text = plain if plain == expanded else f"{plain} {expanded}"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return id_url("awards:recipient-detail", decision_pk=self.decision_id, pk=self.pk)

    def get_verification_url(self):
        return reverse("awards:verify", kwargs={"code": self.verification_code})

    @staticmethod
    def make_match_key(kind: str, name: str, unit: str) -> str:
        """The natural key within a decision: kind, name and unit, compared in search form."""
        return f"{kind}|{normalise(name)}|{normalise(unit)}"[:700]

    @property
    def name(self) -> str:
        if self.kind == self.Kind.INDIVIDUAL:
            return self.full_name
        if self.collective_name:
            return self.collective_name
        return self.body.name if self.body_id else ""

    @property
    def is_collective(self) -> bool:
        return self.kind == self.Kind.COLLECTIVE

    def _unused_code(self) -> str:
        while True:
            code = new_verification_code()
            if not Recipient.objects.filter(verification_code=code).exists():
                return code


versioning.register(Decision, owns=("recipients",))
