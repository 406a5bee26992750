"""Public pages of the emulation blocks and clusters (khối, cụm thi đua), one per year.

At /khoi-thi-dua/: the blocks are a body-like thing of their own, kept out of /to-chuc/<slug>/
(the bodies' namespace, where a body slugged “khoi-thi-dua” would collide); the words are the
ones the articles use (“10 khối thi đua trực thuộc LĐLĐ tỉnh”); a block's slug carries its year.
"""

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, TemplateView

from lsunion.cache import public_page
from lsunion.collation import vi_order
from organizations import sections
from organizations.models import EmulationBlock, Meeting, UnionBody


@method_decorator(public_page, name="dispatch")
class BlockListView(TemplateView):
    """Every year's blocks and clusters, newest year first (one query)."""

    template_name = "organizations/block_list.html"

    def get_context_data(self, **kwargs):
        blocks = list(
            EmulationBlock.objects.select_related("organiser", "leader")
            .annotate(member_count=Count("members"))
            .order_by("-year", "organiser__name", vi_order("name"), "pk")
        )
        years: list[dict] = []
        for block in blocks:
            if not years or years[-1]["year"] != block.year:
                years.append({"year": block.year, "blocks": []})
            years[-1]["blocks"].append(block)
        return super().get_context_data(years=years, **kwargs)


@method_decorator(public_page, name="dispatch")
class BlockDetailView(DetailView):
    """A block in one year: members, the leading body, pacts signed, meetings, commendations."""

    template_name = "organizations/block_detail.html"
    context_object_name = "emulation_block"

    def get_object(self, queryset=None):
        return get_object_or_404(
            EmulationBlock.objects.select_related("organiser", "leader").prefetch_related(
                Prefetch(
                    "members",
                    UnionBody.objects.only("pk", "name", "slug", "dissolved_on").order_by(
                        vi_order("name"), "pk"
                    ),
                )
            ),
            slug=self.kwargs["slug"],
        )

    def get_context_data(self, **kwargs):
        block = self.object  # "block" is taken in templates (block.super)
        meetings = list(block.meetings.for_listing())
        years = list(
            EmulationBlock.objects.filter(organiser=block.organiser_id, name=block.name)
            .only("pk", "slug", "year")
            .order_by("-year")
        )
        return super().get_context_data(
            members=list(block.members.all()),
            pacts=[m for m in meetings if m.kind == Meeting.Kind.PACT_SIGNING],
            meetings=[m for m in meetings if m.kind != Meeting.Kind.PACT_SIGNING],
            other_years=[b for b in years if b.pk != block.pk],
            sections=sections.render_context("block", block),
            **kwargs,
        )
