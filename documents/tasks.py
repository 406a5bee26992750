"""Background tasks of the library (django.tasks, the database backend in production)."""

from django.tasks import task

from lsunion.cache import bump


@task()
def read_file(document_id: int) -> bool:
    """Extract the PDF's text into the search text and render its first page."""
    from documents import reading
    from documents.models import Document

    document = Document.objects.select_related("kind", "issuer", "field").filter(pk=document_id)
    document = document.first()
    if document is None or not document.file:
        return False
    name = document.file.name
    if document.text_source == name:
        return False  # read already (the demo reads its files at once)
    with document.file.open("rb") as handle:
        data = handle.read()
    text, preview = "", None
    if document.is_pdf:
        text = reading.pdf_text(data)
        png = reading.first_page_png(data)
        if png:
            if document.preview:
                document.preview.delete(save=False)
            content = reading.preview_file(document.slug, png)
            document.preview.save(content.name, content, save=False)
            preview = document.preview.name
    title, search_text = document.search_document(pdf_text=text)
    Document.objects.filter(pk=document_id, file=name).update(
        pdf_text=text,
        text_source=name,
        search_title=title,
        search_text=search_text,
        preview=preview or "",
    )
    bump()
    return True
