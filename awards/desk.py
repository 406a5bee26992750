"""The commendation office's part of the staff desk: decisions still being entered."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from awards.models import Decision
from lsunion.desk import Item, Panel
from organizations import permissions

LIMIT = 8


def provide(request):
    user = request.user
    if not permissions.may(user, "change", model=Decision):
        return [], {}
    entering = (
        permissions.filter_queryset(user, Decision.objects.filter(is_published=False))
        .select_related("issuing_body")
        .annotate(people=Count("recipients"))
        .order_by("-issued_on", "-pk")
    )
    total = entering.count()
    panel = Panel(
        "decisions",
        _("Quyết định đang nhập (chưa công bố)"),
        total,
        [
            Item(
                str(decision),
                reverse("admin:awards_decision_change", args=[decision.pk]),
                _("%(count)d tập thể, cá nhân") % {"count": decision.people},
            )
            for decision in entering[:LIMIT]
        ],
        reverse("admin:awards_decision_changelist") + "?is_published__exact=0",
        _("Không có quyết định nào đang nhập dở."),
    )
    counts = {("awards", "decision"): _("%(count)d đang nhập") % {"count": total}} if total else {}
    return [panel], counts
