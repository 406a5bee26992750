"""Document numbers are read the ways the seed articles, real decisions and readers write them."""

from datetime import date
from pathlib import Path

import pytest

from documents import numbers

SEEDS = Path("/work/shared/seeds")
ROOT = Path(__file__).resolve().parents[2]
LEGACY = ROOT / "news" / "fixtures" / "legacy"  # the same seed articles, kept in the repo


@pytest.mark.parametrize(
    ("written", "key", "year", "issued_on"),
    [
        ("34-CT/TW", "34|ct|tw", None, None),
        ("Chỉ thị số 34-CT/TW ngày 07/4/2014", "34|ct|tw", 2014, date(2014, 4, 7)),
        ("Chỉ thị 34/CT-TW", "34|ct|tw", None, None),
        ("34 CT TW", "34|ct|tw", None, None),
        ("34 - CT / TW", "34|ct|tw", None, None),
        ("58/KH-TLĐ", "58|kh|tld", None, None),
        ("Kế hoạch số 58/KH-TLĐ ngày 25/9/2014", "58|kh|tld", 2014, date(2014, 9, 25)),
        ("123/QĐ-LĐLĐ", "123|qd|ldld", None, None),
        ("Quyết định số 45/QĐ-LĐLĐ", "45|qd|ldld", None, None),
        ("19/QĐ-LĐLĐ", "19|qd|ldld", None, None),
        ("QUYẾT ĐỊNH SỐ 123/QĐ-LĐLĐ", "123|qd|ldld", None, None),
        ("123/QD-LDLD", "123|qd|ldld", None, None),
        ("Chỉ thị số 30-CT/TU ngày 18/11/2014", "30|ct|tu", 2014, date(2014, 11, 18)),
        ("Nghị định số 98/2023/NĐ-CP", "98|nd|cp", 2023, None),
        ("Luật số 06/2022/QH15", "6||qh15", 2022, None),
        ("Công văn số 123/LĐLĐ-VP", "123|cv|ldld-vp", None, None),
        ("Nghị quyết số 02-NQ/TW ngày 12 tháng 6 năm 2021", "2|nq|tw", 2021, date(2021, 6, 12)),
    ],
)
def test_a_number_is_read_into_number_kind_and_issuer(written, key, year, issued_on):
    ref = numbers.parse(written)
    assert ref is not None
    assert (ref.key, ref.year, ref.issued_on) == (key, year, issued_on)


@pytest.mark.parametrize(
    ("written", "short_key", "year"),
    [("CT 34", "34|ct", None), ("chi thi 34", "34|ct", None), ("chỉ thị 34 năm 2014", "34|ct", 2014),
     ("Chỉ thị số 34", "34|ct", None), ("Kế hoạch 58", "58|kh", None)],
)  # fmt: skip
def test_a_number_without_issuer_is_read_as_kind_and_number(written, short_key, year):
    ref = numbers.parse(written)
    assert ref is not None and ref.key == ""
    assert (ref.short_key, ref.year) == (short_key, year)


def test_every_citation_of_the_seed_articles_is_found_with_its_date():
    text = (LEGACY / "001_597b5999805adbeb.txt").read_text(encoding="utf-8")
    if SEEDS.is_dir():
        assert (SEEDS / "001_597b5999805adbeb.txt").read_text(encoding="utf-8") == text
    found = [(r.text, r.key, r.issued_on) for r in numbers.find(text)]
    assert found == [
        ("Chỉ thị số 34-CT/TW", "34|ct|tw", date(2014, 4, 7)),
        ("Kế hoạch số 58/KH-TLĐ", "58|kh|tld", date(2014, 9, 25)),
        ("Chỉ thị số 34-CT/TW", "34|ct|tw", None),
        ("Chỉ thị số 30-CT/TU", "30|ct|tu", date(2014, 11, 18)),
    ]


@pytest.mark.parametrize("name", ["000_e9dd3b03d342aab1.txt", "004_4b0cc259ff1bd336.txt"])
def test_seed_articles_citing_no_document_yield_no_number(name):
    assert numbers.find((LEGACY / name).read_text(encoding="utf-8")) == []


def test_a_citation_split_over_lines_is_found():
    refs = numbers.find("tổ chức thực hiện Chỉ thị số\n34-CT/TW ngày\n07/4/2014 của Bộ Chính trị")
    assert [(r.key, r.year) for r in refs] == [("34|ct|tw", 2014)]


def test_the_decisions_of_the_demo_and_their_sheets_are_read():
    text = "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG (Kèm theo Quyết định số 45/QĐ-LĐLĐ)"
    assert [r.key for r in numbers.find(text)] == ["45|qd|ldld"]


@pytest.mark.parametrize(
    "text",
    ["ngày 07/4/2014", "năm 2014 – 2015", "kết nạp 135 đoàn viên", "Cụm thi đua số 1",
     "giai đoạn 2015 – 2020", "0205.3870.123", "COVID-19", "&#34;Chữ&#34;", "Khối thi đua số 01"],
)  # fmt: skip
def test_dates_counts_and_names_are_not_taken_for_numbers(text):
    assert numbers.find(text) == []


def test_spans_are_those_of_the_text_as_written_nfd_or_not():
    text = "Theo Chỉ thị số 34-CT/TW, các cấp công đoàn"
    (ref,) = numbers.find(text)
    assert text[ref.start : ref.end] == "Chỉ thị số 34-CT/TW" and ref.symbol == "34-CT/TW"


def test_the_editable_list_of_kinds_adds_codes():
    assert numbers.parse("Tờ trình số 5/TTr-LĐLĐ").key == "5|ttr|ldld"
    assert numbers.find("Đề án số 7/ĐA-LĐLĐ")[0].key == "7||da-ldld"  # not a kind it knows
    ref = numbers.find("Đề án số 7/ĐA-LĐLĐ", {"Đề án": "ĐA"})[0]
    assert (ref.key, ref.kind_name) == ("7|da|ldld", "Đề án")
