"""{% load seo %}: structured data for search engines, safely embedded."""

import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def jsonld(data: dict) -> str:
    """A <script type="application/ld+json"> block; <, > and & are escaped so text typed by a
    person can never close the element. (A data block: CSP does not execute it.)"""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')
