from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lsunion.links import slug_url
from lsunion.text import clean_line, nfc, normalise, unique_slug
from questions import codes
from questions.querysets import QuestionQuerySet
from questions.storage import private_storage

# Addresses under /hoi-dap/ that are pages of their own, never an answer's slug.
RESERVED_SLUGS = {"gui-cau-hoi", "thu-thach", "theo-doi", "chu-de"}


def _text(value: str) -> str:
    """Typed plain text: NFC, no NUL, Windows line ends and trailing spaces off."""
    lines = [line.rstrip() for line in nfc(value).replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


class Topic(models.Model):
    """A subject workers ask about (chủ đề hỏi đáp): wages, social insurance, contracts…"""

    name = models.CharField(_("tên chủ đề"), max_length=120, unique=True)
    slug = models.SlugField(
        _("đường dẫn"), max_length=140, unique=True, blank=True,
        help_text=_("Để trống để tạo tự động từ tên."),
    )  # fmt: skip
    description = models.TextField(_("mô tả"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)
    is_active = models.BooleanField(
        _("cho chọn khi gửi câu hỏi"),
        default=True,
        help_text=_("Bỏ chọn để chủ đề không còn hiện trong mẫu gửi câu hỏi (vẫn giữ hỏi đáp cũ)."),
    )

    class Meta:
        verbose_name = _("chủ đề hỏi đáp")
        verbose_name_plural = _("chủ đề hỏi đáp")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = clean_line(self.name)
        self.description = _text(self.description)
        if not self.slug:
            others = Topic.objects.exclude(pk=self.pk)
            self.slug = unique_slug(self.name, lambda s: others.filter(slug=s).exists(), 120)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("questions:topic", self.slug)


class Question(models.Model):
    """A worker's question (câu hỏi) to the union, its private answer and its public version."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Đã tiếp nhận")
        ANSWERING = "answering", _("Đang trả lời")
        ANSWERED = "answered", _("Đã trả lời")
        DECLINED = "declined", _("Từ chối trả lời")

    class Publication(models.TextChoices):
        NONE = "none", _("Không công khai")
        DRAFT = "draft", _("Bản công khai đang soạn")
        REVIEW = "review", _("Bản công khai chờ duyệt")
        PUBLISHED = "published", _("Đã công khai")

    code = models.CharField(_("mã theo dõi"), max_length=16, unique=True, editable=False)
    # What the asker wrote. Private: seen only by the staff who answer.
    title = models.CharField(_("tiêu đề câu hỏi"), max_length=200)
    text = models.TextField(_("nội dung câu hỏi"))
    topic = models.ForeignKey(
        Topic, verbose_name=_("chủ đề"), on_delete=models.PROTECT, related_name="questions"
    )
    workplace = models.CharField(_("nơi làm việc"), max_length=200, blank=True)
    district = models.ForeignKey(
        "organizations.UnionBody",
        verbose_name=_("huyện, thành phố"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "district"},
    )
    attachment = models.FileField(
        _("tệp đính kèm"),
        upload_to="hoi-dap/%Y/%m/",
        storage=private_storage,
        blank=True,
        max_length=200,
    )
    asker_name = models.CharField(_("họ và tên người hỏi"), max_length=120, blank=True)
    is_anonymous = models.BooleanField(_("không nêu tên"), default=False)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), max_length=200, blank=True)
    received_at = models.DateTimeField(_("nhận lúc"), auto_now_add=True, db_index=True)

    # Who answers.
    body = models.ForeignKey(
        "organizations.UnionBody",
        verbose_name=_("đơn vị trả lời"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
        help_text=_(
            "Tự chọn khi nhận câu hỏi: công đoàn cấp trên của nơi làm việc, hoặc LĐLĐ huyện "
            "người hỏi chọn (đơn vị kế thừa nếu đã sáp nhập), hoặc LĐLĐ tỉnh."
        ),
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người được giao trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("tình trạng"), max_length=12, choices=Status, default=Status.RECEIVED, db_index=True
    )
    decline_reason = models.TextField(
        _("lý do từ chối"),
        blank=True,
        help_text=_("Người hỏi thấy lý do này trên trang theo dõi. Bắt buộc khi từ chối."),
    )
    private_answer = models.TextField(
        _("trả lời riêng cho người hỏi"),
        blank=True,
        help_text=_("Người hỏi đọc trên trang theo dõi (và nhận qua thư điện tử nếu chọn gửi)."),
    )
    show_answer_on_tracking = models.BooleanField(
        _("hiện câu trả lời riêng trên trang theo dõi"), default=True
    )
    answer_mailed_at = models.DateTimeField(
        _("gửi thư trả lời lúc"), null=True, blank=True, editable=False
    )
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người trả lời"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(
        _("kết thúc lúc"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Khi đã trả lời hoặc từ chối; thời hạn lưu liên lạc tính từ đây."),
    )
    contacts_erased_at = models.DateTimeField(
        _("đã xoá thông tin liên lạc lúc"), null=True, blank=True, editable=False
    )

    # The public version: edited by staff, names and workplaces removed, reviewed.
    publication = models.CharField(
        _("công khai"),
        max_length=12,
        choices=Publication,
        default=Publication.NONE,
        db_index=True,
    )
    public_title = models.CharField(_("tiêu đề công khai"), max_length=200, blank=True)
    public_question = models.TextField(
        _("câu hỏi công khai"),
        blank=True,
        help_text=_("Câu hỏi đã bỏ tên người, tên nơi làm việc và mọi chi tiết nhận ra người hỏi."),
    )
    public_answer = models.TextField(_("câu trả lời công khai"), blank=True)
    legal_basis = models.TextField(
        _("căn cứ pháp lý"),
        blank=True,
        help_text=_(
            "Mỗi dòng một văn bản, ví dụ “Bộ luật Lao động 2019, Điều 98”, "
            "“Luật Bảo hiểm xã hội 2024, Điều 139”."
        ),
    )
    law_changed_note = models.TextField(
        _("lưu ý: quy định đã thay đổi"),
        blank=True,
        help_text=_(
            "Ghi khi văn bản được dẫn đã sửa đổi, thay thế sau ngày trả lời; bạn đọc thấy lưu ý này "
            "ngay trên câu trả lời."
        ),
    )
    anonymised_confirmed = models.BooleanField(
        _("đã xác nhận bỏ thông tin cá nhân"), default=False, editable=False
    )
    slug = models.SlugField(  # NULL until published: unique among those that have one
        _("đường dẫn"), max_length=160, unique=True, null=True, blank=True, editable=False
    )
    published_at = models.DateTimeField(_("công khai lúc"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    read_count = models.PositiveIntegerField(_("lượt đọc"), default=0, editable=False)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)
    # Search documents: built from the public version only, never from what the asker wrote.
    search_title = models.TextField(editable=False, blank=True, default="")
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["-received_at", "-pk"]
        permissions = [("publish_question", _("Có thể duyệt và công khai hỏi đáp"))]
        indexes = [
            models.Index(fields=["publication", "-published_at", "-id"], name="question_pub"),
            models.Index(
                fields=["topic", "publication", "-published_at", "-id"], name="question_topic_pub"
            ),
            models.Index(fields=["publication", "-read_count", "-id"], name="question_most_read"),
            models.Index(fields=["closed_at"], name="question_closed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(publication="published")
                | (
                    Q(published_at__isnull=False, anonymised_confirmed=True, slug__isnull=False)
                    & ~Q(public_title="")
                    & ~Q(public_answer="")
                ),
                name="question_published_is_complete",
                violation_error_message=_(
                    "Hỏi đáp công khai cần tiêu đề, câu trả lời công khai và xác nhận đã bỏ thông "
                    "tin cá nhân."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="question_declined_has_reason",
                violation_error_message=_("Hãy ghi lý do từ chối để người hỏi được biết."),
            ),
            models.CheckConstraint(
                condition=~Q(phone="") | ~Q(email="") | Q(contacts_erased_at__isnull=False),
                name="question_has_contact",
                violation_error_message=_("Cần số điện thoại hoặc thư điện tử của người hỏi."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = codes.new_code()
        self.title = clean_line(self.title)
        self.text = _text(self.text)
        self.workplace = clean_line(self.workplace)
        self.asker_name = clean_line(self.asker_name)
        self.phone = clean_line(self.phone)
        self.email = clean_line(self.email)
        for name in (
            "decline_reason", "private_answer", "public_question", "public_answer",
            "legal_basis", "law_changed_note",
        ):  # fmt: skip
            setattr(self, name, _text(getattr(self, name)))
        self.public_title = clean_line(self.public_title)
        if self.publication == self.Publication.PUBLISHED and not self.slug:
            others = Question.objects.exclude(pk=self.pk)
            self.slug = unique_slug(
                self.public_title,
                lambda s: s in RESERVED_SLUGS or others.filter(slug=s).exists(),
                150,
            )
        self.search_title = normalise(self.public_title)
        self.search_text = normalise(
            " ".join([self.public_title, self.public_question, self.public_answer,
                      self.legal_basis])
        )  # fmt: skip
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("questions:detail", self.slug) if self.slug else ""

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        question = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        question._loaded_publication = question.__dict__.get("publication")
        return question

    def get_tracking_url(self):
        return reverse("questions:track", kwargs={"code": self.code})

    @property
    def display_code(self) -> str:
        return codes.display_code(self.code)

    @property
    def asker_label(self) -> str:
        """How staff see the asker: the name, or that they chose not to give one."""
        if self.is_anonymous or not self.asker_name:
            return str(_("Người hỏi không nêu tên"))
        return self.asker_name

    @property
    def is_public(self) -> bool:
        return self.publication == self.Publication.PUBLISHED

    @property
    def was_public(self) -> bool:
        """Public when it was read from the database (a save may have just taken it down)."""
        return getattr(self, "_loaded_publication", None) == self.Publication.PUBLISHED


class QuestionNote(models.Model):
    """An internal note on a question (ghi chú nội bộ), between the staff who answer."""

    question = models.ForeignKey(
        Question, verbose_name=_("câu hỏi"), on_delete=models.CASCADE, related_name="notes"
    )
    text = models.TextField(_("ghi chú"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("ghi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("ghi chú nội bộ")
        verbose_name_plural = _("ghi chú nội bộ")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]

    def save(self, *args, **kwargs):
        self.text = _text(self.text)
        super().save(*args, **kwargs)


class ContactMessage(models.Model):
    """A message sent from the Liên hệ page (thư liên hệ) to a union body."""

    name = models.CharField(_("họ và tên"), max_length=120, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), max_length=200, blank=True)
    subject = models.CharField(_("tiêu đề"), max_length=200)
    text = models.TextField(_("nội dung"))
    body = models.ForeignKey(
        "organizations.UnionBody",
        verbose_name=_("gửi đến"),
        on_delete=models.PROTECT,
        related_name="contact_messages",
    )
    received_at = models.DateTimeField(_("nhận lúc"), auto_now_add=True, db_index=True)
    handled_at = models.DateTimeField(_("đã xử lý lúc"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contacts_erased_at = models.DateTimeField(
        _("đã xoá thông tin liên lạc lúc"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("thư liên hệ")
        verbose_name_plural = _("thư liên hệ")
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return self.subject

    def save(self, *args, **kwargs):
        self.name = clean_line(self.name)
        self.phone = clean_line(self.phone)
        self.email = clean_line(self.email)
        self.subject = clean_line(self.subject)
        self.text = _text(self.text)
        super().save(*args, **kwargs)


class Submission(models.Model):
    """One form sent from an address (kept as a keyed digest, not the address itself), for the
    rate limits. The database holds them: the limits hold while Redis is down."""

    kind = models.CharField(max_length=20)
    address = models.CharField(max_length=64)
    contact = models.CharField(max_length=64, blank=True)
    contact_alt = models.CharField(max_length=64, blank=True)
    accepted = models.BooleanField(default=False)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lượt gửi biểu mẫu")
        verbose_name_plural = _("lượt gửi biểu mẫu")
        indexes = [
            models.Index(fields=["kind", "address", "at"], name="submission_address"),
            models.Index(fields=["kind", "contact", "at"], name="submission_contact"),
            models.Index(fields=["kind", "contact_alt", "at"], name="submission_contact_alt"),
            models.Index(fields=["at"], name="submission_at"),
        ]

    def __str__(self):
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M}"


class UsedChallenge(models.Model):
    """A proof-of-work challenge already spent: a solved challenge is good for one form only.
    In the database, so a replay is refused while Redis is down too."""

    challenge = models.CharField(max_length=128, unique=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("thử thách đã dùng")
        verbose_name_plural = _("thử thách đã dùng")

    def __str__(self):
        return self.challenge
