"""The public library: /van-ban/ with its filters, a document's page, the download, the Atom
feed and the sitemap – what a reader may see, in constant queries."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.core.files.base import ContentFile

from documents.models import Document
from tests.factories import (
    ArticleFactory,
    DecisionFactory,
    DocumentFactory,
    DocumentKindFactory,
    FieldFactory,
    IssuerFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def main(response) -> str:
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


@pytest.fixture
def library():
    plan = DocumentKindFactory(name="Kế hoạch", code="KH")
    tld = IssuerFactory(name="Tổng Liên đoàn Lao động Việt Nam", code="TLĐ")
    field = FieldFactory(name="Thi đua – Khen thưởng")
    return {
        "ct34": DocumentFactory(symbol="34-CT/TW", issued_on=date(2014, 4, 7), field=field),
        "kh58": DocumentFactory(symbol="58/KH-TLĐ", kind=plan, issuer=tld,
                                issued_on=date(2014, 9, 25), summary="Về thực hiện Chỉ thị 34"),
        "ct30": DocumentFactory(symbol="30-CT/TU", issuer=IssuerFactory(name="Ban Thường vụ "
                                "Tỉnh ủy Lạng Sơn", code="TU"), issued_on=date(2014, 11, 18)),
        "old": DocumentFactory(symbol="05-CT/TW", issued_on=date(2011, 5, 1)),
        "hidden": DocumentFactory(symbol="99-CT/TW", issued_on=date(2015, 1, 1),
                                  is_published=False),
    }  # fmt: skip


def titles(page: str) -> list[str]:
    return [part.split("</a>", 1)[0].rsplit(">", 1)[-1] for part in page.split(
        'class="card-title"')[1:]]  # fmt: skip


def test_the_library_lists_published_documents_newest_first(client, library):
    assert titles(main(client.get("/van-ban/"))) == [
        "Chỉ thị số 30-CT/TU", "Kế hoạch số 58/KH-TLĐ", "Chỉ thị số 34-CT/TW", "Chỉ thị số 05-CT/TW",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"loai": "ke-hoach"}, ["Kế hoạch số 58/KH-TLĐ"]),
        ({"co_quan": "ban-thuong-vu-tinh-uy-lang-son"}, ["Chỉ thị số 30-CT/TU"]),
        ({"linh_vuc": "thi-dua-khen-thuong"}, ["Chỉ thị số 34-CT/TW"]),
        ({"nam": "2011"}, ["Chỉ thị số 05-CT/TW"]),
        ({"nam": "2014", "loai": "chi-thi"}, ["Chỉ thị số 30-CT/TU", "Chỉ thị số 34-CT/TW"]),
        ({"q": "34-CT/TW"}, ["Chỉ thị số 34-CT/TW"]),
        ({"q": "thuc hien chi thi"}, ["Kế hoạch số 58/KH-TLĐ"]),
    ],
)
def test_the_library_filters_by_kind_issuer_field_year_and_words(client, library, params,
                                                                 expected):  # fmt: skip
    assert titles(main(client.get("/van-ban/", params))) == expected


@pytest.mark.parametrize(
    "params",
    [{"nam": "abc"}, {"nam": "99999"}, {"loai": "khong-co"}, {"page": "x"}, {"page": "999"},
     {"q": "a" * 500}, {"hieu_luc": "bogus"}, {"q": "\x00"}],
)  # fmt: skip
def test_junk_filters_are_ignored_never_a_server_error(client, library, params):
    assert client.get("/van-ban/", params).status_code in (200, 400)


def test_filter_lists_are_in_vietnamese_order(client):
    for name in ["Ủy ban nhân dân tỉnh Lạng Sơn", "Đảng ủy Khối", "Chính phủ", "Bộ Chính trị",
                 "Quốc hội", "Dân vận"]:  # fmt: skip
        DocumentFactory(issuer=IssuerFactory(name=name, code="X"))
    page = main(client.get("/van-ban/"))
    select = page.split('name="co_quan"', 1)[1].split("</select>", 1)[0]
    options = [o.split("</option>")[0].rsplit(">", 1)[-1] for o in select.split("<option")[2:]]
    assert options == ["Bộ Chính trị", "Chính phủ", "Dân vận", "Đảng ủy Khối", "Quốc hội",
                       "Ủy ban nhân dân tỉnh Lạng Sơn"]  # fmt: skip


def test_the_library_runs_the_same_queries_with_5_and_60_documents(page_queries):
    kinds = [
        DocumentKindFactory(name=n, code=c) for n, c in [("Chỉ thị", "CT"), ("Kế hoạch", "KH")]
    ]
    fields = [FieldFactory(name=n) for n in ("Thi đua – Khen thưởng", "Nữ công")]

    def build(start, n):
        for i in range(start, start + n):
            DocumentFactory(
                kind=kinds[i % 2], field=fields[i % 2], issued_on=date(2010 + i % 12, 1 + i % 12, 1),
                symbol=f"{i + 1}-{kinds[i % 2].code}/TW",
            )  # fmt: skip

    def measure():
        return {
            str(params): page_queries("/van-ban/", params)
            for params in [{}, {"loai": "chi-thi", "nam": "2014"}, {"q": "thi dua"}, {"page": "2"}]
        }

    build(0, 5)
    small = measure()
    build(5, 55)
    large = measure()
    assert small == large
    assert max(large.values()) <= 4


def test_a_documents_page_shows_its_facts_links_and_download(client, library, pdf_bytes):
    ct34, kh58 = library["ct34"], library["kh58"]
    ct34.file.save("ct34.pdf", ContentFile(pdf_bytes))
    ct34.signer = "Nguyễn Phú Trọng"
    ct34.effective_on = date(2014, 4, 7)
    ct34.save()
    page = main(client.get(ct34.get_absolute_url()))
    assert "<h1>Chỉ thị số 34-CT/TW</h1>" in page
    for fact in ["Bộ Chính trị", "07/04/2014", "Nguyễn Phú Trọng", "Thi đua – Khen thưởng",
                 "Còn hiệu lực", "Về tiếp tục đổi mới công tác thi đua, khen thưởng"]:  # fmt: skip
        assert fact in page
    assert f'href="{ct34.get_download_url()}"' in page and "Tải văn bản (PDF)" in page
    assert client.get(library["hidden"].get_absolute_url()).status_code == 404
    assert client.get(kh58.get_download_url()).status_code == 404  # no file


def test_a_document_page_says_what_it_replaces_and_what_replaced_it(client):
    old = DocumentFactory(symbol="12/2012/QH13", issued_on=date(2012, 6, 20),
                          kind=DocumentKindFactory(name="Luật", code="L"), summary="Luật Công đoàn")  # fmt: skip
    new = DocumentFactory(symbol="50/2024/QH15", issued_on=date(2024, 11, 27), kind=old.kind,
                          summary="Luật Công đoàn")  # fmt: skip
    new.replaces.add(old)
    Document.objects.filter(pk=old.pk).update(state=Document.State.REPLACED)
    old_page = main(client.get(old.get_absolute_url()))
    assert "Đã bị thay thế" in old_page
    assert (
        f'Bị thay thế bởi <a href="{new.get_absolute_url()}">Luật số 50/2024/QH15</a>' in old_page
    )
    new_page = main(client.get(new.get_absolute_url()))
    assert f'Thay thế <a href="{old.get_absolute_url()}">Luật số 12/2012/QH13</a>' in new_page


def test_a_document_page_lists_the_articles_meetings_and_decisions_citing_it(client, library):
    article = ArticleFactory(title="Tổng kết thi đua", body="<p>Theo Chỉ thị số 34-CT/TW.</p>")
    ArticleFactory(title="Bài nháp", body="<p>Chỉ thị số 34-CT/TW</p>", draft=True)
    meeting = MeetingFactory(title="Hội nghị BCH", outcomes="<p>Quán triệt Chỉ thị 34/CT-TW</p>")
    decision = DecisionFactory(legal_basis="Căn cứ Chỉ thị số 34-CT/TW ngày 07/4/2014;")
    ArticleFactory(title="Chỉ thị khác năm", body="<p>Chỉ thị số 34-CT/TW ngày 1/1/2020</p>")
    page = main(client.get(library["ct34"].get_absolute_url()))
    for item in (article, meeting, decision):
        assert f'href="{item.get_absolute_url()}"' in page
    assert "Bài nháp" not in page and "Chỉ thị khác năm" not in page


def test_a_document_page_runs_the_same_queries_with_1_and_20_citing_texts(page_queries, library):
    ct34 = library["ct34"]
    new = DocumentFactory(symbol="50-CT/TW", issued_on=date(2016, 1, 1))
    new.replaces.add(ct34)

    def cite(n):
        for i in range(n):
            ArticleFactory(body=f"<p>Chỉ thị số 34-CT/TW, bài {i}</p>")
            MeetingFactory(outcomes=f"<p>Chỉ thị số 34-CT/TW, hội nghị {i}</p>")
            DecisionFactory(legal_basis=f"Chỉ thị số 34-CT/TW; quyết định {i}")

    cite(1)
    small = page_queries(ct34.get_absolute_url())
    cite(19)
    assert page_queries(ct34.get_absolute_url()) == small <= 9


def test_the_download_is_an_attachment_that_no_browser_runs(client, library, pdf_bytes):
    ct34 = library["ct34"]
    ct34.file.save("ct34.pdf", ContentFile(pdf_bytes))
    response = client.get(ct34.get_download_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{ct34.slug}.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == pdf_bytes


def test_the_atom_feed_lists_new_documents_and_no_hidden_one(client, library):
    feed = ET.fromstring(client.get("/van-ban/atom/").content)
    entries = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert "Chỉ thị số 34-CT/TW – Về tiếp tục đổi mới công tác thi đua, khen thưởng" in entries
    assert len(entries) == 4 and not any("99-CT/TW" in e for e in entries)


def test_documents_are_in_the_sitemap(client, library):
    root = ET.fromstring(client.get("/sitemap-van-ban.xml").content)
    urls = {e.findtext(f"{SITEMAP}loc") for e in root.iter(f"{SITEMAP}url")}
    assert f"http://testserver{library['ct34'].get_absolute_url()}" in urls
    assert not any("99-ct-tw" in url for url in urls)
