"""A public filter form's labels and widgets as HTML built in Python.

Django renders each widget, option and attribute list through its form templates: on the
look-up and the meeting list that was 2.5–5 ms of a page (issue 17), for the same HTML. These
filters build that HTML from the context Django's own widgets compute (attributes, values,
chosen options), so what a reader gets is unchanged; any widget they do not know is rendered
by Django as before.

    {% load quick_forms %}{{ field|quick_label }} {{ field|quick_widget }}
"""

from django import forms, template
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

register = template.Library()

# Widgets whose Django templates are a single <input> or a <select> of <option>s.
_INPUTS = (forms.TextInput, forms.NumberInput, forms.HiddenInput, forms.DateInput)


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html: ` name="value"`, `name` alone for True, none for False."""
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        out.append(
            f" {conditional_escape(name)}"
            if value is True
            else f' {conditional_escape(name)}="{escape(str(value))}"'
        )
    return "".join(out)


def _context(field) -> dict:
    """What Django's widget template would be given (BoundField.as_widget)."""
    widget = field.field.widget
    if field.field.localize or field.field.show_hidden_initial:
        return {}
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    return widget.get_context(field.html_name, field.value(), attrs)["widget"]


def _option(option: dict) -> str:
    return (
        f'<option value="{escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
        f"{conditional_escape(option['label'])}</option>"
    )


@register.filter
def quick_widget(field) -> SafeString:
    widget = field.field.widget
    if type(widget) is forms.Select:
        context = _context(field)
        if not context:
            return field.as_widget()
        parts = [f'<select name="{conditional_escape(context["name"])}"{_attrs(context["attrs"])}>']
        for group_name, group_choices, _index in context["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            parts.extend(f"\n  {_option(option)}" for option in group_choices)
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # every part above is escaped
    if type(widget) in _INPUTS:
        context = _context(field)
        if not context:
            return field.as_widget()
        value = context["value"]
        shown = "" if value is None else f' value="{escape(str(value))}"'
        return mark_safe(  # every part is escaped
            f'<input type="{conditional_escape(context["type"])}" '
            f'name="{conditional_escape(context["name"])}"{shown}{_attrs(context["attrs"])}>'
        )
    return field.as_widget()


@register.filter
def quick_label(field) -> SafeString:
    """BoundField.label_tag() without its template."""
    contents = field.label
    suffix = (
        field.field.label_suffix
        if field.field.label_suffix is not None
        else field.form.label_suffix
    )
    if suffix and contents and contents[-1] not in _(":?.!"):
        contents = format_html("{}{}", contents, suffix)
    widget = field.field.widget
    id_ = widget.attrs.get("id") or field.auto_id
    if not id_:
        return conditional_escape(contents)
    attrs = {}
    id_for_label = widget.id_for_label(id_)
    if id_for_label:
        attrs["for"] = id_for_label
    if field.field.required and hasattr(field.form, "required_css_class"):
        attrs["class"] = field.form.required_css_class
    return mark_safe(f"<label{_attrs(attrs)}>{conditional_escape(contents)}</label>")
