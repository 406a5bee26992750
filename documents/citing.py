"""Citations in other apps' texts (lsunion.citations): recorded on save, linked on render.

Recording keeps a Citation row per number found, so the document page lists what cites it
and the staff see what is cited but missing, without reading every text again. Linking
happens when a page is rendered, from the stored text as the editor wrote it: a document
added later is linked at once (adding it changes the content version, so cached pages go).
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.html import escape

from documents import numbers
from documents.models import Citation, Document
from lsunion import citations
from lsunion.cache import cached_for_version
from lsunion.html import strip_tags

_TAG = re.compile(r"(<[^>]*>)")
_ANCHOR_OPEN = re.compile(r"^<a[\s>]", re.IGNORECASE)
_ANCHOR_CLOSE = re.compile(r"^</a\s*>", re.IGNORECASE)


def kinds() -> dict[str, str]:
    """The editable list of kinds and their codes (read once per content version)."""
    from documents.models import DocumentKind

    return cached_for_version(
        "documents:kind-codes",
        lambda: dict(DocumentKind.objects.exclude(code="").values_list("name", "code")),
    )


def find_in(text: str) -> list[numbers.Reference]:
    return numbers.find(text, kinds())


def record(instance) -> None:
    """Keep the citations of a registered text (post_save receiver)."""
    citing = citations.text_for(instance)
    if citing is None or instance.pk is None:
        return
    content_type = ContentType.objects.get_for_model(type(instance))
    text = strip_tags(citing.text(instance) or "")
    rows = [
        Citation(
            content_type=content_type,
            object_id=instance.pk,
            key=ref.key,
            short_key=ref.short_key,
            year=ref.year,
            text=ref.text[:200],
        )
        for ref in find_in(text)
        if ref.key or ref.short_key
    ]
    with transaction.atomic():
        Citation.objects.filter(content_type=content_type, object_id=instance.pk).delete()
        Citation.objects.bulk_create(rows)


def forget(instance) -> None:
    """A registered text was deleted (post_delete receiver)."""
    if citations.text_for(instance) is None:
        return
    content_type = ContentType.objects.get_for_model(type(instance))
    Citation.objects.filter(content_type=content_type, object_id=instance.pk).delete()


def record_all() -> int:
    """Read every registered text again (after an import that bypassed signals, or at first)."""
    count = 0
    for citing in citations.citing_texts():
        for instance in citing.model._default_manager.all().iterator():
            record(instance)
            count += 1
    return count


def on_save(sender, instance, raw=False, **kwargs):
    if not raw and citations.text_for(sender) is not None:
        record(instance)


def on_delete(sender, instance, **kwargs):
    if citations.text_for(sender) is not None:
        forget(instance)


def resolve(ref: numbers.Reference, candidates: list[Document]) -> Document | None:
    """The one document a reference names, or None when the library holds none or several."""
    if ref.key:
        found = [d for d in candidates if d.match_key == ref.key]
    else:
        found = [d for d in candidates if d.short_key == ref.short_key]
    if ref.year:
        found = [d for d in found if d.year == ref.year]
    return found[0] if len(found) == 1 else None


def link_html(html: str) -> str:
    """Safe HTML with each cited document of the library linked (one query, none when the
    text cites nothing). Text already inside a link is left as it is."""
    parts = _TAG.split(html)
    found: list[tuple[int, list[numbers.Reference]]] = []
    depth = 0
    vocab = kinds()
    for index, part in enumerate(parts):
        if index % 2:
            if _ANCHOR_OPEN.match(part):
                depth += 1
            elif _ANCHOR_CLOSE.match(part):
                depth = max(depth - 1, 0)
            continue
        if depth == 0 and part:
            refs = numbers.find(part, vocab)
            if refs:
                found.append((index, refs))
    if not found:
        return html
    all_refs = [ref for _index, refs in found for ref in refs]
    candidates = list(
        Document.objects.published()
        .citing(all_refs)
        .only("slug", "match_key", "short_key", "year", "summary", "symbol")
    )
    if not candidates:
        return html
    for index, refs in found:
        text = parts[index]
        out, last = [], 0
        for ref in refs:
            document = resolve(ref, candidates)
            if document is None:
                continue
            out.append(text[last : ref.start])
            out.append(
                f'<a class="cited-document" href="{escape(document.get_absolute_url())}">'
                f"{text[ref.start : ref.end]}</a>"
            )
            last = ref.end
        out.append(text[last:])
        parts[index] = "".join(out)
    return "".join(parts)
