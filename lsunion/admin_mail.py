"""Thư gửi đi: what the portal sent or could not send, and "Gửi lại ngay" for the chief editor."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lsunion import mail
from lsunion.models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = [
        "subject",
        "kind",
        "recipients_short",
        "status",
        "attempts",
        "error_short",
        "created_at",
        "next_attempt_at",
        "sent_at",
    ]
    list_filter = ["status", "kind", "created_at"]
    search_fields = ["subject", "recipients", "last_error"]
    date_hierarchy = "created_at"
    actions = ["send_now"]
    fields = [
        "kind",
        "subject",
        "recipients",
        "body",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "sent_at",
    ]
    readonly_fields = fields

    @admin.display(description=_("người nhận"))
    def recipients_short(self, obj):
        addresses = obj.recipient_list
        more = len(addresses) - 2
        shown = ", ".join(addresses[:2])
        return shown + (f" (+{more})" if more > 0 else "")

    @admin.display(description=_("lỗi lần cuối"))
    def error_short(self, obj):
        return obj.last_error[:120]

    @admin.action(description=_("Gửi lại ngay các thư đã chọn"), permissions=["send"])
    def send_now(self, request, queryset):
        sent = failed = 0
        errors = []
        for outgoing in queryset.exclude(status=OutgoingMail.Status.SENT):
            if mail.send(outgoing.pk, retry=False):
                sent += 1
            else:
                failed += 1
                outgoing.refresh_from_db()
                errors.append(outgoing.last_error)
        if sent:
            self.message_user(
                request, ngettext("Đã gửi %d thư.", "Đã gửi %d thư.", sent) % sent, messages.SUCCESS
            )
        if failed:
            self.message_user(
                request,
                ngettext(
                    "%(count)d thư vẫn chưa gửi được: %(error)s",
                    "%(count)d thư vẫn chưa gửi được: %(error)s",
                    failed,
                )
                % {"count": failed, "error": errors[0]},
                messages.ERROR,
            )
        if not sent and not failed:
            self.message_user(request, _("Các thư đã chọn đều đã gửi."), messages.INFO)

    def has_send_permission(self, request):
        return request.user.has_perm("lsunion.send_outgoingmail")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
