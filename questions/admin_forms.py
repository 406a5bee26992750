from django import forms
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from organizations import permissions
from questions import services
from questions.models import Question


class PublicationStep(models.TextChoices):
    """What a save does to the public version, in the order of the article form's steps."""

    SAVE = "save", _("Chỉ lưu, giữ nguyên tình trạng công khai")
    SUBMIT = "submit", _("Gửi duyệt bản công khai")
    PUBLISH = "publish", _("Duyệt và công khai")
    RETURN = "return", _("Trả lại bản công khai để sửa")
    UNPUBLISH = "unpublish", _("Gỡ khỏi trang, giữ bản công khai để sửa")


class QuestionAdminForm(forms.ModelForm):
    """The answering form. `current_user` is set by QuestionAdmin.get_form."""

    current_user = None

    send_answer_mail = forms.BooleanField(
        label=_("Gửi câu trả lời riêng qua thư điện tử cho người hỏi"),
        required=False,
        help_text=_("Thư được xếp hàng gửi đi sau khi lưu; người hỏi cần để lại thư điện tử."),
    )
    publication_step = forms.ChoiceField(
        label=_("Thao tác với bản công khai"),
        choices=PublicationStep.choices,
        initial=PublicationStep.SAVE,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Phóng viên gửi duyệt; biên tập viên, tổng biên tập duyệt và công khai trong phạm vi "
            "đơn vị của mình. Không chọn gì thì chỉ lưu."
        ),
    )
    confirm_anonymised = forms.BooleanField(
        label=_(
            "Tôi đã đọc lại bản công khai: không còn tên người hỏi, tên nơi làm việc, số điện "
            "thoại, thư điện tử hay chi tiết nào khác nhận ra người hỏi"
        ),
        required=False,
        help_text=_("Bắt buộc mỗi lần công khai."),
    )

    class Meta:
        model = Question
        fields = [
            "topic", "body", "assigned_to", "status", "private_answer",
            "show_answer_on_tracking", "decline_reason", "public_title", "public_question",
            "public_answer", "legal_basis", "law_changed_note",
        ]  # fmt: skip
        widgets = {
            "private_answer": forms.Textarea(attrs={"rows": 8}),
            "public_question": forms.Textarea(attrs={"rows": 6}),
            "public_answer": forms.Textarea(attrs={"rows": 10}),
            "legal_basis": forms.Textarea(attrs={"rows": 3}),
            "law_changed_note": forms.Textarea(attrs={"rows": 2}),
            "decline_reason": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "publication_step" in self.fields:
            self.fields["publication_step"].choices = self._allowed_steps()
        if "assigned_to" in self.fields:
            self.fields["assigned_to"].queryset = self._who_may_answer()
        # The public version starts as a copy of what was asked, for the staff to edit.
        for public, asked in (("public_title", "title"), ("public_question", "text")):
            if public in self.fields and not self.initial.get(public):
                self.initial[public] = getattr(self.instance, asked)

    def _who_may_answer(self):
        """Staff who may answer this question: assigning anyone else would hide it from them."""
        users = get_user_model().objects.filter(is_active=True, is_staff=True).order_by("username")
        question = self.instance
        return users.filter(pk__in=[u.pk for u in users if permissions.may(u, "change", question)])

    def _allowed_steps(self):
        user, state = self.current_user, self.instance.publication
        may_publish = bool(user) and permissions.may(user, "publish", model=Question)
        published = state == Question.Publication.PUBLISHED
        allowed = {
            PublicationStep.SAVE: True,
            PublicationStep.SUBMIT: state
            in (Question.Publication.NONE, Question.Publication.DRAFT),
            PublicationStep.PUBLISH: may_publish and not published,
            PublicationStep.RETURN: may_publish and state == Question.Publication.REVIEW,
            PublicationStep.UNPUBLISH: may_publish and published,
        }
        return [(step.value, step.label) for step in PublicationStep if allowed[step]]

    def clean_publication_step(self):
        return self.cleaned_data.get("publication_step") or PublicationStep.SAVE

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status == Question.Status.DECLINED and not (cleaned.get("decline_reason") or "").strip():
            self.add_error("decline_reason", _("Hãy ghi lý do từ chối để người hỏi được biết."))
        publishing = (
            cleaned.get("publication_step") == PublicationStep.PUBLISH or self.instance.is_public
        )
        if (
            status == Question.Status.ANSWERED
            and not (cleaned.get("private_answer") or "").strip()
            and not publishing
        ):
            self.add_error(
                "private_answer",
                _("Hãy viết câu trả lời riêng, hoặc công khai câu trả lời."),
            )
        if cleaned.get("send_answer_mail"):
            if not self.instance.email:
                self.add_error("send_answer_mail", _("Người hỏi không để lại thư điện tử."))
            elif not (cleaned.get("private_answer") or "").strip():
                self.add_error("send_answer_mail", _("Chưa có câu trả lời riêng để gửi."))
        step = cleaned.get("publication_step")
        if step == PublicationStep.PUBLISH and not cleaned.get("confirm_anonymised"):
            self.add_error(
                "confirm_anonymised",
                _("Hãy đọc lại và xác nhận bản công khai không còn thông tin cá nhân."),
            )
        if step in (PublicationStep.SUBMIT, PublicationStep.PUBLISH):
            for name in ("public_title", "public_answer"):
                if not (cleaned.get(name) or "").strip():
                    self.add_error(name, _("Cần cho bản công khai."))
            left = services.personal_details_left(
                Question(
                    asker_name=self.instance.asker_name,
                    workplace=self.instance.workplace,
                    phone=self.instance.phone,
                    email=self.instance.email,
                    public_title=cleaned.get("public_title") or "",
                    public_question=cleaned.get("public_question") or "",
                    public_answer=cleaned.get("public_answer") or "",
                )
            )
            if left:
                self.add_error(
                    "public_question",
                    _("Bản công khai còn chứa %(what)s. Hãy bỏ đi trước khi gửi duyệt, công khai.")
                    % {"what": ", ".join(str(item) for item in left)},
                )
        return cleaned
