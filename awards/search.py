"""What awards contributes to site search (registered in AwardsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from awards.models import Decision, Recipient
from lsunion.search.registry import SearchSource

DECISIONS = SearchSource(
    key="quyet-dinh",
    label=_("Quyết định khen thưởng"),
    queryset=lambda: Decision.objects.published().select_related("issuing_body", "form", "title"),
    result_template="awards/search_result_decision.html",
    title_field="search_title",
    text_field="search_text",
    date_field="issued_on",
    order=40,
    snippet=lambda decision: decision.reason,
    title_of=lambda decision: f"Quyết định số {decision.reference} – {decision.award_name}",
)

RECIPIENTS = SearchSource(
    key="khen-thuong",
    label=_("Tập thể, cá nhân được khen thưởng"),
    # What a result card shows, and no more: each joined column costs query-building time.
    queryset=lambda: (
        Recipient.objects.published()
        .select_related("decision__form", "decision__title")
        .only(
            "kind",
            "full_name",
            "collective_name",
            "position",
            "unit",
            "search_text",
            "body_id",
            "decision__number",
            "decision__code",
            "decision__issued_on",
            "decision__status",
            "decision__form__name",
            "decision__title__name",
        )
    ),
    result_template="awards/search_result_recipient.html",
    title_field="search_text",
    text_field="search_text",
    date_field="decision__issued_on",
    order=50,
    window=2000,
    snippet=lambda recipient: " ".join(filter(None, [recipient.position, recipient.unit])),
    title_of=lambda recipient: recipient.name,
    vocabulary=lambda: (
        text
        for row in Recipient.objects.published().values_list("full_name", "collective_name", "unit")
        for text in row
        if text
    ),
)
