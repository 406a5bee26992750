"""The Atom feed of new documents in the library."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from documents.models import Document

FEED_SIZE = 30


class NewDocumentsFeed(Feed):
    feed_type = Atom1Feed
    language = "vi"

    def title(self):
        return _("Văn bản mới – %(name)s") % {"name": settings.PORTAL["name"]}

    def link(self):
        return reverse("documents:list")

    def subtitle(self):
        return _("Văn bản mới đưa lên thư viện văn bản của cổng thông tin.")

    def items(self):
        return Document.objects.published().for_listing().order_by("-created_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.title} – {item.summary}"

    def item_description(self, item):
        return _("%(kind)s số %(symbol)s ngày %(date)s của %(issuer)s: %(summary)s") % {
            "kind": item.kind.name,
            "symbol": item.symbol,
            "date": item.issued_on.strftime("%d/%m/%Y"),
            "issuer": item.issuer.name,
            "summary": item.summary,
        }

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.kind.name, *([item.field.name] if item.field_id else [])]
