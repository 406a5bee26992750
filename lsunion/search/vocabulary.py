"""Names from our own records (people, bodies, places), which search treats as phrases.

Each app registers a provider of plain names in its AppConfig.ready(); the set of their
search forms is built once per content version. A reader who types "hoi nghi van quan"
means the place Văn Quan, so documents holding "văn quan" together rank above those that
hold "văn" and "quan" apart.
"""

import re
from collections.abc import Callable, Iterable

from lsunion.cache import cached_for_version
from lsunion.text import normalise

MAX_NAME_WORDS = 8

_providers: list[Callable[[], Iterable[str]]] = []

# "Liên đoàn Lao động huyện Văn Quan" names the place "Văn Quan" too.
_PLACE = re.compile(r"\b(?:tinh|huyen|thanh pho|thi xa|thi tran|xa|phuong|quan)\s+(.+)$")


def register_names(provider: Callable[[], Iterable[str]]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def _build() -> frozenset[tuple[str, ...]]:
    names = set()
    for provider in _providers:
        for name in provider():
            words = normalise(name)
            candidates = [words]
            place = _PLACE.search(words)
            if place:
                candidates.append(place.group(1))
            for candidate in candidates:
                phrase = tuple(candidate.split())
                if 2 <= len(phrase) <= MAX_NAME_WORDS:
                    names.add(phrase)
    return frozenset(names)


def names() -> frozenset[tuple[str, ...]]:
    return cached_for_version("search-names", _build)
