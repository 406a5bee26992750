"""Import the recipients of a decision from the spreadsheets offices really keep.

The documented template has the columns STT, Loại (Tập thể / Cá nhân), Họ và tên (or Tên tập
thể), Chức vụ, Đơn vị, Thành tích (optionally Tiền thưởng and Mã tổ chức). Real files differ:
headers are recognised whatever their case, diacritics, spacing or order, below any title block;
blank rows, pre-numbered empty rows, column-number rows (“1 2 3 4”) and notes are skipped; every
visible worksheet with a header row is read.

Whether a row is a collective or an individual is said, most specific first, by its Loại
column, by the section row above it (“I. TẬP THỂ”, “B. Khen thưởng cá nhân”), by the sheet's
name (“Cá nhân”), or by the header of the name column (“Họ và tên” means people, “Tên tập
thể/đơn vị” collectives). Only when none says is the person importing asked (`default_kind`).

The sign-off block under the table (“Người lập biểu”, “Thủ trưởng đơn vị”, “Lạng Sơn, ngày …
tháng … năm …”, “(Ký, ghi rõ họ tên)”, totals such as “Tổng cộng: 28”) ends the table: nothing
below it is a recipient.

Numbering stays continuous: collectives and individuals are two lists, each numbered from 1;
rows new to a decision that already has recipients continue its numbering in the file's order.
The unit column is matched to union bodies (organizations.matching) and the preview says why.

All or nothing: every row is checked first and nothing is written if any row is invalid.
Re-importing adds no duplicates: within a decision a recipient is known by its natural key
(kind + name + unit in search form, `Recipient.make_match_key`); a known row is updated.
"""

import re
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from awards.models import Decision, Recipient
from awards.spreadsheets import Sheet, SpreadsheetError, read_sheets
from lsunion import versioning
from lsunion.text import normalise
from organizations.matching import BodyMatch, match_body
from organizations.models import UnionBody

HEADER_SCAN_ROWS = 30

# Header text with spaces removed, in search form -> field. Exact forms first...
EXACT_HEADERS = {
    "stt": "order", "tt": "order", "sott": "order", "sothutu": "order", "thutu": "order",
    "loai": "kind", "phanloai": "kind", "doituong": "kind", "tapthecanhan": "kind",
    "loaidoituong": "kind", "ttcn": "kind", "tapthe/canhan": "kind",
    "ten": "name", "hovaten": "name", "hoten": "name", "tentapthe": "name",
    "tendonvi": "name", "tentapthedonvi": "name", "tapthe": "name", "canhan": "name",
    "chucvu": "position", "chucdanh": "position",
    "donvi": "unit", "donvicongtac": "unit", "noicongtac": "unit", "tochuccongdoan": "unit",
    "thanhtich": "achievement", "lydo": "achievement",
    "tienthuong": "prize", "sotien": "prize", "mucthuong": "prize",
    "matochuc": "body_slug",
}  # fmt: skip
# ...then fragments, in this order, for longer headers (“Họ và tên (hoặc tên tập thể)”).
HEADER_FRAGMENTS = [
    ("name", ("hovaten", "hoten", "tentapthe", "tencanhan")),
    ("body_slug", ("matochuc",)),
    ("position", ("chucvu", "chucdanh")),
    ("unit", ("donvi", "noicongtac", "tochuccongdoan")),
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
SECTION = re.compile(r"^(?:(?:[ivx]+|[a-e]|\d+)\s+)?(?:danh sach\s+)?(?:de nghi\s+)?"
                     r"(?:khen thuong\s+)?(?:cho\s+)?(?:cac\s+)?(tap the|ca nhan)\b")  # fmt: skip
# The sign-off block under the table, in search form, each a whole cell.
SIGN_OFF = re.compile(
    r"^(?:nguoi lap(?: bieu| bang| danh sach)?|thu truong(?: don vi| co quan)?"
    r"|ky(?: ten)?(?: ghi ro)?(?: ho ten| ho va ten)?(?: dong dau)?|ky ten dong dau"
    r"|(?:tong cong|tong so|cong)(?: \d+.*)?|tong cong.*|noi nhan|xac nhan cua .*"
    r"|(?:tm|kt|tl|tuq) .+|danh sach (?:nay )?(?:co|gom) \d+.*"
    r"|(?:[a-z]+ ){0,6}ngay(?: \d{1,2})? thang(?: \d{1,2})? nam(?: \d{4})?)$"
)
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


def kind_of_header(header: str) -> str:
    """What the name column's header says the rows are: “Họ và tên” people, “Tên tập thể” or
    “Tên đơn vị” collectives, “Tên tập thể, cá nhân” both (and so nothing)."""
    key = normalise(header).replace(" ", "")
    people = any(f in key for f in ("hovaten", "hoten", "tencanhan", "canhan"))
    collectives = "tapthe" in key or key.startswith("tendonvi")
    if people and not collectives:
        return Recipient.Kind.INDIVIDUAL
    if collectives and not people:
        return Recipient.Kind.COLLECTIVE
    return ""


def kind_of_section(text: str) -> str:
    """The kind a section row or a sheet's name announces (“II. CÁ NHÂN”), or ""."""
    match = SECTION.match(normalise(text))
    return KINDS[match.group(1)] if match else ""


def is_sign_off(text: str) -> bool:
    return bool(SIGN_OFF.match(normalise(text)))


@dataclass
class Row:
    """One data row of the file, as understood, with its errors."""

    number: int
    sheet: str = ""
    kind: str = ""
    kind_from: str = ""  # column | section | sheet | header | chosen
    name: str = ""
    position: str = ""
    unit: str = ""
    achievement: str = ""
    order: int | None = None
    file_order: int | None = None
    prize_amount: int | None = None
    body: UnionBody | None = None
    unit_match: BodyMatch | None = None
    unit_body: UnionBody | None = None
    errors: list[str] = field(default_factory=list)
    action: str = ""  # create | update | same
    existing: Recipient | None = None

    @property
    def key(self) -> str:
        return Recipient.make_match_key(self.kind, self.name, self.unit)

    @property
    def label(self) -> str:
        """“Dòng 6”, or “Trang “Cá nhân”, dòng 6” when the workbook has several sheets."""
        if self.sheet:
            return _("Trang “%(sheet)s”, dòng %(row)s") % {"sheet": self.sheet, "row": self.number}
        return _("Dòng %(row)s") % {"row": self.number}

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
        self.errors.append(_("%(row)s: %(reason)s") % {"row": self.label, "reason": message})


@dataclass
class ImportResult:
    rows: list[Row] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    header_row: int | None = None
    needs_kind: bool = False  # nothing in the file says collective or individual: ask
    written: bool = False

    @property
    def errors(self) -> list[str]:
        return self.file_errors + [e for row in self.rows for e in row.errors]

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    @property
    def only_needs_kind(self) -> bool:
        """Nothing is wrong but the question of what the rows are."""
        return self.needs_kind and len(self.errors) == 1

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

    @property
    def units_summary(self) -> str:
        with_unit = [row for row in self.rows if row.unit]
        matched = sum(1 for row in with_unit if row.unit_body is not None)
        return _("Đơn vị khớp với danh bạ tổ chức công đoàn: %(matched)s/%(total)s dòng.") % {
            "matched": matched,
            "total": len(with_unit),
        }


def import_recipients(
    *,
    decision: Decision,
    content: bytes,
    filename: str,
    dry_run: bool = False,
    default_kind: str = "",
) -> ImportResult:
    """Check every row of the file, then (unless dry_run or any error) write them all."""
    result = ImportResult()
    try:
        sheets = read_sheets(content=content, filename=filename)
    except SpreadsheetError as error:
        result.file_errors.append(str(error))
        return result
    named = len(sheets) > 1
    for sheet in sheets:
        header = _find_header(sheet.rows)
        if header is None:
            if named:
                result.skipped.append(
                    (0, _("trang “%(sheet)s”: không có dòng tiêu đề cột") % {"sheet": sheet.name})
                )
            continue
        if result.header_row is None:
            result.header_row = header[0]
        _read_data(sheet, result, header, named=named, default_kind=default_kind)
    if result.header_row is None:
        result.file_errors.append(
            _(
                "Không tìm thấy dòng tiêu đề cột: cần cột “Họ và tên” (hoặc “Tên tập thể”) "
                "và ít nhất một cột khác như “Loại”, “Chức vụ”, “Đơn vị”, “Thành tích”."
            )
        )
        return result
    if not result.rows and not result.file_errors:
        result.file_errors.append(_("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."))
    if any(not row.kind and not row.errors for row in result.rows):
        result.needs_kind = True
        result.file_errors.append(
            _(
                "Tệp không cho biết danh sách là tập thể hay cá nhân (không có cột “Loại”, dòng "
                "nhóm “I. TẬP THỂ”, “II. CÁ NHÂN”, hay tiêu đề cột “Họ và tên” / “Tên tập thể”): "
                "hãy chọn loại cho các dòng đó."
            )
        )
    _check_rows(result.rows, decision)
    if result.errors or dry_run:
        return result
    try:
        comment = _("Nhập danh sách khen thưởng từ tệp %(name)s") % {"name": filename}
        with transaction.atomic(), versioning.recorded(comment=comment):
            _write(result.rows, decision)
    except IntegrityError as error:
        result.file_errors.append(
            _("Không ghi được danh sách, chưa nhập dòng nào: %(error)s") % {"error": error}
        )
        return result
    result.written = True
    return result


def _find_header(table) -> tuple[int, dict[str, int], str] | None:
    """The header row: its number, the column of each field, and what its name column says."""
    for number, cells in table[:HEADER_SCAN_ROWS]:
        columns: dict[str, int] = {}
        for index, text in enumerate(cells):
            name = column_of(text)
            if name == "name" and "name" in columns and "donvi" in normalise(text).replace(" ", ""):
                name = "unit"  # “Họ và tên | … | Tên đơn vị”: the unit of a person
            if name and name not in columns:
                columns[name] = index
        if "name" in columns and len(columns) >= 2:
            return number, columns, kind_of_header(cells[columns["name"]])
    return None


def _is_column_numbers(values: list[str]) -> bool:
    """A row numbering the columns under the header: “1 2 3 4 5 6” or “(1) (2) (3)”."""
    numbers = [v.strip("()") for v in values if v]
    if len(numbers) < 3 or not all(n.isdigit() for n in numbers):
        return False
    ints = [int(n) for n in numbers]
    return ints == list(range(ints[0], ints[0] + len(ints)))


def _read_data(sheet: Sheet, result: ImportResult, header, *, named: bool, default_kind: str):
    header_number, columns, header_kind = header
    header_cells = next(cells for number, cells in sheet.rows if number == header_number)
    sheet_kind = kind_of_section(sheet.name) if sheet.name else ""
    section_kind = ""
    where = (_("trang “%(sheet)s”, ") % {"sheet": sheet.name}) if named else ""

    def skip(number, why):
        result.skipped.append((number, where + why))

    def cell(cells, name):
        index = columns.get(name)
        if index is None or index >= len(cells):
            return ""
        return FORMULA_GUARD.sub("", cells[index])

    for number, cells in sheet.rows:
        if number <= header_number:
            continue
        filled = [c for c in cells if c]
        if not filled or cells == header_cells or _is_column_numbers(cells):
            continue
        order_text = cell(cells, "order").rstrip(".")
        if not order_text.isdigit() and any(is_sign_off(text) for text in filled):
            skip(number, _("khối ký tên, tổng cộng cuối bảng: bỏ qua từ dòng này trở xuống"))
            break
        if len(filled) == 1 and order_text.isdigit() and filled[0].rstrip(".") == order_text:
            continue  # a pre-numbered empty line of the template
        if len(set(filled)) == 1:
            kind = kind_of_section(filled[0])
            only_kind = len(filled) == 1 and cell(cells, "kind") == filled[0]
            if kind and not only_kind:  # “Cá nhân” alone in the Loại column is a recipient
                section_kind = kind
                skip(number, _("dòng tiêu đề nhóm: %(text)s") % {"text": filled[0]})
                continue
        merged_note = len(filled) > 1 and len(set(filled)) == 1  # one text across the row
        if merged_note or not (cell(cells, "name") or cell(cells, "kind") or cell(cells, "order")):
            skip(number, _("dòng ghi chú: %(text)s") % {"text": filled[0][:80]})
            continue
        said = [
            ("section", section_kind),
            ("sheet", sheet_kind),
            ("header", header_kind),
            ("chosen", default_kind),
        ]
        row = Row(number=number, sheet=sheet.name if named else "")
        result.rows.append(_parse(row, lambda name, c=cells: cell(c, name), said))


def _parse(row: Row, cell, said: list[tuple[str, str]]) -> Row:
    kind_text = cell("kind")
    if kind_text:
        row.kind, row.kind_from = KINDS.get(normalise(kind_text), ""), "column"
        if not row.kind:
            row.error(
                _("loại “%(value)s” không hợp lệ, ghi “Tập thể” hoặc “Cá nhân”.")
                % {"value": kind_text}
            )
    else:
        row.kind_from, row.kind = next(((src, k) for src, k in said if k), ("", ""))
    row.name = cell("name")
    row.position = cell("position")
    row.unit = cell("unit")
    row.achievement = cell("achievement")
    if not row.name:
        row.error(_("thiếu họ và tên (hoặc tên tập thể)."))
    order = cell("order").rstrip(".")
    if order:
        if order.isdigit() and int(order) < 1_000_000:
            row.file_order = int(order)
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
    """Duplicates in the file, bodies of units and collectives, numbering, and what each
    row will do."""
    existing = (
        {r.match_key: r for r in decision.recipients.select_related("body", "unit_body")}
        if decision.pk
        else {}
    )
    # New rows continue the decision's numbering of their kind, in the file's order.
    next_order = {
        kind: (number or 0) + 1
        for kind, number in (
            decision.recipients.order_by().values_list("kind").annotate(last=Max("order"))
            if decision.pk
            else []
        )
    }
    seen: dict[str, str] = {}
    matches: dict[tuple[str, bool], BodyMatch] = {}
    bodies = {}

    def matched(text: str, *, mentions: bool) -> BodyMatch:
        if (text, mentions) not in matches:
            matches[(text, mentions)] = match_body(text, mentions=mentions)
        return matches[(text, mentions)]

    for row in rows:
        if row.unit:
            row.unit_match = matched(row.unit, mentions=True)
            row.unit_body = _body(bodies, row.unit_match.body_id)
        if row.errors or not row.kind:
            continue
        if row.key in seen:
            other = seen[row.key]
            row.error(
                _("trùng với %(other)s (cùng loại, tên và đơn vị).")
                % {"other": other[:1].lower() + other[1:]}
            )
            continue
        seen[row.key] = row.label
        row.existing = existing.get(row.key)
        if row.existing is not None:
            row.order = row.existing.order
        else:
            row.order = next_order.get(row.kind, 1)
            next_order[row.kind] = row.order + 1
        if row.kind == Recipient.Kind.COLLECTIVE and row.body is None:
            # The collective itself when it is a union body, else the union of its unit.
            own = matched(row.name, mentions=False)
            unit = matched(row.unit, mentions=False) if row.unit else None
            body_id = own.body_id or (unit.body_id if unit else None)
            row.body = _body(bodies, body_id)
        if row.existing is not None and row.body is None and row.existing.body_id:
            row.body = row.existing.body  # a link staff made by hand survives a re-import
        if row.existing is not None and row.unit_body is None and row.existing.unit_body_id:
            row.unit_body = row.existing.unit_body
        if row.existing is None:
            row.action = "create"
        else:
            row.action = "same" if _same(row.existing, _values(row)) else "update"


def _body(cache: dict, body_id: int | None):
    if body_id is None:
        return None
    if body_id not in cache:
        cache[body_id] = UnionBody.objects.filter(pk=body_id).first()
    return cache[body_id]


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
        "unit_body_id": row.unit_body.pk if row.unit_body else None,
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
