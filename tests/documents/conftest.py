import io
import zipfile

import pytest

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def make_pdf(text: str) -> bytes:
    """A real one-page PDF with this text (WeasyPrint, as the demo makes them)."""
    from weasyprint import HTML

    html = f'<html lang="vi"><body style="font-family: DejaVu Sans"><p>{text}</p></body></html>'
    return HTML(string=html).write_pdf()


def make_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def make_doc() -> bytes:
    return OLE + b"\x00" * 1024


@pytest.fixture(scope="session")
def pdf_bytes():
    return make_pdf("Chỉ thị về tiếp tục đổi mới công tác thi đua, khen thưởng")
