"""Export recipients and decisions to XLSX and CSV with Vietnamese headers.

The first recipient columns are those of the import template (plus Tiền thưởng and Mã tổ
chức), so an export of a decision's recipients imports back identically; the columns after
them describe the decision and are ignored by the importer.

Rows are produced one at a time from a database iterator and written straight into the
file, so exporting ten years of recipients never holds them all as Python objects.
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator

from django.db.models import Count, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import Recipient
from lsunion.dates import short_date

FORMULA_START = re.compile(r"^[=+\-@]")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def recipient_headers() -> list[str]:
    return [
        _("STT"), _("Loại"), _("Họ và tên / Tên tập thể"), _("Chức vụ"), _("Đơn vị"),
        _("Thành tích"), _("Tiền thưởng"), _("Mã tổ chức"), _("Số quyết định"),
        _("Ngày ký"), _("Cơ quan ban hành"), _("Hình thức"), _("Danh hiệu"),
        _("Tình trạng quyết định"), _("Mã xác minh"),
    ]  # fmt: skip


def recipient_rows(recipients) -> Iterator[list]:
    recipients = recipients.select_related(
        "decision", "decision__form", "decision__title", "decision__issuing_body", "body"
    ).order_by("decision__issued_on", "decision_id", "kind", "order", "pk")
    return (
        [
            r.order,
            r.get_kind_display(),
            r.name,
            r.position,
            r.unit,
            r.achievement,
            r.prize_amount,
            r.body.slug if r.body_id else "",
            r.decision.reference,
            short_date(r.decision.issued_on),
            r.decision.issuing_body.name,
            r.decision.form.name if r.decision.form_id else "",
            r.decision.title.name if r.decision.title_id else "",
            r.decision.get_status_display(),
            r.verification_code,
        ]
        for r in recipients.iterator(chunk_size=500)
    )


def decision_headers() -> list[str]:
    return [
        _("Số quyết định"), _("Ngày ký"), _("Cơ quan ban hành"), _("Người ký"),
        _("Chức vụ người ký"), _("Hình thức"), _("Danh hiệu"), _("Phong trào thi đua"),
        _("Thời kỳ"), _("Lý do khen thưởng"), _("Số tập thể"), _("Số cá nhân"),
        _("Tình trạng"), _("Thu hồi bởi quyết định"), _("Công khai"),
    ]  # fmt: skip


def decision_rows(decisions) -> Iterator[list]:
    decisions = decisions.select_related("issuing_body", "form", "title", "movement").annotate(
        collectives=Count("recipients", filter=Q(recipients__kind=Recipient.Kind.COLLECTIVE)),
        individuals=Count("recipients", filter=Q(recipients__kind=Recipient.Kind.INDIVIDUAL)),
    )
    return (
        [
            d.reference,
            short_date(d.issued_on),
            d.issuing_body.name,
            d.signer_name,
            " ".join(p for p in [d.signing_capacity, d.signing_for, d.signer_position] if p),
            d.form.name if d.form_id else "",
            d.title.name if d.title_id else "",
            d.movement.name if d.movement_id else "",
            d.period,
            d.reason,
            d.collectives,
            d.individuals,
            d.get_status_display(),
            d.revoked_by_reference,
            _("Có") if d.is_published else _("Không"),
        ]
        for d in decisions.iterator(chunk_size=500)
    )


def _guard(value):
    # A cell starting with = + - @ would run as a formula in Excel: store it as text.
    if isinstance(value, str) and FORMULA_START.match(value):
        return "'" + value
    return "" if value is None else value


def as_csv(headers: list[str], rows: Iterable[list], filename: str) -> HttpResponse:
    """UTF-8 with BOM, so Excel opens Vietnamese correctly."""
    out = io.BytesIO()
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")  # the file keeps only bytes
    writer = csv.writer(text)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_guard(v) for v in row])
    text.flush()
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def as_xlsx(headers: list[str], rows: Iterable[list], filename: str, title: str) -> HttpResponse:
    """A write-only workbook: openpyxl writes each row out as it comes instead of keeping it."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(8, min(45, len(header) + 4))
    heading = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        heading.append(cell)
    sheet.append(heading)
    for row in rows:
        sheet.append([_as_text_cell(sheet, v) for v in row])
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def _as_text_cell(sheet, value):
    """A value for a write-only row; text that looks like a formula stays text."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def export_recipients(recipients, fmt: str) -> HttpResponse:
    name = f"khen-thuong-{timezone.localdate():%Y%m%d}"
    headers, rows = recipient_headers(), recipient_rows(recipients)
    if fmt == "csv":
        return as_csv(headers, rows, name)
    return as_xlsx(headers, rows, name, _("Danh sách khen thưởng"))


def export_decisions(decisions, fmt: str) -> HttpResponse:
    name = f"quyet-dinh-khen-thuong-{timezone.localdate():%Y%m%d}"
    headers, rows = decision_headers(), decision_rows(decisions)
    if fmt == "csv":
        return as_csv(headers, rows, name)
    return as_xlsx(headers, rows, name, _("Quyết định khen thưởng"))
