"""The pages every browser check visits: axe in both themes at phone and desktop widths,
screenshots, and the largest text size on a phone.

To cover a new page, add one `Page` to PAGES: a name (used in test ids and screenshot
files) and a path, or a function returning the path when it depends on the demo content.
A page marked `optional` is skipped until its URL exists, so pages that other issues are
building are checked as soon as they land.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

from news.models import Article, Category


@dataclass(frozen=True)
class Page:
    name: str
    path: str | Callable[[], str]
    status: int = 200
    optional: bool = False

    def url(self) -> str:
        return self.path() if callable(self.path) else self.path

    def exists(self) -> bool:
        try:
            resolve(urlsplit(self.url()).path)
        except Resolver404:
            return False
        return True


def _category() -> str:
    return Category.objects.filter(articles__isnull=False).first().get_absolute_url()


def _reported_article() -> Article:
    """The demo article with the most parts: photos with captions, byline, source body."""
    return Article.objects.published().exclude(source_body=None).first()


def _article() -> str:
    return _reported_article().get_absolute_url()


def _body() -> str:
    return _reported_article().source_body.get_absolute_url()


def _meeting() -> str:
    from organizations.models import Meeting

    return Meeting.objects.filter(articles__isnull=False).first().get_absolute_url()


def _decision() -> str:
    from awards.models import Decision

    return Decision.objects.published().filter(recipients__isnull=False).first().get_absolute_url()


PAGES = [
    Page("trang-chu", "/"),
    Page("chuyen-muc", _category),
    Page("bai-viet", _article),
    Page("to-chuc", "/to-chuc/"),
    Page("to-chuc-cong-doan", _body),
    Page("khong-tim-thay", "/trang-khong-co/", status=404),
    Page("hoi-nghi", "/hoi-nghi/"),
    Page("hoi-nghi-chi-tiet", _meeting),
    Page("khen-thuong", "/khen-thuong/"),
    Page("quyet-dinh", _decision),
    Page("tim-kiem", "/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n"),
    Page("gioi-thieu", "/gioi-thieu/"),
    Page("lien-he", "/lien-he/"),
    Page("so-do-cong-thong-tin", "/so-do-cong-thong-tin/"),
]
