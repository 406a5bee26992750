from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lsunion.text import clean_line, normalise


class Abbreviation(models.Model):
    """An abbreviation of the union's language and what it stands for (LĐLĐ = Liên đoàn Lao động).

    Search treats the two as the same words, both ways.
    """

    short = models.CharField(_("viết tắt"), max_length=30, unique=True, help_text=_("Ví dụ: LĐLĐ"))
    expansion = models.CharField(
        _("viết đầy đủ"), max_length=200, help_text=_("Ví dụ: Liên đoàn Lao động")
    )
    is_active = models.BooleanField(_("đang dùng khi tìm kiếm"), default=True)

    class Meta:
        verbose_name = _("từ viết tắt")
        verbose_name_plural = _("từ viết tắt (dùng khi tìm kiếm)")
        ordering = ["short"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(short="") & ~models.Q(expansion=""),
                name="abbreviation_not_empty",
                violation_error_message=_("Cần có cả từ viết tắt và nghĩa đầy đủ."),
            )
        ]

    def __str__(self):
        return f"{self.short} = {self.expansion}"

    def save(self, *args, **kwargs):
        self.short = clean_line(self.short)
        self.expansion = clean_line(self.expansion)
        super().save(*args, **kwargs)

    def phrases(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return tuple(normalise(self.short).split()), tuple(normalise(self.expansion).split())


class Stamped(models.Model):
    """Who created and last changed a record, and when (stamped by the admin's save_model)."""

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người sửa cuối"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


class OutgoingMail(models.Model):
    """A mail the portal sends (thư gửi đi): kept until it has gone, retried while it fails."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("chờ gửi")
        FAILED = "failed", _("gửi lỗi")
        SENT = "sent", _("đã gửi")

    kind = models.CharField(_("loại thư"), max_length=60, blank=True)
    subject = models.CharField(_("tiêu đề"), max_length=250)
    body = models.TextField(_("nội dung"))
    recipients = models.TextField(_("người nhận"), help_text=_("Mỗi địa chỉ một dòng."))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("số lần thử"), default=0)
    last_error = models.TextField(_("lỗi lần cuối"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True, db_index=True)
    last_attempt_at = models.DateTimeField(_("thử lần cuối lúc"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(
        _("sẽ thử lại lúc"),
        null=True,
        blank=True,
        help_text=_("Trống khi thư đã gửi hoặc đã hết số lần tự thử lại."),
    )
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thư gửi đi")
        verbose_name_plural = _("thư gửi đi")
        ordering = ["-created_at", "-pk"]
        permissions = [("send_outgoingmail", _("Gửi lại thư ngay"))]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(recipients=""), name="outgoingmail_has_recipients"
            )
        ]

    def __str__(self):
        return self.subject

    @property
    def recipient_list(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]
