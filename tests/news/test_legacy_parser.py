"""Reading old-portal exports: the parser works from the shape of an export, not from samples."""

import textwrap
import unicodedata
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from news.legacy import NotAnArticle, decode, parse
from tests.news.exports import (
    BYLINE,
    DATE_LINE,
    LEAD,
    PARAGRAPH,
    PHOTO_CAPTION,
    PHOTO_LABEL,
    SKIP_LINK,
    SLOGAN,
    SLOGANS_ON_ONE_LINE,
    TITLE,
    TOOLBAR,
    article,
    cp1258,
    export,
)

SEEDS = Path(__file__).resolve().parents[2] / "news" / "fixtures" / "legacy"
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=HCM)


def read(data: str | bytes):
    return parse(decode(data if isinstance(data, bytes) else data.encode()))


def everything(parsed) -> str:
    """All the text that would land in the article."""
    photos = [f"{p.alt} {p.caption}" for p in parsed.photos]
    return "\n".join([parsed.title, parsed.category, parsed.byline, parsed.text, *photos])


# --- the seed exports ---------------------------------------------------------------------


def test_seed_with_date_line_photos_byline_and_source_body():
    parsed = read((SEEDS / "000_e9dd3b03d342aab1.txt").read_bytes())
    assert parsed.title.startswith("LĐLĐ huyện Văn Quan sơ kết công tác Công đoàn 6 tháng")
    assert parsed.published_at == at(2020, 7, 14, 17, 3)
    assert parsed.date_from == "line"
    assert parsed.category == ""
    assert parsed.byline == "Tin và ảnh: Đỗ Thị Gấm"
    assert parsed.source == "LĐLĐ Văn Quan"
    assert [(p.alt, p.caption) for p in parsed.photos] == [
        (
            "Phó CT LĐLĐ tỉnh phát biểu tại HN",
            "Đồng chí Lương Chí Công, Phó Chủ tịch LĐLĐ tỉnh phát biểu tại hội nghị",
        ),
        (
            "LĐ LĐLĐ huyện trao giấy khen cho các tập thể cá nhân",
            "Đồng chí Nông Văn Vỵ, Chủ tịch LĐLĐ huyện trao giấy khen cho tập thể, cá nhân "
            "đạt thành tích",
        ),
    ]
    assert len(parsed.paragraphs) == 5
    assert parsed.paragraphs[-1].endswith("2020- 2025./.")
    assert "Công đoàn Lạng Sơn tiếp tục đổi mới" in parsed.slogans[0]
    assert "Công đoàn Lạng Sơn tiếp tục đổi mới" not in everything(parsed)


def test_seed_signed_by_a_person_and_their_body():
    parsed = read((SEEDS / "001_597b5999805adbeb.txt").read_bytes())
    assert parsed.published_at == at(2016, 2, 1, 16, 50)
    assert parsed.byline == "Bế Hòa- LĐLĐ tỉnh"
    assert parsed.source == "LĐLĐ tỉnh"
    assert [p.alt for p in parsed.photos] == ["Cụm số 1"]
    assert parsed.paragraphs[1].startswith("2. Động viên đoàn viên")


def test_seed_with_category_label_title_before_date_and_a_department_byline():
    parsed = read((SEEDS / "004_4b0cc259ff1bd336.txt").read_bytes())
    assert parsed.category == "TUYÊN TRUYỀN GIÁO DỤC"
    assert parsed.title == (
        "Ngày đầu tiên chương trình làm việc với 10 khối thi đua trực thuộc LĐLĐ tỉnh năm 2021"
    )
    assert parsed.published_at == at(2021, 3, 1, 4, 51)
    assert parsed.byline == "Ban TG"
    assert len(parsed.slogans) == 3
    assert [(p.alt, p.caption) for p in parsed.photos] == [
        ("Quang cảnh buổi làm việc", "Quang cảnh buổi làm việc")
    ]


# --- the page head ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thứ ba, 14 Tháng 7 2020 17:03", at(2020, 7, 14, 17, 3)),
        ("04:51 01/03/2021", at(2021, 3, 1, 4, 51)),
        ("14/07/2020 17:03", at(2020, 7, 14, 17, 3)),
        ("Thứ Ba, 14/07/2020 - 17:03", at(2020, 7, 14, 17, 3)),
        ("Thứ 3, 14/7/2020, 17:03 (GMT+7)", at(2020, 7, 14, 17, 3)),
        ("Thứ ba, ngày 14 tháng 7 năm 2020", at(2020, 7, 14)),
        ("Chủ nhật, 12 Tháng Bảy 2020", at(2020, 7, 12)),
        ("2020-07-14 17:03", at(2020, 7, 14, 17, 3)),
        ("Ngày đăng: 14/07/2020", at(2020, 7, 14)),
        ("Đăng lúc: 17h03 ngày 14-07-2020", at(2020, 7, 14, 17, 3)),
        ("Cập nhật: 14.07.2020 05:03 PM", at(2020, 7, 14, 17, 3)),
        ("Thứ Ba, 14/07/2020 (GMT+07:00) 17:03", at(2020, 7, 14, 17, 3)),
    ],
)
def test_date_line_in_each_form_gives_the_original_date(line, expected):
    parsed = read(article(head=(SLOGAN, line, TITLE)))
    assert parsed.published_at == expected
    assert parsed.date_from == "line"
    assert parsed.title == TITLE
    assert line not in everything(parsed)


def test_date_line_after_the_title_is_read_too():
    parsed = read(article(head=(SLOGAN, TITLE, "04:51 01/03/2021")))
    assert (parsed.title, parsed.published_at) == (TITLE, at(2021, 3, 1, 4, 51))
    assert parsed.paragraphs[0] == LEAD


def test_without_a_date_line_the_first_date_in_the_text_is_taken():
    parsed = read(article(head=(SLOGAN, TITLE)))
    assert parsed.title == TITLE
    assert parsed.published_at == at(2020, 7, 13)
    assert parsed.date_from == "text"
    assert parsed.slogans == [SLOGAN]


def test_a_date_in_words_in_the_text_is_taken():
    lead = (
        "Sáng ngày 13 tháng 7 năm 2020, LĐLĐ huyện Đình Lập tổ chức hội nghị sơ kết công tác "
        "công đoàn với đông đảo đoàn viên tham dự."
    )
    parsed = read(article(head=(TITLE,), body=(lead, PARAGRAPH)))
    assert parsed.published_at == at(2020, 7, 13)


def test_the_date_of_a_cited_document_is_not_the_articles_date():
    lead = (
        "Thực hiện Kế hoạch số 58/KH-TLĐ ngày 25/9/2014 của Tổng Liên đoàn, ngày 13/7/2020 "
        "LĐLĐ huyện Đình Lập đã tổ chức hội nghị sơ kết công tác công đoàn."
    )
    parsed = read(article(head=(SLOGAN, TITLE), body=(lead, PARAGRAPH)))
    assert parsed.published_at == at(2020, 7, 13)


def test_a_title_in_capitals_is_kept_as_written_without_a_category():
    parsed = read(article(head=(SLOGAN, DATE_LINE, TITLE.upper())))
    assert parsed.title == TITLE.upper()
    assert parsed.category == ""


@pytest.mark.parametrize(
    "title",
    [
        "LIÊN ĐOÀN LAO ĐỘNG HUYỆN ĐÌNH LẬP SƠ KẾT CÔNG TÁC CÔNG ĐOÀN 6 THÁNG ĐẦU NĂM 2020",
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH TỔNG KẾT NĂM 2021",
    ],
)
def test_a_title_in_capitals_opening_with_the_sites_name_right_after_the_date(title):
    parsed = read(article(head=("LIÊN ĐOÀN LAO ĐỘNG TỈNH LẠNG SƠN", SLOGAN, DATE_LINE, title)))
    assert (parsed.title, parsed.category) == (title, "")
    assert "LIÊN ĐOÀN LAO ĐỘNG TỈNH LẠNG SƠN" not in everything(parsed)


@pytest.mark.parametrize(
    "head",
    [
        (SLOGAN, "NỮ CÔNG", TITLE.upper(), DATE_LINE),
        (SLOGAN, DATE_LINE, "NỮ CÔNG", TITLE.upper()),
        (SLOGAN, "NỮ CÔNG", TITLE.upper()),
        ("NỮ CÔNG", DATE_LINE, TITLE.upper()),
    ],
)
def test_a_title_in_capitals_below_a_category_label(head):
    parsed = read(article(head=head))
    assert (parsed.category, parsed.title) == ("NỮ CÔNG", TITLE.upper())


@pytest.mark.parametrize(
    "head",
    [
        (SLOGAN, "THI ĐUA - KHEN THƯỞNG", TITLE, DATE_LINE),
        (SLOGAN, DATE_LINE, "THI ĐUA - KHEN THƯỞNG", TITLE),
        (SLOGAN, "THI ĐUA - KHEN THƯỞNG", TITLE),
    ],
)
def test_a_category_label_in_capitals_is_read(head):
    parsed = read(article(head=head))
    assert (parsed.category, parsed.title) == ("THI ĐUA - KHEN THƯỞNG", TITLE)
    assert "THI ĐUA" not in parsed.text


def test_without_a_label_there_is_no_category():
    assert read(article()).category == ""


def test_a_breadcrumb_gives_the_category():
    crumbs = "Trang chủ » Tin tức » Chính sách - Pháp luật"
    parsed = read(article(head=(crumbs, DATE_LINE, TITLE)))
    assert parsed.category == "Chính sách - Pháp luật"
    assert "Trang chủ" not in everything(parsed)


@pytest.mark.parametrize(
    "chrome",
    [
        (SKIP_LINK, TOOLBAR),
        ("Bỏ qua để đến nội dung chính", "Chế độ ban đêm", "In trang", "Xuất PDF", "-A A +A"),
        ("Trang chủ | Giới thiệu | Tin tức | Văn bản | Liên hệ",),
    ],
)
def test_the_old_sites_chrome_never_lands_in_the_article(chrome):
    parsed = read(article(head=(SLOGANS_ON_ONE_LINE, *chrome, DATE_LINE, TITLE)))
    assert parsed.title == TITLE
    assert parsed.published_at == at(2020, 7, 14, 17, 3)
    text = everything(parsed)
    for line in chrome:
        assert line not in text
    assert "Xuất PDF" not in text and "Skip to" not in text and "Đoàn kết, trí tuệ" not in text
    assert parsed.slogans[0] == "Đoàn kết, trí tuệ, dân chủ, kỷ cương, đổi mới, trách nhiệm!"
    assert len(parsed.slogans) == 3


def test_chrome_between_the_date_and_the_title_is_dropped():
    parsed = read(article(head=(SLOGAN, DATE_LINE, TOOLBAR, TITLE)))
    assert parsed.title == TITLE
    assert TOOLBAR not in everything(parsed)


def test_a_page_head_repeated_above_the_page_is_read_once():
    parsed = read(article(head=(SLOGAN, DATE_LINE, TITLE, SLOGAN, DATE_LINE, TITLE)))
    assert parsed.title == TITLE
    assert parsed.paragraphs == [LEAD, PARAGRAPH]


def test_a_title_ending_in_a_question_mark():
    title = "Vì sao đoàn viên cần tham gia bảo hiểm xã hội tự nguyện?"
    assert read(article(head=(SLOGAN, DATE_LINE, title))).title == title


def test_a_short_slogan_without_punctuation_is_not_taken_for_the_title():
    parsed = read(article(head=("Công đoàn Lạng Sơn đổi mới và phát triển", TITLE)))
    assert parsed.title == TITLE


# --- the body -----------------------------------------------------------------------------


def test_a_photo_is_a_label_line_then_its_caption():
    parsed = read(article(body=(LEAD, PHOTO_LABEL, PHOTO_CAPTION, PARAGRAPH)))
    assert parsed.paragraphs == [LEAD, PARAGRAPH]
    [photo] = parsed.photos
    assert (photo.alt, photo.caption, photo.after_paragraph) == (PHOTO_LABEL, PHOTO_CAPTION, 1)


def test_a_caption_line_with_no_label_is_still_a_photo():
    parsed = read(article(body=(LEAD, PHOTO_CAPTION, PARAGRAPH)))
    assert [(p.alt, p.caption) for p in parsed.photos] == [(PHOTO_CAPTION, PHOTO_CAPTION)]
    assert parsed.paragraphs == [LEAD, PARAGRAPH]


def test_a_photo_credit_joins_the_caption():
    parsed = read(article(body=(LEAD, PHOTO_LABEL, PHOTO_CAPTION, "Ảnh: Minh Đức", PARAGRAPH)))
    assert parsed.photos[0].caption == f"{PHOTO_CAPTION} (Ảnh: Minh Đức)"


def test_a_photo_opening_the_body_is_not_taken_for_the_title():
    parsed = read(article(head=(TITLE, DATE_LINE), body=(PHOTO_LABEL, PHOTO_CAPTION, LEAD)))
    assert parsed.title == TITLE
    assert (parsed.photos[0].alt, parsed.photos[0].after_paragraph) == (PHOTO_LABEL, 0)


def test_numbered_and_bulleted_items_are_paragraphs_not_photos():
    items = (
        "1. Nguyễn Văn An - Chủ tịch CĐCS Trường Tiểu học số 1",
        "2. Trần Thị Bình - CĐCS Bệnh viện Đa khoa huyện",
        "- Hoàng Văn Cường, Chủ tịch CĐCS xã Đình Lập",
    )
    parsed = read(article(body=(LEAD, *items, PARAGRAPH)))
    assert parsed.photos == []
    assert parsed.paragraphs == [LEAD, *items, PARAGRAPH]


def test_a_numbered_list_paragraph_keeps_its_number():
    item = (
        "1. Thường xuyên quán triệt và tổ chức thực hiện nghiêm túc Chỉ thị số 34-CT/TW "
        "ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng."
    )
    parsed = read(article(body=(LEAD, item, PARAGRAPH)))
    assert parsed.paragraphs[1] == item


def test_a_heading_in_capitals_or_with_a_roman_numeral():
    parsed = read(
        article(body=(LEAD, "I. KẾT QUẢ ĐẠT ĐƯỢC", PARAGRAPH, "NHIỆM VỤ THỜI GIAN TỚI", LEAD))
    )
    assert [kind for kind, _text in parsed.blocks] == ["p", "h2", "p", "h2", "p"]
    assert parsed.photos == []


def test_the_end_mark_stays_with_the_last_paragraph():
    parsed = read(article())
    assert parsed.paragraphs[-1].endswith("cuối năm./.")
    assert parsed.byline == BYLINE


def test_footer_chrome_and_the_list_of_other_articles_are_dropped():
    tail = (
        BYLINE,
        "Lượt xem: 1.234",
        "Chia sẻ",
        "Tin liên quan",
        "Công đoàn ngành Giáo dục tổng kết năm học",
        "LĐLĐ tỉnh trao quà Tết cho công nhân",
    )
    parsed = read(article(tail=tail))
    assert parsed.byline == BYLINE
    assert parsed.paragraphs == [LEAD, PARAGRAPH]
    assert "Lượt xem" not in everything(parsed) and "Tin liên quan" not in everything(parsed)


# --- the tail: byline and source body -----------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "byline", "source"),
    [
        (("Tin và ảnh: Đỗ Thị Gấm",), "Tin và ảnh: Đỗ Thị Gấm", ""),
        (("Tin và ảnh: Đỗ Thị Gấm", "LĐLĐ Văn Quan"), "Tin và ảnh: Đỗ Thị Gấm", "LĐLĐ Văn Quan"),
        (("Tin, ảnh: Hoàng Lan",), "Tin, ảnh: Hoàng Lan", ""),
        (("Bài và ảnh: Thu Hà",), "Bài và ảnh: Thu Hà", ""),
        (("Bế Hòa- LĐLĐ tỉnh",), "Bế Hòa- LĐLĐ tỉnh", "LĐLĐ tỉnh"),
        (("Thu Hà (LĐLĐ Lộc Bình)",), "Thu Hà (LĐLĐ Lộc Bình)", "LĐLĐ Lộc Bình"),
        (
            ("Tin, ảnh: Hoàng Lan - LĐLĐ Đình Lập",),
            "Tin, ảnh: Hoàng Lan - LĐLĐ Đình Lập",
            "LĐLĐ Đình Lập",
        ),
        (("Ban TG",), "Ban TG", ""),
        (("Ban TG.",), "Ban TG.", ""),
        (("Ban Tuyên giáo LĐLĐ tỉnh",), "Ban Tuyên giáo LĐLĐ tỉnh", "LĐLĐ tỉnh"),
        (("Hoàng Lan - Văn phòng LĐLĐ tỉnh",), "Hoàng Lan - Văn phòng LĐLĐ tỉnh", "LĐLĐ tỉnh"),
        (("Thu Hà - Ban Nữ công",), "Thu Hà - Ban Nữ công", ""),
        (("(Tin và ảnh: Đỗ Thị Gấm)",), "(Tin và ảnh: Đỗ Thị Gấm)", ""),
        (("Tin: Hoàng Lan", "Ảnh: Minh Đức"), "Tin: Hoàng Lan – Ảnh: Minh Đức", ""),
        (("LĐLĐ Văn Quan",), "", "LĐLĐ Văn Quan"),
        (("Liên đoàn Lao động huyện Bắc Sơn",), "", "Liên đoàn Lao động huyện Bắc Sơn"),
        (("Nguồn: LĐLĐ Đình Lập",), "", "LĐLĐ Đình Lập"),
        (("Theo Báo Lạng Sơn",), "Theo Báo Lạng Sơn", ""),
        (("PV",), "PV", ""),
        (("Hoàng Anh", "Công đoàn ngành Y tế"), "Hoàng Anh", "Công đoàn ngành Y tế"),
        ((), "", ""),
    ],
)
def test_each_byline_form(tail, byline, source):
    parsed = read(article(tail=tail))
    assert (parsed.byline, parsed.source) == (byline, source)
    assert parsed.paragraphs == [LEAD, PARAGRAPH]


def test_a_long_line_without_a_full_stop_is_a_paragraph_not_a_caption():
    unfinished = PARAGRAPH.removesuffix("./.")
    parsed = read(article(body=(LEAD, unfinished), tail=()))
    assert parsed.paragraphs == [LEAD, unfinished]
    assert parsed.photos == []


def test_a_short_last_sentence_is_not_taken_for_a_source_body():
    last = "LĐLĐ tỉnh trao quà cho công nhân có hoàn cảnh khó khăn"
    parsed = read(article(body=(LEAD, PARAGRAPH.replace("./.", "."), last), tail=()))
    assert parsed.source == ""
    assert [p.caption for p in parsed.photos] == [last]


# --- text encodings and line ends ---------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: text.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(lambda text: text.replace("\n", "\r").encode(), id="cr"),
        pytest.param(lambda text: unicodedata.normalize("NFD", text).encode(), id="nfd"),
        pytest.param(lambda text: b"\xef\xbb\xbf" + text.encode(), id="utf8-bom"),
        pytest.param(lambda text: text.encode("utf-16"), id="utf16-bom"),
        pytest.param(cp1258, id="windows-1258"),
        pytest.param(lambda text: text.replace(" ", "\t", 3).encode(), id="tabs"),
        pytest.param(lambda text: text.replace("\n\n", "\n\u00a0\n").encode(), id="nbsp-lines"),
    ],
)
def test_every_encoding_and_line_end_reads_the_same(encode):
    text = article(
        head=("Skip to main content", SLOGAN, TOOLBAR, DATE_LINE, "NỮ CÔNG", TITLE),
        body=(LEAD, PHOTO_LABEL, PHOTO_CAPTION, PARAGRAPH),
        tail=(BYLINE, "LĐLĐ Văn Quan"),
    )
    parsed = read(encode(text))
    assert parsed.title == TITLE
    assert parsed.published_at == at(2020, 7, 14, 17, 3)
    assert parsed.category == "NỮ CÔNG"
    assert parsed.paragraphs == [LEAD, PARAGRAPH]
    assert (parsed.photos[0].alt, parsed.photos[0].caption) == (PHOTO_LABEL, PHOTO_CAPTION)
    assert (parsed.byline, parsed.source) == (BYLINE, "LĐLĐ Văn Quan")
    for value in (parsed.title, *parsed.paragraphs, parsed.byline):
        assert unicodedata.is_normalized("NFC", value)


def test_a_hard_wrapped_export_is_joined_back_into_paragraphs():
    text = article(
        head=(SLOGAN, DATE_LINE, TITLE),
        body=(LEAD, PHOTO_LABEL, PHOTO_CAPTION, PARAGRAPH),
        tail=(BYLINE, "LĐLĐ Văn Quan"),
    )
    wrapped = "\n\n".join(textwrap.fill(block, width=72) for block in text.split("\n\n"))
    assert max(len(line) for line in wrapped.splitlines()) <= 72
    parsed = read(wrapped)
    assert (parsed.title, parsed.published_at) == (TITLE, at(2020, 7, 14, 17, 3))
    assert parsed.paragraphs == [LEAD, PARAGRAPH]
    assert [(p.alt, p.caption) for p in parsed.photos] == [(PHOTO_LABEL, PHOTO_CAPTION)]
    assert (parsed.byline, parsed.source) == (BYLINE, "LĐLĐ Văn Quan")
    assert parsed.slogans == [SLOGAN]


def test_a_short_export_with_commas_on_every_line_is_not_taken_for_a_table():
    parsed = read(export(SLOGAN, "Thứ ba, 14 Tháng 7 2020", TITLE.upper(), LEAD, PARAGRAPH))
    assert parsed.title == TITLE.upper()


def test_a_file_with_only_a_date_line_and_a_title_is_an_article_without_a_body():
    parsed = read(export(DATE_LINE, TITLE))
    assert (parsed.title, parsed.published_at, parsed.blocks) == (
        TITLE,
        at(2020, 7, 14, 17, 3),
        [],
    )


# --- files that are not articles ----------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"  \r\n\t\r\n", id="blank"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), id="png"),
        pytest.param(bytes(range(1, 32)) * 40, id="control-bytes"),
        pytest.param(b"%PDF-1.7\n" + b"Tin tuc" * 40, id="pdf"),
        pytest.param(
            "<!DOCTYPE html><html><head><title>Tin</title></head><body><div>"
            f"<h1>{TITLE}</h1><p>{LEAD}</p></div></body></html>".encode(),
            id="html",
        ),
        pytest.param(
            "Họ và tên,Đơn vị,Ngày khen thưởng\nNguyễn Văn An,LĐLĐ Văn Quan,13/7/2020\n"
            "Trần Thị Bình,LĐLĐ Đình Lập,14/7/2020\nLê Văn Cường,CĐCS Trường THPT,1/8/2020\n".encode(),
            id="csv",
        ),
        pytest.param(
            export("Danh sách đoàn viên", "Nguyễn Văn An", "Trần Thị Bình").encode(), id="name-list"
        ),
        pytest.param(export(SLOGAN, SKIP_LINK, TOOLBAR).encode(), id="only-chrome"),
        pytest.param(
            export(SLOGAN, DATE_LINE, LEAD, PHOTO_LABEL, PHOTO_CAPTION, PARAGRAPH).encode(),
            id="no-title",
        ),
        pytest.param(
            export(
                "# Hướng dẫn cài đặt cổng thông tin",
                "Cài đặt các gói cần thiết, tạo cơ sở dữ liệu và chạy máy chủ phát triển "
                "trên máy tính của bạn theo các bước dưới đây.",
            ).encode(),
            id="undated-text",
        ),
        pytest.param(
            export(
                SLOGAN,
                "HOẠT ĐỘNG CÔNG ĐOÀN",
                TITLE,
                "14/07/2020",
                LEAD,
                "Công đoàn ngành Giáo dục tổng kết năm học 2019 - 2020",
                "10/07/2020",
                PARAGRAPH,
                "LĐLĐ tỉnh trao quà cho công nhân lao động",
                "08/07/2020",
                LEAD,
            ).encode(),
            id="category-listing-page",
        ),
    ],
)
def test_a_file_that_is_not_an_article_is_refused_with_a_reason(data):
    with pytest.raises(NotAnArticle) as refused:
        read(data)
    assert str(refused.value)
