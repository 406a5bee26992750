"""Turn what a reader typed into groups of equivalent phrases.

"LĐLĐ Đình Lập" -> [{"ldld", "lien doan lao dong"}, {"dinh"}, {"lap"}]. A document matches
a group when it contains any of its phrases as whole words; "all words" means every group.
"""

import re
from dataclasses import dataclass

from lsunion.cache import cached_for_version
from lsunion.text import nfc, normalise, unaccent

MAX_QUERY_CHARS = 200
MAX_GROUPS = 10

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Query:
    text: str  # what the reader typed, cleaned (for the search box)
    groups: tuple[frozenset[Phrase], ...]
    # The same groups with the names from our records that the reader typed joined into
    # phrases ("van", "quan" -> "van quan"); None when the query holds no such name.
    name_groups: tuple[frozenset[Phrase], ...] | None = None
    typed: tuple[str, ...] = ()  # the words as typed, lower case, diacritics kept
    marked: bool = False  # the reader typed diacritics

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def is_reference(self) -> bool:
        """A document or decision number: "34-CT/TW", "123/QĐ-LĐLĐ", "34 CT TW"."""
        words = normalise(self.text).split()
        return 2 <= len(words) <= 6 and words[0].isdigit() and not words[1].isdigit()

    @property
    def phrases(self) -> set[Phrase]:
        """For highlighting: the whole query, the names it holds, then every group's phrases
        (the longest found is marked, so "Đỗ Thị Gấm" is one mark where it stands together)."""
        found = {phrase for group in self.groups for phrase in group}
        if len(self.groups) > 1:
            found |= _joined(self.groups)
        for group in self.name_groups or ():
            found |= group
        return found


def _equivalences() -> list[tuple[Phrase, Phrase]]:
    from lsunion.models import Abbreviation

    pairs = []
    for abbreviation in Abbreviation.objects.filter(is_active=True):
        short, expansion = abbreviation.phrases()
        if short and expansion:
            pairs.append((short, expansion))
    return pairs


def equivalences() -> list[tuple[Phrase, Phrase]]:
    """The active abbreviation list, cached until content changes."""
    return cached_for_version("search-abbreviations", _equivalences)


_WORD = re.compile(r"[^\W_]+")


# A document or decision number as written: 34-CT/TW, 123/QĐ-LĐLĐ, 58/KH-TLĐ.
_REFERENCE = re.compile(r"\d+(?:\s*[/-]\s*[^\W\d_]+)+")
JOINED_VARIANTS = 16


def _one_word(group: frozenset[Phrase]) -> str | None:
    return next((p[0] for p in sorted(group) if len(p) == 1), None)


def _joined(run) -> frozenset[Phrase]:
    """Every spelling of the run as one phrase ("123 qd ldld", "123 qd lien doan lao dong")."""
    variants: list[Phrase] = [()]
    for group in run:
        variants = [v + p for v in variants for p in sorted(group)][:JOINED_VARIANTS]
    return frozenset(variants)


def _join_names(groups: list[frozenset[Phrase]], names) -> tuple | None:
    """Runs of groups that spell a known name or a number become one phrase group."""
    joined, i, changed = [], 0, False
    while i < len(groups):
        for size in range(min(len(groups) - i, 8), 1, -1):
            run = groups[i : i + size]
            words = tuple(_one_word(g) for g in run)
            if None not in words and words in names:
                joined.append(_joined(run))
                i += size
                changed = True
                break
        else:
            joined.append(groups[i])
            i += 1
    return tuple(dict.fromkeys(joined)) if changed else None


def parse(raw: str | None, pairs: list[tuple[Phrase, Phrase]] | None = None, names=None) -> Query:
    text = (raw or "").replace("\x00", "")[:MAX_QUERY_CHARS].strip()
    tokens = normalise(text).split()
    pairs = equivalences() if pairs is None else pairs
    # Each known phrase (either side of a pair) and the group it stands for; longest first.
    known: list[tuple[Phrase, frozenset[Phrase]]] = []
    for short, expansion in pairs:
        group = frozenset({short, expansion})
        known.extend([(short, group), (expansion, group)])
    known.sort(key=lambda item: -len(item[0]))

    groups: list[frozenset[Phrase]] = []
    i = 0
    while i < len(tokens) and len(groups) < MAX_GROUPS:
        for phrase, group in known:
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                groups.append(group)
                i += len(phrase)
                break
        else:
            groups.append(frozenset({(tokens[i],)}))
            i += 1
    unique = tuple(dict.fromkeys(groups))
    if names is None and len(unique) > 1:
        from lsunion.search.vocabulary import names as known_names

        names = known_names()
    references = {tuple(normalise(r).split()) for r in _REFERENCE.findall(nfc(text))}
    if references:
        names = set(names or ()) | references
    typed = tuple(_WORD.findall(nfc(text).lower()))
    return Query(
        text=text,
        groups=unique,
        name_groups=_join_names(list(unique), names) if len(unique) > 1 else None,
        typed=typed,
        marked=unaccent(" ".join(typed)) != " ".join(typed),
    )
