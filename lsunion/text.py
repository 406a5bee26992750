"""Vietnamese text helpers shared by every app: NFC, search normalisation, slugs."""

import re
import unicodedata
from collections.abc import Callable

from slugify import slugify

_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^0-9a-z]+")
# Characters that look like spaces in pasted Vietnamese text (NBSP, zero-width, BOM...).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u3000"), " ")


def nfc(value: str | None) -> str:
    """Return text in NFC with invisible characters removed and NUL bytes dropped.

    Deprecated combining tone marks (U+0340/U+0341) are canonical equivalents of the
    usual grave/acute, so NFC folds legacy-encoded text into the modern form too.
    """
    if not value:
        return ""
    value = value.replace("\x00", "").translate(_INVISIBLE)
    return unicodedata.normalize("NFC", value)


def clean_line(value: str | None) -> str:
    """NFC, space-like characters to spaces, runs of whitespace collapsed, trimmed."""
    return _SPACES.sub(" ", nfc(value).translate(_SPACE_LIKE)).strip()


def unaccent(value: str | None) -> str:
    """Strip Vietnamese diacritics, mapping đ/Đ to d/D (which Unicode does not decompose)."""
    decomposed = unicodedata.normalize("NFD", nfc(value))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return stripped.replace("đ", "d").replace("Đ", "D")


def normalise(value: str | None) -> str:
    """The search form of a text: unaccented, lower case, words separated by one space."""
    return _NON_WORD.sub(" ", unaccent(value).lower()).strip()


def slugify_vi(value: str, max_length: int = 120) -> str:
    """A URL slug that keeps Vietnamese readable: "Đình Lập" -> "dinh-lap"."""
    return slugify(unaccent(value), max_length=max_length, word_boundary=True) or "bai-viet"


def unique_slug(value: str, exists: Callable[[str], bool], max_length: int = 120) -> str:
    """slugify_vi(value), with -2, -3... appended until `exists(slug)` is false."""
    base = slugify_vi(value, max_length=max_length)
    slug, n = base, 2
    while exists(slug):
        suffix = f"-{n}"
        slug = base[: max_length - len(suffix)].rstrip("-") + suffix
        n += 1
    return slug
