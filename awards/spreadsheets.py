"""Read a spreadsheet (XLSX or CSV) as office staff keep them into numbered rows of text.

Row numbers are the ones Excel shows (1-based, title rows counted), so an error can say
“Dòng 6”; every visible worksheet is read (offices often keep collectives and individuals on
two sheets). Merged cells give every cell of the range the top-left value; CSV may be UTF-8
with or without BOM or Windows-1258, separated by commas, semicolons or tabs.
"""

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

from lsunion.text import clean_line, nfc

MAX_ROWS = 5000
MAX_COLUMNS = 40


class SpreadsheetError(ValueError):
    """The file cannot be read at all (not a spreadsheet, damaged, too large)."""


def clean_cell(value: str) -> str:
    """Each line of a cell cleaned (NFC, stray spaces), blank lines dropped."""
    lines = (clean_line(line) for line in nfc(value).splitlines())
    return "\n".join(line for line in lines if line)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y") if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


@dataclass
class Sheet:
    """One worksheet (or the CSV) as (Excel row number, cell texts)."""

    name: str
    rows: list[tuple[int, list[str]]]


def read_rows(*, content: bytes, filename: str) -> list[tuple[int, list[str]]]:
    """Every row of the first worksheet (or the CSV) as (Excel row number, cell texts)."""
    return read_sheets(content=content, filename=filename)[0].rows


def read_sheets(*, content: bytes, filename: str) -> list[Sheet]:
    """Every visible worksheet of a workbook, in order; a CSV is one sheet with no name."""
    name = (filename or "").lower()
    if name.endswith((".xlsx", ".xlsm")) or content[:2] == b"PK":
        return _read_xlsx(content)
    if name.endswith((".csv", ".txt")) or not name:
        return [Sheet(name="", rows=_read_csv(content))]
    raise SpreadsheetError(_("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."))


def _read_xlsx(content: bytes) -> list[Sheet]:
    from openpyxl import load_workbook

    try:
        # Not read-only: merged ranges are only known in the normal mode.
        book = load_workbook(io.BytesIO(content), data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise SpreadsheetError(
            _("Không đọc được tệp Excel: tệp hỏng hoặc không phải .xlsx.")
        ) from error
    sheets = [sheet for sheet in book.worksheets if sheet.sheet_state == "visible"]
    if not sheets:
        raise SpreadsheetError(_("Tệp Excel không có trang tính nào."))
    if sum(sheet.max_row for sheet in sheets) > MAX_ROWS + 50:
        raise SpreadsheetError(_("Tệp quá dài: tối đa %(max)s dòng.") % {"max": MAX_ROWS})
    return [Sheet(name=clean_cell(sheet.title), rows=_sheet_rows(sheet)) for sheet in sheets]


def _sheet_rows(sheet) -> list[tuple[int, list[str]]]:
    width = min(sheet.max_column, MAX_COLUMNS)
    merged = {}
    for cell_range in sheet.merged_cells.ranges:
        top_left = sheet.cell(cell_range.min_row, cell_range.min_col).value
        for row in range(cell_range.min_row, cell_range.max_row + 1):
            for col in range(cell_range.min_col, min(cell_range.max_col, width) + 1):
                merged[(row, col)] = top_left
    rows = []
    for number, cells in enumerate(sheet.iter_rows(max_col=width, values_only=True), start=1):
        values = [
            clean_cell(_text(merged.get((number, col), value)))
            for col, value in enumerate(cells, start=1)
        ]
        rows.append((number, values))
    return rows


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1258")
    except UnicodeDecodeError as error:
        raise SpreadsheetError(
            _("Không đọc được bảng mã của tệp CSV: hãy lưu lại dưới dạng “CSV UTF-8”.")
        ) from error


def _dialect(text: str):
    sample = "\n".join(text.splitlines()[:30])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        counts = {d: sample.count(d) for d in ",;\t"}
        delimiter = max(counts, key=counts.get)

        class Simple(csv.excel):
            pass

        Simple.delimiter = delimiter
        return Simple


def _read_csv(content: bytes) -> list[tuple[int, list[str]]]:
    if b"\x00" in content[:4096]:
        raise SpreadsheetError(_("Tệp CSV không hợp lệ (có ký tự nhị phân)."))
    text = _decode(content)
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    rows = []
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_ROWS + 50:
                raise SpreadsheetError(_("Tệp quá dài: tối đa %(max)s dòng.") % {"max": MAX_ROWS})
            rows.append((number, [clean_cell(c) for c in cells[:MAX_COLUMNS]]))
    except csv.Error as error:
        raise SpreadsheetError(_("Tệp CSV không hợp lệ: %(error)s") % {"error": error}) from error
    return rows
