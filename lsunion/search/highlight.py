"""Quote the passage that matched, with the matching phrases marked, safely escaped."""

import re
import unicodedata
from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe

from lsunion.html import escape


def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[:1].lower()
    if base == "đ":
        return "d"
    return base if base.isalnum() and base.isascii() else " "


# Every Latin letter a Vietnamese text uses (Basic Latin, Latin-1, Latin Extended-A/B and the
# Latin Extended Additional block of tone-marked vowels), folded once; str.translate is fast.
_FOLD = {
    code: _fold_char(chr(code))
    for block in (range(0x0000, 0x0250), range(0x1E00, 0x1F00))
    for code in block
}


def fold(text: str) -> str:
    """The search form of `text`, character for character (same length, same positions).

    Characters outside the table (quotes, dashes, other scripts) stay as they are: they are
    not [a-z0-9], so they separate words just as a space does.
    """
    return text.translate(_FOLD)


def _pattern(phrases) -> re.Pattern | None:
    """Whole phrases only: "doan" alone is not marked when the reader asked for "cong doan".

    Built once for a set of phrases: a page of results marks forty titles and passages with
    the same phrases.
    """
    return _pattern_of(phrases if isinstance(phrases, frozenset) else frozenset(phrases))


@lru_cache(maxsize=128)
def _pattern_of(phrases: frozenset) -> re.Pattern | None:
    parts = sorted(
        (r"[^a-z0-9]+".join(re.escape(w) for w in phrase) for phrase in phrases if phrase),
        key=len,
        reverse=True,
    )
    if not parts:
        return None
    return re.compile(rf"(?<![a-z0-9])(?:{'|'.join(parts)})(?![a-z0-9])")


def mark(text: str, phrases) -> SafeString:
    """Escape `text` and wrap every matching phrase in <mark>."""
    text = unicodedata.normalize("NFC", text or "")
    pattern = _pattern(phrases)
    if pattern is None:
        return mark_safe(escape(text))
    spans: list[list[int]] = []
    for match in pattern.finditer(fold(text)):
        if spans and not text[spans[-1][1] : match.start()].strip():
            spans[-1][1] = match.end()  # "Đình Lập" is one mark, not two
        else:
            spans.append([match.start(), match.end()])
    out, last = [], 0
    for start, end in spans:
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


PASSAGE_SCAN = 4000  # look for the passage this far into a document


def passage(text: str, phrases, width: int = 240) -> SafeString:
    """About `width` characters around the first match (or the start), marked."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", (text or "")[:PASSAGE_SCAN])).strip()
    pattern = _pattern(phrases)
    # Centre on the longest match (the whole phrase where it stands together), the first
    # among equals.
    matches = list(pattern.finditer(fold(text))) if pattern else []
    found = max(matches, key=lambda m: m.end() - m.start(), default=None)
    start = max(0, (found.start() if found else 0) - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + mark(text[start:end], phrases) + suffix)
