"""The public forms: a worker's question, and a message from the Liên hệ page."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lsunion.text import clean_line
from organizations.models import UnionBody
from questions import attachments
from questions.antiabuse import HONEYPOT_FIELD, HoneypotField, ProofOfWorkField
from questions.models import ContactMessage, Question, Topic

_PHONE = re.compile(r"^\+?[0-9 .()\-]{8,20}$")


def clean_phone(value: str) -> str:
    value = clean_line(value)
    if not value:
        return ""
    digits = re.sub(r"\D", "", value)
    if not _PHONE.match(value) or not 9 <= len(digits) <= 15:
        raise forms.ValidationError(
            _("Số điện thoại chưa đúng: chỉ gồm chữ số (9 đến 15 số), ví dụ 0912 345 678."),
            code="phone",
        )
    return value


class DistrictChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.short_name or obj.name


class AntiAbuseMixin(forms.Form):
    """The honeypot and the proof of work, last on the form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = HoneypotField()
        self.fields["altcha"] = ProofOfWorkField()

    @property
    def visible_fields_without_guards(self):
        return [f for f in self if f.name not in (HONEYPOT_FIELD, "altcha")]


class ContactsMixin:
    def clean_phone(self):
        return clean_phone(self.cleaned_data.get("phone", ""))

    def clean_email(self):
        return clean_line(self.cleaned_data.get("email", "")).lower()

    def require_a_contact(self, cleaned):
        missing = not cleaned.get("phone") and not cleaned.get("email")
        if missing and not self.has_error("phone") and not self.has_error("email"):
            self.add_error(
                "phone",
                _("Hãy để lại số điện thoại hoặc thư điện tử (ít nhất một) để được trả lời."),
            )


class QuestionForm(ContactsMixin, AntiAbuseMixin, forms.ModelForm):
    text = forms.CharField(
        label=_("Nội dung câu hỏi"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=settings.QUESTIONS_TEXT_MAX_CHARS,
        help_text=_(
            "Kể rõ sự việc: loại hợp đồng, thời gian làm việc, điều bạn muốn hỏi. Tối đa "
            "%(limit)s ký tự."
        )
        % {"limit": f"{settings.QUESTIONS_TEXT_MAX_CHARS:,}".replace(",", ".")},
    )
    district = DistrictChoiceField(
        label=_("Huyện, thành phố nơi làm việc"),
        queryset=UnionBody.objects.none(),
        required=False,
        empty_label=_("— Không chọn —"),
        help_text=_("Để câu hỏi đến đúng công đoàn địa phương."),
    )
    attachment = forms.FileField(
        label=_("Tệp đính kèm (không bắt buộc)"),
        required=False,
        help_text=_(
            "Ảnh chụp hợp đồng, phiếu lương… (JPEG, PNG, WebP) hoặc tệp PDF, tối đa %(limit)s MB. "
            "Chỉ cán bộ trả lời xem được tệp này."
        )
        % {"limit": settings.QUESTIONS_ATTACHMENT_MAX_BYTES // (1024 * 1024)},
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/gif,image/webp,application/pdf,.pdf"}
        ),
    )
    consent = forms.BooleanField(
        label=_(
            "Tôi đồng ý để Công đoàn dùng họ tên và thông tin liên lạc trên chỉ để trả lời câu hỏi "
            "này; thông tin liên lạc được xoá sau thời hạn lưu giữ."
        ),
        error_messages={"required": _("Hãy đánh dấu đồng ý để chúng tôi được liên hệ trả lời.")},
    )

    class Meta:
        model = Question
        fields = [
            "topic", "title", "text", "workplace", "district", "attachment",
            "asker_name", "is_anonymous", "phone", "email",
        ]  # fmt: skip
        labels = {
            "topic": _("Chủ đề"),
            "title": _("Tiêu đề câu hỏi"),
            "workplace": _("Nơi làm việc (không bắt buộc)"),
            "asker_name": _("Họ và tên"),
            "is_anonymous": _("Tôi không muốn nêu tên"),
            "phone": _("Điện thoại"),
            "email": _("Thư điện tử"),
        }
        help_texts = {
            "title": _("Một câu ngắn, ví dụ “Nghỉ thai sản được hưởng bao nhiêu tháng lương?”"),
            "workplace": _("Tên công ty, trường học, cơ quan. Không bao giờ hiện công khai."),
            "asker_name": _("Không bao giờ hiện công khai. Bỏ trống nếu chọn không nêu tên."),
            "phone": _("Điện thoại hoặc thư điện tử: cần ít nhất một, không hiện công khai."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(is_active=True)
        self.fields["topic"].empty_label = _("— Chọn chủ đề —")
        self.fields["district"].queryset = UnionBody.objects.filter(
            kind=UnionBody.Kind.DISTRICT
        ).in_vietnamese_order()
        self.fields["title"].widget.attrs.update({"maxlength": 200})

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            attachments.validate(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("is_anonymous") and not clean_line(cleaned.get("asker_name", "")):
            self.add_error(
                "asker_name", _("Hãy ghi họ và tên, hoặc đánh dấu “Tôi không muốn nêu tên”.")
            )
        self.require_a_contact(cleaned)
        return cleaned


class ContactForm(ContactsMixin, AntiAbuseMixin, forms.ModelForm):
    text = forms.CharField(
        label=_("Nội dung"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=settings.QUESTIONS_TEXT_MAX_CHARS,
    )

    class Meta:
        model = ContactMessage
        fields = ["name", "phone", "email", "subject", "text"]
        labels = {
            "name": _("Họ và tên"),
            "phone": _("Điện thoại"),
            "email": _("Thư điện tử"),
            "subject": _("Tiêu đề"),
        }
        help_texts = {"phone": _("Điện thoại hoặc thư điện tử: cần ít nhất một.")}

    def clean(self):
        cleaned = super().clean()
        self.require_a_contact(cleaned)
        return cleaned


class TrackForm(forms.Form):
    code = forms.CharField(label=_("Mã theo dõi"), max_length=40)
