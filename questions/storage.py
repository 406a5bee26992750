"""Where attachments to questions live: outside MEDIA_ROOT, so no address on the public site
reaches them. Staff who may see the question download them through the admin."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage() -> FileSystemStorage:
    # A callable: the model field keeps no path of this machine in its migration.
    return FileSystemStorage(location=settings.QUESTIONS_PRIVATE_ROOT, base_url=None)
