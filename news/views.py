import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, TemplateView

from lsunion import images
from lsunion.cache import cached_for_version, public_page
from lsunion.collation import vi_order
from lsunion.site import absolute
from news import popularity
from news.models import Article, ArticleSlugHistory, Category
from organizations import permissions
from organizations.models import Person, UnionBody

HOME_FEATURED = 5
HOME_LATEST = 10
HOME_PER_CATEGORY = 4
RELATED_COUNT = 5
SIDE_LATEST = 6


@method_decorator(public_page, name="dispatch")
class HomeView(TemplateView):
    template_name = "news/home.html"

    def get_context_data(self, **kwargs):
        # Which articles go where is worked out once per content version; the rows
        # themselves are read fresh, in one query.
        featured_ids, latest_ids, block_ids = cached_for_version("home-article-ids", home_ids)
        most_read_ids = popularity.cached_most_read_ids()
        wanted = [
            *featured_ids,
            *latest_ids,
            *most_read_ids,
            *(pk for ids in block_ids for pk in ids),
        ]
        found = Article.objects.published().for_listing().in_bulk(wanted)
        blocks = [[found[pk] for pk in ids if pk in found] for ids in block_ids]
        featured = [found[pk] for pk in featured_ids if pk in found]
        return super().get_context_data(
            lead=featured[0] if featured else None,
            featured=featured[1:],
            latest=[found[pk] for pk in latest_ids if pk in found],
            most_read=[found[pk] for pk in most_read_ids if pk in found],
            category_blocks=[(articles[0].category, articles) for articles in blocks if articles],
            **kwargs,
        )


def home_ids() -> tuple[list[int], list[int], list[list[int]]]:
    """The home page's featured and latest articles, and each home category's newest, as ids."""
    published = Article.objects.published().for_listing()
    featured = list(published.filter(is_featured=True).values_list("pk", flat=True)[:HOME_FEATURED])
    latest = list(published.exclude(pk__in=featured).values_list("pk", flat=True)[:HOME_LATEST])
    on_home = Category.objects.filter(on_home=True).values_list("pk", flat=True)
    blocks: dict[int, list[Article]] = {}
    # A story on top is not shown again in its category's block.
    for article in (
        Article.objects.published()
        .exclude(pk__in=featured)
        .latest_per_category(HOME_PER_CATEGORY, category_ids=on_home)
    ):
        blocks.setdefault(article.category_id, []).append(article)
    ordered = sorted(blocks.values(), key=lambda a: (a[0].category.order, a[0].category.name))
    return featured, latest, [[article.pk for article in articles] for articles in ordered]


class ArticlePaginator(Paginator):
    """Django's paginator, made cheap for ten years of articles.

    The count is taken once per content version, and a page first finds its twenty ids in the
    list's index (an index-only read) before reading those rows, so page 500 costs about what
    page 1 does instead of reading and dropping 10,000 rows (OFFSET).
    """

    def __init__(self, *args, count_key: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        return cached_for_version(self.count_key, self.object_list.count)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = self.object_list.values("pk")[bottom:top]
        return self._get_page(self.object_list.filter(pk__in=ids), number, self)


@method_decorator(public_page(params=["page"]), name="dispatch")
class CategoryView(ListView):
    template_name = "news/category_detail.html"
    paginate_by = 20
    context_object_name = "articles"

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return Article.objects.published().filter(category=self.category).for_listing()

    def get_paginator(self, queryset, per_page, **kwargs):
        return ArticlePaginator(
            queryset, per_page, count_key=f"category-count:{self.category.pk}", **kwargs
        )

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


@method_decorator(public_page(params=["page"]), name="dispatch")
class BodyNewsView(ListView):
    """Every published article from or about one union body."""

    template_name = "news/body_news.html"
    paginate_by = 20
    context_object_name = "articles"

    def get_queryset(self):
        self.body = get_object_or_404(UnionBody, slug=self.kwargs["slug"])
        return Article.objects.published().about_body(self.body).for_listing()

    def get_paginator(self, queryset, per_page, **kwargs):
        return ArticlePaginator(
            queryset, per_page, count_key=f"body-news-count:{self.body.pk}", **kwargs
        )

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        return super().get_context_data(body=self.body, **kwargs)


class ArticleView(DetailView):
    """An article as readers see it; `preview` shows drafts to staff (never cached)."""

    template_name = "news/article_detail.html"
    context_object_name = "article"
    preview = False

    def get_queryset(self):
        articles = Article.objects.all() if self.preview else Article.objects.published()
        return (
            articles.select_related("category", "source_body", "meeting")
            # Long texts the page never shows: the search forms and the body's description.
            .defer(
                "search_text",
                "search_title",
                "source_body__description",
                "source_body__search_text",
                "source_body__aliases",
                "meeting__summary",
                "meeting__outcomes",
                "meeting__search_text",
                "meeting__search_title",
            )
            .prefetch_related(
                "photos",
                Prefetch(
                    "mentioned_bodies",
                    UnionBody.objects.only("pk", "name", "slug").order_by(vi_order("name"), "pk"),
                ),
                Prefetch(
                    "mentioned_people",
                    Person.objects.only("pk", "full_name", "slug").order_by("full_name", "pk"),
                ),
            )
        )

    def get_object(self, queryset=None):
        queryset = self.get_queryset()
        if self.preview:
            return get_object_or_404(queryset, pk=self.kwargs["pk"])
        return get_object_or_404(queryset, slug=self.kwargs["slug"])

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            if self.preview:
                raise
            moved = (
                ArticleSlugHistory.objects.filter(
                    slug=self.kwargs["slug"], article__in=Article.objects.published()
                )
                .select_related("article")
                .first()
            )
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(moved.article.get_absolute_url())

    def get_context_data(self, **kwargs):
        article = self.object
        pdf_url = None if self.preview else reverse("news:article-pdf", args=[article.slug])
        related = related_articles(article)
        shown = {article.pk, *(item.pk for item in related)}
        latest = Article.objects.published().for_listing()[: SIDE_LATEST + len(shown)]
        return super().get_context_data(
            related=related,
            side_latest=[item for item in latest if item.pk not in shown][:SIDE_LATEST],
            is_preview=self.preview,
            now=timezone.now(),
            cover_url=cover_url(article),
            structured_data=news_article_data(article),
            reader_pdf_url=pdf_url,
            **kwargs,
        )


def related_articles(article) -> list[Article]:
    """Articles about the same people or bodies first, then the newest of the same category.

    Two queries whatever the archive's size: the mentions are read from the few most recent
    rows of the link tables (an article naming "LĐLĐ tỉnh" shares it with thousands).
    """
    published = Article.objects.published().exclude(pk=article.pk).for_listing()
    people = [person.pk for person in article.mentioned_people.all()]
    bodies = [body.pk for body in article.mentioned_bodies.all()]
    by_people = Article.mentioned_people.through.objects.filter(person_id__in=people)
    by_bodies = Article.mentioned_bodies.through.objects.filter(unionbody_id__in=bodies)
    recent = RELATED_COUNT * 40
    sharing = list(
        published.filter(
            Q(pk__in=by_people.order_by("-article_id").values("article_id")[:recent])
            | Q(pk__in=by_bodies.order_by("-article_id").values("article_id")[:recent])
        )[:RELATED_COUNT]
    )
    same_category = published.filter(category_id=article.category_id)[:RELATED_COUNT]
    seen = {item.pk for item in sharing}
    return [*sharing, *(item for item in same_category if item.pk not in seen)][:RELATED_COUNT]


# Counted around the page cache, so a reader served a cached copy is counted too.
article_detail = popularity.counted(public_page(ArticleView.as_view()))


def cover_url(article) -> str:
    """Absolute address of the article's picture for link previews (a 960 px rendition)."""
    if not article.cover_image:
        return ""
    name = article.cover_image.name
    size = images.size_from_name(name)
    if size and 960 in images.rendition_widths(size[0]):
        name = images.rendition_name(name, 960, "jpg")
    return absolute(default_storage.url(name))


def news_article_data(article) -> dict:
    """schema.org NewsArticle, for search engines."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.summary,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.updated_at.isoformat() if article.updated_at else None,
        "mainEntityOfPage": absolute(article.get_absolute_url()),
        "inLanguage": "vi",
        "articleSection": article.category.name,
        "publisher": {"@type": "Organization", "name": settings.PORTAL["name"]},
    }
    if article.byline:
        data["author"] = {"@type": "Person", "name": article.byline}
    elif article.source_body:
        data["author"] = {"@type": "Organization", "name": article.source_body.name}
    if article.cover_image:
        data["image"] = [cover_url(article)]
    return {key: value for key, value in data.items() if value}


def article_pdf(request, slug):
    """Xuất PDF: a published article as `<slug>.pdf`, rendered once per content version."""
    from news.pdf.render import render_article_pdf  # WeasyPrint loads Pango: only when asked

    article = get_object_or_404(
        Article.objects.published()
        .select_related("category", "source_body")
        .prefetch_related("photos"),
        slug=slug,
    )
    address = absolute(article.get_absolute_url())
    data = cached_for_version(
        f"article-pdf:{article.pk}:{hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()}",
        lambda: render_article_pdf(article, address=address),
        timeout=settings.PAGE_CACHE_TIMEOUT,
    )
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{article.slug}.pdf"
    )
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


@require_POST
def editor_image_upload(request):
    """CKEditor 5's image upload: editors only, images only, cleaned like every other image."""
    user = request.user
    # Editors with articles to write: the right permission and at least one body in scope.
    if not permissions.may(user, "change", model=Article) or permissions.scope_ids(user) == set():
        return JsonResponse({"error": {"message": "Bạn không có quyền tải ảnh lên."}}, status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": "Chưa chọn tệp ảnh."}}, status=400)
    try:
        name = images.store(upload, timezone.localdate().strftime("uploads/%Y/%m"))
    except ValidationError as error:
        return JsonResponse({"error": {"message": " ".join(error.messages)}}, status=400)
    return JsonResponse({"url": default_storage.url(name)})
