"""Editorial workflows on articles: plain functions, keyword-only arguments."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from news.models import Article


@transaction.atomic
def publish(*, articles: Iterable[Article], by=None) -> int:
    """Publish now: the articles become visible at once (a future time is brought forward)."""
    now = timezone.now()
    count = 0
    for article in articles:
        article.status = Article.Status.PUBLISHED
        if article.published_at is None or article.published_at > now:
            article.published_at = now
        if by is not None:
            article.updated_by = by
        article.save()
        count += 1
    return count


@transaction.atomic
def unpublish(*, articles: Iterable[Article], by=None) -> int:
    """Take articles off the site; they go back to draft and keep their text and slug."""
    count = 0
    for article in articles:
        article.status = Article.Status.DRAFT
        if by is not None:
            article.updated_by = by
        article.save()
        count += 1
    return count
