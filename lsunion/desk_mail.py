"""The mail part of the staff desk: mail the portal could not send, for whoever may resend it."""

from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lsunion.desk import Item, Panel
from lsunion.models import OutgoingMail

LIMIT = 5
# A mail still waiting after this long means no worker is running (db_worker): say so too.
STUCK_AFTER = timedelta(minutes=15)


def provide(request):
    if not request.user.has_perm("lsunion.view_outgoingmail"):
        return [], {}
    stuck = Q(status=OutgoingMail.Status.QUEUED, created_at__lt=timezone.now() - STUCK_AFTER)
    failed = OutgoingMail.objects.filter(Q(status=OutgoingMail.Status.FAILED) | stuck)
    total = failed.count()
    if not total:
        return [], {}
    items = [
        Item(
            mail.subject,
            reverse("admin:lsunion_outgoingmail_change", args=[mail.pk]),
            _note(mail),
        )
        for mail in failed.order_by("-created_at")[:LIMIT]
    ]
    panel = Panel(
        "mail",
        _("Thư chưa gửi được"),
        total,
        items,
        reverse("admin:lsunion_outgoingmail_changelist"),
    )
    return [panel], {("lsunion", "outgoingmail"): _("%(count)d chưa gửi được") % {"count": total}}


def _note(mail: OutgoingMail) -> str:
    if mail.status == OutgoingMail.Status.QUEUED:
        return _("chưa gửi từ %(when)s: hàng đợi gửi thư (db_worker) có thể đang không chạy") % {
            "when": _when(mail.created_at)
        }
    return _("%(attempts)d lần thử, lần cuối %(when)s: %(error)s") % {
        "attempts": mail.attempts,
        "when": _when(mail.last_attempt_at),
        "error": mail.last_error[:80],
    }


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y") if moment else ""
