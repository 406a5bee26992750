"""What news contributes to site search (registered in NewsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from lsunion.html import strip_tags
from lsunion.search.registry import SearchSource
from news.models import Article, Category

SNIPPET_BODY = 3000  # within highlight.PASSAGE_SCAN, so that the byline is reached
VOCABULARY_ARTICLES = 5000  # the newest titles; older news repeats the same words


def vocabulary():
    yield from Category.objects.values_list("name", flat=True)
    titles = Article.objects.published().order_by("-published_at", "-pk")
    yield from titles.values_list("title", flat=True)[:VOCABULARY_ARTICLES]


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
    # The byline last: quoted when it is what matched ("… Tin và ảnh: Đỗ Thị Gấm").
    snippet=lambda article: " ".join(
        [article.summary, strip_tags(article.body)[:SNIPPET_BODY], article.byline]
    ),
    title_of=lambda article: article.title,
    vocabulary=vocabulary,
    exact=lambda article: " ".join(
        [article.title, article.summary, article.byline, strip_tags(article.body)]
    ),
)
