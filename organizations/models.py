from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field
from tree_queries.fields import TreeNodeForeignKey
from tree_queries.query import TreeQuerySet

from lsunion import versioning
from lsunion.collation import vi_order
from lsunion.constraints import ends_after_start
from lsunion.documents import validate_pdf
from lsunion.fields import CleanImageField
from lsunion.html import sanitise_html, strip_tags
from lsunion.links import slug_url
from lsunion.text import clean_line, nfc, normalise, unique_slug


def kind_rank():
    """Sort key putting federations before sectoral unions before grassroots unions."""
    return Case(
        *(When(kind=kind, then=Value(rank)) for rank, kind in enumerate(UnionBody.Kind.values)),
        default=Value(99),
        output_field=IntegerField(),
    )


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

    def tree_in_vietnamese_order(self):
        """The tree, siblings grouped by level of body, then in Vietnamese alphabetical order."""
        return self.with_tree_fields().order_siblings_by(kind_rank(), vi_order("name"), "pk")


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
            ends_after_start(
                "union_body_dissolved_after_founded",
                _("Ngày giải thể phải sau ngày thành lập."),
                start="founded_on",
                end="dissolved_on",
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
        self.phone = clean_line(self.phone)
        if self.website and not self.website.lower().startswith(("http://", "https://")):
            self.website = ""  # a javascript: or data: address is never a body's website
        self.history_note = nfc(self.history_note).strip()
        self.description = sanitise_html(self.description)
        if not self.slug:
            others = UnionBody.objects.exclude(pk=self.pk)
            self.slug = unique_slug(self.name, lambda s: others.filter(slug=s).exists(), 150)
        self.search_text = normalise(" ".join([self.name, self.short_name, self.aliases]))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("organizations:body-detail", self.slug)

    @property
    def is_dissolved(self) -> bool:
        return self.dissolved_on is not None and self.dissolved_on <= timezone.localdate()

    def names(self) -> list[str]:
        """Every way this body is written: full name, short name and aliases."""
        return [n for n in [self.name, self.short_name, *self.aliases.splitlines()] if n]


class BodyAffiliation(models.Model):
    """Which body a union body reported to, and when: the past is kept when a parent changes."""

    body = models.ForeignKey(
        UnionBody, verbose_name=_("tổ chức"), on_delete=models.CASCADE, related_name="affiliations"
    )
    parent = models.ForeignKey(
        UnionBody, verbose_name=_("trực thuộc"), on_delete=models.PROTECT, related_name="+"
    )
    starts_on = models.DateField(_("từ ngày"), null=True, blank=True)
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("quan hệ trực thuộc")
        verbose_name_plural = _("lịch sử trực thuộc")
        ordering = [models.F("starts_on").asc(nulls_first=True), "pk"]
        constraints = [
            ends_after_start(
                "affiliation_ends_after_start",
                _("Ngày kết thúc phải sau ngày bắt đầu."),
            ),
            models.UniqueConstraint(
                fields=["body"],
                condition=Q(ends_on__isnull=True),
                name="affiliation_one_open_per_body",
                violation_error_message=_(
                    "Mỗi tổ chức chỉ có một quan hệ trực thuộc đang hiệu lực."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.body} → {self.parent}"


class MemberFigure(models.Model):
    """A body's membership figures for one year, as reported at year end."""

    body = models.ForeignKey(
        UnionBody, verbose_name=_("tổ chức"), on_delete=models.CASCADE, related_name="figures"
    )
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    members = models.PositiveIntegerField(_("đoàn viên"), null=True, blank=True)
    women_members = models.PositiveIntegerField(_("đoàn viên nữ"), null=True, blank=True)
    grassroots_unions = models.PositiveIntegerField(_("công đoàn cơ sở"), null=True, blank=True)
    new_members = models.PositiveIntegerField(_("kết nạp đoàn viên mới"), null=True, blank=True)
    new_unions = models.PositiveIntegerField(_("thành lập mới CĐCS"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("số liệu đoàn viên")
        verbose_name_plural = _("số liệu đoàn viên theo năm")
        ordering = ["body", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year"],
                name="member_figure_one_per_year",
                violation_error_message=_("Tổ chức này đã có số liệu của năm đó."),
            ),
            models.CheckConstraint(
                condition=Q(women_members__isnull=True)
                | Q(members__isnull=True)
                | Q(women_members__lte=models.F("members")),
                name="member_figure_women_within_members",
                violation_error_message=_("Số đoàn viên nữ không thể lớn hơn tổng số đoàn viên."),
            ),
        ]

    def __str__(self):
        return f"{self.body} – {self.year}"


class EmulationBlock(models.Model):
    """An emulation block or cluster (khối, cụm thi đua) of one year, with its member bodies."""

    class Kind(models.TextChoices):
        BLOCK = "block", _("Khối thi đua")
        CLUSTER = "cluster", _("Cụm thi đua")

    name = models.CharField(_("tên"), max_length=200, help_text=_("Ví dụ: “Khối thi đua số 01”."))
    slug = models.SlugField(_("đường dẫn"), max_length=160, unique=True, blank=True)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind, default=Kind.BLOCK)
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    organiser = models.ForeignKey(
        UnionBody,
        verbose_name=_("trực thuộc"),
        on_delete=models.PROTECT,
        related_name="emulation_blocks_organised",
    )
    leader = models.ForeignKey(
        UnionBody,
        verbose_name=_("đơn vị trưởng khối"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="emulation_blocks_led",
    )
    members = models.ManyToManyField(
        UnionBody, verbose_name=_("đơn vị thành viên"), blank=True, related_name="emulation_blocks"
    )
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("khối, cụm thi đua")
        verbose_name_plural = _("khối, cụm thi đua")
        ordering = ["-year", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organiser", "name", "year"],
                name="emulation_block_unique_per_year",
                violation_error_message=_("Khối, cụm thi đua này đã có trong năm đó."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.year})"

    def save(self, *args, **kwargs):
        self.name = clean_line(self.name)
        if not self.slug:
            others = EmulationBlock.objects.exclude(pk=self.pk)
            self.slug = unique_slug(
                f"{self.name} {self.year}", lambda s: others.filter(slug=s).exists(), 150
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("organizations:block-detail", self.slug)


class Person(models.Model):
    """A union official or member named on the portal; their positions carry their history."""

    full_name = models.CharField(_("họ và tên"), max_length=120)
    slug = models.SlugField(_("đường dẫn"), max_length=140, unique=True, blank=True)
    photo = CleanImageField(_("ảnh chân dung"), upload_to="nhan-su/%Y/", blank=True)
    note = models.TextField(
        _("ghi chú"),
        blank=True,
        help_text=_("Chỉ ghi thông tin công khai liên quan đến công tác công đoàn."),
    )
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("nhân sự")
        verbose_name_plural = _("nhân sự")
        ordering = ["full_name", "pk"]
        indexes = [models.Index(fields=["full_name"])]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = clean_line(self.full_name)
        self.note = nfc(self.note).strip()
        if not self.slug:
            others = Person.objects.exclude(pk=self.pk)
            self.slug = unique_slug(self.full_name, lambda s: others.filter(slug=s).exists(), 120)
        self.search_text = normalise(self.full_name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("organizations:person-detail", self.slug)


class Term(models.Model):
    """A body's congress term: “Đại hội XVI, nhiệm kỳ 2018 – 2023”."""

    body = models.ForeignKey(
        UnionBody, verbose_name=_("tổ chức"), on_delete=models.CASCADE, related_name="terms"
    )
    congress_number = models.CharField(
        _("đại hội lần thứ"),
        max_length=10,
        help_text=_("Số La Mã như trên văn bản, ví dụ “XVI”."),
    )
    starts_year = models.PositiveSmallIntegerField(
        _("từ năm"), validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    ends_year = models.PositiveSmallIntegerField(
        _("đến năm"), validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("nhiệm kỳ")
        verbose_name_plural = _("nhiệm kỳ")
        ordering = ["body", "-starts_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "congress_number"],
                name="term_unique_congress_per_body",
                violation_error_message=_("Tổ chức này đã có nhiệm kỳ với số đại hội đó."),
            ),
            models.CheckConstraint(
                condition=Q(ends_year__gte=models.F("starts_year")),
                name="term_ends_after_start",
                violation_error_message=_("Năm kết thúc phải sau năm bắt đầu."),
            ),
        ]

    def __str__(self):
        return _("%(body)s – Đại hội %(number)s, nhiệm kỳ %(start)s – %(end)s") % {
            "body": self.body,
            "number": self.congress_number,
            "start": self.starts_year,
            "end": self.ends_year,
        }

    def save(self, *args, **kwargs):
        self.congress_number = clean_line(self.congress_number).upper()
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        return _("Đại hội %(number)s, nhiệm kỳ %(start)s – %(end)s") % {
            "number": self.congress_number,
            "start": self.starts_year,
            "end": self.ends_year,
        }


class PositionQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=on),
            Q(ends_on__isnull=True) | Q(ends_on__gt=on),
        )


class Position(models.Model):
    """A person's place in a body's elected organs or departments, for a period."""

    class Organ(models.TextChoices):
        BCH = "bch", _("Ban Chấp hành")
        BTV = "btv", _("Ban Thường vụ")
        UBKT = "ubkt", _("Ủy ban Kiểm tra")
        DEPARTMENT = "department", _("Ban chuyên môn")
        OTHER = "other", _("Khác")

    class Title(models.TextChoices):
        CHAIR = "chair", _("Chủ tịch")
        STANDING_VICE_CHAIR = "standing_vice_chair", _("Phó Chủ tịch Thường trực")
        VICE_CHAIR = "vice_chair", _("Phó Chủ tịch")
        BTV_MEMBER = "btv_member", _("Ủy viên Ban Thường vụ")
        BCH_MEMBER = "bch_member", _("Ủy viên Ban Chấp hành")
        UBKT_CHAIR = "ubkt_chair", _("Chủ nhiệm Ủy ban Kiểm tra")
        UBKT_VICE_CHAIR = "ubkt_vice_chair", _("Phó Chủ nhiệm Ủy ban Kiểm tra")
        UBKT_MEMBER = "ubkt_member", _("Ủy viên Ủy ban Kiểm tra")
        HEAD = "head", _("Trưởng ban")
        DEPUTY_HEAD = "deputy_head", _("Phó Trưởng ban")
        OTHER = "other", _("Khác")

    class How(models.TextChoices):
        ELECTED = "elected", _("Bầu tại đại hội")
        ELECTED_IN_ADDITION = "elected_in_addition", _("Bầu bổ sung")
        APPOINTED = "appointed", _("Chỉ định, bổ nhiệm")

    person = models.ForeignKey(
        Person, verbose_name=_("người"), on_delete=models.CASCADE, related_name="positions"
    )
    body = models.ForeignKey(
        UnionBody, verbose_name=_("tổ chức"), on_delete=models.PROTECT, related_name="positions"
    )
    term = models.ForeignKey(
        Term,
        verbose_name=_("nhiệm kỳ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions",
    )
    organ = models.CharField(_("cơ quan"), max_length=12, choices=Organ, default=Organ.BCH)
    department = models.CharField(
        _("tên ban"),
        max_length=120,
        blank=True,
        help_text=_("Với ban chuyên môn, ví dụ “Ban Tuyên giáo”, “Ban Nữ công”."),
    )
    title = models.CharField(_("chức vụ"), max_length=24, choices=Title, default=Title.BCH_MEMBER)
    title_text = models.CharField(
        _("chức danh ghi trên văn bản"),
        max_length=160,
        blank=True,
        help_text=_("Để trống để dùng chức vụ ở trên; ghi rõ khi chức danh khác thường."),
    )
    starts_on = models.DateField(_("từ ngày"), null=True, blank=True)
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    how = models.CharField(_("hình thức"), max_length=24, choices=How, default=How.ELECTED)
    elected_at = models.ForeignKey(
        "Meeting",
        verbose_name=_("bầu tại hội nghị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="elected_positions",
    )
    rank = models.PositiveSmallIntegerField(default=100, editable=False)

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("chức vụ")
        verbose_name_plural = _("chức vụ")
        ordering = ["rank", "person__full_name"]
        indexes = [models.Index(fields=["body", "ends_on", "rank"])]
        constraints = [
            ends_after_start(
                "position_ends_after_start",
                _("Ngày thôi giữ chức phải sau ngày bắt đầu."),
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.display_title} {self.body}"

    def save(self, *args, **kwargs):
        self.department = clean_line(self.department)
        self.title_text = clean_line(self.title_text)
        self.rank = TITLE_RANK.get(self.title, 100)
        super().save(*args, **kwargs)

    @property
    def display_title(self) -> str:
        if self.title_text:
            return self.title_text
        if self.organ == self.Organ.DEPARTMENT and self.department:
            return f"{self.get_title_display()} {self.department}"
        return self.get_title_display()


TITLE_RANK = {title: rank for rank, title in enumerate(Position.Title.values)}


class MeetingQuerySet(models.QuerySet):
    def for_listing(self):
        """What a list of meetings shows, and no more: each column costs ORM time."""
        return (
            self.select_related("organiser")
            .only("kind", "title", "slug", "starts_at", "place", "organiser__name",
                  "organiser__short_name")
            .order_by("-starts_at", "-pk")
        )  # fmt: skip


class Meeting(models.Model):
    """A meeting (hội nghị): a congress, an executive committee session, a review, a ceremony…"""

    class Kind(models.TextChoices):
        CONGRESS = "congress", _("Đại hội")
        EXECUTIVE_SESSION = "executive_session", _("Hội nghị Ban Chấp hành")
        MID_YEAR_REVIEW = "mid_year_review", _("Hội nghị sơ kết")
        ANNUAL_REVIEW = "annual_review", _("Hội nghị tổng kết")
        WORKING_SESSION = "working_session", _("Buổi làm việc")
        COMMENDATION = "commendation", _("Hội nghị biểu dương, khen thưởng")
        PACT_SIGNING = "pact_signing", _("Ký kết giao ước thi đua")
        OTHER = "other", _("Khác")

    kind = models.CharField(_("loại hội nghị"), max_length=20, choices=Kind, default=Kind.OTHER)
    title = models.CharField(_("tên hội nghị"), max_length=300)
    slug = models.SlugField(_("đường dẫn"), max_length=160, unique=True, blank=True)
    session_number = models.PositiveSmallIntegerField(
        _("kỳ họp thứ"),
        null=True,
        blank=True,
        help_text=_("Với hội nghị Ban Chấp hành: “kỳ thứ 10”, “lần thứ 10”."),
    )
    organiser = models.ForeignKey(
        UnionBody,
        verbose_name=_("đơn vị tổ chức"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    term = models.ForeignKey(
        Term,
        verbose_name=_("nhiệm kỳ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    emulation_block = models.ForeignKey(
        EmulationBlock,
        verbose_name=_("khối, cụm thi đua"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    chaired_by = models.ForeignKey(
        Person,
        verbose_name=_("chủ trì"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings_chaired",
    )
    chair_title = models.CharField(
        _("chức vụ người chủ trì khi đó"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: “Chủ tịch LĐLĐ huyện Văn Quan”."),
    )
    summary = models.TextField(_("tóm tắt"), blank=True)
    outcomes = CKEditor5Field(
        _("kết quả"),
        blank=True,
        help_text=_("Kết quả bầu cử, nghị quyết, nhiệm vụ giai đoạn tới."),
    )
    search_title = models.TextField(editable=False, blank=True, default="")
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("hội nghị")
        verbose_name_plural = _("hội nghị")
        ordering = ["-starts_at", "-pk"]
        indexes = [
            models.Index(fields=["-starts_at"], name="meeting_starts"),
            models.Index(fields=["organiser", "-starts_at"], name="meeting_organiser_starts"),
            models.Index(fields=["kind", "-starts_at"], name="meeting_kind_starts"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("Thời điểm kết thúc phải sau thời điểm bắt đầu."),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = clean_line(self.title)
        self.place = clean_line(self.place)
        self.chair_title = clean_line(self.chair_title)
        self.summary = nfc(self.summary).strip()
        self.outcomes = sanitise_html(self.outcomes)
        if not self.slug:
            others = Meeting.objects.exclude(pk=self.pk)
            self.slug = unique_slug(self.title, lambda s: others.filter(slug=s).exists(), 120)
        self.search_title = normalise(self.title)
        self.search_text = normalise(
            " ".join(
                [self.title, self.place, self.chair_title, self.summary, strip_tags(self.outcomes)]
            )
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("organizations:meeting-detail", self.slug)


class MeetingAttendee(models.Model):
    """A notable attendee: a person with the position held then, or a guest named in free text."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    person = models.ForeignKey(
        Person,
        verbose_name=_("người dự"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings_attended",
    )
    guest_name = models.CharField(
        _("khách mời (ghi tên)"),
        max_length=160,
        blank=True,
        help_text=_("Dùng khi người dự chưa có trong danh sách nhân sự."),
    )
    position_then = models.CharField(
        _("chức vụ khi đó"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: “Phó Chủ tịch LĐLĐ tỉnh Lạng Sơn”."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("đại biểu dự")
        verbose_name_plural = _("đại biểu dự")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(guest_name=""))
                | (Q(person__isnull=True) & ~Q(guest_name="")),
                name="attendee_person_xor_guest",
                violation_error_message=_(
                    "Chọn một người trong danh sách hoặc ghi tên khách mời, không cả hai."
                ),
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.guest_name = clean_line(self.guest_name)
        self.position_then = clean_line(self.position_then)
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        return self.person.full_name if self.person_id else self.guest_name


class MeetingDocument(models.Model):
    """A document of a meeting (resolution, report), as a PDF."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("tên tài liệu"), max_length=300)
    file = models.FileField(
        _("tệp PDF"),
        upload_to="tai-lieu/%Y/",
        validators=[validate_pdf],
        help_text=_("Chỉ nhận tệp PDF, tối đa 20 MB."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tài liệu")
        verbose_name_plural = _("tài liệu")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = clean_line(self.title)
        super().save(*args, **kwargs)


class StaffScope(models.Model):
    """The union bodies a staff account works for; its scope includes their descendants."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="staff_scope",
    )
    bodies = models.ManyToManyField(
        UnionBody,
        verbose_name=_("làm việc cho"),
        blank=True,
        related_name="staff_scopes",
        help_text=_("Tài khoản làm việc với các tổ chức này và mọi tổ chức trực thuộc."),
    )

    class Meta:
        verbose_name = _("phạm vi làm việc")
        verbose_name_plural = _("phạm vi làm việc")

    def __str__(self):
        return str(self.user)


class Reorganisation(models.Model):
    """One dissolution or merger applied in the admin: bodies ended on a day, their grassroots
    moved to the successor, with what changed kept so that it can be undone."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("Sáp nhập vào tổ chức khác")
        DISSOLVE = "dissolve", _("Giải thể, kết thúc hoạt động")

    kind = models.CharField(_("hình thức"), max_length=10, choices=Kind, default=Kind.MERGE)
    effective_on = models.DateField(_("ngày có hiệu lực"))
    bodies = models.ManyToManyField(
        UnionBody, verbose_name=_("tổ chức giải thể, sáp nhập"), related_name="reorganisations"
    )
    successor = models.ForeignKey(
        UnionBody,
        verbose_name=_("tổ chức kế thừa, tiếp nhận"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reorganisations_received",
    )
    note = models.TextField(_("căn cứ, ghi chú"), blank=True)
    changes = models.JSONField(default=dict, editable=False)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    applied_at = models.DateTimeField(_("thực hiện lúc"), auto_now_add=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người hoàn tác"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    undone_at = models.DateTimeField(_("hoàn tác lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lượt giải thể, sáp nhập")
        verbose_name_plural = _("giải thể, sáp nhập")
        ordering = ["-applied_at", "-pk"]

    def __str__(self):
        day = self.effective_on.strftime("%d/%m/%Y")
        if self.kind == self.Kind.MERGE and self.successor_id:
            return _("Sáp nhập vào %(successor)s từ ngày %(day)s") % {
                "successor": self.successor,
                "day": day,
            }
        return _("Giải thể từ ngày %(day)s") % {"day": day}

    @property
    def is_undone(self) -> bool:
        return self.undone_at is not None


versioning.register(UnionBody, owns=("figures", "affiliations"))
versioning.register(Meeting, owns=("attendees", "elected_positions", "documents"))
