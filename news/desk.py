"""The news part of the staff desk: what waits for review, a reporter's drafts and returned
articles with the editor's comment, scheduled and recent articles, photos without a file."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lsunion.desk import Item, Panel
from news.models import Article, ArticleEvent
from organizations import permissions

LIMIT = 8


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y") if moment else ""


def _change(article) -> str:
    return reverse("admin:news_article_change", args=[article.pk])


def _list(query: str) -> str:
    return reverse("admin:news_article_changelist") + query


def _with_last_step(queryset):
    last = ArticleEvent.objects.filter(article=OuterRef("pk")).order_by("-at", "-pk")
    return queryset.annotate(
        last_action=Subquery(last.values("action")[:1]),
        last_comment=Subquery(last.values("comment")[:1]),
        last_at=Subquery(last.values("at")[:1]),
    )


def provide(request):
    user = request.user
    panels, counts = [], {}
    if not permissions.may(user, "view", model=Article) and not permissions.may(
        user, "change", model=Article
    ):
        return panels, counts
    scoped = permissions.filter_queryset(user, Article.objects.all())
    may_publish = permissions.may(user, "publish", model=Article)

    if may_publish:
        waiting = _with_last_step(scoped.filter(status=Article.Status.REVIEW)).order_by(
            "updated_at"
        )
        total = waiting.count()
        panels.append(
            Panel(
                "review",
                _("Bài chờ tôi duyệt"),
                total,
                [
                    Item(a.title, _change(a), _("gửi lúc %(when)s") % {"when": _when(a.last_at)})
                    for a in waiting[:LIMIT]
                ],
                _list("?status__exact=review"),
                _("Không có bài nào chờ duyệt."),
            )
        )
        if total:
            counts[("news", "article")] = _("%(count)d chờ duyệt") % {"count": total}

    mine = _with_last_step(Article.objects.filter(created_by=user, status=Article.Status.DRAFT))
    returned = mine.filter(last_action=ArticleEvent.Action.RETURNED).order_by("-last_at")
    drafts = mine.filter(
        Q(last_action__isnull=True) | ~Q(last_action=ArticleEvent.Action.RETURNED)
    ).order_by("-updated_at")
    returned_total = returned.count()
    if returned_total or not may_publish:
        panels.append(
            Panel(
                "returned",
                _("Bài của tôi bị trả lại"),
                returned_total,
                [
                    Item(
                        a.title,
                        _change(a),
                        _("trả lại lúc %(when)s") % {"when": _when(a.last_at)},
                        a.last_comment or "",
                    )
                    for a in returned[:LIMIT]
                ],
                _list("?cua_toi=tra-lai"),
                _("Không có bài nào bị trả lại."),
            )
        )
        if returned_total and ("news", "article") not in counts:
            counts[("news", "article")] = _("%(count)d bị trả lại") % {"count": returned_total}
    if not may_publish or drafts.exists():
        panels.append(
            Panel(
                "drafts",
                _("Bản nháp của tôi"),
                drafts.count(),
                [
                    Item(a.title, _change(a), _("sửa lúc %(when)s") % {"when": _when(a.updated_at)})
                    for a in drafts[:LIMIT]
                ],
                _list("?cua_toi=nhap"),
                _("Chưa có bản nháp nào. Bấm “Thêm vào” cạnh “Bài viết” để viết bài mới."),
            )
        )

    if may_publish:
        scheduled = scoped.scheduled().order_by("published_at")
        panels.append(
            Panel(
                "scheduled",
                _("Bài hẹn giờ xuất bản"),
                scheduled.count(),
                [
                    Item(
                        a.title,
                        _change(a),
                        _("lên trang lúc %(when)s") % {"when": _when(a.published_at)},
                    )
                    for a in scheduled[:LIMIT]
                ],
                _list("?hien_thi=scheduled"),
                _("Không có bài nào hẹn giờ."),
            )
        )
        recent = scoped.published().order_by("-published_at")
        panels.append(
            Panel(
                "recent",
                _("Vừa xuất bản"),
                recent.count(),
                [Item(a.title, _change(a), _when(a.published_at)) for a in recent[:LIMIT]],
                _list("?hien_thi=visible"),
                _("Chưa có bài nào được xuất bản."),
            )
        )

    if may_publish:  # the editors can mend published articles; reporters only drafts
        lacking = (
            scoped.annotate(missing=Count("photos", filter=Q(photos__image="")))
            .filter(missing__gt=0)
            .order_by("-published_at")
        )
        total = lacking.count()
        if total:
            panels.append(
                Panel(
                    "photos",
                    _("Ảnh chưa có tệp (bài nhập từ cổng cũ)"),
                    total,
                    [
                        Item(
                            a.title,
                            _change(a),
                            _("%(count)d ảnh chưa có tệp") % {"count": a.missing},
                        )
                        for a in lacking[:LIMIT]
                    ],
                    _list("?thieu_anh=1"),
                )
            )
    return panels, counts
