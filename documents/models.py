from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from documents import numbers
from documents.files import validate_document_file
from lsunion import versioning
from lsunion.links import slug_url
from lsunion.models import Stamped
from lsunion.text import clean_line, normalise, unique_slug


class DocumentKind(models.Model):
    """A kind of document (Chỉ thị, Nghị quyết, Kế hoạch…) and the code its symbol carries."""

    name = models.CharField(_("loại văn bản"), max_length=80, unique=True)
    code = models.CharField(
        _("ký hiệu loại"),
        max_length=12,
        blank=True,
        help_text=_("Như trong số, ký hiệu: “CT” trong 34-CT/TW, “KH” trong 58/KH-TLĐ."),
    )
    slug = models.SlugField(_("đường dẫn"), max_length=100, unique=True, blank=True)
    display_order = models.PositiveSmallIntegerField(_("thứ tự hiển thị"), default=100)

    class Meta:
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")
        ordering = ["display_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = clean_line(self.name)
        self.code = clean_line(self.code)
        if not self.slug:
            others = DocumentKind.objects.exclude(pk=self.pk)
            self.slug = unique_slug(self.name, lambda s: others.filter(slug=s).exists(), 90)
        super().save(*args, **kwargs)


class Issuer(models.Model):
    """A body that issues documents: ours (a UnionBody) or an outside one (Bộ Chính trị…)."""

    name = models.CharField(_("cơ quan ban hành"), max_length=200, unique=True)
    code = models.CharField(
        _("ký hiệu cơ quan"),
        max_length=30,
        blank=True,
        help_text=_("Như trong số, ký hiệu: “TW”, “TLĐ”, “LĐLĐ”, “TU”, “UBND”."),
    )
    body = models.ForeignKey(
        "organizations.UnionBody",
        verbose_name=_("tổ chức công đoàn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="document_issuers",
        help_text=_("Chọn khi cơ quan ban hành là một tổ chức công đoàn trên cổng thông tin."),
    )
    slug = models.SlugField(_("đường dẫn"), max_length=160, unique=True, blank=True)
    display_order = models.PositiveSmallIntegerField(_("thứ tự hiển thị"), default=100)

    class Meta:
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")
        ordering = ["display_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = clean_line(self.name)
        self.code = clean_line(self.code)
        if not self.slug:
            others = Issuer.objects.exclude(pk=self.pk)
            self.slug = unique_slug(self.name, lambda s: others.filter(slug=s).exists(), 150)
        super().save(*args, **kwargs)


class Field(models.Model):
    """A field of work (lĩnh vực): thi đua – khen thưởng, chính sách – pháp luật…"""

    name = models.CharField(_("lĩnh vực"), max_length=120, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=140, unique=True, blank=True)
    display_order = models.PositiveSmallIntegerField(_("thứ tự hiển thị"), default=100)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["display_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = clean_line(self.name)
        if not self.slug:
            others = Field.objects.exclude(pk=self.pk)
            self.slug = unique_slug(self.name, lambda s: others.filter(slug=s).exists(), 130)
        super().save(*args, **kwargs)


class DocumentQuerySet(models.QuerySet):
    def published(self):
        """Documents readers may see."""
        return self.filter(is_published=True)

    def in_force(self):
        return self.filter(state=Document.State.IN_FORCE)

    def for_listing(self):
        return self.select_related("kind", "issuer", "field")

    def citing(self, refs):
        """The documents some references may name (one query for all of them)."""
        full, short = numbers.keys(refs)
        if not full and not short:
            return self.none()
        return self.filter(Q(match_key__in=full) | Q(short_key__in=short))


class Document(Stamped):
    """A document of the library (văn bản): a directive, plan, decision, law…"""

    class State(models.TextChoices):
        IN_FORCE = "in_force", _("Còn hiệu lực")
        AMENDED = "amended", _("Đã được sửa đổi, bổ sung")
        REPLACED = "replaced", _("Đã bị thay thế")
        EXPIRED = "expired", _("Hết hiệu lực")

    symbol = models.CharField(
        _("số, ký hiệu"),
        max_length=60,
        help_text=_("Như in trên văn bản: “34-CT/TW”, “58/KH-TLĐ”, “13/2023/NĐ-CP”."),
    )
    number = models.CharField(_("số"), max_length=12, editable=False)
    kind_code = models.CharField(_("ký hiệu loại"), max_length=20, editable=False, blank=True)
    issuer_code = models.CharField(_("ký hiệu cơ quan"), max_length=40, editable=False)
    match_key = models.CharField(max_length=80, editable=False, db_index=True)
    short_key = models.CharField(max_length=40, editable=False, db_index=True, blank=True)
    kind = models.ForeignKey(
        DocumentKind,
        verbose_name=_("loại văn bản"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    issuer = models.ForeignKey(
        Issuer,
        verbose_name=_("cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    owner = models.ForeignKey(
        "organizations.UnionBody",
        verbose_name=_("đơn vị cập nhật"),
        on_delete=models.PROTECT,
        related_name="library_documents",
        help_text=_("Tổ chức công đoàn đưa văn bản lên cổng thông tin và chịu trách nhiệm về nó."),
    )
    issued_on = models.DateField(_("ngày ban hành"))
    year = models.PositiveSmallIntegerField(_("năm"), editable=False)
    effective_on = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    signer = models.CharField(_("người ký"), max_length=160, blank=True)
    summary = models.TextField(
        _("trích yếu"), help_text=_("Ví dụ: “Về tiếp tục đổi mới công tác thi đua, khen thưởng”.")
    )
    field = models.ForeignKey(
        Field,
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    file = models.FileField(
        _("tệp văn bản"),
        upload_to="van-ban/%Y/",
        blank=True,
        validators=[validate_document_file],
        help_text=_("PDF, DOC hoặc DOCX, tối đa 20 MB. Tệp được kiểm tra theo nội dung."),
    )
    state = models.CharField(
        _("tình trạng hiệu lực"), max_length=10, choices=State, default=State.IN_FORCE
    )
    replaces = models.ManyToManyField(
        "self",
        verbose_name=_("thay thế văn bản"),
        symmetrical=False,
        blank=True,
        related_name="replaced_by",
    )
    amends = models.ManyToManyField(
        "self",
        verbose_name=_("sửa đổi, bổ sung văn bản"),
        symmetrical=False,
        blank=True,
        related_name="amended_by",
    )
    is_published = models.BooleanField(
        _("công khai trên cổng thông tin"),
        default=True,
        help_text=_("Bỏ chọn để ẩn văn bản với bạn đọc."),
    )
    slug = models.SlugField(_("đường dẫn"), max_length=160, unique=True, blank=True)
    pdf_text = models.TextField(_("nội dung trích từ PDF"), editable=False, blank=True)
    text_source = models.CharField(max_length=255, editable=False, blank=True)
    preview = models.ImageField(
        _("ảnh trang đầu"), upload_to="van-ban/xem-truoc/", editable=False, blank=True
    )
    search_title = models.TextField(editable=False, blank=True, default="")
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-issued_on", "-pk"]
        indexes = [
            models.Index(fields=["-issued_on", "-id"], name="document_issued"),
            models.Index(fields=["kind", "-issued_on"], name="document_kind_issued"),
            models.Index(fields=["issuer", "-issued_on"], name="document_issuer_issued"),
            models.Index(fields=["year", "-issued_on"], name="document_year_issued"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["match_key", "year"],
                name="document_symbol_unique_per_year",
                violation_error_message=_(
                    "Thư viện đã có văn bản mang số, ký hiệu này trong năm đó."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(match_key=""),
                name="document_symbol_read",
                violation_error_message=_("Số, ký hiệu phải có số và cơ quan ban hành."),
            ),
            models.CheckConstraint(
                condition=Q(year=ExtractYear("issued_on")),
                name="document_year_matches_date",
                violation_error_message=_("Năm phải khớp với ngày ban hành."),
            ),
        ]

    def __str__(self):
        return f"{self.kind.name} {self.symbol}" if self.kind_id else self.symbol

    def clean(self):
        self.symbol = clean_line(self.symbol)
        if self.read_symbol() is None:
            raise ValidationError(
                {
                    "symbol": _(
                        "Không đọc được số, ký hiệu “%(symbol)s”: hãy ghi như trên văn bản, "
                        "ví dụ 34-CT/TW, 58/KH-TLĐ, 123/QĐ-LĐLĐ, 13/2023/NĐ-CP."
                    )
                    % {"symbol": self.symbol}
                }
            )
        if self.issued_on:
            self.year = self.issued_on.year
            # match_key and year are not form fields, so forms skip the constraint on them.
            twins = Document.objects.exclude(pk=self.pk)
            if twins.filter(match_key=self.match_key, year=self.year).exists():
                raise ValidationError(
                    {"symbol": _("Thư viện đã có văn bản mang số, ký hiệu này trong năm đó.")}
                )

    def save(self, *args, **kwargs):
        self.symbol = clean_line(self.symbol)
        self.signer = clean_line(self.signer)
        self.summary = clean_line(self.summary)
        self.read_symbol()
        if self.issued_on:
            self.year = self.issued_on.year
        if not self.slug:
            others = Document.objects.exclude(pk=self.pk)
            self.slug = unique_slug(
                f"{self.kind.name} {self.symbol} {self.year}",
                lambda s: others.filter(slug=s).exists(),
                150,
            )
        self._keep_what_was_read()
        self.search_title, self.search_text = self.search_document()
        super().save(*args, **kwargs)

    def _keep_what_was_read(self) -> None:
        """The file's text and first page are written by a background task: a copy of the
        document loaded before it ran must not save them away."""
        if self.pk is None:
            return
        stored = (
            Document.objects.filter(pk=self.pk)
            .values("file", "pdf_text", "text_source", "preview")
            .first()
        )
        if stored and stored["file"] == (self.file.name or "") == stored["text_source"]:
            self.pdf_text, self.text_source = stored["pdf_text"], stored["text_source"]
            self.preview = stored["preview"]

    def get_absolute_url(self):
        return slug_url("documents:detail", self.slug)

    def get_download_url(self):
        return reverse("documents:download", kwargs={"slug": self.slug})

    def read_symbol(self) -> numbers.Reference | None:
        """Number, kind code and issuer code from the symbol as written."""
        ref = numbers.parse_symbol(self.symbol)
        if ref is not None and ref.key and ref.symbol != self.symbol:
            self.symbol = ref.symbol  # typed with its kind: "Chỉ thị số 34-CT/TW"
        if ref is None or not ref.key:
            self.number, self.kind_code, self.issuer_code = "", "", ""
            self.match_key = self.short_key = ""
            return None
        self.number, self.kind_code, self.issuer_code = ref.number, ref.kind_code, ref.issuer_code
        self.match_key = ref.key
        # "Luật 50": a symbol without a kind code is cited short by its kind's code.
        if not ref.kind_code and self.kind_id and self.kind.code:
            self.short_key = f"{int(ref.number)}|{numbers.code_key(self.kind.code)}"
        else:
            self.short_key = ref.short_key
        return ref

    def search_document(self, pdf_text: str | None = None) -> tuple[str, str]:
        """The normalised title (how it is cited) and whole text (facts and the PDF's text)."""
        kind = self.kind.name if self.kind_id else ""
        issuer = self.issuer.name if self.issuer_id else ""
        title = f"{kind} {self.symbol} năm {self.year} {kind} số {self.symbol} {issuer}"
        text = " ".join(
            [
                title,
                self.issued_on.strftime("ngày %d/%m/%Y %-d/%-m/%Y") if self.issued_on else "",
                self.summary,
                self.signer,
                self.field.name if self.field_id else "",
                (self.pdf_text if pdf_text is None else pdf_text)[:100_000],
            ]
        )
        return normalise(title), normalise(text)

    @property
    def title(self) -> str:
        """How the document is cited: “Chỉ thị số 34-CT/TW”."""
        return f"{self.kind.name} số {self.symbol}"

    @property
    def file_kind(self) -> str:
        """ "PDF", "DOC" or "DOCX" (the content was checked on upload)."""
        return self.file.name.rsplit(".", 1)[-1].upper() if self.file else ""

    @property
    def is_pdf(self) -> bool:
        return self.file_kind == "PDF"


class Citation(models.Model):
    """A document number found in a registered text (lsunion.citations) when it was saved:
    what cites a document, and what is cited but not in the library yet."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    key = models.CharField(max_length=80, blank=True, db_index=True)
    short_key = models.CharField(max_length=40, blank=True, db_index=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.CharField(_("trích dẫn"), max_length=200)

    class Meta:
        verbose_name = _("trích dẫn văn bản")
        verbose_name_plural = _("trích dẫn văn bản")
        ordering = ["pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="citation_source")]

    def __str__(self):
        return self.text


versioning.register(Document)
