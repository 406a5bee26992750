"""Site search finds a document however a reader writes its number, before the articles
that cite it, and by the words of its PDF."""

from datetime import date

import pytest
from django.core.files.base import ContentFile

from documents.models import Document
from tests.documents.conftest import make_pdf
from tests.factories import ArticleFactory, DocumentFactory, DocumentKindFactory, IssuerFactory

pytestmark = pytest.mark.django_db


def results(client, q) -> str:
    response = client.get("/tim-kiem/", {"q": q})
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1]


@pytest.fixture
def library():
    plan = DocumentKindFactory(name="Kế hoạch", code="KH")
    tld = IssuerFactory(name="Tổng Liên đoàn Lao động Việt Nam", code="TLĐ")
    ct34 = DocumentFactory(symbol="34-CT/TW", issued_on=date(2014, 4, 7))
    # Newer, citing it in its summary: it must not come first for "34-CT/TW".
    DocumentFactory(symbol="58/KH-TLĐ", kind=plan, issuer=tld, issued_on=date(2014, 9, 25),
                    summary="Về thực hiện Chỉ thị số 34-CT/TW của Bộ Chính trị")  # fmt: skip
    DocumentFactory(symbol="34-CT/TW", issued_on=date(1998, 6, 1), summary="Một chỉ thị cũ")
    # Articles citing it, newer than it: documents still come first.
    for i in range(3):
        ArticleFactory(title=f"Thực hiện Chỉ thị 34-CT/TW năm 2014 ({i})",
                       body="<p>Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị</p>")  # fmt: skip
    return ct34


@pytest.mark.parametrize("q", ["34-CT/TW", "34 CT TW", "chi thi 34", "chỉ thị 34 năm 2014",
                               "Chỉ thị số 34-CT/TW", "34/CT-TW"])  # fmt: skip
def test_a_document_is_found_first_however_its_number_is_typed(client, library, q):
    page = results(client, q)
    first = page.split('class="search-result"', 2)[1]
    assert f'href="{library.get_absolute_url()}"' in first, first[:500]


def test_the_year_typed_picks_the_directive_of_that_year(client, library):
    DocumentFactory(symbol="34-CT/TU", issuer=IssuerFactory(name="Tỉnh ủy", code="TU"),
                    issued_on=date(2019, 3, 1), summary="Về công tác dân vận")  # fmt: skip
    for q in ("chỉ thị 34 năm 2014", "chi thi 34 nam 2014"):
        first = results(client, q).split('class="search-result"', 2)[1]
        assert f'href="{library.get_absolute_url()}"' in first
    first = results(client, "34-CT/TU").split('class="search-result"', 2)[1]
    assert 'href="/van-ban/chi-thi-34-ct-tu-2019/"' in first


def test_a_word_only_in_the_pdf_finds_the_document(client, django_capture_on_commit_callbacks):
    document = DocumentFactory(symbol="7/HD-TLĐ", kind=DocumentKindFactory(name="Hướng dẫn",
                               code="HD"), issuer=IssuerFactory(name="Tổng Liên đoàn", code="TLĐ"))  # fmt: skip
    assert f'href="{document.get_absolute_url()}"' not in results(client, "xkorvalenta")
    with django_capture_on_commit_callbacks(execute=True):
        document.file.save(
            "hd7.pdf", ContentFile(make_pdf("Quy trình Xkorvalenta kết nạp đoàn viên"))
        )
    document.refresh_from_db()
    assert "xkorvalenta" in document.search_text and document.text_source == document.file.name
    page = results(client, "xkorvalenta")
    assert f'href="{document.get_absolute_url()}"' in page


def test_a_word_the_pdf_does_not_hold_finds_nothing(client, django_capture_on_commit_callbacks):
    document = DocumentFactory(symbol="8/HD-TLĐ")
    with django_capture_on_commit_callbacks(execute=True):
        document.file.save("hd8.pdf", ContentFile(make_pdf("Quy trình kết nạp đoàn viên")))
    assert f'href="{document.get_absolute_url()}"' not in results(client, "xkorvalenta")


def test_the_pdfs_first_page_is_shown_as_an_image(client, django_capture_on_commit_callbacks):
    document = DocumentFactory(symbol="9/HD-TLĐ")
    with django_capture_on_commit_callbacks(execute=True):
        document.file.save("hd9.pdf", ContentFile(make_pdf("Trang đầu")))
    document.refresh_from_db()
    assert document.preview.name.endswith(".png")
    assert document.preview.width == 600
    page = client.get(document.get_absolute_url()).content.decode()
    assert (
        f'src="{document.preview.url}"' in page
        and 'alt="Trang đầu của chỉ thị số 9/HD-TLĐ"' in page
    )


def test_a_damaged_pdf_leaves_the_document_downloadable_without_text(
    client, django_capture_on_commit_callbacks
):
    document = DocumentFactory(symbol="10/HD-TLĐ")
    with django_capture_on_commit_callbacks(execute=True):
        document.file.save("hd10.pdf", ContentFile(b"%PDF-1.7\nnot really a pdf"))
    document.refresh_from_db()
    assert document.pdf_text == "" and not document.preview
    assert client.get(document.get_absolute_url()).status_code == 200
    assert Document.objects.count() == 1
