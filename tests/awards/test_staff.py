"""Staff work in the admin: import with preview and confirm, exports that import back, revoking."""

import re

import pytest
from django.contrib.auth.models import Permission

from awards.importing import import_recipients
from awards.models import Decision, Recipient
from organizations.models import StaffScope
from tests.awards.spreadsheets import nfd, read_csv, read_xlsx, xlsx
from tests.factories import DecisionFactory, RecipientFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db

ADMIN = "/quan-tri/awards"


def recipient_tuples(decision):
    return [
        (r.kind, r.order, r.name, r.full_name, r.collective_name, r.position, r.unit,
         r.achievement, r.prize_amount, r.body_id)
        for r in decision.recipients.all()
    ]  # fmt: skip


@pytest.fixture
def full_decision():
    body = UnionBodyFactory(name="Công đoàn cơ sở Trường THPT Đình Lập", short_name="")
    decision = DecisionFactory(number="45")
    RecipientFactory(decision=decision, collective=True, collective_name="", body=body, order=1)
    RecipientFactory(decision=decision, collective=True, collective_name="Tổ Toán", order=2,
                     unit="Trường THPT Đình Lập", body=body)  # fmt: skip
    RecipientFactory(decision=decision, full_name=nfd("Hoàng Thị Hạnh"), order=1,
                     achievement="Dẫn đầu phong trào\nLao động giỏi 3 năm liền", prize_amount=500000)  # fmt: skip
    RecipientFactory(decision=decision, full_name="Lương Văn Tâm", position="", unit="", order=2,
                     achievement="=1+1 không phải công thức")  # fmt: skip
    return decision


def _export(staff_client, decision, fmt):
    response = staff_client.post(
        f"{ADMIN}/decision/",
        {"action": f"export_recipients_{fmt}", "_selected_action": [decision.pk]},
    )
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_export_of_a_decisions_recipients_imports_back_identically(
    staff_client, full_decision, fmt
):
    response = _export(staff_client, full_decision, fmt)
    content = response.content
    if fmt == "csv":
        assert content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Vietnamese right
        header = read_csv(content)[0]
    else:
        header = read_xlsx(content)[0]
    assert header[:7] == ["STT", "Loại", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị",
                          "Thành tích", "Tiền thưởng"]  # fmt: skip

    copy = DecisionFactory(number="46")
    result = import_recipients(decision=copy, content=content, filename=f"xuat.{fmt}")
    assert result.errors == []
    original = [t[:-1] for t in recipient_tuples(full_decision)]
    assert [t[:-1] for t in recipient_tuples(copy)] == original
    assert [t[-1] for t in recipient_tuples(copy)] == [
        t[-1] for t in recipient_tuples(full_decision)
    ]


def test_a_formula_looking_text_is_exported_as_text(staff_client, full_decision):
    rows = read_xlsx(_export(staff_client, full_decision, "xlsx").content)
    assert "=1+1 không phải công thức" in [row[5] for row in rows]
    csv_rows = read_csv(_export(staff_client, full_decision, "csv").content)
    assert "'=1+1 không phải công thức" in [row[5] for row in csv_rows]


def test_the_export_links_export_the_whole_filtered_list(staff_client, full_decision):
    DecisionFactory(number="47", issued_on=full_decision.issued_on.replace(year=2016))
    RecipientFactory(full_name="Người của năm khác")
    response = staff_client.get(
        f"{ADMIN}/recipient/xuat/recipients/csv/", {"kind__exact": "collective"}
    )
    rows = read_csv(response.content)[1:]
    assert [r[1] for r in rows] == ["Tập thể", "Tập thể"]
    decisions = staff_client.get(f"{ADMIN}/decision/xuat/decisions/xlsx/", {"year": "2016"})
    assert [r[0] for r in read_xlsx(decisions.content)[1:]] == ["47/QĐ-LĐLĐ"]
    assert staff_client.get(f"{ADMIN}/decision/xuat/other/pdf/").status_code == 400
    changelist = staff_client.get(f"{ADMIN}/recipient/", {"kind__exact": "collective"})
    assert "xuat/recipients/xlsx/?kind__exact=collective" in changelist.content.decode()


def test_admin_import_previews_every_row_with_errors_then_imports_on_confirmation(staff_client):
    decision = DecisionFactory()
    url = f"{ADMIN}/decision/{decision.pk}/nhap-danh-sach/"
    bad = xlsx([["Danh sách"], ["STT", "Loại", "Họ và tên", "Đơn vị"],
                ["1", "Cá nhân", "Nguyễn Văn An", "Trường A"], ["2", "Cá nhân", "", "Trường B"]])  # fmt: skip
    page = staff_client.post(url, {"file": _upload("ds.xlsx", bad)}).content.decode()
    assert "Dòng 4: thiếu họ và tên (hoặc tên tập thể)." in page
    assert "Nguyễn Văn An" in page and 'name="token"' not in page
    assert decision.recipients.count() == 0

    good = xlsx([["STT", "Loại", "Họ và tên", "Đơn vị"], ["1", "Cá nhân", "Nguyễn Văn An", "Trường A"],
                 ["2", "Tập thể", "Tổ Văn", "Trường B"]])  # fmt: skip
    page = staff_client.post(url, {"file": _upload("ds.xlsx", good)}).content.decode()
    assert "Thêm mới" in page and decision.recipients.count() == 0  # a preview writes nothing
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    response = staff_client.post(url, {"token": token})
    assert response.status_code == 302
    assert decision.recipients.count() == 2
    assert staff_client.post(url, {"token": token + "x"}).status_code == 200  # tampered: refused
    assert decision.recipients.count() == 2


def test_the_import_page_needs_the_permission_to_add_recipients(client, django_user_model):
    decision = DecisionFactory()
    user = django_user_model.objects.create_user("thiduakt", password="mat-khau-rat-dai-123",
                                                 is_staff=True)  # fmt: skip
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_decision", "change_decision"])
    )
    StaffScope.objects.create(user=user).bodies.add(decision.issuing_body)
    client.force_login(user)
    url = f"{ADMIN}/decision/{decision.pk}/nhap-danh-sach/"
    assert client.get(url).status_code == 403
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_recipient", "change_recipient"])
    )
    client.force_login(django_user_model.objects.get(pk=user.pk))
    assert client.get(url).status_code == 200


def test_a_decision_with_hundreds_of_recipients_links_to_the_paginated_list(staff_client):
    decision = DecisionFactory()
    for n in range(65):
        RecipientFactory(decision=decision, order=n + 1)
    page = staff_client.get(f"{ADMIN}/decision/{decision.pk}/change/").content.decode()
    assert "recipients-TOTAL_FORMS" not in page
    assert f"decision__id__exact={decision.pk}" in page
    listing = staff_client.get(f"{ADMIN}/recipient/", {"decision__id__exact": decision.pk})
    assert listing.status_code == 200 and "65 người, tập thể được khen" in listing.content.decode()
    small = DecisionFactory()
    RecipientFactory(decision=small)
    assert (
        "recipients-TOTAL_FORMS"
        in staff_client.get(f"{ADMIN}/decision/{small.pk}/change/").content.decode()
    )


def test_admin_lists_filter_by_year_form_body_and_state(staff_client):
    DecisionFactory()
    for params in [{}, {"year": "2020"}, {"status__exact": "revoked"}, {"is_published__exact": "0"},
                   {"q": "QĐ"}]:  # fmt: skip
        assert staff_client.get(f"{ADMIN}/decision/", params).status_code == 200
    assert staff_client.get(f"{ADMIN}/recipient/", {"decision__year": "2020"}).status_code == 200
    assert staff_client.get(f"{ADMIN}/decision/add/").status_code == 200


def test_revoking_in_the_admin_needs_the_revoking_decision(staff_client):
    decision = DecisionFactory(number="88")
    url = f"{ADMIN}/decision/{decision.pk}/change/"
    data = {
        "number": "88", "code": "QĐ-LĐLĐ", "issued_on": decision.issued_on.strftime("%d/%m/%Y"),
        "issuing_body": decision.issuing_body_id, "is_published": "on", "signing_capacity": "",
        "form": decision.form_id, "status": "revoked", "revoked_on": "", "revoked_by_reference": "",
        "recipients-TOTAL_FORMS": 0, "recipients-INITIAL_FORMS": 0,
    }  # fmt: skip
    page = staff_client.post(url, data)
    assert (
        page.status_code == 200
        and "Quyết định bị thu hồi cần ngày thu hồi" in page.content.decode()
    )
    data.update(revoked_on="10/03/2025", revoked_by_reference="19/QĐ-LĐLĐ")
    assert staff_client.post(url, data).status_code == 302
    decision.refresh_from_db()
    assert decision.is_revoked and decision.updated_by == staff_client.user
    assert Decision.objects.in_force().count() == 0 and Recipient.objects.count() == 0


def _upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_a_sheet_that_says_nowhere_what_its_rows_are_asks_once_then_imports(staff_client):
    decision = DecisionFactory()
    url = f"{ADMIN}/decision/{decision.pk}/nhap-danh-sach/"
    sheet = xlsx([["STT", "Tên tập thể, cá nhân", "Đơn vị"], ["1", "Hoàng Thị Thu", "Trường A"],
                  ["2", "Lộc Văn Hùng", "Trường B"]])  # fmt: skip
    page = staff_client.post(url, {"file": _upload("ds.xlsx", sheet)}).content.decode()
    assert "Các dòng chưa rõ loại là" in page and 'name="choose_kind"' in page
    assert "Tệp không ghi rõ các dòng là tập thể hay cá nhân" in page
    assert 'class="errornote"' not in page  # a question, not an error to fix in the file
    file_token = re.search(r'name="token" value="([^"]+)"', page).group(1)

    page = staff_client.post(
        url, {"token": file_token, "kind": "individual", "choose_kind": "1"}
    ).content.decode()
    assert "Xác nhận nhập 2 dòng" in page and decision.recipients.count() == 0
    confirm = re.findall(r'name="token" value="([^"]+)"', page)[-1]
    assert staff_client.post(url, {"token": confirm}).status_code == 302
    assert [(r.kind, r.order, r.name) for r in decision.recipients.all()] == [
        ("individual", 1, "Hoàng Thị Thu"),
        ("individual", 2, "Lộc Văn Hùng"),
    ]


def test_the_preview_says_which_units_matched_a_union_body_and_why_others_did_not(staff_client):
    UnionBodyFactory(
        name="Liên đoàn Lao động huyện Đình Lập", short_name="LĐLĐ huyện Đình Lập", aliases=""
    )
    decision = DecisionFactory()
    url = f"{ADMIN}/decision/{decision.pk}/nhap-danh-sach/"
    sheet = xlsx([["STT", "Họ và tên", "Chức vụ", "Đơn vị"],
                  ["1", "Triệu Văn Sơn", "Chủ tịch", "LĐLĐ huyện Đình Lập"],
                  ["2", "Lăng Thị Thúy", "Giáo viên", "Phòng Giáo dục huyện Đình Lập"],
                  ["Người lập biểu", "", "", "Thủ trưởng đơn vị"]])  # fmt: skip
    page = staff_client.post(url, {"file": _upload("ds.xlsx", sheet)}).content.decode()
    assert "Đơn vị khớp với danh bạ tổ chức công đoàn: 1/2 dòng." in page
    assert "✔ Liên đoàn Lao động huyện Đình Lập" in page and "trùng tên viết tắt" in page
    assert "✘ Chưa khớp: không có tổ chức công đoàn nào tên như vậy trong danh bạ" in page
    assert "khối ký tên, tổng cộng cuối bảng" in page and "Xác nhận nhập 2 dòng" in page
