from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, TemplateView

from documents import cited
from documents.filters import DocumentFilter
from documents.models import Document
from lsunion.cache import public_page

PAGE_SIZE = 20
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _query_string(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@method_decorator(public_page(params=[*DocumentFilter.base_filters, "page"]), name="dispatch")
class DocumentListView(TemplateView):
    """The library: newest first, filtered by kind, issuer, field, year and state."""

    template_name = "documents/document_list.html"

    def get_context_data(self, **kwargs):
        filterset = DocumentFilter(
            self.request.GET or None, queryset=Document.objects.published().for_listing()
        )
        documents = filterset.qs.order_by("-issued_on", "-pk")
        page = Paginator(documents, PAGE_SIZE).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            filter=filterset,
            page_obj=page,
            documents=page.object_list,
            query_string=_query_string(self.request),
            **kwargs,
        )


@method_decorator(public_page, name="dispatch")
class DocumentDetailView(DetailView):
    """A document: its facts, first page, download, the documents it replaces or that replaced
    it, and the articles, meetings and decisions that cite it."""

    template_name = "documents/document_detail.html"
    context_object_name = "document"

    def get_queryset(self):
        return Document.objects.published().select_related("kind", "issuer__body", "field")

    def get_context_data(self, **kwargs):
        document = self.object
        related = Document.objects.published().select_related("kind")
        return super().get_context_data(
            replaces=list(related.filter(replaced_by=document)),
            replaced_by=list(related.filter(replaces=document)),
            amends=list(related.filter(amended_by=document)),
            amended_by=list(related.filter(amends=document)),
            cited_by=cited.cited_by(document),
            **kwargs,
        )


@require_GET
def download(request, slug):
    """The file, as a download only: never shown in the site's origin, never sniffed."""
    document = get_object_or_404(Document.objects.published(), slug=slug)
    if not document.file:
        raise Http404
    extension = document.file.name.rsplit(".", 1)[-1].lower()
    if extension not in CONTENT_TYPES:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=CONTENT_TYPES[extension])
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{document.slug}.{extension}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=3600"
    return response
