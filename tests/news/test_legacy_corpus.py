"""No export a person can read is skipped: every variant of the seeds reads as its reader sees it."""

import pytest

from news.legacy import NotAnArticle, decode, parse
from tests.news.legacy_corpus import SEED_PARTS, corpus


def misread(variant) -> list[str]:
    """What the parser got wrong about one variant, in words; empty when it read it right."""
    try:
        parsed = parse(decode(variant.text.encode()))
    except NotAnArticle as error:
        return [f"skipped: {error}"]
    seen = {
        "title": parsed.title,
        "published_at": parsed.published_at,
        "category": parsed.category,
        "photo_alts": [photo.alt for photo in parsed.photos],
        "paragraphs": len(parsed.paragraphs),
        "byline": parsed.byline,
        "source": parsed.source,
    }
    return [
        f"{name}: {value!r} instead of {getattr(variant, name)!r}"
        for name, value in seen.items()
        if value != getattr(variant, name)
    ]


@pytest.mark.parametrize("seed", SEED_PARTS, ids=lambda seed: seed.file[:3])
def test_every_variant_of_a_seed_export_is_read_as_a_person_reads_it(seed):
    variants = list(corpus(seed))
    problems = {v.name: p for v in variants if (p := misread(v))}
    assert len(variants) == 864
    assert problems == {}
