"""Write the messy sheets of this folder again (python tests/awards/sheets/make_sheets.py).

Each sheet copies how a district or sectoral office really sends its list: a title block
merged across the page, a column-numbering row, section rows, a sign-off block under the
table, text typed on a Mac (NFD), amounts written "1.500.000 đ", a second sheet. What each
must import to is written by hand in the `.expected.json` beside it, not produced from here.
"""

import csv
import io
import unicodedata
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def sheet_rows(sheet, rows, merges=()):
    for row in rows:
        sheet.append(list(row) if row else [None])
    for cell_range in merges:
        sheet.merge_cells(cell_range)


def save(book, name):
    out = io.BytesIO()
    book.save(out)
    (HERE / name).write_bytes(out.getvalue())


def van_quan_ca_nhan():
    """A district office's list of people: no Loại column, no section rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet_rows(sheet, [
        ["LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĂN QUAN", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["BAN THƯỜNG VỤ", None, None, "Độc lập - Tự do - Hạnh phúc"],
        [],
        ["DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"],
        ["(Kèm theo Quyết định số 45/QĐ-LĐLĐ ngày 10/12/2020 của Ban Thường vụ LĐLĐ huyện Văn Quan)"],
        [],
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành tích", "Số tiền"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        [1, nfd("Hoàng Thị Hạnh"), nfd("Chủ tịch CĐCS"), "CĐCS Trường THPT Văn Quan",
         nfd("Hoàn thành xuất sắc nhiệm vụ năm 2020"), "1.500.000 đ"],
        [2, "Lương  Văn Tâm ", "Đoàn viên", "Trường THPT Văn Quan", "Lao động sáng tạo", "1.500.000 đ"],
        [3, nfd("Vi Thị Mai"), "Kế toán", "Trung tâm Y tế huyện Văn Quan", "", "1.000.000đ"],
        [4, "Nông Thị Hà", "Giáo viên", "Trường Tiểu học Vĩnh Lại", "Giỏi việc nước, đảm việc nhà",
         "1.000.000 VNĐ"],
        [5, "Hoàng Văn Nam", "Công nhân", "Công ty TNHH Một thành viên Lạng Sơn, huyện Văn Quan",
         "", "800000"],
        [],
        ["Tổng cộng: 05 cá nhân./."],
        [None, None, None, "Văn Quan, ngày 10 tháng 12 năm 2020"],
        [None, "Người lập biểu", None, "TM. BAN THƯỜNG VỤ"],
        [None, None, None, "CHỦ TỊCH"],
        [None, "(Ký, ghi rõ họ tên)", None, "(Ký tên, đóng dấu)"],
        [],
        [None, "Đỗ Thị Gấm", None, "Nông Văn Vỵ"],
    ], ["A1:C1", "D1:F1", "A2:C2", "D2:F2", "A4:F4", "A5:F5", "A15:F15"])  # fmt: skip
    save(book, "van-quan-ca-nhan-khong-cot-loai.xlsx")


def dinh_lap_hai_nhom():
    """Collectives and people in one table, told apart by section rows; STT runs on."""
    book = Workbook()
    sheet = book.active
    sheet_rows(sheet, [
        ["LĐLĐ HUYỆN ĐÌNH LẬP"],
        ["DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2021"],
        [],
        ["TT", "Tên tập thể, cá nhân", "Chức vụ", "Nơi công tác", "Thành tích"],
        [1, 2, 3, 4, 5],
        ["I. TẬP THỂ"],
        [1, "CĐCS Trường THPT Đình Lập", None, "LĐLĐ huyện Đình Lập", "Vững mạnh xuất sắc"],
        [2, nfd("Tổ Nữ công Trường THPT Đình Lập"), None, nfd("Trường THPT Đình Lập"), ""],
        [3, "Công đoàn Khu kinh tế", None, "", "Dẫn đầu phong trào thi đua"],
        ["II. CÁ NHÂN"],
        [4, "Triệu Văn Sơn", "Chủ tịch CĐCS", "Trường THPT Đình Lập", "Lao động giỏi"],
        [5, nfd("Lăng Thị Thúy"), "Giáo viên", "Trường THPT Đình Lập", "Lao động giỏi"],
        [6, "Hà Văn Khánh", "Cán bộ", "Phòng Giáo dục và Đào tạo huyện Đình Lập", ""],
        [None, "Đình Lập, ngày … tháng … năm 2021"],
        [None, "Thủ trưởng đơn vị", None, "Người lập bảng"],
        [None, "(Ký tên, đóng dấu)"],
    ], ["A1:E1", "A2:E2", "A6:E6", "A10:E10", "B14:E14"])  # fmt: skip
    save(book, "dinh-lap-tap-the-ca-nhan-nhom.xlsx")


def nganh_giao_duc_hai_trang():
    """Collectives on one sheet, people on another, a notes sheet and a hidden sheet."""
    book = Workbook()
    first = book.active
    first.title = "Tập thể"
    sheet_rows(first, [
        ["CÔNG ĐOÀN NGÀNH GIÁO DỤC TỈNH LẠNG SƠN"],
        ["DANH SÁCH TẬP THỂ ĐƯỢC TẶNG BẰNG KHEN"],
        ["STT", "Tên tập thể/đơn vị", "Tổ chức công đoàn", "Tiền thưởng"],
        [1, "Trường THPT Chuyên Chu Văn An", "Công đoàn ngành Giáo dục", "3.000.000 đ"],
        [2, "Tổ Toán – Tin Trường THPT Chuyên Chu Văn An", "CĐCS Trường THPT Chuyên Chu Văn An",
         "1.500.000 đ"],
        ["Cộng: 02 tập thể"],
    ], ["A1:D1", "A2:D2", "A6:D6"])  # fmt: skip
    second = book.create_sheet("Cá nhân")
    sheet_rows(second, [
        ["DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN"],
        [],
        ["Số TT", "Họ tên", "Chức danh", "Đơn vị công tác", "Mức thưởng"],
        [1, "Nguyễn Thị Lan", "Phó Hiệu trưởng", "Trường THPT Chuyên Chu Văn An", "1.500.000 đ"],
        [2, nfd("Đặng Văn Đức"), "Giáo viên", nfd("Trường THPT Chuyên Chu Văn An"), "1.500.000 đ"],
        [None, "Lạng Sơn, ngày 20 tháng 5 năm 2022"],
        [None, "NGƯỜI LẬP BIỂU"],
    ], ["A1:E1"])  # fmt: skip
    notes = book.create_sheet("Ghi chú")
    sheet_rows(notes, [["Danh sách gửi kèm công văn số 12/CĐN ngày 20/5/2022."]])
    hidden = book.create_sheet("Nháp")
    sheet_rows(hidden, [["STT", "Họ và tên", "Đơn vị"], [1, "Người nháp", "Không nhập"]])
    hidden.sheet_state = "hidden"
    save(book, "nganh-giao-duc-hai-trang.xlsx")


def cum_thi_dua_csv():
    """A CSV from a spreadsheet program: semicolons, a Loại column, sections, NFD, sign-off."""
    rows = [
        ["CỤM THI ĐUA SỐ 1 - TỔNG HỢP KHEN THƯỞNG NĂM 2016"],
        [],
        ["S TT", "Loại", "Họ tên", "Chức danh", "Đơn vị", "Thành tích", "Mức thưởng"],
        ["A. Tập thể"],
        ["1", "Tập thể", nfd("Công đoàn cơ sở Trung tâm Y tế huyện Văn Quan"), "", "LĐLĐ Văn Quan",
         "Xuất sắc", "1.500.000 đ"],
        ["B. Cá nhân"],
        ["1", "CN", nfd("Bế Thị Hòa"), "Điều dưỡng", "CĐCS Trung tâm Y tế Văn Quan", "", "500.000 đ"],
        ["2", "Cá nhân", "Lý Văn Bình", "Bác sĩ", "Bệnh viện Đa khoa tỉnh Lạng Sơn", "",
         "500.000 đ"],
        ["Tổng số: 01 tập thể, 02 cá nhân"],
        ["Người lập bảng", "", "", "", "Thủ trưởng cơ quan"],
    ]  # fmt: skip
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    (HERE / "cum-thi-dua-so-1.csv").write_bytes(out.getvalue().encode("utf-8-sig"))


def khong_ro_loai_csv():
    """A list that says nowhere whether its rows are collectives or people."""
    rows = [
        ["STT", "Tên tập thể, cá nhân", "Đơn vị"],
        ["1", "Hoàng Thị Thu", "CĐCS Xi măng Đồng Bành"],
        ["2", "Lộc Văn Hùng", "Công ty Cổ phần Xi măng Đồng Bành"],
        [],
        ["Chi Lăng, ngày 02 tháng 9 năm 2023"],
    ]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    (HERE / "khong-ro-loai.csv").write_bytes(out.getvalue().encode("utf-8"))


if __name__ == "__main__":
    van_quan_ca_nhan()
    dinh_lap_hai_nhom()
    nganh_giao_duc_hai_trang()
    cum_thi_dua_csv()
    khong_ro_loai_csv()
