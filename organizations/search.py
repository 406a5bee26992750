"""What organizations contributes to site search (registered in OrganizationsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from lsunion.collation import vi_order
from lsunion.html import strip_tags
from lsunion.search.registry import SearchSource
from organizations.models import Meeting, Person, UnionBody

BODIES = SearchSource(
    key="to-chuc",
    label=_("Tổ chức công đoàn"),
    queryset=lambda: UnionBody.objects.select_related("parent").only(
        "name",
        "short_name",
        "slug",
        "kind",
        "address",
        "description",
        "dissolved_on",
        "search_text",
        "parent__name",
        "parent__short_name",
    ),
    result_template="organizations/search_result_body.html",
    title_field="search_text",
    text_field="search_text",
    order=20,
    order_by=(vi_order("name"), "pk"),
    snippet=lambda body: " ".join(
        filter(None, [body.short_name, body.address, strip_tags(body.description)])
    ),
    title_of=lambda body: body.name,
)

MEETINGS = SearchSource(
    key="hoi-nghi",
    label=_("Hội nghị"),
    queryset=lambda: Meeting.objects.select_related("organiser").only(
        "kind",
        "title",
        "slug",
        "starts_at",
        "place",
        "summary",
        "search_text",
        "organiser__name",
        "organiser__short_name",
    ),
    result_template="organizations/search_result_meeting.html",
    title_field="search_title",
    text_field="search_text",
    date_field="starts_at",
    order=30,
    snippet=lambda meeting: " ".join(filter(None, [meeting.place, meeting.summary])),
    title_of=lambda meeting: meeting.title,
)

PEOPLE = SearchSource(
    key="nhan-su",
    label=_("Nhân sự"),
    queryset=lambda: Person.objects.all(),
    result_template="organizations/search_result_person.html",
    title_field="search_text",
    text_field="search_text",
    order=60,
    order_by=(vi_order("full_name"), "pk"),
    title_of=lambda person: person.full_name,
)


def names():
    """Bodies (full and short names, and the place a name ends with) and people."""
    for name, short_name in UnionBody.objects.values_list("name", "short_name"):
        yield name
        if short_name:
            yield short_name
    yield from Person.objects.values_list("full_name", flat=True)
