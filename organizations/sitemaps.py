from django.contrib.sitemaps import Sitemap

from organizations.models import EmulationBlock, Meeting, UnionBody


class BodySitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return UnionBody.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, body):
        return body.updated_at


class MeetingSitemap(Sitemap):
    changefreq = "yearly"
    limit = 5000

    def items(self):
        return Meeting.objects.only("slug", "updated_at").order_by("-starts_at", "-pk")

    def lastmod(self, meeting):
        return meeting.updated_at


class BlockSitemap(Sitemap):
    changefreq = "yearly"
    limit = 5000

    def items(self):
        return EmulationBlock.objects.only("slug").order_by("-year", "pk")
