from django.db import models
from django.utils import timezone

# What lists and cards show of a published question: never the asker's own text or contacts.
LISTING_FIELDS = (
    "public_title", "slug", "public_question", "published_at", "answered_at", "read_count",
    "law_changed_note", "topic_id", "topic__name", "topic__slug",
)  # fmt: skip


class QuestionQuerySet(models.QuerySet):
    def published(self):
        """What a reader may see: the reviewed public version, once published."""
        return self.filter(
            publication=self.model.Publication.PUBLISHED, published_at__lte=timezone.now()
        )

    def for_listing(self):
        return self.select_related("topic").only(*LISTING_FIELDS).order_by("-published_at", "-pk")

    def open(self):
        """Questions still waiting for an answer."""
        return self.filter(status__in=[self.model.Status.RECEIVED, self.model.Status.ANSWERING])

    def contacts_expired(self, *, before):
        """Closed before `before` and still holding the asker's contacts."""
        return self.filter(closed_at__lt=before, contacts_erased_at__isnull=True)
