"""Editorial workflows on articles: draft → submitted (chờ duyệt) → published, or returned.

Plain functions with keyword-only arguments; the admin, actions and tests all call these.
Permission checks happen here too, through organizations.permissions, so no caller can
publish what its user may not.
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lsunion import mail
from lsunion.versioning import versioned
from news.models import Article, ArticleEvent
from organizations import permissions


def _check(user, action: str, article: Article) -> None:
    if user is not None and not permissions.may(user, action, article):
        raise PermissionDenied(
            _("Bạn không có quyền với bài “%(title)s”.") % {"title": article.title}
        )


@transaction.atomic
@versioned(gettext_lazy("Gửi duyệt"))
def submit(*, article: Article, by) -> Article:
    """A reporter hands a draft to the editors; they are told by email (queued, never sent here)."""
    _check(by, "change", article)
    article.status = Article.Status.REVIEW
    article.updated_by = by
    article.save()
    ArticleEvent.objects.create(article=article, action=ArticleEvent.Action.SUBMITTED, by=by)
    notify_approvers(article=article)
    return article


@transaction.atomic
@versioned(gettext_lazy("Duyệt và xuất bản"))
def publish(*, articles: Iterable[Article], by=None, now: bool = True) -> int:
    """Approve and publish. `now`: a time in the future is brought forward; otherwise a
    future time is kept and the article appears by itself when due."""
    moment = timezone.now()
    count = 0
    for article in articles:
        _check(by, "publish", article)
        article.status = Article.Status.PUBLISHED
        if article.published_at is None or (now and article.published_at > moment):
            article.published_at = moment
        article.approved_by, article.approved_at = by, moment
        if by is not None:
            article.updated_by = by
        article.save()
        scheduled = article.published_at > moment
        action = ArticleEvent.Action.SCHEDULED if scheduled else ArticleEvent.Action.APPROVED
        ArticleEvent.objects.create(article=article, action=action, by=by)
        count += 1
    return count


@transaction.atomic
@versioned(lambda kw: _("Trả lại: %(comment)s") % {"comment": kw["comment"].strip()})
def return_to_author(*, article: Article, by, comment: str) -> Article:
    """Send a submitted article back to draft with the editor's comment."""
    _check(by, "publish", article)
    article.status = Article.Status.DRAFT
    article.updated_by = by
    article.save()
    ArticleEvent.objects.create(
        article=article, action=ArticleEvent.Action.RETURNED, comment=comment.strip(), by=by
    )
    author = article.created_by
    if author is not None and author.email:
        mail.queue(
            kind=_("Bài được trả lại"),
            subject=_("Bài “%(title)s” được trả lại") % {"title": article.title},
            body=_("Nhận xét của biên tập viên:\n\n%(comment)s\n\n%(url)s")
            % {"comment": comment, "url": _admin_url(article)},
            to=[author.email],
        )
    return article


@transaction.atomic
@versioned(gettext_lazy("Gỡ xuống"))
def unpublish(*, articles: Iterable[Article], by=None) -> int:
    """Take articles off the site; they go back to draft and keep their text and slug."""
    count = 0
    for article in articles:
        _check(by, "publish", article)
        article.status = Article.Status.DRAFT
        if by is not None:
            article.updated_by = by
        article.save()
        ArticleEvent.objects.create(article=article, action=ArticleEvent.Action.UNPUBLISHED, by=by)
        count += 1
    return count


def approvers(article: Article):
    """Active staff who may publish this article, with an email address."""
    users = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    return [user for user in users if permissions.may(user, "publish", article)]


def notify_approvers(*, article: Article) -> int:
    """Queue the "bài chờ duyệt" mail to everyone who may publish the article."""
    recipients = [user.email for user in approvers(article)]
    queued = mail.queue(
        kind=_("Bài chờ duyệt"),
        subject=_("Bài chờ duyệt: %(title)s") % {"title": article.title},
        body=_("Có bài mới chờ duyệt trên %(site)s:\n\n%(title)s\n%(url)s")
        % {
            "site": settings.PORTAL["short_name"],
            "title": article.title,
            "url": _admin_url(article),
        },
        to=recipients,
    )
    return len(queued.recipient_list) if queued else 0


def _admin_url(article: Article) -> str:
    return settings.SITE_URL + reverse("admin:news_article_change", args=[article.pk])
