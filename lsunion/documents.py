"""Documents in: PDFs are accepted by their signature, not by their name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PDF_SIGNATURE = b"%PDF-"


def validate_pdf(upload) -> None:
    """Accept only a real PDF of reasonable size, whose name also says .pdf."""
    limit = getattr(settings, "DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("Tệp quá lớn: tối đa %(limit)s MB.") % {"limit": limit // (1024 * 1024)},
            code="too_large",
        )
    name = (getattr(upload, "name", "") or "").lower()
    if not name.endswith(".pdf"):
        raise ValidationError(_("Chỉ nhận tệp PDF (.pdf)."), code="not_pdf")
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if PDF_SIGNATURE not in head:
        raise ValidationError(_("Tệp không phải là PDF hợp lệ."), code="not_pdf")
