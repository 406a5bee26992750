from django.contrib.sitemaps import Sitemap

from news.models import Article, Category


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return (
            Article.objects.published().only("slug", "updated_at").order_by("-published_at", "-pk")
        )

    def lastmod(self, article):
        return article.updated_at


class CategorySitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Category.objects.all()
