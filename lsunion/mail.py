"""Every mail the portal sends goes through here: kept as a thư gửi đi, sent by a task.

No request talks to the mail server. `queue()` stores the mail inside the caller's
transaction and, once that commits, hands it to the tasks framework (the database backend's
`db_worker` in production). The task tries to send; on failure the mail is marked "gửi lỗi"
with the error, tried again after growing pauses, and its first failure is logged once. The
chief editor sees the list in the admin (Thư gửi đi) and can send a mail again at once.
"""

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from lsunion.models import OutgoingMail

logger = logging.getLogger(__name__)

# The pause before each automatic retry; after the last one a person decides ("Gửi lại ngay").
RETRY_PAUSES = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
)


def queue(*, subject: str, body: str, to: Iterable[str], kind: str = "") -> OutgoingMail | None:
    """Record a mail and send it in the background once the current transaction commits."""
    recipients = list(
        dict.fromkeys(address.strip() for address in to if address and address.strip())
    )
    if not recipients:
        return None
    mail = OutgoingMail.objects.create(
        kind=kind, subject=subject, body=body, recipients="\n".join(recipients)
    )
    transaction.on_commit(lambda: _hand_over(mail.pk))
    return mail


def send(mail_id: int, *, retry: bool = True) -> bool:
    """One attempt to send a queued mail; never raises. `retry`: schedule the next attempt."""
    retry_at = None
    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None:
            return False
        if mail.status == OutgoingMail.Status.SENT:
            return True
        first_failure = not mail.last_error
        mail.attempts += 1
        mail.last_attempt_at = timezone.now()
        try:
            EmailMessage(
                mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, mail.recipient_list
            ).send()
        except Exception as error:  # noqa: BLE001 - any failure of the mail server is recorded
            mail.status = OutgoingMail.Status.FAILED
            mail.last_error = f"{type(error).__name__}: {error}"[:2000]
            if retry:
                retry_at = _next_attempt(mail)
                mail.next_attempt_at = retry_at
            mail.save()
            if first_failure:
                logger.warning(
                    "Mail %s (%s) could not be sent, will retry: %s",
                    mail.pk,
                    mail.subject,
                    mail.last_error,
                )
        else:
            mail.status = OutgoingMail.Status.SENT
            mail.sent_at = mail.last_attempt_at
            mail.next_attempt_at = None
            mail.save()
    if retry_at is not None:
        transaction.on_commit(lambda: _hand_over(mail_id, run_after=retry_at))
    return mail.status == OutgoingMail.Status.SENT


@task()
def deliver(mail_id: int) -> bool:
    """The background task: one attempt, and the next one scheduled if it fails."""
    return send(mail_id)


def _next_attempt(mail: OutgoingMail) -> datetime | None:
    if mail.attempts > len(RETRY_PAUSES) or not deliver.get_backend().supports_defer:
        return None
    return mail.last_attempt_at + RETRY_PAUSES[mail.attempts - 1]


def _hand_over(mail_id: int, run_after: datetime | None = None) -> None:
    # The mail is already stored: if the task queue itself fails, it stays "chờ gửi" in the
    # admin for a person to send, and the request that queued it still succeeds.
    try:
        (deliver.using(run_after=run_after) if run_after else deliver).enqueue(mail_id)
    except Exception:
        logger.exception("Mail %s could not be handed to the task queue", mail_id)
