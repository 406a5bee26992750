from datetime import datetime, timedelta

from django.db import connections, models
from django.db.models import F, Min, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

# What lists, cards and feeds show of an article: reading fewer columns (and no body) keeps
# list pages cheap to query and to turn into objects.
LISTING_FIELDS = (
    "title", "slug", "summary", "byline", "cover_image", "published_at", "updated_at",
    "status", "is_featured", "category_id", "source_body_id",
    "category__name", "category__slug", "category__order",
)  # fmt: skip


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What a reader may see: published status and a publication time that has come."""
        return self.filter(status=self.model.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        return self.filter(status=self.model.Status.PUBLISHED, published_at__gt=timezone.now())

    def next_due_time(self):
        """When the next scheduled article becomes visible (None if none is scheduled)."""
        return (
            self.scheduled().order_by("published_at").values_list("published_at", flat=True).first()
        )

    def for_listing(self):
        """Columns and joins a list of articles needs, newest first."""
        return (
            self.select_related("category").only(*LISTING_FIELDS).order_by("-published_at", "-pk")
        )

    def about_body(self, body):
        """Articles from a union body or mentioning it.

        The body's own few ids are gathered first (two small index reads), so the cost follows
        the body's articles, not the whole archive: no join with DISTINCT over every row.
        """
        own = self.model.objects.filter(source_body=body).values("pk")
        mentioning = self.model.objects.filter(mentioned_bodies=body).values("pk")
        return self.filter(pk__in=own.union(mentioning))

    def latest_per_category(self, per_category: int, category_ids=None):
        """The newest `per_category` articles of every category (or of those given), in one query.

        Where the database takes LIMIT inside UNION (PostgreSQL), each category's rows are read
        straight from its index; otherwise a window function ranks the matching rows.
        """
        if category_ids is not None:
            category_ids = list(category_ids)
            if not category_ids:
                return self.none()
            if connections[self.db].features.supports_slicing_ordering_in_compound:
                parts = [
                    self.filter(category_id=pk).for_listing()[:per_category] for pk in category_ids
                ]
                return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
            return self.filter(category_id__in=category_ids).latest_per_category(per_category)
        return (
            self.for_listing()
            .annotate(
                rank_in_category=Window(
                    RowNumber(),
                    partition_by=[F("category_id")],
                    order_by=[F("published_at").desc(), F("pk").desc()],
                )
            )
            .filter(rank_in_category__lte=per_category)
        )


class SloganQuerySet(models.QuerySet):
    def current(self):
        today = timezone.localdate()
        return self.filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=today),
            Q(ends_on__isnull=True) | Q(ends_on__gte=today),
            is_active=True,
        )

    def next_change_time(self):
        """The next midnight at which a slogan starts or stops being shown by its dates alone."""
        today = timezone.localdate()
        days = self.filter(is_active=True).aggregate(
            starts=Min("starts_on", filter=Q(starts_on__gt=today)),
            ends=Min("ends_on", filter=Q(ends_on__gte=today)),
        )
        candidates = [
            day
            for day in (days["starts"], days["ends"] and days["ends"] + timedelta(days=1))
            if day
        ]
        if not candidates:
            return None
        return timezone.make_aware(datetime.combine(min(candidates), datetime.min.time()))
