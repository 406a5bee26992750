from django.shortcuts import get_object_or_404, redirect
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import DetailView

from lsunion import menu as registry
from lsunion.cache import public_page
from sitepages.chart import organisation_chart
from sitepages.contacts import contact_bodies
from sitepages.menus import menus
from sitepages.models import ABOUT, CONTACT, SITE_MAP, Page

# The contact form belongs to the questions app (issue 19); linked only once it exists,
# whatever its URL is named.
CONTACT_FORM = "/lien-he/gui/"


class FixedPageView(DetailView):
    """A page at its own address; the records below the text are generated (subclasses)."""

    model = Page
    context_object_name = "page"
    slug = ""

    def get_object(self, queryset=None):
        return get_object_or_404(Page, slug=self.slug)


@method_decorator(public_page, name="dispatch")
class AboutView(FixedPageView):
    """Giới thiệu: history and functions as written, and the chart from the union tree."""

    slug = ABOUT
    template_name = "sitepages/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(chart=organisation_chart(timezone.localdate()), **kwargs)


def _contact_form_url() -> str:
    try:
        resolve(CONTACT_FORM)
    except Resolver404:
        return ""
    return CONTACT_FORM


@method_decorator(public_page, name="dispatch")
class ContactView(FixedPageView):
    """Liên hệ: the federation's and its bodies' offices, from their records."""

    slug = CONTACT
    template_name = "sitepages/contact.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            bodies=contact_bodies(), contact_form_url=_contact_form_url(), **kwargs
        )


@method_decorator(public_page, name="dispatch")
class SiteMapView(FixedPageView):
    """Sơ đồ cổng thông tin: the menu, every section and category, and the pages."""

    slug = SITE_MAP
    template_name = "sitepages/site_map.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            menus=menus(),
            groups=registry.every_link(),
            pages=list(Page.objects.only("title", "slug").order_by("title")),
            **kwargs,
        )


@method_decorator(public_page, name="dispatch")
class PageView(FixedPageView):
    """Any other page the chief editor writes, at /trang/<slug>/."""

    template_name = "sitepages/page.html"

    def get(self, request, *args, **kwargs):
        page = get_object_or_404(Page, slug=kwargs["slug"])
        if page.is_fixed:
            return redirect(page.get_absolute_url(), permanent=True)
        self.object = page
        return self.render_to_response(self.get_context_data(object=page))
