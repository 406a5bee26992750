"""Texts that cite documents, and what turns a citation into a link.

An app whose records hold text that may cite a document (an article's body, a meeting's
outcomes, a decision's legal basis) registers a `CitingText` in its AppConfig.ready(). The
documents library registers the one `linker`, which templates apply to rendered text through
the `cite_links` filter (lsunion.templatetags.citations) – no app imports the library, and the
stored text is never rewritten: a document added later is linked on the next rendering.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class CitingText:
    model: type[Model]
    label: str  # what the document page calls these, Vietnamese ("Bài viết")
    text: Callable[[Model], str]  # the plain text that may cite documents
    published: Callable[[], QuerySet]  # what readers may see (for "cited by" lists)
    order: int = 100
    # The heading readers know it by, in "cited by" lists (an answer's public title, never
    # the asker's own words).
    title_of: Callable[[Model], str] = str


_texts: dict[type[Model], CitingText] = {}
_linker: list[Callable[[str], str]] = []


def register_text(citing: CitingText) -> None:
    _texts[citing.model] = citing


def citing_texts() -> list[CitingText]:
    return sorted(_texts.values(), key=lambda t: (t.order, t.model._meta.label))


def text_for(model) -> CitingText | None:
    return _texts.get(model if isinstance(model, type) else type(model))


def register_linker(linker: Callable[[str], str]) -> None:
    """The function that links the citations in safe HTML (one look-up per call)."""
    _linker[:] = [linker]


def link(html: str) -> str:
    return _linker[0](html) if _linker else html
