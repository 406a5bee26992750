"""The Hỏi đáp part of the staff desk: questions waiting for an answer in the user's scope
(those given to them first), and public versions waiting for their review."""

from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lsunion.desk import Item, Panel
from organizations import permissions
from questions.models import Question

LIMIT = 8


def _change(question) -> str:
    return reverse("admin:questions_question_change", args=[question.pk])


def _list(query: str) -> str:
    return reverse("admin:questions_question_changelist") + query


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")


def provide(request):
    user = request.user
    panels, counts = [], {}
    if not permissions.may(user, "change", model=Question):
        return panels, counts
    scoped = permissions.filter_queryset(user, Question.objects.all())
    waiting = (
        scoped.open()
        .annotate(
            mine=Case(
                When(assigned_to=user, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("mine", "received_at")
        .only("pk", "title", "code", "received_at", "assigned_to")
    )
    total = waiting.count()
    panels.append(
        Panel(
            "questions",
            _("Câu hỏi chờ trả lời"),
            total,
            [
                Item(q.title, _change(q), _("gửi lúc %(when)s") % {"when": _when(q.received_at)})
                for q in waiting[:LIMIT]
            ],
            _list("?status__exact=received"),
            _("Không có câu hỏi nào chờ trả lời."),
        )
    )
    if total:
        counts[("questions", "question")] = _("%(count)d chờ trả lời") % {"count": total}
    if permissions.may(user, "publish", model=Question):
        review = scoped.filter(publication=Question.Publication.REVIEW).order_by("updated_at")
        in_review = review.count()
        if in_review:
            panels.append(
                Panel(
                    "questions-review",
                    _("Hỏi đáp chờ tôi duyệt công khai"),
                    in_review,
                    [Item(q.public_title, _change(q)) for q in review[:LIMIT]],
                    _list("?publication__exact=review"),
                )
            )
    return panels, counts
