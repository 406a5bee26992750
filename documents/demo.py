"""Demo library: the documents the seed articles cite, with the facts the articles give, and
two laws with the laws they replaced. Each gets a small PDF made here (WeasyPrint, no
download) that says it is a sample carrying the facts only. Idempotent."""

from datetime import date

from django.core.files.base import ContentFile
from django.template.loader import render_to_string

from documents.models import Document, DocumentKind, Field, Issuer
from documents.numbers import KIND_CODES
from documents.tasks import read_file
from organizations.models import UnionBody

KINDS = ["Luật", "Nghị định", "Thông tư", "Chỉ thị", "Nghị quyết", "Quyết định", "Kế hoạch",
         "Hướng dẫn", "Công văn", "Báo cáo", "Thông báo", "Quy định", "Kết luận", "Chương trình"]  # fmt: skip
ISSUERS = [
    ("Bộ Chính trị", "TW", None),
    ("Ban Chấp hành Trung ương Đảng", "TW", None),
    ("Quốc hội", "QH", None),
    ("Chính phủ", "CP", None),
    ("Tổng Liên đoàn Lao động Việt Nam", "TLĐ", None),
    ("Ban Thường vụ Tỉnh ủy Lạng Sơn", "TU", None),
    ("Ủy ban nhân dân tỉnh Lạng Sơn", "UBND", None),
    ("Liên đoàn Lao động tỉnh Lạng Sơn", "LĐLĐ", "lien-doan-lao-dong-tinh-lang-son"),
]
FIELDS = ["Thi đua – Khen thưởng", "Tổ chức công đoàn", "Chính sách – Pháp luật",
          "Tuyên giáo", "Nữ công"]  # fmt: skip

THI_DUA, TO_CHUC = FIELDS[0], FIELDS[1]
# symbol, kind, issuer, issued on, effective on, signer, summary, field, replaces
DOCUMENTS = [
    ("34-CT/TW", "Chỉ thị", "Bộ Chính trị", date(2014, 4, 7), None, "",
     "Về tiếp tục đổi mới công tác thi đua, khen thưởng", THI_DUA, None),
    ("58/KH-TLĐ", "Kế hoạch", "Tổng Liên đoàn Lao động Việt Nam", date(2014, 9, 25), None, "",
     "Về thực hiện Chỉ thị số 34-CT/TW của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, "
     "khen thưởng", THI_DUA, None),
    ("30-CT/TU", "Chỉ thị", "Ban Thường vụ Tỉnh ủy Lạng Sơn", date(2014, 11, 18), None, "",
     "Về tiếp tục đổi mới công tác thi đua, khen thưởng trên địa bàn tỉnh Lạng Sơn", THI_DUA,
     None),
    ("15/2003/QH11", "Luật", "Quốc hội", date(2003, 11, 26), None, "Nguyễn Văn An",
     "Luật Thi đua, khen thưởng", THI_DUA, None),
    ("06/2022/QH15", "Luật", "Quốc hội", date(2022, 6, 15), date(2024, 1, 1), "Vương Đình Huệ",
     "Luật Thi đua, khen thưởng", THI_DUA, "15/2003/QH11"),
    ("12/2012/QH13", "Luật", "Quốc hội", date(2012, 6, 20), date(2013, 1, 1), "Nguyễn Sinh Hùng",
     "Luật Công đoàn", TO_CHUC, None),
    ("50/2024/QH15", "Luật", "Quốc hội", date(2024, 11, 27), date(2025, 7, 1), "Trần Thanh Mẫn",
     "Luật Công đoàn", TO_CHUC, "12/2012/QH13"),
]  # fmt: skip


def _get(model, lookup: dict, **fields):
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()
    return obj


def sample_pdf(document: Document) -> bytes:
    """A one-page PDF with the document's facts, marked as a sample."""
    from weasyprint import HTML

    html = render_to_string("documents/sample_pdf.html", {"document": document})
    return HTML(string=html).write_pdf()


def load() -> str:
    province = UnionBody.objects.filter(slug="lien-doan-lao-dong-tinh-lang-son").first()
    if province is None:
        return "bỏ qua: chưa có tổ chức mẫu (chạy organizations.demo.load trước)"
    kinds = {
        name: _get(DocumentKind, {"name": name}, code=KIND_CODES.get(name, ""), display_order=i)
        for i, name in enumerate(KINDS, start=1)
    }
    issuers = {
        name: _get(Issuer, {"name": name}, code=code, display_order=i,
                   body=UnionBody.objects.filter(slug=slug).first() if slug else None)
        for i, (name, code, slug) in enumerate(ISSUERS, start=1)
    }  # fmt: skip
    fields = {name: _get(Field, {"name": name}, display_order=i) for i, name in
              enumerate(FIELDS, start=1)}  # fmt: skip
    made = {}
    for symbol, kind, issuer, issued, effective, signer, summary, field, replaces in DOCUMENTS:
        document = _get(
            Document,
            {"symbol": symbol, "issued_on": issued},
            kind=kinds[kind],
            issuer=issuers[issuer],
            owner=province,
            effective_on=effective,
            signer=signer,
            summary=summary,
            field=fields[field],
        )
        if not document.file:
            document.file.save(f"{document.slug}.pdf", ContentFile(sample_pdf(document)))
        if document.text_source != document.file.name:
            read_file.call(document.pk)  # at once, so the demo's pages show the first page
        made[symbol] = document
        if replaces:
            older = made[replaces]
            document.replaces.add(older)
            if older.state != Document.State.REPLACED:
                older.state = Document.State.REPLACED
                older.save()
    return f"{Document.objects.count()} văn bản"
