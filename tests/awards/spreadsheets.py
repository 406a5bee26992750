"""Spreadsheets as offices really keep them, built in memory for the importer's tests."""

import csv
import io
import unicodedata

from openpyxl import Workbook, load_workbook

TITLE_ROWS = [
    ["LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĂN QUAN", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    [],
    ["DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG (Kèm theo Quyết định số 45/QĐ-LĐLĐ)"],
    [],
]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def xlsx(rows, merges=()) -> bytes:
    """A workbook whose first sheet holds `rows` (row 1 first) with the given merged ranges."""
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row) if row else [None])
    for cell_range in merges:
        sheet.merge_cells(cell_range)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(rows, delimiter=",", encoding="utf-8-sig") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    text = out.getvalue()
    return cp1258(text) if encoding == "cp1258" else text.encode(encoding)


def cp1258(text: str) -> bytes:
    """Windows-1258 as old Vietnamese Windows software writes it: tone marks as combining."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, marks = unicodedata.normalize("NFD", ch)[0], unicodedata.normalize("NFD", ch)[1:]
        for i, mark in enumerate(marks):
            rest = unicodedata.normalize("NFC", base + marks[:i] + marks[i + 1 :])
            try:
                out += rest.encode("cp1258") + mark.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            raise UnicodeEncodeError("cp1258", ch, 0, 1, "no Windows-1258 form")
    return out


def read_xlsx(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def read_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
