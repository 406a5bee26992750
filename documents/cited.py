"""What cites a document: the recorded citations of the registered texts (lsunion.citations)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min, Q

from documents.models import Citation, Document
from lsunion import citations

CITED_BY_LIMIT = 30


def cited_by(document: Document) -> list[dict]:
    """[{label, items}] per kind of text: one query for the citations, one per kind of text
    that cites it (articles, meetings, decisions) – whatever the number of citations."""
    same_year = Q(year__isnull=True) | Q(year=document.year)
    rows = (
        Citation.objects.filter(same_year)
        .filter(Q(key=document.match_key) | Q(key="", short_key=document.short_key))
        .values_list("content_type_id", "object_id")
        .distinct()
    )
    by_type: dict[int, set[int]] = {}
    for content_type_id, object_id in rows:
        by_type.setdefault(content_type_id, set()).add(object_id)
    groups = []
    for citing in citations.citing_texts():
        content_type = ContentType.objects.get_for_model(citing.model)  # cached by Django
        ids = by_type.get(content_type.pk)
        if not ids:
            continue
        items = [
            {"title": citing.title_of(obj), "url": obj.get_absolute_url()}
            for obj in citing.published().filter(pk__in=ids)[:CITED_BY_LIMIT]
        ]
        if items:
            groups.append({"label": citing.label, "items": items})
    return groups


def missing():
    """Numbers cited with their issuer that the library does not hold, most cited first."""
    held = Document.objects.values("match_key")
    return (
        Citation.objects.exclude(key="")
        .exclude(key__in=held)
        .values("key")
        .annotate(
            times=Count("pk"),
            texts=Count("object_id", distinct=True),
            example=Min("text"),
            year=Min("year"),
        )
        .order_by("-times", "key")
    )
