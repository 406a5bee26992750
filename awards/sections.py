"""The commendation sections that organizations' body and meeting pages show."""

from awards.models import Decision, Recipient

BODY_AWARDS_COUNT = 8


def body_awards(body) -> dict | None:
    """The body's most recent commendations as a collective (one query)."""
    # Only what a line shows: the eight-table join of for_listing() cost PostgreSQL 10 ms to
    # plan, for a query that runs in 0.2 ms.
    recipients = list(
        Recipient.objects.published()
        .filter(body=body)
        .select_related("decision__form", "decision__title", "decision__issuing_body")
        .only(
            "collective_name",
            "decision__number",
            "decision__code",
            "decision__issued_on",
            "decision__status",
            "decision__form__name",
            "decision__title__name",
            "decision__issuing_body__name",
            "decision__issuing_body__short_name",
        )
        .order_by("-decision__issued_on", "-decision_id", "order")[:BODY_AWARDS_COUNT]
    )
    return {"recipients": recipients, "body": body} if recipients else None


def meeting_awards(meeting) -> dict | None:
    """The decisions presented at a meeting (one query)."""
    decisions = list(
        Decision.objects.published()
        .filter(meeting=meeting)
        .select_related("form", "title", "issuing_body")
    )
    return {"decisions": decisions} if decisions else None


BLOCK_AWARDS_COUNT = 30


def block_awards(block) -> dict | None:
    """Commendations of the block's member bodies by decisions of the block's year (one query;
    the members are prefetched by the block page)."""
    members = [body.pk for body in block.members.all()]
    if not members:
        return None
    recipients = list(
        Recipient.objects.published()
        .filter(body__in=members, decision__year=block.year)
        .for_listing()
        .order_by("-decision__issued_on", "-decision_id", "kind", "order")[:BLOCK_AWARDS_COUNT]
    )
    return {"recipients": recipients, "block": block} if recipients else None
