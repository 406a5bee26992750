"""Addresses of objects by slug, without running the URL resolver for each one.

A list page links dozens of articles, categories and bodies; Django's reverse() costs more
than the rest of a link. The pattern is reversed once (per URL prefix) with a placeholder.
"""

import functools

from django.urls import get_script_prefix, reverse

_PLACEHOLDER = "zzslugzz"


@functools.lru_cache(maxsize=64)
def _pattern(name: str, prefix: str) -> str:
    return reverse(name, kwargs={"slug": _PLACEHOLDER})


def slug_url(name: str, slug: str) -> str:
    """reverse(name, kwargs={"slug": slug}) for a URL whose only argument is a slug."""
    return _pattern(name, get_script_prefix()).replace(_PLACEHOLDER, slug)


_ID_PLACEHOLDERS = ("987654321987654301", "987654321987654302")


@functools.lru_cache(maxsize=64)
def _id_pattern(name: str, keys: tuple[str, ...], prefix: str) -> str:
    return reverse(name, kwargs=dict(zip(keys, _ID_PLACEHOLDERS, strict=False)))


def id_url(name: str, **ids: int) -> str:
    """reverse(name, kwargs=ids) for a URL whose arguments are one or two numeric ids."""
    keys = tuple(ids)
    url = _id_pattern(name, keys, get_script_prefix())
    for key, placeholder in zip(keys, _ID_PLACEHOLDERS, strict=False):
        url = url.replace(placeholder, str(int(ids[key])))
    return url
