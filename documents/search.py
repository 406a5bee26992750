"""What the library contributes to site search (registered in DocumentsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from documents import numbers
from documents.models import Document
from lsunion.search.registry import SearchSource


def names_a_document(text: str) -> bool:
    """ "34-CT/TW", "34 CT TW", "chi thi 34", "chỉ thị 34 năm 2014": a document's number."""
    ref = numbers.parse(text)
    return ref is not None and (len(ref.text) >= len(text.strip()) - 12)


def _in_kind(queryset, slug):
    return queryset.filter(kind__slug=str(slug)[:100])


SOURCE = SearchSource(
    key="van-ban",
    label=_("Văn bản"),
    queryset=lambda: Document.objects.published().select_related("kind", "issuer"),
    result_template="documents/search_result.html",
    title_field="search_title",
    text_field="search_text",
    date_field="issued_on",
    order=15,
    filters={"loai_van_ban": _in_kind},
    snippet=lambda document: document.summary,
    title_of=lambda document: document.title,
    leads=names_a_document,
)
