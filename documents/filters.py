"""Filters of the public library. Junk values are ignored, never a 500."""

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from documents.models import Document, DocumentKind, Field, Issuer
from lsunion.collation import vi_order
from lsunion.filter_choices import ChoicesPerVersion
from lsunion.search.engine import TextSearchMatch
from lsunion.text import normalise

MAX_QUERY = 200
MAX_WORDS = 10


class DocumentFilter(ChoicesPerVersion, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Số, ký hiệu hoặc trích yếu"),
        method="filter_text",
        max_length=MAX_QUERY,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("ví dụ: 34-CT/TW")}),
    )
    loai = django_filters.ModelChoiceFilter(
        label=_("Loại văn bản"),
        field_name="kind",
        to_field_name="slug",
        queryset=DocumentKind.objects.filter(documents__is_published=True)
        .distinct()
        .order_by(vi_order("name")),
        empty_label=_("Tất cả"),
    )
    co_quan = django_filters.ModelChoiceFilter(
        label=_("Cơ quan ban hành"),
        field_name="issuer",
        to_field_name="slug",
        queryset=Issuer.objects.filter(documents__is_published=True)
        .distinct()
        .order_by(vi_order("name")),
        empty_label=_("Tất cả"),
    )
    linh_vuc = django_filters.ModelChoiceFilter(
        label=_("Lĩnh vực"),
        field_name="field",
        to_field_name="slug",
        queryset=Field.objects.filter(documents__is_published=True)
        .distinct()
        .order_by(vi_order("name")),
        empty_label=_("Tất cả"),
    )
    nam = django_filters.NumberFilter(
        label=_("Năm ban hành"),
        field_name="year",
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
    )
    hieu_luc = django_filters.ChoiceFilter(
        label=_("Tình trạng"),
        field_name="state",
        choices=Document.State.choices,
        empty_label=_("Tất cả"),
    )

    class Meta:
        model = Document
        fields = []

    def filter_text(self, queryset, name, value):
        words = normalise(value[:MAX_QUERY]).split()[:MAX_WORDS]
        if not words:
            return queryset
        if connection.vendor == "postgresql":
            tsquery = " & ".join(f"'{word}':*" for word in words)
            return queryset.filter(TextSearchMatch("search_text", tsquery))
        for word in words:
            queryset = queryset.filter(
                Q(search_text__startswith=word) | Q(search_text__contains=f" {word}")
            )
        return queryset
