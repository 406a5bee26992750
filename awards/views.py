from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, TemplateView

from awards.charts import awards_chart, counts_by_year_and_form
from awards.filters import RecipientFilter
from awards.lookup import ORDERING, counts_and_page_ids
from awards.models import CODE_LENGTH, Decision, Recipient, clean_code
from awards.qr import absolute_url, qr_svg
from lsunion.cache import cached_for_version, public_page
from organizations.models import UnionBody

LOOKUP_PAGE_SIZE = 30
DECISION_PAGE_SIZE = 100


def _query_string(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def may_preview(user) -> bool:
    """Staff who may change decisions also see those not yet public (never cached)."""
    return bool(user.is_active and user.is_staff and user.has_perm("awards.change_decision"))


def visible_decisions(request):
    return Decision.objects.all() if may_preview(request.user) else Decision.objects.published()


def _page_number(value) -> int:
    """The page a reader asked for: a whole number from 1, anything else is page 1."""
    try:
        return max(1, int(str(value).strip()[:6]))
    except (TypeError, ValueError):
        return 1


@method_decorator(public_page(params=[*RecipientFilter.base_filters, "page"]), name="dispatch")
class RecipientLookupView(TemplateView):
    """Who was commended: search by name or unit, filter, and see counts by year and form."""

    template_name = "awards/lookup.html"

    def get_context_data(self, **kwargs):
        filterset = RecipientFilter(
            self.request.GET or None, queryset=Recipient.objects.published()
        )
        matches = filterset.qs
        requested = _page_number(self.request.GET.get("page"))
        page_ids = None
        if any(self.request.GET.get(name) for name in RecipientFilter.base_filters):
            # The chart and the page from one scan of the matches.
            counts, page_ids = counts_and_page_ids(
                matches, (requested - 1) * LOOKUP_PAGE_SIZE, LOOKUP_PAGE_SIZE
            )
        else:  # every published recipient: the same figures until the content changes
            counts = cached_for_version(
                "awards:lookup-counts", lambda: counts_by_year_and_form(matches)
            )
        paginator = Paginator(matches.order_by(*ORDERING).values("pk"), LOOKUP_PAGE_SIZE)
        # The chart's counts add up to the number of matches: no COUNT(*) query of its own.
        paginator.count = sum(row["count"] for row in counts)
        page = paginator.get_page(requested)
        if page_ids is None or page.number != requested:
            # The page's ids as a subquery, so only their rows are joined to what they show
            # (joining every match before sorting cost most of the query).
            page_ids = page.object_list
        page.object_list = (
            Recipient.objects.for_lookup().filter(pk__in=page_ids).order_by(*ORDERING)
        )
        slug = filterset.body
        return super().get_context_data(
            filter=filterset,
            page_obj=page,
            recipients=page.object_list,
            chart=awards_chart(counts),
            body=UnionBody.objects.filter(slug=slug).first() if slug else None,
            query_string=_query_string(self.request),
            **kwargs,
        )


def numbered_groups(page, counts) -> list[dict]:
    """The page's recipients as the decision lists them: collectives, then individuals, each
    numbered from 1 by its place in the whole list (not by a number typed in a file)."""
    groups: list[dict] = []
    first_index = page.start_index() - 1 if page.paginator.count else 0
    for index, recipient in enumerate(page.object_list, start=first_index):
        collective = recipient.kind == Recipient.Kind.COLLECTIVE
        recipient.number = index + 1 if collective else index - counts["collectives"] + 1
        if not groups or groups[-1]["kind"] != recipient.kind:
            groups.append(
                {
                    "kind": recipient.kind,
                    "label": recipient.get_kind_display(),
                    "anchor": "tap-the" if collective else "ca-nhan",
                    "total": counts["collectives" if collective else "individuals"],
                    "recipients": [],
                }
            )
        groups[-1]["recipients"].append(recipient)
    return groups


@method_decorator(public_page(params=["page"]), name="dispatch")
class DecisionDetailView(DetailView):
    template_name = "awards/decision_detail.html"
    context_object_name = "decision"

    def get_queryset(self):
        return visible_decisions(self.request).select_related(
            "issuing_body", "form", "title", "movement", "meeting", "revoked_by"
        )

    def get_context_data(self, **kwargs):
        decision = self.object
        recipients = decision.recipients.select_related("body", "unit_body")
        page = Paginator(recipients, DECISION_PAGE_SIZE).get_page(self.request.GET.get("page"))
        counts = decision.recipients.aggregate(
            collectives=Count("pk", filter=Q(kind=Recipient.Kind.COLLECTIVE)),
            individuals=Count("pk", filter=Q(kind=Recipient.Kind.INDIVIDUAL)),
            achievements=Count("pk", filter=~Q(achievement="")),
        )
        return super().get_context_data(
            page_obj=page,
            recipients=page.object_list,
            groups=numbered_groups(page, counts),
            counts=counts,
            show_achievement=counts["achievements"] > 0,
            revokes=list(visible_decisions(self.request).filter(revoked_by=decision)),
            is_preview=not decision.is_published,
            query_string=_query_string(self.request),
            **kwargs,
        )


@method_decorator(public_page, name="dispatch")
class RecipientDetailView(DetailView):
    """A recipient's permalink, with the QR code of its verification address to print."""

    template_name = "awards/recipient_detail.html"
    context_object_name = "recipient"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Recipient.objects.for_listing().filter(
                decision__in=visible_decisions(self.request).values("pk")
            ),
            pk=self.kwargs["pk"],
            decision_id=self.kwargs["decision_pk"],
        )

    def get_context_data(self, **kwargs):
        url = absolute_url(self.object.get_verification_url())
        return super().get_context_data(
            decision=self.object.decision,
            verification_url=url,
            qr=qr_svg(url),
            is_preview=not self.object.decision.is_published,
            **kwargs,
        )


@method_decorator(public_page, name="dispatch")
class VerifyView(TemplateView):
    """Is a certificate genuine? The record for its code, or a clear “no such record”."""

    template_name = "awards/verify.html"

    def get(self, request, *args, **kwargs):
        code = clean_code(kwargs["code"])
        recipient = (
            Recipient.objects.published().for_listing().filter(verification_code=code).first()
            if len(code) == CODE_LENGTH
            else None
        )
        context = self.get_context_data(code=code, recipient=recipient)
        return self.render_to_response(context, status=200 if recipient else 404)


@require_GET
def verify_form(request):
    """The small form on the look-up page: go to the code's verification page."""
    code = clean_code(request.GET.get("ma", ""))
    if len(code) < 4:
        return redirect(reverse("awards:lookup") + "#xac-minh")
    return redirect("awards:verify", code=code)


@require_GET
@public_page
def verification_qr(request, code):
    """The QR code alone, as an SVG file to place on a certificate."""
    recipient = (
        Recipient.objects.published().filter(verification_code=clean_code(code)).only("pk").first()
    )
    if recipient is None:
        raise Http404
    svg = qr_svg(
        absolute_url(reverse("awards:verify", kwargs={"code": clean_code(code)})), inline=False
    )
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="xac-minh-{clean_code(code)}.svg"'
    return response
