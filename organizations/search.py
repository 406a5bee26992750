"""What organizations contributes to site search (registered in OrganizationsConfig.ready)."""

from django.db.models import Case, Value, When
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from lsunion.collation import vi_order
from lsunion.html import strip_tags
from lsunion.search.registry import SearchSource
from organizations.models import Meeting, Person, UnionBody

K = UnionBody.Kind
# A reader typing "Văn Quan" means the district federation before the schools in it.
LEVEL = Case(
    When(kind__in=[K.NATIONAL, K.PROVINCIAL], then=Value(0)),
    When(kind__in=[K.DISTRICT, K.SECTORAL, K.ECONOMIC_ZONE, K.DIRECT], then=Value(1)),
    When(kind=K.SUB_UNIT, then=Value(3)),
    default=Value(2),
)

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
    # Then the shortest name: the one that is most nearly what the reader typed.
    order_by=(LEVEL.asc(), Length("name").asc(), vi_order("name"), "pk"),
    snippet=lambda body: " ".join(
        filter(None, [body.short_name, body.address, strip_tags(body.description)])
    ),
    title_of=lambda body: body.name,
    vocabulary=lambda: UnionBody.objects.values_list("name", flat=True),
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
    vocabulary=lambda: Meeting.objects.values_list("title", flat=True),
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
    vocabulary=lambda: Person.objects.values_list("full_name", flat=True),
)


def names():
    """Bodies (full and short names, and the place a name ends with) and people."""
    for name, short_name in UnionBody.objects.values_list("name", "short_name"):
        yield name
        if short_name:
            yield short_name
    yield from Person.objects.values_list("full_name", flat=True)
