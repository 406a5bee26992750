"""What news contributes to site search (registered in NewsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from lsunion.html import strip_tags
from lsunion.search.registry import SearchSource
from news.models import Article


def _in_category(queryset, slug):
    return queryset.filter(category__slug=str(slug)[:140])


SOURCE = SearchSource(
    key="tin-bai",
    label=_("Tin bài"),
    # What a result card shows, and no more: each joined column costs query-building time.
    queryset=lambda: (
        Article.objects.published()
        .select_related("category")
        .only(
            "title",
            "slug",
            "summary",
            "body",
            "byline",
            "published_at",
            "search_text",
            "category__name",
            "category__slug",
        )
    ),
    result_template="news/search_result.html",
    title_field="search_title",
    text_field="search_text",
    date_field="published_at",
    order=10,
    window=5000,  # about half a year of news here
    filters={"chuyen_muc": _in_category},
    snippet=lambda article: f"{article.summary} {strip_tags(article.body)}",
    title_of=lambda article: article.title,
    exact=lambda article: " ".join(
        [article.title, article.summary, article.byline, strip_tags(article.body)]
    ),
)
