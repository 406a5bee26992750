"""{% load people %}: small helpers for a person's page."""

from django import template

register = template.Library()


@register.filter
def initials(full_name: str) -> str:
    """ "Lương Chí Công" -> "LC": family name and given name, as a stand-in for a photo."""
    words = [w for w in str(full_name or "").split() if w[:1].isalpha()]
    if not words:
        return ""
    return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()
