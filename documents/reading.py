"""What a document's PDF says: its text (pypdf) for search, its first page as an image
(pdfium) for the document page. Both run in a background task, never in a request."""

import io
import logging

from django.core.files.base import ContentFile

logger = logging.getLogger(__name__)

MAX_PAGES = 200
MAX_CHARS = 200_000
PREVIEW_WIDTH = 600


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        parts, size = [], 0
        for page in reader.pages[:MAX_PAGES]:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size > MAX_CHARS:
                break
        return "\n".join(parts)[:MAX_CHARS]
    except Exception:  # a damaged PDF: no text, the document stays downloadable
        logger.warning("Could not read the text of a PDF", exc_info=True)
        return ""


def first_page_png(data: bytes) -> bytes | None:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
        try:
            if len(pdf) == 0:
                return None
            page = pdf[0]
            width = page.get_width() or PREVIEW_WIDTH
            image = page.render(scale=PREVIEW_WIDTH / width).to_pil()
            out = io.BytesIO()
            image.convert("RGB").save(out, "PNG", optimize=True)
            return out.getvalue()
        finally:
            pdf.close()
    except Exception:
        logger.warning("Could not render the first page of a PDF", exc_info=True)
        return None


def preview_file(slug: str, png: bytes) -> ContentFile:
    return ContentFile(png, name=f"{slug}.png")
