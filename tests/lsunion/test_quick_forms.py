"""The public filter forms, built in Python, are what Django's widget templates would give."""

import re

import pytest
from django import forms

from awards.filters import RecipientFilter
from awards.models import Recipient
from documents.filters import DocumentFilter
from documents.models import Document
from lsunion.templatetags.quick_forms import quick_label, quick_widget
from organizations.filters import MeetingFilter
from organizations.models import Meeting
from tests.factories import AwardFormFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db

JUNK = {
    "q": '"><script>alert(1)</script> Trường <THPT> & “Lộc Bình”',
    "nam": "hai nghìn",
    "hinh_thuc": "khong-co",
    "loai": "individual",
    "to_chuc": '"><b>',
}


def _tight(html: str) -> str:
    return re.sub(r"\n\s*\n", "\n", str(html))


def _forms():
    AwardFormFactory(name="Bằng khen <đặc biệt> & “xuất sắc”")
    UnionBodyFactory(name="LĐLĐ huyện Đình Lập", kind="district")
    for data in (None, {}, JUNK, {"loai": "individual", "nam": "2024"}):
        yield RecipientFilter(data, queryset=Recipient.objects.all()).form
        yield MeetingFilter(data, queryset=Meeting.objects.all()).form
        yield DocumentFilter(data, queryset=Document.objects.all()).form


def test_filter_fields_are_the_html_django_would_render_for_any_input():
    compared = 0
    for form in _forms():
        form.is_valid()
        for field in form:
            assert _tight(quick_widget(field)) == _tight(field.as_widget()), field.name
            assert str(quick_label(field)) == str(field.label_tag()), field.name
            compared += 1
    assert compared > 40


def test_what_a_reader_typed_comes_back_escaped_in_the_filter_form():
    form = RecipientFilter(JUNK, queryset=Recipient.objects.all()).form
    box = str(quick_widget(form["q"]))
    assert "<script>" not in box
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; Trường &lt;THPT&gt; &amp;" in box
    hidden = str(quick_widget(form["to_chuc"]))
    assert (
        hidden == '<input type="hidden" name="to_chuc" value="&quot;&gt;&lt;b&gt;" id="id_to_chuc">'
    )


def test_a_widget_the_filters_do_not_know_is_rendered_by_django():
    class Form(forms.Form):
        chosen = forms.MultipleChoiceField(choices=[("a", "A <b>")], required=False)

    field = Form({"chosen": ["a"]})["chosen"]
    assert quick_widget(field) == field.as_widget()
