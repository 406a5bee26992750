"""The mail part of the staff desk: mail the portal could not send, for whoever may resend it."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lsunion.desk import Item, Panel
from lsunion.models import OutgoingMail

LIMIT = 5


def provide(request):
    if not request.user.has_perm("lsunion.view_outgoingmail"):
        return [], {}
    failed = OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED)
    total = failed.count()
    if not total:
        return [], {}
    items = [
        Item(
            mail.subject,
            reverse("admin:lsunion_outgoingmail_change", args=[mail.pk]),
            _("%(attempts)d lần thử, lần cuối %(when)s: %(error)s")
            % {
                "attempts": mail.attempts,
                "when": timezone.localtime(mail.last_attempt_at).strftime("%H:%M %d/%m/%Y")
                if mail.last_attempt_at
                else "",
                "error": mail.last_error[:80],
            },
        )
        for mail in failed.order_by("-last_attempt_at")[:LIMIT]
    ]
    panel = Panel(
        "mail",
        _("Thư chưa gửi được"),
        total,
        items,
        reverse("admin:lsunion_outgoingmail_changelist") + "?status__exact=failed",
    )
    return [panel], {("lsunion", "outgoingmail"): _("%(count)d gửi lỗi") % {"count": total}}
