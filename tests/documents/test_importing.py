"""A folder of PDFs with a spreadsheet of their facts imports as one batch: checked whole,
all or nothing, previewed by a dry run, and idempotent."""

import io
import zipfile
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from documents.models import Document
from organizations.models import StaffScope
from organizations.permissions import Role
from tests.documents.conftest import make_pdf
from tests.factories import DocumentKindFactory, FieldFactory, IssuerFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db
HEADER = ["STT", "Số, ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Ngày ban hành",
          "Trích yếu", "Lĩnh vực", "Tệp", "Thay thế"]  # fmt: skip


@pytest.fixture
def lists():
    DocumentKindFactory(name="Chỉ thị", code="CT")
    DocumentKindFactory(name="Kế hoạch", code="KH")
    DocumentKindFactory(name="Luật", code="L")
    IssuerFactory(name="Bộ Chính trị", code="TW")
    IssuerFactory(name="Tổng Liên đoàn Lao động Việt Nam", code="TLĐ")
    IssuerFactory(name="Quốc hội", code="QH")
    FieldFactory(name="Thi đua – Khen thưởng")
    return UnionBodyFactory(name="Liên đoàn Lao động tỉnh Lạng Sơn", slug="ldld-tinh",
                            kind="provincial")  # fmt: skip


def rows():
    return [
        ["1", "34-CT/TW", "Chỉ thị", "Bộ Chính trị", "07/4/2014",
         "Về tiếp tục đổi mới công tác thi đua, khen thưởng", "Thi đua – Khen thưởng", "ct34.pdf", ""],
        ["2", "58/KH-TLĐ", "kế hoạch", "TLĐ", date(2014, 9, 25),
         "Về thực hiện Chỉ thị số 34-CT/TW", "", "kh58.pdf", ""],
        ["3", "12/2012/QH13", "Luật", "Quốc hội", "20/06/2012", "Luật Công đoàn", "", "", ""],
        ["4", "50/2024/QH15", "Luật", "Quốc hội", "27/11/2024", "Luật Công đoàn", "",
         "luat50.pdf", "12/2012/QH13"],
    ]  # fmt: skip


def xlsx(table) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH MỤC VĂN BẢN"])
    for row in table:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def batch_files(table=None, **replace) -> dict[str, bytes]:
    files = {
        "danh-muc.xlsx": xlsx([HEADER, *(table or rows())]),
        "ct34.pdf": make_pdf("Chỉ thị 34"),
        "kh58.pdf": make_pdf("Kế hoạch 58"),
        "luat50.pdf": make_pdf("Luật Công đoàn 2024"),
    }
    files.update(replace)
    return {k: v for k, v in files.items() if v is not None}


def folder(tmp_path, files):
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    return tmp_path


def run(path, *args):
    out = io.StringIO()
    call_command("import_documents", str(path), "--owner", "ldld-tinh", *args, stdout=out)
    return out.getvalue()


def test_a_dry_run_reports_every_row_and_writes_nothing(lists, tmp_path):
    out = run(folder(tmp_path, batch_files()), "--dry-run")
    assert "Dòng 3: 34-CT/TW – Thêm mới" in out and "Dòng 6: 50/2024/QH15 – Thêm mới" in out
    assert "Xem trước, chưa ghi gì: 4 văn bản mới" in out
    assert not Document.objects.exists()


def test_the_batch_imports_with_files_links_and_facts_and_again_creates_nothing(lists, tmp_path):
    path = folder(tmp_path, batch_files())
    assert "Đã nhập: 4 văn bản mới, 0 văn bản đã có được cập nhật." in run(path)
    ct34 = Document.objects.get(symbol="34-CT/TW")
    assert (ct34.issued_on, ct34.issuer.name, ct34.field.name) == (
        date(2014, 4, 7), "Bộ Chính trị", "Thi đua – Khen thưởng",
    )  # fmt: skip
    assert ct34.file.open("rb").read(5) == b"%PDF-"
    assert Document.objects.get(symbol="12/2012/QH13").state == Document.State.REPLACED
    before = sorted(Document.objects.values_list("pk", "file", "updated_at"))

    assert "Đã nhập: 0 văn bản mới, 4 văn bản đã có được cập nhật." in run(path)
    after = sorted(Document.objects.values_list("pk", "file", "updated_at"))
    assert [(pk, f) for pk, f, _ in after] == [(pk, f) for pk, f, _ in before]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"row": ["5", "99-CT/TW", "Nghị quyết", "Bộ Chính trị", "01/01/2020", "X", "", "", ""]},
         "Dòng 7: Chưa có loại văn bản “Nghị quyết” trong danh mục."),
        ({"row": ["5", "Chỉ thị mới", "Chỉ thị", "Bộ Chính trị", "01/01/2020", "X", "", "", ""]},
         "Dòng 7: Không đọc được số, ký hiệu “Chỉ thị mới”."),
        ({"row": ["5", "99-CT/TW", "Chỉ thị", "Bộ Chính trị", "31/02/2020", "X", "", "", ""]},
         "Dòng 7: Ngày ban hành “31/02/2020” không đọc được"),
        ({"row": ["5", "34/CT-TW", "Chỉ thị", "Bộ Chính trị", "07/04/2014", "X", "", "", ""]},
         "Dòng 7: Trùng số, ký hiệu với dòng 3."),
        ({"row": ["5", "99-CT/TW", "Chỉ thị", "Bộ Chính trị", "01/01/2020", "X", "", "khong-co.pdf", ""]},
         "Dòng 7: Không có tệp “khong-co.pdf” trong lô."),
        ({"files": {"kh58.pdf": b"<html><script>alert(1)</script></html>"}},
         "Dòng 4: Nội dung tệp “kh58.pdf” không phải là PDF: tệp bị từ chối."),
    ],
    ids=["unknown-kind", "unreadable-number", "bad-date", "twice", "missing-file", "disguised"],
)  # fmt: skip
def test_one_wrong_row_and_nothing_is_written(lists, tmp_path, change, message):
    table = rows() + ([change["row"]] if "row" in change else [])
    path = folder(tmp_path, batch_files(table, **change.get("files", {})))
    out = io.StringIO()
    with pytest.raises(CommandError, match="Chưa ghi gì"):
        call_command("import_documents", str(path), "--owner", "ldld-tinh", stdout=out)
    assert message in out.getvalue()
    assert not Document.objects.exists()


def test_a_folder_without_its_spreadsheet_is_refused(lists, tmp_path):
    path = folder(tmp_path, batch_files(**{"danh-muc.xlsx": None}))
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_documents", str(path), "--owner", "ldld-tinh", stdout=out)
    assert "Lô văn bản cần đúng một bảng tính (.xlsx hoặc .csv)" in out.getvalue()


def zipped(files) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(f"lo-van-ban/{name}", content)
    return out.getvalue()


@pytest.fixture
def awards_staff(client, django_user_model, lists):
    user = django_user_model.objects.create_user("thidua", is_staff=True)
    user.groups.add(Group.objects.get(name=Role.AWARDS_STAFF))
    StaffScope.objects.create(user=user).bodies.set([lists])
    client.force_login(user)
    return client


def test_the_admin_previews_then_imports_a_zip_of_the_batch(awards_staff, lists):
    url = "/quan-tri/documents/document/nhap-lo/"
    archive = zipped(batch_files())
    page = awards_staff.post(url, {"archive": SimpleUploadedFile("lo.zip", archive),
                                   "owner": lists.pk, "preview": "1"}).content.decode()  # fmt: skip
    assert "Xem trước, chưa ghi gì: 4 văn bản mới" in page and not Document.objects.exists()
    page = awards_staff.post(url, {"archive": SimpleUploadedFile("lo.zip", archive),
                                   "owner": lists.pk, "import": "1"}).content.decode()  # fmt: skip
    assert "Đã nhập: 4 văn bản mới" in page and Document.objects.count() == 4
    assert Document.objects.filter(created_by__username="thidua").count() == 4


def test_the_admin_refuses_what_is_not_a_zip_and_a_body_outside_the_scope(awards_staff, lists):
    url = "/quan-tri/documents/document/nhap-lo/"
    page = awards_staff.post(url, {"archive": SimpleUploadedFile("lo.zip", b"not a zip"),
                                   "owner": lists.pk, "import": "1"}).content.decode()  # fmt: skip
    assert "Tệp tải lên không phải là tệp nén .zip hợp lệ." in page
    other = UnionBodyFactory(name="LĐLĐ huyện Đình Lập", kind="district")
    page = awards_staff.post(url, {"archive": SimpleUploadedFile("lo.zip", zipped(batch_files())),
                                   "owner": other.pk, "import": "1"}).content.decode()  # fmt: skip
    assert "Đã nhập" not in page and not Document.objects.exists()
