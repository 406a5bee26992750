"""Search as Vietnamese readers type: diacritics, đ, case, NFD and the union's abbreviations."""

import json
import unicodedata
from datetime import timedelta

import pytest
from django.utils import timezone

from lsunion.models import Abbreviation
from tests.factories import ArticleFactory, MeetingFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db


def found(client, q, **params) -> str:
    response = client.get("/tim-kiem/", {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1]


@pytest.fixture
def dinh_lap(db):
    return ArticleFactory(title="Công đoàn huyện Đình Lập tổ chức Đại hội")


@pytest.mark.parametrize(
    "typed",
    [
        "cong doan dinh lap",
        "Công đoàn Đình Lập",
        "CÔNG ĐOÀN ĐÌNH LẬP",
        "CONG DOAN DINH LAP",
        unicodedata.normalize("NFD", "Công đoàn Đình Lập"),
        "  công   đoàn,  đình-lập  ",
    ],
    ids=["no-diacritics", "diacritics", "capitals", "capitals-no-diacritics", "nfd", "punctuation"],
)
def test_same_article_is_found_however_the_reader_types(client, dinh_lap, typed):
    assert "Đình Lập tổ chức Đại hội" in found(client, typed).replace("<mark>", "").replace(
        "</mark>", ""
    )


def test_d_stroke_is_matched_as_d_and_never_dropped(client):
    ArticleFactory(title="Đoàn viên Đồng Đăng nhận quà Tết")
    ArticleFactory(title="Oan viên ồng ăng")  # what a naive unaccent that drops đ would match
    page = found(client, "doan vien dong dang")
    assert "Nhận quà Tết".lower() in page.lower()
    assert "Oan viên" not in page


@pytest.mark.parametrize(
    ("short", "expansion"),
    [
        ("LĐLĐ", "Liên đoàn Lao động"),
        ("CĐCS", "công đoàn cơ sở"),
        ("CNVCLĐ", "công nhân viên chức lao động"),
        ("BCH", "Ban Chấp hành"),
        ("BTV", "Ban Thường vụ"),
        ("UBKT", "Ủy ban Kiểm tra"),
        ("TLĐ", "Tổng Liên đoàn"),
    ],
)
def test_each_abbreviation_matches_its_expansion_both_ways(client, short, expansion):
    written_short = ArticleFactory(
        title=f"Tin thứ nhất của {short} Lạng Sơn", body="<p>Nội dung.</p>"
    )
    written_long = ArticleFactory(
        title=f"Tin thứ hai của {expansion} Lạng Sơn", body="<p>Nội dung.</p>"
    )
    for typed in (short, expansion, unicodedata.normalize("NFD", short.lower())):
        page = found(client, f"{typed} lang son")
        assert f"/tin-tuc/{written_short.slug}/" in page, typed
        assert f"/tin-tuc/{written_long.slug}/" in page, typed


def test_abbreviations_are_an_editable_list_not_hard_coded(client):
    article = ArticleFactory(title="Hội thao công nhân lao động khu công nghiệp")
    assert f"/tin-tuc/{article.slug}/" not in found(client, "HTCN")
    Abbreviation.objects.create(short="HTCN", expansion="hội thao công nhân")
    assert f"/tin-tuc/{article.slug}/" in found(client, "HTCN")


def test_ranking_title_then_body_all_words_before_some_then_recency(client):
    now = timezone.now()

    def article(title, age, body="<p>Tin tức.</p>"):
        return ArticleFactory(title=title, body=body, summary="", published_at=now - age)

    in_body_new = article("Tin hoạt động tháng Mười", timedelta(days=1),
                          body="<p>Hội nghị sơ kết tại Đình Lập.</p>")  # fmt: skip
    in_title_old = article("Hội nghị sơ kết tại Đình Lập", timedelta(days=300))
    in_title_new = article("Đình Lập: hội nghị sơ kết 6 tháng", timedelta(days=5))
    some_words = article("Hội nghị Ban Chấp hành", timedelta(hours=1))
    unrelated = article("Giải bóng đá công nhân", timedelta(0))

    page = found(client, "hoi nghi so ket dinh lap", loai="tin-bai")
    order = [
        page.index(f"/tin-tuc/{a.slug}/")
        for a in (in_title_new, in_title_old, in_body_new, some_words)
    ]
    assert order == sorted(order)
    assert f"/tin-tuc/{unrelated.slug}/" not in page
    assert "Kết quả khớp một phần" in page


def test_drafts_and_future_articles_never_appear_in_search(client):
    ArticleFactory(title="Đại hội công đoàn đã xuất bản")
    ArticleFactory(title="Đại hội công đoàn bản nháp", draft=True)
    ArticleFactory(title="Đại hội công đoàn hẹn giờ", scheduled=True)
    page = found(client, "dai hoi cong doan")
    assert "bản nháp" not in page and "hẹn giờ" not in page
    assert "đã xuất bản" in page


def test_search_covers_bodies_and_meetings_grouped_articles_first(client):
    body = UnionBodyFactory(name="Liên đoàn Lao động huyện Bắc Sơn", short_name="LĐLĐ Bắc Sơn")
    meeting = MeetingFactory(title="Hội nghị BCH LĐLĐ huyện Bắc Sơn lần thứ 5", organiser=body)
    article = ArticleFactory(title="LĐLĐ huyện Bắc Sơn trao quà cho đoàn viên")
    page = found(client, "ldld bac son")
    headings = [page.index(f'id="nhom-{key}"') for key in ("tin-bai", "to-chuc", "hoi-nghi")]
    assert headings == sorted(headings)
    for url in (article.get_absolute_url(), body.get_absolute_url(), meeting.get_absolute_url()):
        assert url in page


def test_matching_passage_is_highlighted_and_escaped(client):
    ArticleFactory(
        title="Tin tổng hợp",
        body="<p>Mở đầu. Sáng nay <b>LĐLĐ</b> tỉnh tổ chức hội nghị &lt;script&gt;alert(1)&lt;/script&gt; tại Đình Lập.</p>",
    )  # fmt: skip
    page = found(client, "dinh lap")
    assert "<mark>Đình Lập</mark>" in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_filters_by_type_category_and_year(client):
    old = ArticleFactory(
        title="Đại hội công đoàn năm cũ", published_at=timezone.now().replace(year=2019)
    )
    new = ArticleFactory(title="Đại hội công đoàn năm nay")
    page = found(client, "dai hoi", loai="tin-bai", nam="2019")
    assert old.get_absolute_url() in page and new.get_absolute_url() not in page
    page = found(client, "dai hoi", chuyen_muc=new.category.slug)
    assert new.get_absolute_url() in page and old.get_absolute_url() not in page


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\x00"}, {"q": "a" * 10_000}, {"q": "đ" * 300, "page": "2"}, {"loai": "khong-co"},
        {"nam": "abc"}, {"nam": "99999999999999"}, {"page": "-1"}, {"page": "1e9"},
        {"chuyen_muc": "x" * 5000}, {"q": "<script>alert(1)</script>"}, {"q": "'; DROP TABLE x; --"},
        {"q": "& | ! <-> :*"}, {"q": "cong", "loai": "tin-bai", "page": "9999"},
    ],
)  # fmt: skip
def test_junk_search_input_is_never_a_server_error(client, params):
    ArticleFactory(title="Công đoàn cơ sở")
    # NUL bytes are refused at the door with a clear 400; everything else is a page.
    expected = 400 if any("\x00" in v for v in params.values()) else 200
    assert client.get("/tim-kiem/", params).status_code == expected


def test_search_page_runs_a_few_queries_that_do_not_grow_with_the_matches(page_queries):
    def measure():
        return page_queries("/tim-kiem/", {"q": "cong doan"})

    ArticleFactory.create_batch(5, title="Công đoàn cơ sở hoạt động")
    few = measure()
    ArticleFactory.create_batch(45, title="Công đoàn cơ sở hoạt động")
    many = measure()
    # With a full page of title matches the text-only tier is not asked: one query fewer.
    assert many <= few <= 12


def test_article_page_has_canonical_open_graph_and_news_article_json_ld(client):
    article = ArticleFactory(title='Tin "đặc biệt" </script><script>alert(1)</script>',
                             summary="Tóm tắt bài viết cho mạng xã hội.")  # fmt: skip
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in page
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="og:description" content="Tóm tắt bài viết cho mạng xã hội.">' in page
    assert '<meta name="description" content="Tóm tắt bài viết cho mạng xã hội.">' in page
    block = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    data = json.loads(block)
    assert data["@type"] == "NewsArticle" and data["headline"] == article.title
    assert "<script>alert(1)" not in page.split("<main")[0]


def test_body_page_has_organization_json_ld(client):
    body = UnionBodyFactory(name="Liên đoàn Lao động tỉnh Lạng Sơn", address="Số 2 Hoàng Văn Thụ")
    page = client.get(body.get_absolute_url()).content.decode()
    block = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(block)["name"] == "Liên đoàn Lao động tỉnh Lạng Sơn"
