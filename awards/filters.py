"""Filters of the public recipient look-up. Junk values are ignored, never a 500."""

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.models import AwardForm, AwardTitle, Movement, Recipient
from lsunion.filter_choices import ChoicesPerVersion
from lsunion.search.engine import TextSearchMatch
from organizations.matching import body_key
from organizations.models import UnionBody

MAX_QUERY = 200
MAX_WORDS = 10


class RecipientFilter(ChoicesPerVersion, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Tên người, tập thể hoặc đơn vị"),
        method="filter_text",
        max_length=MAX_QUERY,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("ví dụ: truong thpt van quan")}
        ),
    )
    nam = django_filters.NumberFilter(
        label=_("Năm"),
        field_name="decision__year",
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
    )
    hinh_thuc = django_filters.ModelChoiceFilter(
        label=_("Hình thức"),
        field_name="decision__form",
        to_field_name="slug",
        queryset=AwardForm.objects.all(),
        empty_label=_("Tất cả"),
    )
    danh_hieu = django_filters.ModelChoiceFilter(
        label=_("Danh hiệu"),
        field_name="decision__title",
        to_field_name="slug",
        queryset=AwardTitle.objects.all(),
        empty_label=_("Tất cả"),
    )
    co_quan = django_filters.ModelChoiceFilter(
        label=_("Cơ quan khen"),
        field_name="decision__issuing_body",
        to_field_name="slug",
        # Decisions come from federations and upper unions: no list of every grassroots union.
        queryset=UnionBody.objects.exclude(
            kind__in=[UnionBody.Kind.GRASSROOTS, UnionBody.Kind.SUB_UNIT]
        ).order_by("display_order", "name"),
        empty_label=_("Tất cả"),
    )
    phong_trao = django_filters.ModelChoiceFilter(
        label=_("Phong trào thi đua"),
        field_name="decision__movement",
        to_field_name="slug",
        queryset=Movement.objects.all(),
        empty_label=_("Tất cả"),
    )
    loai = django_filters.ChoiceFilter(
        label=_("Tập thể hay cá nhân"),
        field_name="kind",
        choices=Recipient.Kind.choices,
        empty_label=_("Tất cả"),
    )
    # Set by the link on a body's page; a hidden field, so no list of every body is rendered.
    to_chuc = django_filters.CharFilter(
        label=_("Tổ chức"),
        field_name="body__slug",
        max_length=160,
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Recipient
        fields = []

    def filter_text(self, queryset, name, value):
        # body_key expands the union's abbreviations (CĐCS, LĐLĐ…) as the search text does.
        words = body_key(value[:MAX_QUERY]).split()[:MAX_WORDS]
        if not words:
            return queryset
        if connection.vendor == "postgresql":
            # Words beginning with what was typed, answered by the GIN index of the stored
            # word vector (a substring test read every recipient, and found “thanh” for “hanh”).
            tsquery = " & ".join(f"'{word}':*" for word in words)
            return queryset.filter(TextSearchMatch("search_text", tsquery))
        for word in words:  # SQLite (make run): the same test, without an index
            queryset = queryset.filter(
                Q(search_text__startswith=word) | Q(search_text__contains=f" {word}")
            )
        return queryset

    @property
    def body(self) -> str:
        """The body slug the look-up is narrowed to, if any."""
        if self.form.is_valid():
            return self.form.cleaned_data.get("to_chuc") or ""
        return ""
