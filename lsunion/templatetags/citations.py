"""{% load citations %}: `{{ html|cite_links }}` links the documents a text cites."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from lsunion import citations

register = template.Library()


@register.filter
def cite_links(value):
    """Safe HTML in, safe HTML out; plain text is escaped first. One look-up per text."""
    html = str(conditional_escape(value or ""))
    return mark_safe(citations.link(html))
