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


def _person() -> str:
    """The demo person with the most positions: the page has a timeline to show."""
    from django.db.models import Count

    from organizations.models import Person

    people = Person.objects.annotate(n=Count("positions")).order_by("-n", "pk")
    return people.first().get_absolute_url()


def _block() -> str:
    from organizations.models import EmulationBlock

    return EmulationBlock.objects.first().get_absolute_url()


def _body_news() -> str:
    from django.urls import reverse

    return reverse("news:body-news", kwargs={"slug": _reported_article().source_body.slug})


def _recipient(verification: bool = False) -> str:
    from awards.models import Recipient

    recipient = Recipient.objects.filter(decision__in=_decisions()).order_by("pk").first()
    return recipient.get_verification_url() if verification else recipient.get_absolute_url()


def _decisions():
    from awards.models import Decision

    return Decision.objects.published()


def _document() -> str:
    from documents.models import Document

    return Document.objects.published().get(symbol="34-CT/TW").get_absolute_url()


def _replaced_document() -> str:
    from documents.models import Document

    return Document.objects.published().filter(replaced_by__isnull=False).first().get_absolute_url()


def _answer():
    from questions.models import Question

    return Question.objects.published().exclude(law_changed_note="").first()


def _question() -> str:
    return _answer().get_absolute_url()


def _question_topic() -> str:
    return _answer().topic.get_absolute_url()


def _question_track() -> str:
    return _answer().get_tracking_url()


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
    Page("tim-kiem-trong", "/tim-kiem/"),
    Page("tim-kiem-khong-co", "/tim-kiem/?q=zzzyyxxq"),
    Page("tin-cua-to-chuc", _body_news),
    Page("nhan-su", _person),
    Page("khoi-thi-dua", "/khoi-thi-dua/"),
    Page("khoi-thi-dua-chi-tiet", _block),
    Page("nguoi-duoc-khen", _recipient),
    Page("xac-minh", lambda: _recipient(verification=True)),
    Page("van-ban", "/van-ban/"),
    Page("van-ban-chi-tiet", _document),
    Page("van-ban-bi-thay-the", _replaced_document),
    Page("tim-kiem-van-ban", "/tim-kiem/?q=34-CT%2FTW"),
    Page("hoi-dap", "/hoi-dap/"),
    Page("hoi-dap-chu-de", _question_topic),
    Page("hoi-dap-chi-tiet", _question),
    Page("gui-cau-hoi", "/hoi-dap/gui-cau-hoi/"),
    Page("theo-doi-cau-hoi", _question_track),
    Page("gui-thu-lien-he", "/lien-he/gui/"),
    Page("gioi-thieu", "/gioi-thieu/"),
    Page("lien-he", "/lien-he/"),
    Page("so-do-cong-thong-tin", "/so-do-cong-thong-tin/"),
]
