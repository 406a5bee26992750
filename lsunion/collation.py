"""Vietnamese alphabetical order, the same on PostgreSQL and SQLite.

Every list sorted by name uses `vi_order("name")`. PostgreSQL uses an ICU collation named
"vi" (created by lsunion's migration); SQLite gets a collation of the same name registered on
each new connection, built from `sort_key` below.
"""

import functools
import unicodedata

from django.db.models import F
from django.db.models.functions import Collate

COLLATION = "vi"

# Vietnamese letters in dictionary order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# Tones in dictionary order: level, grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot (nặng).
_TONE_RANK = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_TONE_MARKS = set(_TONE_RANK) - {""}


def _split(char: str) -> tuple[str, str]:
    """A character's base letter (with its quality mark) and its tone mark."""
    decomposed = unicodedata.normalize("NFD", char)
    base = "".join(c for c in decomposed if c not in _TONE_MARKS)
    tone = next((c for c in decomposed if c in _TONE_MARKS), "")
    return unicodedata.normalize("NFC", base), tone


@functools.lru_cache(maxsize=4096)
def sort_key(text: str) -> tuple:
    """Primary: letters in Vietnamese order; secondary: tones; tertiary: case."""
    primary, secondary, tertiary = [], [], []
    for char in unicodedata.normalize("NFC", text or ""):
        base, tone = _split(char)
        lower = base.lower()
        if lower in _LETTER_RANK:
            primary.append((1, _LETTER_RANK[lower], ""))
        elif lower.isalpha():
            primary.append((1, len(_ALPHABET), lower))  # foreign letters (f, j, w, z) after y
        elif lower.isdigit():
            primary.append((0, int(lower), ""))
        elif lower.isspace():
            primary.append((-1, 0, ""))
        else:
            continue  # punctuation does not decide order
        secondary.append(_TONE_RANK.get(tone, 0))
        tertiary.append(0 if base == lower else 1)
    return (tuple(primary), tuple(secondary), tuple(tertiary))


def compare(left: str, right: str) -> int:
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


def vi_order(field: str, descending: bool = False):
    """An order_by() expression sorting `field` in Vietnamese alphabetical order."""
    expression = Collate(F(field), COLLATION)
    return expression.desc() if descending else expression.asc()


def register_sqlite_collation(sender, connection, **kwargs) -> None:
    """connection_created receiver: teach SQLite the "vi" collation."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, compare)
