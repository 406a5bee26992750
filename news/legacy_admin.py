"""The admin's "Nhập bài từ cổng cũ" page: upload, read the dry-run report, confirm.

The upload is kept between the two steps in a file under MEDIA_ROOT/tmp/ whose random name
lives only in the staff member's session; the confirm form carries nothing but that token to
check against the session, so no path ever comes from the browser.
"""

import re
import secrets
import time
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from news import legacy_batch
from news.legacy_import import DEFAULT_CATEGORY
from news.models import Category
from organizations import permissions

UPLOAD_DIR = "tmp/nhap-bai-cu"
SESSION_KEY = "news_legacy_import"
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
PENDING_FOR = timedelta(hours=2)
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


class LegacyUploadForm(forms.Form):
    upload = forms.FileField(
        label=gettext_lazy("Tệp xuất từ cổng cũ"),
        help_text=gettext_lazy(
            "Một tệp .txt, hoặc một tệp .zip chứa nhiều tệp .txt (tối đa 50 MB). "
            "Bước sau cho xem trước kết quả; chưa có gì được lưu cho đến khi bạn xác nhận."
        ),
    )
    publish = forms.TypedChoiceField(
        label=gettext_lazy("Sau khi nhập"),
        choices=[
            ("", gettext_lazy("Để ở dạng bản nháp")),
            ("1", gettext_lazy("Xuất bản ngay, giữ ngày đăng gốc của bài")),
        ],
        coerce=bool,
        empty_value=False,
        required=False,
        widget=forms.RadioSelect,
    )
    category = forms.ModelChoiceField(
        label=gettext_lazy("Chuyên mục cho bài không ghi chuyên mục"),
        queryset=Category.objects.all(),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].empty_label = _("“%(name)s” (mặc định)") % {
            "name": DEFAULT_CATEGORY
        }

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        if not upload.name.lower().endswith((".txt", ".zip")):
            raise forms.ValidationError(_("Hãy chọn tệp .txt hoặc .zip."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 50 MB)."))
        return upload


class LegacyImportAdminMixin:
    """Adds the old-portal import page to the Article admin."""

    def get_urls(self):
        view = self.admin_site.admin_view(never_cache(self.import_legacy_view))
        return [
            path("nhap-tu-cong-cu/", view, name="news_article_import_legacy"),
            *super().get_urls(),
        ]

    def import_legacy_view(self, request):
        # Imports may publish and may name any union body: chief editors and administrators.
        if not self.has_add_permission(request) or not permissions.acts_everywhere(request.user):
            raise PermissionDenied
        if request.method == "POST" and "confirm" in request.POST:
            return self._confirm(request)
        if request.method == "POST" and "cancel" in request.POST:
            _discard(request)
            messages.info(request, _("Đã huỷ, không có bài nào được nhập."))
            return redirect(reverse("admin:news_article_changelist"))
        form = LegacyUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            return self._preview(request, form)
        return self._render(request, form=form)

    def _preview(self, request, form):
        upload = form.cleaned_data["upload"]
        data = upload.read()
        try:
            sources, ignored = legacy_batch.upload_sources(upload.name, data)
        except legacy_batch.UnusableArchive as error:
            form.add_error("upload", str(error))
            return self._render(request, form=form)
        category = form.cleaned_data["category"]
        options = {
            "publish": form.cleaned_data["publish"],
            "default_category": category.name if category else DEFAULT_CATEGORY,
        }
        report = legacy_batch.run(
            sources, dry_run=True, ignored=ignored, **self._rights(request), **options
        )
        token = _keep(request, upload.name, data, options) if report.changes else ""
        return self._render(request, report=report, token=token, options=options)

    def _confirm(self, request):
        pending = request.session.get(SESSION_KEY) or {}
        token = request.POST.get("token", "")
        expired = time.time() - pending.get("at", 0) > PENDING_FOR.total_seconds()
        if (
            not _TOKEN.match(token)
            or not secrets.compare_digest(token, pending.get("token", ""))
            or expired
        ):
            _discard(request)
            messages.error(
                request, _("Phiên nhập đã hết hạn hoặc đã được xác nhận. Hãy tải tệp lên lại.")
            )
            return redirect(reverse("admin:news_article_import_legacy"))
        try:
            with default_storage.open(_stored_name(token), "rb") as stored:
                data = stored.read()
        except OSError:
            _discard(request)
            messages.error(request, _("Không tìm thấy tệp đã tải lên. Hãy tải tệp lên lại."))
            return redirect(reverse("admin:news_article_import_legacy"))
        _discard(request)
        sources, ignored = legacy_batch.upload_sources(pending["name"], data)
        report = legacy_batch.run(
            sources, by=request.user, ignored=ignored, **self._rights(request), **pending["options"]
        )
        return self._render(request, report=report, options=pending["options"])

    def _rights(self, request) -> dict:
        return {"allow_update": self.has_change_permission(request)}

    def _render(self, request, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Nhập bài từ cổng cũ"),
            "has_view_permission": self.has_view_permission(request),
            **context,
        }
        report = context.get("report")
        if report is not None:
            context["rows"] = [
                {
                    "name": result.name,
                    "action": result.outcome.action,
                    "label": legacy_batch.action_label(
                        result.outcome.action, dry_run=report.dry_run
                    ),
                    "outcome": result.outcome,
                }
                for result in report.results
            ]
            context["counts"] = [
                (legacy_batch.action_label(action, dry_run=report.dry_run), report.counts[action])
                for action in legacy_batch.ACTION_LABELS
            ]
        return TemplateResponse(request, "admin/news/article/import_legacy.html", context)


def _stored_name(token: str) -> str:
    return f"{UPLOAD_DIR}/{token}.upload"


def _keep(request, name: str, data: bytes, options: dict) -> str:
    """Keep the upload until the staff member confirms; return the token that names it."""
    _discard(request)
    _sweep()
    token = secrets.token_urlsafe(32)
    default_storage.save(_stored_name(token), ContentFile(data))
    request.session[SESSION_KEY] = {
        "token": token,
        "name": name[-200:],
        "options": options,
        "at": time.time(),
    }
    return token


def _discard(request) -> None:
    pending = request.session.pop(SESSION_KEY, None)
    if pending and _TOKEN.match(pending.get("token", "")):
        default_storage.delete(_stored_name(pending["token"]))


def _sweep() -> None:
    """Remove uploads nobody confirmed (closed tabs, expired sessions)."""
    try:
        _folders, files = default_storage.listdir(UPLOAD_DIR)
    except (FileNotFoundError, NotImplementedError):
        return
    cutoff = timezone.now() - PENDING_FOR
    for name in files:
        stored = f"{UPLOAD_DIR}/{name}"
        try:
            if default_storage.get_modified_time(stored) < cutoff:
                default_storage.delete(stored)
        except (OSError, NotImplementedError):
            continue
