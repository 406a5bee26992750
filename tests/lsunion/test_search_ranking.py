"""Ranking the way a Vietnamese reader means it: syllables typed together are meant together,
the reader's diacritics count, a number names one document. Same order on SQLite and
PostgreSQL (the suite runs on both)."""

import unicodedata
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, DecisionFactory, MeetingFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def article(title, days_old, body="<p>Tin tức.</p>", summary="", byline=""):
    return ArticleFactory(
        title=title,
        body=body,
        summary=summary,
        byline=byline,
        published_at=NOW - timedelta(days=days_old),
    )


def order(client, q, *articles, **params):
    """The articles' positions on the result page, in the order given (-1: not shown)."""
    page = client.get("/tim-kiem/", {"q": q, "loai": "tin-bai", **params}).content.decode()
    page = page.split("<main", 1)[1]
    return [page.find(f'href="{a.get_absolute_url()}"') for a in articles]


def assert_ranked(client, q, *articles, **params):
    positions = order(client, q, *articles, **params)
    assert -1 not in positions, (q, positions)
    assert positions == sorted(positions), (q, positions)


@pytest.mark.parametrize(
    "typed",
    ["Đỗ Thị Gấm", "do thi gam", "ĐỖ THỊ GẤM", unicodedata.normalize("NFD", "Đỗ Thị Gấm")],
)
def test_a_byline_typed_as_written_finds_her_article_before_one_with_the_syllables_apart(
    client, typed
):
    scattered = article(
        "Khối thi đua số 3 ký kết giao ước",
        days_old=1,
        body="<p>Đồng chí Đỗ Văn Hùng phát biểu. Chị Hoàng Thị Mai cùng đoàn viên. Gấm thổ cẩm.</p>",
    )
    hers = article("Văn Quan tổ chức hội nghị", days_old=400, byline="Tin và ảnh: Đỗ Thị Gấm")
    assert_ranked(client, typed, hers, scattered)


def test_a_phrase_in_the_title_ranks_before_the_phrase_in_the_body_then_recency(client):
    in_body_new = article("Tin hoạt động tháng Mười", 1, body="<p>Tại huyện Đình Lập hôm qua.</p>")
    in_title_old = article("Đình Lập đón đoàn công tác", 300)
    in_title_new = article("Hội nghị tại Đình Lập", 5)
    scattered_newest = article("Lập thành tích chào mừng", 0, body="<p>Xã Đình Hòa.</p>")
    assert_ranked(client, "dinh lap", in_title_new, in_title_old, in_body_new, scattered_newest)


def test_a_meeting_typed_in_full_ranks_the_report_of_that_meeting_first(client):
    scattered = article("Ban Thường vụ họp kỳ thứ 10: hội nghị bàn việc chấp hành kỷ luật", 2)
    report = article(
        "Bế mạc hội nghị Ban Chấp hành kỳ thứ 10", 200, body="<p>Hội nghị đã thành công.</p>"
    )
    assert_ranked(client, "hội nghị ban chấp hành kỳ thứ 10", report, scattered)
    assert_ranked(client, "hoi nghi ban chap hanh ky thu 10", report, scattered)


def test_names_from_our_records_are_kept_together_whatever_else_the_reader_types(client):
    together = article("Văn Quan: đoàn viên được tặng quà", 30)
    apart = article("Quan tâm đời sống đoàn viên, văn nghệ chào mừng", 1)
    # Without the record, "van" and "quan" are two words like any others: newest first.
    positions = order(client, "doan vien van quan", together, apart)
    assert positions[1] < positions[0]
    UnionBodyFactory(name="Liên đoàn Lao động huyện Văn Quan", short_name="LĐLĐ Văn Quan")
    assert_ranked(client, "doan vien van quan", together, apart)
    assert_ranked(client, "Văn Quan đoàn viên", together, apart)


def test_the_readers_diacritics_rank_first_and_without_them_recency_decides(client):
    other_tones = article("Đó thì gắm lại", 1, body="<p>Bài viết khác.</p>")
    same_tones = article("Thư cảm ơn", 90, body="<p>Chị Đỗ Thị Gấm gửi thư cảm ơn.</p>")
    assert_ranked(client, "Đỗ Thị Gấm", same_tones, other_tones)
    assert_ranked(client, unicodedata.normalize("NFD", "đỗ thị gấm"), same_tones, other_tones)
    # Typed without diacritics, both are equally good matches: the newer first, as before.
    assert_ranked(client, "do thi gam", other_tones, same_tones)


@pytest.mark.parametrize("typed", ["34-CT/TW", "34 CT TW", "34-ct/tw", "Chỉ thị 34-CT/TW"])
def test_a_document_number_finds_the_document_that_bears_it_first(client, typed):
    numbered = article("Quán triệt Chỉ thị số 34-CT/TW của Bộ Chính trị", 900)
    near_miss = article("Kế hoạch 34/KH-LĐLĐ: CT và TW giao nhiệm vụ chỉ thị", 1)
    assert_ranked(client, typed, numbered, near_miss)


def test_a_decision_number_puts_that_decision_first_on_the_overview(client):
    decision = DecisionFactory(number="123", code="QĐ-LĐLĐ")
    ArticleFactory(title="Trao 123 suất quà của LĐLĐ tỉnh", body="<p>Theo QĐ mới.</p>")
    for typed in ("123/QĐ-LĐLĐ", "123/qd-ldld", "123 QĐ LĐLĐ"):
        page = client.get("/tim-kiem/", {"q": typed}).content.decode().split("<main", 1)[1]
        assert decision.get_absolute_url() in page
        assert page.index('id="nhom-quyet-dinh"') < page.index('id="nhom-tin-bai"'), typed


def summary(client, q, **params) -> str:
    page = client.get("/tim-kiem/", {"q": q, **params}).content.decode()
    return page.split("<main", 1)[1]


def test_the_page_says_how_many_results_there_are_and_per_type(client):
    ArticleFactory.create_batch(3, title="Giải bóng chuyền công nhân")
    MeetingFactory(title="Hội nghị bàn về giải bóng chuyền")
    page = summary(client, "bong chuyen")
    assert "Tìm thấy 4 kết quả" in page
    assert 'Tin bài <span class="meta">(3)</span>' in page
    assert 'Hội nghị <span class="meta">(1)</span>' in page
    assert "Tìm thấy 3 kết quả" in summary(client, "bong chuyen", loai="tin-bai")


def test_a_count_too_costly_to_finish_says_more_than_the_cap(client, monkeypatch):
    from lsunion.search import engine

    assert engine.COUNT_CAP == 1000  # "Tìm thấy hơn 1.000 kết quả"
    monkeypatch.setattr(engine, "COUNT_CAP", 3)
    ArticleFactory.create_batch(4, title="Giải bóng chuyền công nhân")
    ArticleFactory.create_batch(3, title="Công nhân chơi bóng chuyền")
    page = summary(client, "bong chuyen")
    assert "Tìm thấy hơn 3 kết quả" in page
    assert 'Tin bài <span class="meta">(hơn 3)</span>' in page
    assert "Tìm thấy 3 kết quả" in summary(client, "choi bong chuyen")


def test_when_postgresql_expects_far_more_than_the_cap_the_page_says_so_without_counting(
    client, monkeypatch
):
    from django.db import connection

    from lsunion.search import engine

    ArticleFactory.create_batch(3, title="Giải bóng chuyền công nhân")
    assert "Tìm thấy 3 kết quả" in summary(client, "bong chuyen")  # a low estimate: counted
    if connection.vendor != "postgresql":
        return  # SQLite has no estimate and always counts
    monkeypatch.setattr(engine, "ESTIMATE_SURE", 1)  # any estimate is now "far more"
    page = summary(client, "giai bong chuyen")
    assert "Tìm thấy hơn 1.000 kết quả" in page


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("dinh lpa", "đình lập"),  # two letters swapped
        ("cong doanf", "công đoàn"),  # an extra letter (a Telex tone key)
        ("Đình Lậo", "Đình Lập"),  # the neighbouring key; the reader's own words kept
        ("bac sn", "bắc sơn"),  # a letter dropped
        ("Bắc Sown", "Bắc Sơn"),  # capitals kept
    ],
)
def test_a_mistyped_query_that_finds_nothing_suggests_the_nearest_spelling(client, typed, meant):
    article("Công đoàn huyện Đình Lập thăm hỏi đoàn viên", 1)
    article("Đoàn viên Bắc Sơn nhận quà", 2)
    page = summary(client, typed)
    assert "Có phải bạn muốn tìm:" in page
    link = page.split("Có phải bạn muốn tìm:", 1)[1].split("</a>", 1)[0]
    assert link.endswith(meant), link
    # Following the suggestion finds the article.
    href = link.split('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert "Tìm thấy" in client.get("/tim-kiem/" + href).content.decode()


def test_a_query_that_finds_something_suggests_nothing(client):
    ArticleFactory(title="Công đoàn huyện Đình Lập thăm hỏi đoàn viên")
    assert "Có phải bạn muốn tìm" not in summary(client, "dinh lap")
    assert "Có phải bạn muốn tìm" not in summary(client, "xyzzyq")


def test_the_quoted_passage_is_where_the_words_stand_together(client):
    article(
        "Văn Quan tổ chức hội nghị",
        3,
        body="<p>"
        + "Phong trào thi đua được đẩy mạnh, chế độ chính sách được bảo đảm. " * 20
        + "</p>",
        byline="Tin và ảnh: Đỗ Thị Gấm",
    )
    page = summary(client, "Đỗ Thị Gấm")
    assert "Tin và ảnh: <mark>Đỗ Thị Gấm</mark>" in page


def test_a_number_finds_its_document_or_nothing_never_its_parts_apart(client):
    ArticleFactory(title="Trao 123 suất quà của LĐLĐ tỉnh", body="<p>Theo QĐ mới.</p>")
    page = summary(client, "123/QĐ-LĐLĐ")
    assert "Kết quả khớp một phần" not in page
    assert "Trao 123 suất quà" not in page


def test_a_name_finds_the_articles_she_wrote_before_those_that_mention_her(client):
    mentions = article("Hội nghị nữ công", 1, body="<p>Chị Đỗ Thị Gấm phát biểu tại hội nghị.</p>")
    wrote = article("Văn Quan sơ kết 6 tháng", 500, byline="Tin và ảnh: Đỗ Thị Gấm")
    assert_ranked(client, "Đỗ Thị Gấm", wrote, mentions)
    assert_ranked(client, "do thi gam", wrote, mentions)


def test_a_place_typed_finds_its_own_body_before_longer_names_that_hold_it(client):
    its_school = UnionBodyFactory(name="Công đoàn cơ sở Trường THPT Văn Quan", kind="grassroots")
    district = UnionBodyFactory(name="Liên đoàn Lao động huyện Văn Quan", kind="district")
    city = UnionBodyFactory(name="Liên đoàn Lao động thành phố Lạng Sơn", kind="district")
    longer = UnionBodyFactory(
        name="Liên đoàn Lao động huyện thành phố Lạng Sơn cũ", kind="district"
    )
    page = summary(client, "van quan", loai="to-chuc")
    assert page.index(district.get_absolute_url()) < page.index(its_school.get_absolute_url())
    page = summary(client, "thanh pho lang son", loai="to-chuc")
    assert page.index(city.get_absolute_url()) < page.index(longer.get_absolute_url())


@pytest.mark.parametrize("words_before", [0, 1, 2, 3])
def test_a_phrase_ranks_as_a_phrase_wherever_it_stands_in_the_text(client, words_before):
    # PostgreSQL answers phrases from an index of adjacent word pairs, built in two passes
    # (pairs at even and at odd positions): a phrase must be found at either.
    lead = " ".join(["Sáng"] + ["nay"] * words_before)
    together = article("Tin hoạt động", 200, body=f"<p>{lead} Công đoàn Đình Lập họp.</p>")
    scattered_newer = article("Lập kế hoạch", 1, body="<p>Công đoàn xã Đình Hòa.</p>")
    assert_ranked(client, "cong doan dinh lap", together, scattered_newer)


def test_an_abbreviation_inside_a_phrase_matches_its_expansion_standing_together(client):
    expanded = article("Tin hoạt động", 200, body="<p>Liên đoàn Lao động Văn Quan trao quà.</p>")
    scattered_newer = article("Quan tâm văn hóa", 1, body="<p>Liên đoàn Lao động tỉnh.</p>")
    assert_ranked(client, "LĐLĐ Văn Quan trao quà", expanded, scattered_newer)
    assert_ranked(client, "ldld van quan trao qua", expanded, scattered_newer)
