"""Document files in: PDF, DOC or DOCX, accepted by their content, not by their name.

A file whose content is not what its name says (a page of script renamed .pdf, an
executable renamed .doc) is refused with a form error. Files are served only as downloads
(documents.views.download: attachment, nosniff, sandbox), never rendered in the site's origin.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PDF_SIGNATURE = b"%PDF-"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 (.doc)
ZIP_SIGNATURE = b"PK\x03\x04"
EXTENSIONS = (".pdf", ".doc", ".docx")


def kind_of(upload) -> str | None:
    """ "pdf", "doc" or "docx" from the file's content; None when it is none of them."""
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if head.startswith(PDF_SIGNATURE):
        return "pdf"
    if head.startswith(OLE_SIGNATURE):
        return "doc"
    if head.startswith(ZIP_SIGNATURE):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            upload.seek(0)
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return "docx"
    return None


def validate_document_file(upload) -> None:
    limit = getattr(settings, "DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("Tệp quá lớn: tối đa %(limit)s MB.") % {"limit": limit // (1024 * 1024)},
            code="too_large",
        )
    name = (getattr(upload, "name", "") or "").lower()
    extension = next((e for e in EXTENSIONS if name.endswith(e)), None)
    if extension is None:
        raise ValidationError(_("Chỉ nhận tệp PDF, DOC hoặc DOCX."), code="bad_extension")
    if getattr(upload, "_committed", False) and not hasattr(upload, "content_type"):
        return  # the file already stored (a form saved again without a new upload)
    found = kind_of(upload)
    if found != extension[1:]:
        raise ValidationError(
            _("Nội dung tệp “%(name)s” không phải là %(kind)s: tệp bị từ chối.")
            % {"name": upload.name.rsplit("/", 1)[-1], "kind": extension[1:].upper()},
            code="content_mismatch",
        )
