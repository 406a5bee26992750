"""Batch import: a folder (or zip) of document files plus one spreadsheet of their facts.

One row per document: "Số, ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Ngày ban hành",
"Trích yếu", "Tệp", and optionally "Ngày có hiệu lực", "Người ký", "Lĩnh vực", "Thay thế".
Column order, case and diacritics do not matter. The whole batch is checked first; if any row
is wrong nothing is written (a dry run writes nothing either). A document the library holds
already (same number and symbol, same year) is updated, never added twice, so running the
same batch again creates nothing new.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from documents import numbers, services
from documents.files import validate_document_file
from documents.models import Document, DocumentKind, Field, Issuer
from lsunion.text import clean_line, normalise

MAX_ROWS = 2000
MAX_FILES = 2000
MAX_TOTAL_BYTES = 500 * 1024 * 1024
SHEET_EXTENSIONS = (".xlsx", ".csv")
FILE_EXTENSIONS = (".pdf", ".doc", ".docx")

COLUMNS = {
    "symbol": ("so ky hieu", "so hieu", "ky hieu", "so"),
    "kind": ("loai van ban", "loai", "the loai"),
    "issuer": ("co quan ban hanh", "co quan", "noi ban hanh"),
    "issued_on": ("ngay ban hanh", "ngay ky", "ngay"),
    "effective_on": ("ngay co hieu luc", "hieu luc tu", "ngay hieu luc"),
    "signer": ("nguoi ky",),
    "summary": ("trich yeu", "noi dung", "tieu de"),
    "field": ("linh vuc",),
    "file": ("tep", "ten tep", "file", "tep dinh kem"),
    "replaces": ("thay the", "thay the van ban"),
}
REQUIRED = ("symbol", "kind", "issuer", "issued_on", "summary")


class BatchError(ValueError):
    """The batch cannot be read at all (no spreadsheet, damaged zip, too large)."""


@dataclass
class Row:
    number: int  # the spreadsheet's row number, as Excel shows it
    values: dict[str, str]
    errors: list[str] = field(default_factory=list)
    action: str = ""  # "add" or "update"
    document: Document | None = None
    content: bytes | None = None

    @property
    def label(self) -> str:
        return _("Dòng %(n)s") % {"n": self.number}

    @property
    def action_label(self) -> str:
        return {"add": _("Thêm mới"), "update": _("Đã có – cập nhật")}.get(self.action, "")


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # about the batch as a whole
    dry_run: bool = True
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not any(row.errors for row in self.rows)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action and not row.errors)

    @property
    def all_errors(self) -> list[str]:
        return [*self.errors, *(f"{row.label}: {e}" for row in self.rows for e in row.errors)]

    @property
    def summary(self) -> str:
        if not self.ok:
            return _("Chưa ghi gì: %(count)s lỗi cần sửa.") % {"count": len(self.all_errors)}
        counts = {"added": self.count("add"), "updated": self.count("update")}
        if self.written:
            return (
                _("Đã nhập: %(added)s văn bản mới, %(updated)s văn bản đã có được cập nhật.")
                % counts
            )
        return _("Xem trước, chưa ghi gì: %(added)s văn bản mới, %(updated)s văn bản đã có sẽ được cập nhật.") % counts  # fmt: skip


# Reading the batch


def files_of_folder(folder: Path) -> dict[str, bytes]:
    found, total = {}, 0
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix.lower() in (*SHEET_EXTENSIONS, *FILE_EXTENSIONS):
            total += path.stat().st_size
            if total > MAX_TOTAL_BYTES or len(found) >= MAX_FILES:
                raise BatchError(_("Lô văn bản quá lớn."))
            found[path.name] = path.read_bytes()
    return found


def files_of_zip(upload) -> dict[str, bytes]:
    """The files of a zip by their own names (folders inside are flattened, never extracted
    to disk); sizes are checked before anything is read."""
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise BatchError(_("Tệp tải lên không phải là tệp nén .zip hợp lệ.")) from None
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        members = [m for m in members if not Path(m.filename).name.startswith((".", "~$"))]
        if len(members) > MAX_FILES or sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
            raise BatchError(_("Lô văn bản quá lớn."))
        found = {}
        for member in members:
            name = Path(member.filename.replace("\\", "/")).name
            if name.lower().endswith((*SHEET_EXTENSIONS, *FILE_EXTENSIONS)):
                try:
                    found[name] = archive.read(member)
                except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
                    raise BatchError(_("Không đọc được tệp “%(name)s” trong tệp nén.")
                                     % {"name": name}) from None  # fmt: skip
        return found


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_line(str(value))


def read_table(name: str, content: bytes) -> list[tuple[int, list[str]]]:
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
            raise BatchError(_("Không đọc được bảng tính “%(name)s”.") % {"name": name}) from None
        sheet = book.worksheets[0]
        rows = [(i, [_cell(v) for v in row]) for i, row in
                enumerate(sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 20), start=1)]  # fmt: skip
        book.close()
        return rows
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise BatchError(_("Không đọc được bảng tính “%(name)s”.") % {"name": name})
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [(i, [_cell(v) for v in row]) for i, row in
            enumerate(csv.reader(io.StringIO(text), dialect), start=1)][: MAX_ROWS + 20]  # fmt: skip


def _column(header: str) -> str | None:
    key = normalise(header)
    for name, spellings in COLUMNS.items():
        if key in spellings:
            return name
    return None


def read_rows(files: dict[str, bytes], report: Report) -> list[Row]:
    sheets = [name for name in files if name.lower().endswith(SHEET_EXTENSIONS)]
    if len(sheets) != 1:
        report.errors.append(
            _("Lô văn bản cần đúng một bảng tính (.xlsx hoặc .csv) ghi thông tin các văn bản; "
              "tìm thấy %(count)s.") % {"count": len(sheets)}
        )  # fmt: skip
        return []
    table = read_table(sheets[0], files[sheets[0]])
    for index, (_number, cells) in enumerate(table[:20]):  # noqa: B007 - used below
        columns = {i: _column(text) for i, text in enumerate(cells) if _column(text)}
        if set(REQUIRED) <= set(columns.values()):
            break
    else:
        report.errors.append(
            _("Không thấy dòng tiêu đề cột: cần các cột Số, ký hiệu; Loại văn bản; Cơ quan ban "
              "hành; Ngày ban hành; Trích yếu (và Tệp).")
        )  # fmt: skip
        return []
    rows = []
    for number, cells in table[index + 1 :]:
        values = {name: (cells[i] if i < len(cells) else "") for i, name in columns.items()}
        if any(values.values()):
            rows.append(Row(number=number, values=values))
    if len(rows) > MAX_ROWS:
        report.errors.append(_("Quá nhiều dòng: tối đa %(n)s văn bản một lô.") % {"n": MAX_ROWS})
    return rows


# Checking


def _date(text: str) -> date | None:
    text = text.strip()
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _by_name_or_code(model, text: str):
    key = normalise(text)
    for obj in model.objects.all():
        if normalise(obj.name) == key or (getattr(obj, "code", "") and normalise(obj.code) == key):
            return obj
    return None


class _Named(dict):
    """A small cache of the lists (kinds, issuers, fields) for one batch."""

    def get_for(self, model, text):
        key = (model, normalise(text))
        if key not in self:
            self[key] = _by_name_or_code(model, text) if text else None
        return self[key]


def check(rows: list[Row], files: dict[str, bytes], owner) -> None:
    named = _Named()
    seen: dict[tuple[str, int], int] = {}
    for row in rows:
        v = row.values
        for name in REQUIRED:
            if not v.get(name):
                row.errors.append(_("Thiếu “%(column)s”.") % {"column": COLUMNS[name][0]})
        if row.errors:
            continue
        kind = named.get_for(DocumentKind, v["kind"])
        issuer = named.get_for(Issuer, v["issuer"])
        field_ = named.get_for(Field, v.get("field", ""))
        if kind is None:
            row.errors.append(
                _("Chưa có loại văn bản “%(name)s” trong danh mục.") % {"name": v["kind"]}
            )
        if issuer is None:
            row.errors.append(_("Chưa có cơ quan ban hành “%(name)s” trong danh mục.") % {"name": v["issuer"]})  # fmt: skip
        if v.get("field") and field_ is None:
            row.errors.append(
                _("Chưa có lĩnh vực “%(name)s” trong danh mục.") % {"name": v["field"]}
            )
        issued_on = _date(v["issued_on"])
        effective_on = _date(v["effective_on"]) if v.get("effective_on") else None
        if issued_on is None:
            row.errors.append(_("Ngày ban hành “%(value)s” không đọc được (viết ngày/tháng/năm).") % {"value": v["issued_on"]})  # fmt: skip
        if v.get("effective_on") and effective_on is None:
            row.errors.append(_("Ngày có hiệu lực “%(value)s” không đọc được.") % {"value": v["effective_on"]})  # fmt: skip
        ref = numbers.parse_symbol(v["symbol"])
        if ref is None or not ref.key:
            row.errors.append(
                _("Không đọc được số, ký hiệu “%(symbol)s”.") % {"symbol": v["symbol"]}
            )
        if row.errors:
            continue
        twin = seen.get((ref.key, issued_on.year))
        if twin:
            row.errors.append(_("Trùng số, ký hiệu với dòng %(n)s.") % {"n": twin})
            continue
        seen[(ref.key, issued_on.year)] = row.number
        existing = Document.objects.filter(match_key=ref.key, year=issued_on.year).first()
        document = existing or Document(owner=owner)
        document.symbol, document.kind, document.issuer = ref.symbol, kind, issuer
        document.issued_on, document.effective_on = issued_on, effective_on
        document.signer, document.summary, document.field = (
            v.get("signer", ""),
            v["summary"],
            field_,
        )
        row.document, row.action = document, "update" if existing else "add"
        name = v.get("file", "")
        if name:
            content = files.get(name) or files.get(Path(name).name)
            if content is None:
                row.errors.append(_("Không có tệp “%(name)s” trong lô.") % {"name": name})
            else:
                upload = ContentFile(content, name=Path(name).name)
                upload.content_type = ""  # checked as a new upload
                try:
                    validate_document_file(upload)
                except ValidationError as error:
                    row.errors.extend(error.messages)
                row.content = content
        try:
            document.full_clean(exclude=["file", "slug", "owner"], validate_unique=False)
        except ValidationError as error:
            row.errors.extend(m for m in error.messages if m not in row.errors)


def _replacements(rows: list[Row], report: Report) -> list[tuple[Row, list[str]]]:
    wanted = []
    for row in rows:
        text = row.values.get("replaces", "")
        if text:
            keys = [ref.key for ref in numbers.find(text) if ref.key]
            if not keys:
                row.errors.append(_("Không đọc được số, ký hiệu văn bản bị thay thế “%(t)s”.") % {"t": text})  # fmt: skip
            wanted.append((row, keys))
    return wanted


# The import


def import_batch(*, files: dict[str, bytes], owner, user=None, dry_run: bool = True) -> Report:
    """Check the whole batch; unless it is a dry run and every row is right, write it in one
    transaction (all or nothing)."""
    report = Report(dry_run=dry_run)
    rows = read_rows(files, report)
    report.rows = rows
    if report.errors:
        return report
    check(rows, files, owner)
    replacements = _replacements(rows, report)
    if not report.ok or dry_run:
        return report
    with transaction.atomic():
        for row in rows:
            document = row.document
            if user is not None:
                document.updated_by = user
                if document.pk is None:
                    document.created_by = user
            document.save()
            if row.content is not None and not _same_file(document, row.content):
                document.file.save(Path(row.values["file"]).name, ContentFile(row.content))
        held = {(d.match_key): d for d in Document.objects.filter(
            match_key__in={k for _row, keys in replacements for k in keys})}  # fmt: skip
        for row, keys in replacements:
            older = [held[k] for k in keys if k in held and held[k].pk != row.document.pk]
            row.document.replaces.add(*older)
            services.apply_links(document=row.document)
    report.written = True
    return report


def _same_file(document: Document, content: bytes) -> bool:
    if not document.file:
        return False
    try:
        if document.file.size != len(content):
            return False
        with document.file.open("rb") as handle:
            return handle.read() == content
    except FileNotFoundError:
        return False
