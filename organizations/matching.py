"""Recognise union bodies by the many ways people write them.

"LĐLĐ Văn Quan", "LĐLĐ huyện Văn Quan" and "Liên đoàn Lao động huyện Văn Quan" are the same
body. Names are compared in their search form (lsunion.text.normalise) with the common
abbreviations expanded and the administrative word "huyện" optional.
"""

from dataclasses import dataclass

from lsunion.cache import cached_for_version
from lsunion.text import normalise

# Abbreviation -> expansion, both in search form. Longest first so CĐCS wins over CĐ.
EXPANSIONS = [
    ("ldld", "lien doan lao dong"),
    ("cdcs", "cong doan co so"),
    ("tld", "tong lien doan lao dong"),
    ("cd", "cong doan"),
    ("ubnd", "uy ban nhan dan"),
    ("tp", "thanh pho"),
]
OPTIONAL_WORDS = {"huyen"}


def body_key(text: str) -> str:
    """The comparison form of a body's name."""
    words = normalise(text).split()
    expanded: list[str] = []
    for word in words:
        expansion = dict(EXPANSIONS).get(word)
        expanded.extend(expansion.split() if expansion else [word])
    return " ".join(w for w in expanded if w not in OPTIONAL_WORDS)


@dataclass(frozen=True)
class BodyName:
    key: str
    body_id: int


def _index() -> list[BodyName]:
    from organizations.models import UnionBody

    names: dict[str, int] = {}
    for body in UnionBody.objects.only("pk", "name", "short_name", "aliases"):
        for name in body.names():
            key = body_key(name)
            if key and len(key) >= 4:
                names.setdefault(key, body.pk)
    return sorted((BodyName(k, v) for k, v in names.items()), key=lambda n: -len(n.key))


def _names() -> list[BodyName]:
    return cached_for_version("body-names", _index)


def find_body(text: str):
    """The UnionBody written as `text` (full name, short name or alias), or None."""
    from organizations.models import UnionBody

    key = body_key(text)
    if not key:
        return None
    for name in _names():
        if name.key == key:
            return UnionBody.objects.filter(pk=name.body_id).first()
    return None


def mentioned_body_ids(text: str) -> set[int]:
    """Ids of every body whose name appears in the text (longest names first, no overlaps)."""
    haystack = f" {body_key(text)} "
    found: set[int] = set()
    for name in _names():
        pattern = f" {name.key} "
        if pattern in haystack:
            found.add(name.body_id)
            haystack = haystack.replace(pattern, " ¦ ")
    return found
