"""Importing a decision's recipients from the XLSX and CSV files offices really keep."""

import pytest
from django.core.management import CommandError, call_command

from awards.importing import column_of, import_recipients
from awards.models import Recipient
from tests.awards.spreadsheets import TITLE_ROWS, csv_bytes, nfd, xlsx
from tests.factories import DecisionFactory, RecipientFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db

HEADER = ["Ho va  ten", "STT", "DON VI", "thanh  tich", "Loai", "Chức vụ "]  # reordered, unaccented


def messy_rows():
    """Excel rows 1–15: title block, header on row 5, column numbers, sections, blank rows."""
    return [
        *TITLE_ROWS,  # rows 1-4, the title merged across
        HEADER,  # row 5
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],  # row 6
        ["I. TẬP THỂ"],  # row 7, merged A7:F7
        ["CĐCS Trường THPT Văn Quan", "1", "LĐLĐ huyện Văn Quan", "Hoàn thành xuất sắc", "Tập thể"],
        ["Tổ Văn (dữ liệu mẫu)", "2", "Trường THCS Xuân Mai", "Dẫn đầu phong trào", "tap the"],
        [],  # row 10
        ["II. CÁ NHÂN"],  # row 11, merged
        [nfd("  Hoàng Thị  Hạnh "), "1", nfd("Trường Tiểu học Vĩnh Lại"), "Lao động giỏi",
         "Cá nhân", nfd("Chủ tịch CĐCS")],  # row 12, its unit merged down to row 13
        ["Lương Văn Tâm", "2", None, "Lao động sáng tạo", "CA NHAN", "Đoàn viên"],  # row 13
        ["", "3"],  # row 14: a pre-numbered empty line of the template
        ["Tổng cộng: 2 tập thể, 2 cá nhân"],  # row 15, merged: a note
    ]  # fmt: skip


MERGES = ["A1:C1", "D1:F1", "A3:F3", "A7:F7", "A11:F11", "C12:C13", "A15:F15"]


@pytest.fixture
def school():
    return UnionBodyFactory(
        name="Công đoàn cơ sở Trường THPT Văn Quan", short_name="CĐCS Trường THPT Văn Quan"
    )


def names(decision):
    return [(r.kind, r.name, r.position, r.unit, r.order) for r in decision.recipients.all()]


def test_headers_are_recognised_whatever_their_case_diacritics_and_spacing():
    assert column_of("HỌ VÀ TÊN") == column_of("ho va ten") == column_of("Họ và tên") == "name"
    assert column_of("Họ và tên (hoặc Tên tập thể)") == "name"
    assert column_of("Tên tập thể") == column_of("TÊN TẬP THỂ, CÁ NHÂN") == "name"
    assert column_of("S TT") == column_of("Số thứ tự") == "order"
    assert column_of("Loại (Tập thể / Cá nhân)") == column_of("LOẠI") == "kind"
    assert column_of("Chức  vụ") == column_of(nfd("Chức vụ")) == "position"
    assert column_of("Đơn vị công tác") == column_of("don vi") == "unit"
    assert column_of("Thành tích đạt được") == "achievement"
    assert column_of("Số quyết định") is None and column_of("") is None


def test_a_messy_workbook_imports_every_row_in_nfc_with_merged_cells_and_matched_bodies(school):
    decision = DecisionFactory()
    result = import_recipients(
        decision=decision, content=xlsx(messy_rows(), MERGES), filename="Danh sach.xlsx"
    )
    assert result.errors == [] and result.written
    assert result.header_row == 5
    assert names(decision) == [
        ("collective", "CĐCS Trường THPT Văn Quan", "", "LĐLĐ huyện Văn Quan", 1),
        ("collective", "Tổ Văn (dữ liệu mẫu)", "", "Trường THCS Xuân Mai", 2),
        ("individual", "Hoàng Thị Hạnh", "Chủ tịch CĐCS", "Trường Tiểu học Vĩnh Lại", 1),
        ("individual", "Lương Văn Tâm", "Đoàn viên", "Trường Tiểu học Vĩnh Lại", 2),
    ]
    first = decision.recipients.get(order=1, kind="collective")
    assert first.body == school  # “CĐCS …” recognised by its abbreviation
    assert decision.recipients.get(collective_name__startswith="Tổ Văn").body is None
    assert {n for n, _ in result.skipped} == {7, 11, 15}


def test_section_rows_stand_in_for_a_missing_kind_column():
    decision = DecisionFactory()
    rows = [
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
        ["A. Khen thưởng tập thể"],
        ["1", "Công đoàn Trường Mầm non Hoa Sen", "", "Huyện Văn Quan"],
        ["B. Khen thưởng cá nhân"],
        ["1", "Vi Thị Mai", "Giáo viên", "Trường Mầm non Hoa Sen"],
    ]
    result = import_recipients(decision=decision, content=xlsx(rows), filename="ds.xlsx")
    assert result.errors == []
    assert [r.kind for r in decision.recipients.all()] == ["collective", "individual"]


def test_one_bad_row_imports_nothing_and_every_error_names_its_excel_row(school):
    decision = DecisionFactory()
    rows = messy_rows()
    rows[8] = [
        "Tổ Văn (dữ liệu mẫu)",
        "2",
        "Trường THCS Xuân Mai",
        "",
        "Khác",
    ]  # row 9: unknown kind
    rows[12] = ["", "2", None, "Lao động sáng tạo", "Cá nhân", "Đoàn viên"]  # row 13: no name
    rows[13] = ["Vi Văn Hòa", "x", "Trường THCS", "", "Cá nhân", "", ""]  # row 14: bad STT
    result = import_recipients(decision=decision, content=xlsx(rows, MERGES), filename="ds.xlsx")
    assert not result.written and decision.recipients.count() == 0
    assert result.errors == [
        "Dòng 9: loại “Khác” không hợp lệ, ghi “Tập thể” hoặc “Cá nhân”.",
        "Dòng 13: thiếu họ và tên (hoặc tên tập thể).",
        "Dòng 14: STT “x” không phải là số.",
    ]


def test_a_row_repeated_in_the_file_is_an_error_naming_both_rows():
    decision = DecisionFactory()
    rows = [
        ["STT", "Loại", "Họ và tên", "Đơn vị"],
        ["1", "Cá nhân", "Nguyễn Văn An", "Trường THPT Văn Quan"],
        ["2", "Cá nhân", "NGUYEN VAN AN", "truong thpt van quan"],
    ]
    result = import_recipients(decision=decision, content=xlsx(rows), filename="ds.xlsx")
    assert result.errors == ["Dòng 3: trùng với dòng 2 (cùng loại, tên và đơn vị)."]


def test_reimporting_the_same_file_adds_no_duplicates_and_updates_changed_rows(school):
    decision = DecisionFactory()
    content = xlsx(messy_rows(), MERGES)
    first = import_recipients(decision=decision, content=content, filename="ds.xlsx")
    codes = set(decision.recipients.values_list("verification_code", flat=True))
    again = import_recipients(decision=decision, content=content, filename="ds.xlsx")
    assert first.count("create") == 4 and again.count("same") == 4 and again.count("create") == 0
    assert decision.recipients.count() == 4
    changed = messy_rows()
    changed[12][3] = "Lao động sáng tạo cấp tỉnh"
    third = import_recipients(decision=decision, content=xlsx(changed, MERGES), filename="ds.xlsx")
    assert (third.count("update"), third.count("create")) == (1, 0)
    assert decision.recipients.count() == 4
    assert set(decision.recipients.values_list("verification_code", flat=True)) == codes


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(",", "utf-8-sig"), (";", "utf-8"), (";", "cp1258"), ("\t", "utf-8")],
)
def test_csv_in_utf8_with_or_without_bom_or_windows_1258_with_any_separator(delimiter, encoding):
    decision = DecisionFactory()
    rows = [
        ["DANH SÁCH KHEN THƯỞNG NĂM 2020"],
        [],
        ["TT", "Loại", "Họ tên", "Chức danh", "Nơi công tác", "Thành tích", "Tiền thưởng"],
        ["1", "Tập thể", "Công đoàn Trường Tiểu học Đồng Giáp", "", "Huyện Văn Quan", "", "1.000.000đ"],
        ["2", "Cá nhân", "Hoàng Thị Hạnh", "Giáo viên", "Trường Tiểu học Đồng Giáp", "", "500000"],
    ]  # fmt: skip
    content = csv_bytes(rows, delimiter=delimiter, encoding=encoding)
    result = import_recipients(decision=decision, content=content, filename="ds.csv")
    assert result.errors == []
    assert [(r.name, r.prize_amount) for r in decision.recipients.all()] == [
        ("Công đoàn Trường Tiểu học Đồng Giáp", 1_000_000),
        ("Hoàng Thị Hạnh", 500_000),
    ]


def test_files_that_are_not_spreadsheets_are_refused_in_vietnamese():
    decision = DecisionFactory()
    broken = import_recipients(decision=decision, content=b"PK\x03\x04junk", filename="a.xlsx")
    assert broken.errors == ["Không đọc được tệp Excel: tệp hỏng hoặc không phải .xlsx."]
    headless = import_recipients(decision=decision, content=b"a,b\n1,2\n", filename="a.csv")
    assert headless.errors[0].startswith("Không tìm thấy dòng tiêu đề cột")
    assert decision.recipients.count() == 0


def test_the_command_imports_by_number_or_id_and_dry_run_writes_nothing(tmp_path, capsys):
    decision = DecisionFactory(number="45", code="QĐ-LĐLĐ")
    path = tmp_path / "danh-sach.xlsx"
    path.write_bytes(xlsx(messy_rows(), MERGES))

    call_command("import_recipients", "45/QĐ-LĐLĐ", str(path), "--dry-run")
    assert "chưa ghi gì" in capsys.readouterr().out and decision.recipients.count() == 0
    call_command("import_recipients", "45/qđ-lđlđ", str(path))
    assert "4 thêm mới" in capsys.readouterr().out and decision.recipients.count() == 4
    call_command("import_recipients", str(decision.pk), str(path))
    assert "4 đã có sẵn" in capsys.readouterr().out and decision.recipients.count() == 4


def test_the_command_names_the_bad_rows_and_refuses_unknown_decisions(tmp_path, capsys):
    decision = DecisionFactory(number="46")
    RecipientFactory(decision=decision)
    path = tmp_path / "ds.csv"
    path.write_bytes(csv_bytes([["Họ và tên", "Loại"], ["", "Cá nhân"]]))
    with pytest.raises(CommandError, match="Không nhập dòng nào"):
        call_command("import_recipients", "46", str(path))
    assert "Dòng 2: thiếu họ và tên" in capsys.readouterr().err
    assert Recipient.objects.filter(decision=decision).count() == 1
    with pytest.raises(CommandError, match="Không tìm thấy quyết định"):
        call_command("import_recipients", "9999/QĐ-X", str(path))
