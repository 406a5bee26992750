"""RSS and Atom feeds: all news, per category, per union body (published articles only)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from news.models import Article, Category
from organizations.models import UnionBody

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    language = "vi"

    def title(self, obj=None):
        return settings.PORTAL["name"]

    def link(self, obj=None):
        return "/"

    def description(self, obj=None):
        return _("Tin mới từ %(name)s") % {"name": settings.PORTAL["tagline"]}

    def articles(self, obj=None):
        return Article.objects.published()

    def items(self, obj=None):
        return self.articles(obj).for_listing()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [item.category.name]


class LatestArticlesAtom(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class CategoryFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj=None):
        return f"{obj.name} – {settings.PORTAL['short_name']}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def articles(self, obj=None):
        return Article.objects.published().filter(category=obj)


class CategoryAtom(CategoryFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class BodyFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(UnionBody, slug=slug)

    def title(self, obj=None):
        return _("Tin tức từ và về %(body)s") % {"body": obj.name}

    def link(self, obj=None):
        return obj.get_absolute_url()

    def articles(self, obj=None):
        return Article.objects.published().about_body(obj)


class BodyAtom(BodyFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description
