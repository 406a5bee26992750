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

MAX_UPLOAD = 3 * 1024 * 1024  # the signed copy goes back in a form field: keep it small
SALT = "awards.import-recipients"
TOKEN_MAX_AGE = 60 * 60


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp danh sách (.xlsx hoặc .csv)"),
        help_text=_(
            "Các cột: STT, Loại (Tập thể / Cá nhân), Họ và tên (hoặc Tên tập thể), Chức vụ, "
            "Đơn vị, Thành tích; có thể thêm Tiền thưởng. Thứ tự cột, chữ hoa thường, có dấu "
            "hay không đều được; các dòng tiêu đề phía trên được bỏ qua."
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


def _token(decision_pk: int, name: str, content: bytes) -> str:
    payload = {"decision": decision_pk, "name": name, "data": base64.b64encode(content).decode()}
    return signing.dumps(payload, salt=SALT, compress=True)


def import_view(request, decision, admin_context: dict):
    """True once the rows are written; otherwise the page to show."""
    form = UploadForm()
    result = None
    token = ""
    expired = False
    if request.method == "POST" and "token" in request.POST:
        try:
            payload = signing.loads(request.POST["token"], salt=SALT, max_age=TOKEN_MAX_AGE)
            if payload["decision"] != decision.pk:
                raise ValueError("token of another decision")
            name, content = payload["name"], base64.b64decode(payload["data"])
        except (signing.BadSignature, KeyError, ValueError, TypeError):
            expired = True
        else:
            result = import_recipients(decision=decision, content=content, filename=name)
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
            token = _token(decision.pk, upload.name, content) if result.ok else ""
    context = {
        **admin_context,
        "title": _("Nhập danh sách khen thưởng từ tệp"),
        "decision": decision,
        "opts": decision._meta,
        "form": form,
        "result": result,
        "token": token,
        "expired": expired,
    }
    return TemplateResponse(request, "awards/admin/import_recipients.html", context)
