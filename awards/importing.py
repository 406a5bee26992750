"""Import the recipients of a decision from the spreadsheets offices really keep.

The documented template has the columns STT, Loại (Tập thể / Cá nhân), Họ và tên (or Tên tập
thể), Chức vụ, Đơn vị, Thành tích (optionally Tiền thưởng and Mã tổ chức). Real files differ:
headers are recognised whatever their case, diacritics, spacing or order, below any title block;
section rows (“I. TẬP THỂ”, “II. CÁ NHÂN”) stand in for a missing Loại column; blank rows,
pre-numbered empty rows, column-number rows (“1 2 3 4”) and notes are skipped.

All or nothing: every row is checked first and nothing is written if any row is invalid.
Re-importing adds no duplicates: within a decision a recipient is known by its natural key
(kind + name + unit in search form, `Recipient.make_match_key`); a known row is updated.
"""

import re
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from awards.models import Decision, Recipient
from awards.spreadsheets import SpreadsheetError, read_rows
from lsunion.text import normalise
from organizations.matching import find_body
from organizations.models import UnionBody

HEADER_SCAN_ROWS = 30

# Header text with spaces removed, in search form -> field. Exact forms first...
EXACT_HEADERS = {
    "stt": "order", "tt": "order", "sott": "order", "sothutu": "order", "thutu": "order",
    "loai": "kind", "phanloai": "kind", "doituong": "kind", "tapthecanhan": "kind",
    "ten": "name", "hovaten": "name", "hoten": "name", "tentapthe": "name",
    "chucvu": "position", "chucdanh": "position",
    "donvi": "unit", "donvicongtac": "unit", "noicongtac": "unit",
    "thanhtich": "achievement", "lydo": "achievement",
    "tienthuong": "prize", "sotien": "prize", "mucthuong": "prize",
    "matochuc": "body_slug",
}  # fmt: skip
# ...then fragments, in this order, for longer headers (“Họ và tên (hoặc tên tập thể)”).
HEADER_FRAGMENTS = [
    ("name", ("hovaten", "hoten", "tentapthe", "tencanhan")),
    ("body_slug", ("matochuc",)),
    ("position", ("chucvu", "chucdanh")),
    ("unit", ("donvi", "noicongtac")),
    ("achievement", ("thanhtich",)),
    ("prize", ("tienthuong", "sotien", "mucthuong")),
    ("kind", ("loai", "doituong")),
    ("order", ("sothutu",)),
]
KINDS = {
    "tap the": Recipient.Kind.COLLECTIVE,
    "tt": Recipient.Kind.COLLECTIVE,
    "ca nhan": Recipient.Kind.INDIVIDUAL,
    "cn": Recipient.Kind.INDIVIDUAL,
}
SECTION = re.compile(r"^(?:(?:[ivx]+|[a-e]|\d+)\s+)?(?:khen thuong\s+)?(?:cho\s+)?(?:cac\s+)?"
                     r"(tap the|ca nhan)\b")  # fmt: skip
FORMULA_GUARD = re.compile(r"^'(?=[=+\-@])")


def column_of(header: str) -> str | None:
    """The recipient field a header names, or None."""
    key = normalise(header).replace(" ", "")
    if not key:
        return None
    if key in EXACT_HEADERS:
        return EXACT_HEADERS[key]
    for name, fragments in HEADER_FRAGMENTS:
        if any(fragment in key for fragment in fragments):
            return name
    return None


@dataclass
class Row:
    """One data row of the file, as understood, with its errors."""

    number: int
    kind: str = ""
    name: str = ""
    position: str = ""
    unit: str = ""
    achievement: str = ""
    order: int | None = None
    prize_amount: int | None = None
    body: UnionBody | None = None
    errors: list[str] = field(default_factory=list)
    action: str = ""  # create | update | same
    existing: Recipient | None = None

    @property
    def key(self) -> str:
        return Recipient.make_match_key(self.kind, self.name, self.unit)

    @property
    def kind_label(self) -> str:
        return Recipient.Kind(self.kind).label if self.kind in Recipient.Kind.values else ""

    @property
    def action_label(self) -> str:
        return {
            "create": _("Thêm mới"),
            "update": _("Cập nhật"),
            "same": _("Đã có, không đổi"),
        }.get(self.action, "")

    def error(self, message: str) -> None:
        self.errors.append(_("Dòng %(row)s: %(reason)s") % {"row": self.number, "reason": message})


@dataclass
class ImportResult:
    rows: list[Row] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    header_row: int | None = None
    written: bool = False

    @property
    def errors(self) -> list[str]:
        return self.file_errors + [e for row in self.rows for e in row.errors]

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def summary(self) -> str:
        return _("%(total)s dòng: %(new)s thêm mới, %(updated)s cập nhật, %(same)s đã có sẵn.") % {
            "total": len(self.rows),
            "new": self.count("create"),
            "updated": self.count("update"),
            "same": self.count("same"),
        }


def import_recipients(
    *, decision: Decision, content: bytes, filename: str, dry_run: bool = False
) -> ImportResult:
    """Check every row of the file, then (unless dry_run or any error) write them all."""
    result = ImportResult()
    try:
        table = read_rows(content=content, filename=filename)
    except SpreadsheetError as error:
        result.file_errors.append(str(error))
        return result
    header = _find_header(table)
    if header is None:
        result.file_errors.append(
            _(
                "Không tìm thấy dòng tiêu đề cột: cần cột “Họ và tên” (hoặc “Tên tập thể”) "
                "và ít nhất một cột khác như “Loại”, “Chức vụ”, “Đơn vị”, “Thành tích”."
            )
        )
        return result
    result.header_row, columns = header
    _read_data(table, result, columns)
    if not result.rows and not result.file_errors:
        result.file_errors.append(_("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."))
    _check_rows(result.rows, decision)
    if result.errors or dry_run:
        return result
    try:
        with transaction.atomic():
            _write(result.rows, decision)
    except IntegrityError as error:
        result.file_errors.append(
            _("Không ghi được danh sách, chưa nhập dòng nào: %(error)s") % {"error": error}
        )
        return result
    result.written = True
    return result


def _find_header(table) -> tuple[int, dict[str, int]] | None:
    for number, cells in table[:HEADER_SCAN_ROWS]:
        columns: dict[str, int] = {}
        for index, text in enumerate(cells):
            name = column_of(text)
            if name and name not in columns:
                columns[name] = index
        if "name" in columns and len(columns) >= 2:
            return number, columns
    return None


def _is_column_numbers(values: list[str]) -> bool:
    """A row numbering the columns under the header: “1 2 3 4 5 6” or “(1) (2) (3)”."""
    numbers = [v.strip("()") for v in values if v]
    if len(numbers) < 3 or not all(n.isdigit() for n in numbers):
        return False
    ints = [int(n) for n in numbers]
    return ints == list(range(ints[0], ints[0] + len(ints)))


def _read_data(table, result: ImportResult, columns: dict[str, int]) -> None:
    header_number = result.header_row
    header_cells = next(cells for number, cells in table if number == header_number)
    section_kind = ""

    def cell(cells, name):
        index = columns.get(name)
        if index is None or index >= len(cells):
            return ""
        return FORMULA_GUARD.sub("", cells[index])

    for number, cells in table:
        if number <= header_number:
            continue
        filled = [c for c in cells if c]
        if not filled or cells == header_cells or _is_column_numbers(cells):
            continue
        if (
            len(filled) == 1
            and cell(cells, "order").isdigit()
            and filled[0] == cell(cells, "order")
        ):
            continue  # a pre-numbered empty line of the template
        if len(set(filled)) == 1:
            match = SECTION.match(normalise(filled[0]))
            only_kind = len(filled) == 1 and cell(cells, "kind") == filled[0]
            if match and not only_kind:  # “Cá nhân” alone in the Loại column is a recipient
                section_kind = KINDS[match.group(1)]
                result.skipped.append(
                    (number, _("dòng tiêu đề nhóm: %(text)s") % {"text": filled[0]})
                )
                continue
        merged_note = len(filled) > 1 and len(set(filled)) == 1  # one text across the row
        if merged_note or not (cell(cells, "name") or cell(cells, "kind") or cell(cells, "order")):
            result.skipped.append((number, _("dòng ghi chú: %(text)s") % {"text": filled[0][:80]}))
            continue
        result.rows.append(
            _parse(number, lambda name, c=cells: cell(c, name), section_kind, columns)
        )


def _parse(number: int, cell, section_kind: str, columns) -> Row:
    row = Row(number=number)
    kind_text = cell("kind")
    if kind_text:
        row.kind = KINDS.get(normalise(kind_text), "")
        if not row.kind:
            row.error(
                _("loại “%(value)s” không hợp lệ, ghi “Tập thể” hoặc “Cá nhân”.")
                % {"value": kind_text}
            )
    elif section_kind:
        row.kind = section_kind
    else:
        row.error(_("không rõ là tập thể hay cá nhân: điền cột “Loại” (Tập thể / Cá nhân)."))
    row.name = cell("name")
    row.position = cell("position")
    row.unit = cell("unit")
    row.achievement = cell("achievement")
    if not row.name:
        row.error(_("thiếu họ và tên (hoặc tên tập thể)."))
    order = cell("order").rstrip(".")
    if order:
        if order.isdigit() and int(order) < 1_000_000:
            row.order = int(order)
        else:
            row.error(_("STT “%(value)s” không phải là số.") % {"value": cell("order")})
    prize = cell("prize")
    if prize:
        digits = re.sub(r"(?i)[\s.,]|vn[dđ]|đồng|dong|đ$|d$", "", prize)
        if digits.isdigit() and len(digits) <= 15:
            row.prize_amount = int(digits)
        else:
            row.error(_("tiền thưởng “%(value)s” không phải là số tiền.") % {"value": prize})
    if row.kind == Recipient.Kind.COLLECTIVE:
        if row.position:
            row.error(_("tập thể không có chức vụ: để trống cột “Chức vụ”."))
        slug = cell("body_slug")
        if slug:
            row.body = UnionBody.objects.filter(slug=slug).first()
            if row.body is None:
                row.error(_("không có tổ chức công đoàn mã “%(slug)s”.") % {"slug": slug})
    elif cell("body_slug"):
        row.error(_("cá nhân không ghi “Mã tổ chức”: cột đó chỉ dành cho tập thể."))
    _check_lengths(row)
    return row


LIMITS = [
    ("name", Recipient._meta.get_field("full_name").max_length, _("họ và tên")),
    ("position", Recipient._meta.get_field("position").max_length, _("chức vụ")),
    ("unit", Recipient._meta.get_field("unit").max_length, _("đơn vị")),
]


def _check_lengths(row: Row) -> None:
    for attr, limit, label in LIMITS:
        if attr == "name" and row.kind == Recipient.Kind.COLLECTIVE:
            limit = Recipient._meta.get_field("collective_name").max_length
        if len(getattr(row, attr)) > limit:
            row.error(
                _("%(field)s dài quá %(limit)s ký tự.")
                % {"field": label.capitalize(), "limit": limit}
            )


def _check_rows(rows: list[Row], decision: Decision) -> None:
    """Duplicates in the file, bodies for collectives, and what each row will do."""
    existing = (
        {r.match_key: r for r in decision.recipients.select_related("body")} if decision.pk else {}
    )
    seen: dict[str, int] = {}
    found_bodies: dict[str, UnionBody | None] = {}

    def body_named(text: str):
        if text not in found_bodies:
            found_bodies[text] = find_body(text) if text else None
        return found_bodies[text]

    next_order: dict[str, int] = {}
    for row in rows:
        if row.errors:
            continue
        # Rows without STT continue the numbering of their kind.
        row.order = row.order or next_order.get(row.kind, 1)
        next_order[row.kind] = row.order + 1
        if row.key in seen:
            row.error(
                _("trùng với dòng %(other)s (cùng loại, tên và đơn vị).") % {"other": seen[row.key]}
            )
            continue
        seen[row.key] = row.number
        if row.kind == Recipient.Kind.COLLECTIVE and row.body is None:
            # The collective itself when it is a union body, else the union of its unit.
            row.body = body_named(row.name) or body_named(row.unit)
        row.existing = existing.get(row.key)
        if row.existing is not None and row.body is None and row.existing.body_id:
            row.body = row.existing.body  # a link staff made by hand survives a re-import
        if row.existing is None:
            row.action = "create"
        else:
            row.action = "same" if _same(row.existing, _values(row)) else "update"


def _values(row: Row) -> dict:
    individual = row.kind == Recipient.Kind.INDIVIDUAL
    return {
        "kind": row.kind,
        "full_name": row.name if individual else "",
        "collective_name": "" if individual else row.name,
        "position": row.position,
        "unit": row.unit,
        "achievement": row.achievement,
        "prize_amount": row.prize_amount,
        "body_id": row.body.pk if row.body else None,
        "order": row.order,
    }


def _same(recipient: Recipient, values: dict) -> bool:
    return all(getattr(recipient, name) == value for name, value in values.items())


def _write(rows: list[Row], decision: Decision) -> None:
    for row in rows:
        if row.action == "same":
            continue
        recipient = row.existing or Recipient(decision=decision)
        for name, value in _values(row).items():
            setattr(recipient, name, value)
        recipient.save()
