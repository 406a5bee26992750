"""The admin's “Nhập danh sách từ tệp” page: upload → preview of every row → confirm.

The preview carries the file back to the server in a signed field, so the confirmation
imports exactly the file that was previewed, checked again in the same all-or-nothing way.
"""

import base64

from django import forms
from django.core import signing
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from awards.importing import import_recipients
from awards.models import Recipient

MAX_UPLOAD = 3 * 1024 * 1024  # the signed copy goes back in a form field: keep it small
SALT = "awards.import-recipients"
TOKEN_MAX_AGE = 60 * 60


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp danh sách (.xlsx hoặc .csv)"),
        help_text=_(
            "Các cột: STT, Họ và tên (hoặc Tên tập thể), Chức vụ, Đơn vị, Thành tích; có thể "
            "thêm Loại (Tập thể / Cá nhân) và Tiền thưởng. Thứ tự cột, chữ hoa thường, có dấu "
            "hay không đều được; tiêu đề phía trên, dòng nhóm “I. TẬP THỂ”, “II. CÁ NHÂN” và "
            "khối ký tên phía dưới bảng được nhận ra; đọc mọi trang tính đang hiện."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Tệp quá lớn: tối đa 3 MB."))
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Chỉ nhận tệp .xlsx hoặc .csv."))
        return upload


class KindForm(forms.Form):
    """Asked only when nothing in the file says whether its rows are collectives or people."""

    kind = forms.ChoiceField(
        label=_("Các dòng chưa rõ loại là"),
        choices=Recipient.Kind.choices,
        widget=forms.RadioSelect,
    )


def _token(decision_pk: int, name: str, content: bytes, kind: str = "") -> str:
    payload = {
        "decision": decision_pk,
        "name": name,
        "data": base64.b64encode(content).decode(),
        "kind": kind,
    }
    return signing.dumps(payload, salt=SALT, compress=True)


def _untoken(value: str, decision_pk: int) -> tuple[str, bytes, str]:
    payload = signing.loads(value, salt=SALT, max_age=TOKEN_MAX_AGE)
    if payload["decision"] != decision_pk:
        raise ValueError("token of another decision")
    return payload["name"], base64.b64decode(payload["data"]), payload.get("kind", "")


def import_view(request, decision, admin_context: dict):
    """True once the rows are written; otherwise the page to show."""
    form = UploadForm()
    kind_form = None
    result = None
    token = ""  # the file (and the kind chosen for it) to confirm
    file_token = ""  # the file alone, to preview again with a kind chosen
    expired = False
    if request.method == "POST" and "token" in request.POST:
        try:
            name, content, kind = _untoken(request.POST["token"], decision.pk)
        except (signing.BadSignature, KeyError, ValueError, TypeError):
            expired = True
        else:
            if "choose_kind" in request.POST:
                kind_form = KindForm(request.POST)
                kind = kind_form.cleaned_data["kind"] if kind_form.is_valid() else ""
                result = import_recipients(
                    decision=decision, content=content, filename=name, dry_run=True,
                    default_kind=kind,
                )  # fmt: skip
                file_token = _token(decision.pk, name, content)
                token = _token(decision.pk, name, content, kind) if result.ok else ""
            else:
                result = import_recipients(
                    decision=decision, content=content, filename=name, default_kind=kind
                )
                if result.written:
                    return True
    elif request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            content = upload.read()
            result = import_recipients(
                decision=decision, content=content, filename=upload.name, dry_run=True
            )
            file_token = _token(decision.pk, upload.name, content)
            token = _token(decision.pk, upload.name, content) if result.ok else ""
    if result is not None and result.needs_kind and kind_form is None:
        kind_form = KindForm()
    context = {
        **admin_context,
        "title": _("Nhập danh sách khen thưởng từ tệp"),
        "decision": decision,
        "opts": decision._meta,
        "form": form,
        "kind_form": kind_form,
        "result": result,
        "token": token,
        "file_token": file_token,
        "expired": expired,
    }
    return TemplateResponse(request, "awards/admin/import_recipients.html", context)
