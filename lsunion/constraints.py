"""Database constraints that several models share."""

from django.db import models
from django.db.models import F, Q


def ends_after_start(name: str, message, start: str = "starts_on", end: str = "ends_on"):
    """A CheckConstraint: `end` is empty, `start` is empty, or end >= start."""
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True})
        | Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__gte": F(start)}),
        name=name,
        violation_error_message=message,
    )
