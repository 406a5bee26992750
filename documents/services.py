"""Work on documents that spans records: the states that links imply, the file's text."""

from django.db import transaction

from documents.models import Document


def apply_links(*, document: Document) -> list[Document]:
    """The documents this one replaces are "replaced", those it amends "amended" (unless
    staff marked them expired). Returns the documents whose state changed."""
    changed = []
    for older, state in [
        *((d, Document.State.REPLACED) for d in document.replaces.all()),
        *((d, Document.State.AMENDED) for d in document.amends.all()),
    ]:
        if (
            older.state in (Document.State.IN_FORCE, Document.State.AMENDED)
            and older.state != state
        ):
            if state == Document.State.AMENDED and older.state == Document.State.AMENDED:
                continue
            older.state = state
            older.save(update_fields=["state", "updated_at"])
            changed.append(older)
    return changed


def file_changed(document: Document) -> bool:
    return bool(document.file) and document.file.name != document.text_source


def schedule_reading(*, document: Document) -> None:
    """Once the save commits, read the file's text and first page in the background."""
    from documents.tasks import read_file

    pk = document.pk
    transaction.on_commit(lambda: _enqueue(read_file, pk))


def _enqueue(task, pk: int) -> None:
    import logging

    try:
        task.enqueue(pk)
    except Exception:  # the queue failing must not fail the save; the file stays unread
        logging.getLogger(__name__).exception("Document %s could not be queued for reading", pk)
