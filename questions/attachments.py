"""Attachments to questions: a photo of a contract or pay slip, or a PDF, checked by content.

Photos are re-encoded without metadata (a phone photo carries where it was taken), PDFs are
kept as sent; both get a random name, since the original one often holds the asker's name.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from lsunion import documents, images


def _too_large() -> ValidationError:
    limit = settings.QUESTIONS_ATTACHMENT_MAX_BYTES // (1024 * 1024)
    return ValidationError(
        _("Tệp đính kèm quá lớn: tối đa %(limit)s MB.") % {"limit": limit}, code="too_large"
    )


def is_pdf(upload) -> bool:
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    return documents.PDF_SIGNATURE in head


def validate(upload) -> None:
    """Accept a JPEG, PNG, GIF or WebP image or a PDF whose content says so; else a
    Vietnamese message."""
    if upload.size is not None and upload.size > settings.QUESTIONS_ATTACHMENT_MAX_BYTES:
        raise _too_large()
    if is_pdf(upload):
        documents.validate_pdf(upload)
        return
    try:
        images.inspect(upload)
    except ValidationError:
        raise ValidationError(
            _(
                "Chỉ nhận ảnh (JPEG, PNG, GIF, WebP) hoặc tệp PDF. Tệp đã chọn không phải ảnh "
                "hay PDF hợp lệ, hoặc phần mở rộng không khớp với nội dung."
            ),
            code="invalid_attachment",
        ) from None


def cleaned(upload) -> ContentFile:
    """What is stored: the photo without metadata, or the PDF as it came, under a random name."""
    if is_pdf(upload):
        upload.seek(0)
        return ContentFile(upload.read(), name=f"{secrets.token_hex(10)}.pdf")
    photo = images.clean(upload)
    ext = photo.name.rsplit(".", 1)[-1]
    photo.name = f"{secrets.token_hex(10)}.{ext}"
    return photo
