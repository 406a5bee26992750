from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, TemplateView

from lsunion.cache import cached_for_version, public_page
from lsunion.collation import vi_order
from lsunion.site import absolute
from organizations import dated, people, sections
from organizations.charts import figures_chart
from organizations.filters import BodyFilter, MeetingFilter
from organizations.models import (
    BodyAffiliation,
    EmulationBlock,
    Meeting,
    MeetingAttendee,
    Person,
    Position,
    UnionBody,
)

LIST_PAGE_SIZE = 30
PERSON_MEETINGS = 10


def _query_string(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@method_decorator(public_page(params=[*BodyFilter.base_filters, "page"]), name="dispatch")
class BodyDirectoryView(TemplateView):
    """The union's tree in Vietnamese order; a flat list when the reader filters or searches."""

    template_name = "organizations/directory.html"

    def get_context_data(self, **kwargs):
        bodies = UnionBody.objects.all()
        filterset = BodyFilter(self.request.GET or None, queryset=bodies)
        day = filterset.day or timezone.localdate()
        if not filterset.wants_history:
            bodies = bodies.current(day)
        context = {
            "filter": filterset,
            "showing_history": filterset.wants_history,
            "day": filterset.day,
        }
        if filterset.narrows:
            matches = filterset.filter_queryset(bodies).select_related("parent")
            page = Paginator(matches.order_by(vi_order("name"), "pk"), LIST_PAGE_SIZE).get_page(
                self.request.GET.get("page")
            )
            context.update(
                page_obj=page, results=page.object_list, query_string=_query_string(self.request)
            )
        else:
            context["tree"], context["body_count"] = dated.tree_on(
                day, with_history=filterset.wants_history
            )
            context["blocks"] = _attach_blocks(context["tree"], day.year)
        return super().get_context_data(**context, **kwargs)


def _attach_blocks(tree: list[dict], year: int) -> list[EmulationBlock]:
    """The emulation blocks of the latest year up to `year`, each member node linking to its
    block (two queries)."""
    latest = EmulationBlock.objects.filter(year__lte=year).order_by("-year").values("year")[:1]
    blocks = list(EmulationBlock.objects.filter(year=latest).order_by(vi_order("name"), "pk"))
    by_pk = {block.pk: block for block in blocks}
    memberships: dict[int, list[EmulationBlock]] = {}
    for body_id, block_id in EmulationBlock.members.through.objects.filter(
        emulationblock__in=list(by_pk)
    ).values_list("unionbody_id", "emulationblock_id"):
        memberships.setdefault(body_id, []).append(by_pk[block_id])
    stack = list(tree)
    while stack:
        node = stack.pop()
        node["blocks"] = memberships.get(node["body"].pk, [])
        stack.extend(node["children"])
    return blocks


@method_decorator(public_page, name="dispatch")
class BodyDetailView(DetailView):
    template_name = "organizations/body_detail.html"
    context_object_name = "body"

    def get_queryset(self):
        return UnionBody.objects.select_related("parent", "successor")

    def get_context_data(self, **kwargs):
        body = self.object
        today = timezone.localdate()
        # Bodies that report, reported or will report to this one, and its successors' kin.
        linked = BodyAffiliation.objects.filter(parent=body).values("body_id")
        # A district has a hundred grassroots unions: only the columns their links and dates
        # need (whole rows with their parents were two hundred model instances a page).
        # Each with the parent of its link in force today, read in the same query.
        related = list(
            dated.with_parent_on(
                UnionBody.objects.filter(Q(parent=body) | Q(successor=body) | Q(pk__in=linked)),
                today,
            )
            .only("name", "slug", "founded_on", "dissolved_on", "parent_id", "successor_id")
            .order_by(vi_order("name"), "pk")
        )
        children = [b for b in related if (b.parent_on_day or b.parent_id) == body.pk]
        # The body's own links (past and to come), and the bodies that used to report to it.
        links = list(
            BodyAffiliation.objects.filter(
                Q(body=body) | Q(parent=body, ends_on__isnull=False, ends_on__lte=today)
            ).select_related("body", "parent")
        )
        own_links = [a for a in links if a.body_id == body.pk]
        # Links come oldest first: of two in force, the later one holds.
        in_force = [a.parent_id for a in own_links if dated.covers(a, today)]
        parent = _parent_today(body, in_force[-1] if in_force else body.parent_id, own_links)
        positions = list(
            Position.objects.filter(body=body)
            .select_related("person", "term")
            .order_by("-starts_on", "rank")
        )
        current = sorted(
            (p for p in positions if (p.ends_on is None or p.ends_on > today)
             and (p.starts_on is None or p.starts_on <= today)),
            key=lambda p: (p.rank, p.person.full_name),
        )  # fmt: skip
        figures = list(body.figures.order_by("year"))
        former_members = [a for a in links if a.body_id != body.pk]
        moved_away = {a.body_id for a in former_members}
        return super().get_context_data(
            parent=parent,
            current_children=[b for b in children if dated.exists_on(b, today)],
            former_children=[
                b for b in children if not dated.exists_on(b, today) and b.pk not in moved_away
            ],
            predecessors=[b for b in related if b.successor_id == body.pk],
            affiliations=own_links,
            former_members=former_members,
            leaders=current,
            terms=_terms_with_chairs(body, positions),
            figures=figures,
            chart=figures_chart(figures),
            blocks=list(body.emulation_blocks.select_related("organiser").order_by("-year")[:10]),
            meetings=list(body.meetings.for_listing()[:5]),
            sections=sections.render_context("body", body),
            structured_data=organization_data(body, parent),
            **kwargs,
        )


def _parent_today(body, parent_id, own_links):
    """The body it reports to today: a dated link may not have taken effect yet."""
    if parent_id == body.parent_id:
        return body.parent
    return next((a.parent for a in own_links if a.parent_id == parent_id), body.parent)


def organization_data(body, parent=None) -> dict:
    """schema.org Organization, for search engines."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": body.name,
        "alternateName": body.short_name,
        "url": absolute(body.get_absolute_url()),
        "address": body.address,
        "telephone": body.phone,
        "email": body.email,
        "foundingDate": body.founded_on.isoformat() if body.founded_on else None,
        "dissolutionDate": body.dissolved_on.isoformat() if body.dissolved_on else None,
    }
    if parent is not None:
        data["parentOrganization"] = {"@type": "Organization", "name": parent.name}
    return {key: value for key, value in data.items() if value}


def _terms_with_chairs(body, positions):
    by_term: dict[int, list[Position]] = {}
    for position in positions:
        if position.term_id and position.title in (
            Position.Title.CHAIR, Position.Title.STANDING_VICE_CHAIR, Position.Title.VICE_CHAIR
        ):  # fmt: skip
            by_term.setdefault(position.term_id, []).append(position)
    return [
        {"term": term, "leaders": sorted(by_term.get(term.pk, []), key=lambda p: p.rank)}
        for term in body.terms.all()
    ]


@method_decorator(public_page(params=[*MeetingFilter.base_filters, "page"]), name="dispatch")
class MeetingListView(TemplateView):
    template_name = "organizations/meeting_list.html"

    def get_context_data(self, **kwargs):
        filterset = MeetingFilter(self.request.GET or None, queryset=Meeting.objects.for_listing())
        paginator = Paginator(filterset.qs, 20)
        if not any(self.request.GET.get(name) for name in MeetingFilter.base_filters):
            # Every meeting: the same number until the content changes.
            paginator.count = cached_for_version("meetings:count", Meeting.objects.count)
        page = paginator.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            filter=filterset,
            page_obj=page,
            meetings=page.object_list,
            query_string=_query_string(self.request),
            **kwargs,
        )


@method_decorator(public_page, name="dispatch")
class MeetingDetailView(DetailView):
    template_name = "organizations/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return Meeting.objects.select_related(
            "organiser", "chaired_by", "term", "emulation_block"
        ).prefetch_related(
            Prefetch("attendees", MeetingAttendee.objects.select_related("person")),
            "documents",
            Prefetch("elected_positions", Position.objects.select_related("person")),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sections=sections.render_context("meeting", self.object), **kwargs
        )


@method_decorator(public_page, name="dispatch")
class PersonDetailView(DetailView):
    """A person's page: photo, positions today and before, bodies and terms, the meetings they
    chaired or attended and (through sections) the articles that mention them."""

    template_name = "organizations/person_detail.html"
    context_object_name = "person"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Person.objects.prefetch_related(
                Prefetch(
                    "positions",
                    Position.objects.select_related("body", "term", "elected_at").order_by(
                        "-starts_on", "rank"
                    ),
                )
            ),
            slug=self.kwargs["slug"],
        )

    def get_context_data(self, **kwargs):
        person = self.object
        attended = MeetingAttendee.objects.filter(person=person).values("meeting_id")
        meetings = list(
            Meeting.objects.for_listing().filter(Q(chaired_by=person) | Q(pk__in=attended))[
                :PERSON_MEETINGS
            ]
        )
        return super().get_context_data(
            career=people.career(list(person.positions.all()), today=timezone.localdate()),
            meetings=meetings,
            sections=sections.render_context("person", person),
            **kwargs,
        )
