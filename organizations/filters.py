"""Filters for the public directory and meeting list. Junk values are ignored, never a 500."""

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from lsunion.filter_choices import ChoicesPerVersion
from organizations.matching import body_key
from organizations.models import Meeting, UnionBody

MAX_QUERY = 200


def _text_filter(queryset, name, value):
    # body_key expands the union's abbreviations (LĐLĐ, CĐCS...) in the search form.
    words = body_key(value[:MAX_QUERY]).split()[:10]
    for word in words:
        queryset = queryset.filter(**{f"{name}__contains": word})
    return queryset


class BodyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Tên tổ chức"),
        method="filter_text",
        max_length=MAX_QUERY,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("ví dụ: dinh lap")}),
    )
    loai = django_filters.ChoiceFilter(
        label=_("Loại tổ chức"),
        field_name="kind",
        choices=UnionBody.Kind.choices,
        empty_label=_("Tất cả"),
    )
    lich_su = django_filters.BooleanFilter(
        label=_("Gồm cả tổ chức đã giải thể, sáp nhập"),
        method="filter_history",
        widget=forms.CheckboxInput,
    )
    ngay = django_filters.DateFilter(
        label=_("Xem như vào ngày"),
        method="filter_history",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )

    class Meta:
        model = UnionBody
        fields = []

    def filter_text(self, queryset, name, value):
        return _text_filter(queryset, "search_text", value)

    def filter_history(self, queryset, name, value):
        return queryset  # applied by the view, which decides between tree and list

    @property
    def wants_history(self) -> bool:
        return bool(self.form.is_valid() and self.form.cleaned_data.get("lich_su"))

    @property
    def day(self):
        """The day the reader asked to see the tree on, or None for today."""
        return self.form.cleaned_data.get("ngay") if self.form.is_valid() else None

    @property
    def narrows(self) -> bool:
        data = self.form.cleaned_data if self.form.is_valid() else {}
        return bool(data.get("q") or data.get("loai"))


class MeetingFilter(ChoicesPerVersion, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Từ khóa"),
        method="filter_text",
        max_length=MAX_QUERY,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("ví dụ: so ket 6 thang")}),
    )
    to_chuc = django_filters.ModelChoiceFilter(
        label=_("Đơn vị tổ chức"),
        field_name="organiser",
        to_field_name="slug",
        queryset=UnionBody.objects.exclude(kind=UnionBody.Kind.GRASSROOTS).exclude(
            kind=UnionBody.Kind.SUB_UNIT
        ),
        empty_label=_("Tất cả"),
    )
    loai = django_filters.ChoiceFilter(
        label=_("Loại hội nghị"),
        field_name="kind",
        choices=Meeting.Kind.choices,
        empty_label=_("Tất cả"),
    )
    nam = django_filters.NumberFilter(
        label=_("Năm"),
        field_name="starts_at",
        lookup_expr="year",
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
    )

    class Meta:
        model = Meeting
        fields = []

    def filter_text(self, queryset, name, value):
        return _text_filter(queryset, "search_text", value)
