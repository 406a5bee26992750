"""The admin's “Nhập lô văn bản” page: a zip of files and their spreadsheet, previewed (a
dry run that writes nothing) or imported as one all-or-nothing batch."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from documents.importing import BatchError, files_of_zip, import_batch
from lsunion.versioning import recorded
from organizations import permissions
from organizations.models import UnionBody

MAX_UPLOAD = 200 * 1024 * 1024


class BatchForm(forms.Form):
    archive = forms.FileField(
        label=_("Tệp nén (.zip) của lô văn bản"),
        help_text=_(
            "Gồm các tệp PDF, DOC, DOCX và một bảng tính (.xlsx hoặc .csv) với các cột: Số, ký "
            "hiệu; Loại văn bản; Cơ quan ban hành; Ngày ban hành; Trích yếu; Tệp; có thể thêm "
            "Ngày có hiệu lực, Người ký, Lĩnh vực, Thay thế. Nhập lại cùng lô không tạo trùng."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip"}),
    )
    owner = forms.ModelChoiceField(
        label=_("Đơn vị cập nhật"), queryset=UnionBody.objects.none(), empty_label=None
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = UnionBody.objects.exclude(kind__in=[UnionBody.Kind.GRASSROOTS,
                                                     UnionBody.Kind.SUB_UNIT])  # fmt: skip
        self.fields["owner"].queryset = permissions.bodies_for(user, bodies).order_by(
            "display_order", "name"
        )

    def clean_archive(self):
        upload = self.cleaned_data["archive"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Tệp quá lớn: tối đa 200 MB."))
        if not upload.name.lower().endswith(".zip"):
            raise forms.ValidationError(_("Chỉ nhận tệp nén .zip."))
        return upload


def import_view(model_admin, request):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = BatchForm(request.POST or None, request.FILES or None, user=request.user)
    report, failure = None, ""
    if request.method == "POST" and form.is_valid():
        dry_run = "import" not in request.POST
        try:
            files = files_of_zip(form.cleaned_data["archive"])
            with recorded(user=request.user, comment="Nhập lô văn bản"):
                report = import_batch(files=files, owner=form.cleaned_data["owner"],
                                      user=request.user, dry_run=dry_run)  # fmt: skip
        except BatchError as error:
            failure = str(error)
    return TemplateResponse(
        request,
        "documents/admin/import.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": _("Nhập lô văn bản"),
            "form": form,
            "report": report,
            "failure": failure,
        },
    )
