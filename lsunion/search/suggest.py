"""“Có phải bạn muốn tìm: …”: the nearest spelling from our own vocabulary.

Phone keyboards swap, drop and double letters ("dinh lpa", "cong doanf"). The vocabulary is
every word of the titles and names that the search sources declare (SearchSource.vocabulary),
each folded word with the spelling readers see most often ("lap" -> "lập"), built once per
content version and only when a query has found nothing.
"""

import re
from collections import Counter

from lsunion.cache import cached_for_version, content_version
from lsunion.search import registry
from lsunion.search.query import Query, equivalences
from lsunion.text import nfc, normalise

_WORD = re.compile(r"[^\W_]+")


def _build() -> dict[str, tuple[str, int]]:
    seen: dict[str, Counter] = {}
    for source in registry.sources():
        if source.vocabulary is None:
            continue
        for text in source.vocabulary():
            for word in _WORD.findall(nfc(text).lower()):
                folded = normalise(word)
                if folded and " " not in folded:
                    seen.setdefault(folded, Counter())[word] += 1
    return {
        folded: (spellings.most_common(1)[0][0], spellings.total())
        for folded, spellings in seen.items()
    }


_local: dict[str, tuple[dict, dict]] = {}


def _index() -> tuple[dict[str, tuple[str, int]], dict[str, set[str]]]:
    """The vocabulary and its one-deletion keys, kept in this process for the content version.

    Looking a typed word's deletions up among the words' deletions finds every word up to two
    edits away (a swap, a wrong, missing or extra letter) without trying every spelling.
    """
    version = content_version()
    if version not in _local:
        words = cached_for_version("search-vocabulary", _build)
        keys: dict[str, set[str]] = {}
        for word in words:
            for key in _deletions(word):
                keys.setdefault(key, set()).add(word)
        _local.clear()
        _local[version] = (words, keys)
    return _local[version]


def vocabulary() -> dict[str, tuple[str, int]]:
    """folded word -> (the spelling seen most often, how often the word is seen)."""
    return _index()[0]


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def distance(a: str, b: str) -> int:
    """Edits from a to b (insert, delete, replace, swap of neighbours)."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        previous2, previous = previous, row
    return previous[-1]


def nearest(word: str) -> str | None:
    """The nearest known word (one edit; two for words of five letters or more), the most
    frequent among equals; None when there is none."""
    words, keys = _index()
    limit = 1 if len(word) < 5 else 2
    candidates = {c for key in _deletions(word) for c in keys.get(key, ())}
    scored = [(distance(word, c), -words[c][1], c) for c in candidates]
    scored = [s for s in scored if s[0] <= limit]
    return min(scored)[2] if scored else None


def suggestion(query: Query) -> str | None:
    """The query with each unknown word replaced by its nearest known word; None when every
    word is known or no unknown word has a near one."""
    words = vocabulary()
    abbreviations = {w for short, _ in equivalences() for w in short}
    folded = normalise(query.text).split()
    if query.marked and len(query.typed) == len(folded):
        # The reader's own words as typed, diacritics and capitals kept.
        typed = _WORD.findall(nfc(query.text))
        typed = typed if len(typed) == len(folded) else list(query.typed)
    else:
        # Typed without diacritics: every word as readers see it written ("đình lập").
        typed = [words[w][0] if w in words else w for w in folded]
    out, changed = [], False
    for plain, shown in zip(folded, typed, strict=True):
        if plain in words or plain in abbreviations or plain.isdigit():
            out.append(shown)
            continue
        near = nearest(plain)
        if near is None:
            out.append(shown)
        else:
            spelled = words[near][0]
            out.append(spelled[:1].upper() + spelled[1:] if shown[:1].isupper() else spelled)
            changed = True
    return " ".join(out) if changed else None
