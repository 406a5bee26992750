"""Turn what a reader typed into groups of equivalent phrases.

"LĐLĐ Đình Lập" -> [{"ldld", "lien doan lao dong"}, {"dinh"}, {"lap"}]. A document matches
a group when it contains any of its phrases as whole words; "all words" means every group.
"""

from dataclasses import dataclass

from lsunion.cache import cached_for_version
from lsunion.text import normalise

MAX_QUERY_CHARS = 200
MAX_GROUPS = 10

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Query:
    text: str  # what the reader typed, cleaned (for the search box)
    groups: tuple[frozenset[Phrase], ...]

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def phrases(self) -> set[Phrase]:
        """Every phrase of every group, for highlighting."""
        return {phrase for group in self.groups for phrase in group}


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


def parse(raw: str | None, pairs: list[tuple[Phrase, Phrase]] | None = None) -> Query:
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
    return Query(text=text, groups=unique)
