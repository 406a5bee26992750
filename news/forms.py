from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lsunion.html import images_without_alt
from news.models import Article, ArticlePhoto
from organizations import permissions


class WorkflowStep(models.TextChoices):
    """What a save does, in the one order every form shows: the safe choice first, then
    steps that go further. A form offers the steps its user may take, never reordered."""

    SAVE = "save", _("Chỉ lưu, giữ nguyên trạng thái")
    SUBMIT = "submit", _("Gửi duyệt")
    SCHEDULE = "schedule", _("Duyệt và lên lịch xuất bản vào thời điểm xuất bản đã chọn")
    PUBLISH = "publish", _("Duyệt và xuất bản ngay")
    RETURN = "return", _("Trả lại tác giả kèm nhận xét")
    UNPUBLISH = "unpublish", _("Gỡ xuống, chuyển về bản nháp")


class ArticleAdminForm(forms.ModelForm):
    """The editor's form. `current_user` is set by ArticleAdmin.get_form."""

    current_user = None

    # Not required: a save without a choice (an old tab, a script) only saves.
    workflow = forms.ChoiceField(
        label=_("Thao tác khi lưu"),
        choices=WorkflowStep.choices,
        initial=WorkflowStep.SAVE,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Phóng viên gửi duyệt; biên tập viên lên lịch, xuất bản hoặc trả lại bài trong phạm "
            "vi đơn vị của mình. Không chọn gì thì bài chỉ được lưu."
        ),
    )
    review_comment = forms.CharField(
        label=_("Nhận xét cho tác giả"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bắt buộc khi trả lại bài."),
    )

    class Meta:
        model = Article
        fields = [
            "title", "slug", "summary", "body", "cover_image", "cover_alt", "cover_caption",
            "byline", "source_body", "category", "mentioned_bodies", "mentioned_people", "meeting",
            "published_at", "is_featured",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workflow"].choices = self._allowed_steps()
        if "source_body" in self.fields and permissions.scope_ids(self.current_user) is not None:
            self.fields["source_body"].required = True

    def _allowed_steps(self):
        user, article = self.current_user, self.instance
        status = article.status if article.pk else Article.Status.DRAFT
        may_publish = permissions.may(user, "publish", model=Article) if user else False
        allowed = {
            WorkflowStep.SAVE: True,
            WorkflowStep.SUBMIT: status == Article.Status.DRAFT,
            WorkflowStep.SCHEDULE: may_publish and status != Article.Status.PUBLISHED,
            WorkflowStep.PUBLISH: may_publish and status != Article.Status.PUBLISHED,
            WorkflowStep.RETURN: may_publish and status == Article.Status.REVIEW,
            WorkflowStep.UNPUBLISH: may_publish and status == Article.Status.PUBLISHED,
        }
        labels = {WorkflowStep.SAVE: self._save_label(status)}
        # Iterating the enum, not the dict, keeps the one order on every form.
        return [
            (step.value, labels.get(step, step.label)) for step in WorkflowStep if allowed[step]
        ]

    @staticmethod
    def _save_label(status):
        if status == Article.Status.DRAFT:
            return _("Lưu nháp (chưa gửi duyệt, chưa xuất bản)")
        if status == Article.Status.REVIEW:
            return _("Chỉ lưu, bài vẫn chờ duyệt")
        if status == Article.Status.PUBLISHED:
            return _("Chỉ lưu, bài vẫn đang xuất bản")
        return WorkflowStep.SAVE.label

    def clean_workflow(self):
        return self.cleaned_data.get("workflow") or WorkflowStep.SAVE

    def clean_body(self):
        body = self.cleaned_data.get("body", "")
        missing = images_without_alt(body)
        if missing:
            raise forms.ValidationError(
                _(
                    "Có %(count)d ảnh trong nội dung chưa có mô tả. Bấm vào ảnh, chọn "
                    "“Thay đổi văn bản thay thế” và mô tả ngắn nội dung ảnh."
                ),
                params={"count": missing},
            )
        return body

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("cover_image") and not cleaned.get("cover_alt"):
            self.add_error("cover_alt", _("Hãy mô tả ngắn nội dung ảnh đại diện."))
        if (
            cleaned.get("workflow") == WorkflowStep.RETURN
            and not cleaned.get("review_comment", "").strip()
        ):
            self.add_error("review_comment", _("Hãy ghi nhận xét để tác giả biết cần sửa gì."))
        if cleaned.get("workflow") == WorkflowStep.SCHEDULE:
            when = cleaned.get("published_at")
            if when is None or when <= timezone.now():
                self.add_error(
                    "published_at",
                    _("Để lên lịch, hãy chọn thời điểm xuất bản sau thời điểm hiện tại."),
                )
        return cleaned


class ArticlePhotoInlineForm(forms.ModelForm):
    class Meta:
        model = ArticlePhoto
        fields = ["image", "alt_text", "caption", "after_paragraph", "order"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("image") and not self.instance.pk and not self.errors:
            self.add_error("image", _("Hãy chọn tệp ảnh."))
        return cleaned
