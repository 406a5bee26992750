"""Staff keep the library in the admin: files are checked by their content, numbers are read
as typed, links between documents set their state, and cited-but-missing numbers are listed."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import Document
from organizations.models import StaffScope
from organizations.permissions import Role
from tests.documents.conftest import make_doc, make_docx
from tests.factories import (
    ArticleFactory,
    DocumentFactory,
    DocumentKindFactory,
    IssuerFactory,
    UnionBodyFactory,
)

pytestmark = pytest.mark.django_db
ADMIN = "/quan-tri/documents/document"


@pytest.fixture
def editor(client, django_user_model):
    """An editor of LĐLĐ huyện Văn Quan."""
    body = UnionBodyFactory(name="LĐLĐ huyện Văn Quan", kind="district")
    user = django_user_model.objects.create_user("bientap.vq", is_staff=True)
    user.groups.add(Group.objects.get(name=Role.EDITOR))
    StaffScope.objects.create(user=user).bodies.set([body])
    client.force_login(user)
    client.body = body
    return client


def form(client, **changes):
    data = {
        "symbol": "34-CT/TW",
        "kind": DocumentKindFactory().pk,
        "issuer": IssuerFactory().pk,
        "issued_on": "07/04/2014",
        "effective_on": "",
        "signer": "",
        "summary": "Về tiếp tục đổi mới công tác thi đua, khen thưởng",
        "field": "",
        "owner": client.body.pk,
        "state": "in_force",
        "is_published": "on",
        "slug": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def upload(name, content):
    return SimpleUploadedFile(name, content)


def test_an_editor_adds_a_document_with_its_pdf_and_the_number_is_read(editor, pdf_bytes):
    response = editor.post(f"{ADMIN}/add/", form(editor, symbol="Chỉ thị số 34-CT/TW",
                                                 file=upload("ct34.pdf", pdf_bytes)))  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    document = Document.objects.get()
    assert (document.symbol, document.number, document.kind_code, document.issuer_code) == (
        "34-CT/TW", "34", "ct", "tw",
    )  # fmt: skip
    assert document.year == 2014 and document.created_by.username == "bientap.vq"
    assert document.file.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("van-ban.pdf", b"<html><script>alert(1)</script></html>", "PDF"),
        ("van-ban.pdf", b"MZ\x90\x00" + b"\x00" * 200, "PDF"),
        ("van-ban.doc", b"%PDF-1.7\n" + b"x" * 100, "DOC"),
        ("van-ban.docx", b"PK\x03\x04not really a zip", "DOCX"),
        ("van-ban.docx", None, "DOCX"),  # a real zip, but no Word document in it
        ("van-ban.pdf", b"  <svg onload=alert(1)>%PDF-", "PDF"),
    ],
    ids=["html-as-pdf", "exe-as-pdf", "pdf-as-doc", "broken-zip", "zip-without-word", "svg-pdf"],
)
def test_a_file_whose_content_is_not_what_its_name_says_is_refused(editor, name, content, kind):
    if content is None:
        import io
        import zipfile

        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("index.html", "<script>alert(1)</script>")
        content = out.getvalue()
    response = editor.post(f"{ADMIN}/add/", form(editor, file=upload(name, content)))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Nội dung tệp “{name}” không phải là {kind}: tệp bị từ chối." in page
    assert not Document.objects.exists()


def test_other_kinds_of_file_are_refused_by_name(editor):
    response = editor.post(f"{ADMIN}/add/", form(editor, file=upload("a.html", b"<p>x</p>")))
    assert "Chỉ nhận tệp PDF, DOC hoặc DOCX." in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize(("name", "content"), [("ct.docx", make_docx()), ("ct.doc", make_doc())])
def test_word_files_are_accepted_by_their_content(editor, name, content):
    response = editor.post(f"{ADMIN}/add/", form(editor, file=upload(name, content)))
    assert response.status_code == 302
    assert Document.objects.get().file_kind == name.rsplit(".", 1)[1].upper()


def test_a_number_that_cannot_be_read_is_a_vietnamese_form_error(editor):
    response = editor.post(f"{ADMIN}/add/", form(editor, symbol="Chỉ thị về thi đua"))
    assert "Không đọc được số, ký hiệu “Chỉ thị về thi đua”" in response.content.decode()
    assert not Document.objects.exists()


def test_the_same_number_twice_in_a_year_is_refused_however_it_is_written(editor):
    DocumentFactory(symbol="34-CT/TW", issued_on=date(2014, 4, 7))
    response = editor.post(f"{ADMIN}/add/", form(editor, symbol="34/CT-TW"))
    assert "Thư viện đã có văn bản mang số, ký hiệu này trong năm đó." in response.content.decode()
    assert Document.objects.count() == 1


def test_an_editor_cannot_file_a_document_under_another_body(editor):
    other = UnionBodyFactory(name="LĐLĐ huyện Đình Lập", kind="district")
    response = editor.post(f"{ADMIN}/add/", form(editor, owner=other.pk))
    assert response.status_code == 200 and not Document.objects.exists()


def test_a_document_that_replaces_another_marks_it_replaced(editor):
    old = DocumentFactory(symbol="12/2012/QH13", issued_on=date(2012, 6, 20), owner=editor.body)
    response = editor.post(f"{ADMIN}/add/", form(editor, symbol="50/2024/QH15",
                                                 issued_on="27/11/2024", replaces=[old.pk]))  # fmt: skip
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.state == Document.State.REPLACED
    assert list(old.replaced_by.values_list("symbol", flat=True)) == ["50/2024/QH15"]


def test_the_staff_see_cited_but_missing_documents_most_cited_first(editor):
    ArticleFactory(body="<p>Thực hiện Nghị quyết số 02-NQ/TW và Kế hoạch số 58/KH-TLĐ.</p>")
    ArticleFactory(body="<p>Quán triệt Nghị quyết số 02-NQ/TW ngày 12/6/2021.</p>")
    ArticleFactory(body="<p>Theo Chỉ thị số 34-CT/TW.</p>")
    DocumentFactory(symbol="34-CT/TW", issued_on=date(2014, 4, 7))
    page = editor.get(f"{ADMIN}/trich-dan-chua-co/").content.decode()
    assert "Văn bản được trích dẫn nhưng chưa có" in page
    nq, kh = page.find("Nghị quyết số 02-NQ/TW"), page.find("Kế hoạch số 58/KH-TLĐ")
    assert 0 < nq < kh
    assert "34-CT/TW" not in page.split("<tbody>", 1)[1]
    assert f'href="{ADMIN}/add/?symbol=' in page


def test_the_missing_list_needs_a_staff_member_who_may_see_documents(client, django_user_model):
    user = django_user_model.objects.create_user("phongvien", is_staff=True)
    user.groups.add(Group.objects.get(name=Role.REPORTER))
    client.force_login(user)
    assert client.get(f"{ADMIN}/trich-dan-chua-co/").status_code == 403


def test_adding_from_the_missing_list_fills_in_the_number_kind_and_date(editor):
    DocumentKindFactory(name="Nghị quyết", code="NQ")
    page = editor.get(f"{ADMIN}/add/", {"symbol": "Nghị quyết số 02-NQ/TW ngày 12/6/2021"})
    form_html = page.content.decode()
    assert 'value="02-NQ/TW"' in form_html and 'value="12/06/2021"' in form_html
    assert ">Nghị quyết</option>" in form_html.split('name="kind"', 1)[1].split("</select>", 1)[0]
    owner = form_html.split('name="owner"', 1)[1].split("</select>", 1)[0]
    assert f'value="{editor.body.pk}" selected' in owner  # the body the editor works for
