"""A burst of distinct look-ups and searches: what a commendation list shared on Zalo brings.

Every request asks for a different name, unit or phrase drawn from the dataset, typed the
way readers type (without diacritics, often only part of a name), so no page cache can
answer them: each is a render of the page's own data.
"""

import random
from urllib.parse import urlencode

from lsunion.text import normalise

SIZE = 1000


def _pick(rng: random.Random, words: list[str]) -> str:
    """What a reader types for a name: the whole of it, or its last two or three words."""
    if len(words) <= 2 or rng.random() < 0.4:
        return " ".join(words)
    return " ".join(words[-rng.choice((2, 3)) :])


def lookup_paths(size: int = SIZE, seed: int = 17) -> list[str]:
    """Award look-ups for people's names, collective recipients and units."""
    from awards.models import Recipient

    rng = random.Random(seed)
    rows = list(
        Recipient.objects.order_by("pk").values_list("full_name", "collective_name", "unit")[
            : size * 20
        ]
    )
    rng.shuffle(rows)
    queries: dict[str, None] = {}
    for full_name, collective, unit in rows:
        for text in (full_name, collective, unit):
            words = normalise(text or "").split()
            if words:
                queries.setdefault(_pick(rng, words), None)
        if len(queries) >= size:
            break
    return ["/khen-thuong/?" + urlencode({"q": q}) for q in list(queries)[:size]]


def search_paths(size: int = SIZE, seed: int = 29) -> list[str]:
    """Site searches: two to four words from article titles, body names and people's names."""
    from news.models import Article
    from organizations.models import Person, UnionBody

    rng = random.Random(seed)
    titles = list(
        Article.objects.published().order_by("-pk").values_list("title", flat=True)[:3000]
    )
    names = list(UnionBody.objects.values_list("name", flat=True)[:1000])
    people = list(Person.objects.values_list("full_name", flat=True)[:1000])
    queries: dict[str, None] = {}
    sources = [titles, names, people]
    attempts = 0
    while len(queries) < size and attempts < size * 20:
        attempts += 1
        pool = rng.choices(sources, weights=(6, 3, 1))[0]
        if not pool:
            continue
        words = normalise(rng.choice(pool)).split()
        if not words:
            continue
        length = min(len(words), rng.choice((2, 3, 3, 4)))
        start = rng.randrange(0, len(words) - length + 1)
        queries.setdefault(" ".join(words[start : start + length]), None)
    return ["/tim-kiem/?" + urlencode({"q": q}) for q in queries]
