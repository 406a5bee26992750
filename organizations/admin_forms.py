"""The union body's change form: a new parent takes effect on a day staff give, and a body
with grassroots unions is dissolved through the reorganisation action, not by a date alone."""

from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from organizations.models import UnionBody


class UnionBodyAdminForm(forms.ModelForm):
    parent_changed_on = forms.DateField(
        label=_("Đổi trực thuộc có hiệu lực từ ngày"),
        required=False,
        widget=AdminDateWidget,
        help_text=_(
            "Bắt buộc khi đổi “Trực thuộc”: ngày ghi trong quyết định, đã qua hay sắp tới. "
            "Quan hệ cũ được giữ trong lịch sử đến ngày đó."
        ),
    )

    class Meta:
        model = UnionBody
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what shows

    def clean(self):
        data = super().clean()
        body = self.instance
        if body.pk and "parent" in self.changed_data and not data.get("parent_changed_on"):
            self.add_error(
                "parent_changed_on",
                _("Bạn vừa đổi đơn vị trực thuộc: hãy ghi ngày việc đổi có hiệu lực."),
            )
        dissolved_on = data.get("dissolved_on")
        if body.pk and "dissolved_on" in self.changed_data and dissolved_on:
            children = UnionBody.objects.filter(parent=body).current(dissolved_on)
            if children.exists():
                url = reverse("admin:organizations_unionbody_reorganise", args=[body.pk])
                self.add_error(
                    "dissolved_on",
                    format_html(
                        '{} <a href="{}">{}</a>',
                        _("Tổ chức còn %(count)s tổ chức trực thuộc vào ngày đó: dùng")
                        % {"count": children.count()},
                        url,
                        _("Giải thể, sáp nhập… để chuyển chúng cùng lúc (có xem trước, hoàn tác)."),
                    ),
                )
        return data
