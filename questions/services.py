"""What happens to a question: received, routed, answered, published, declined, forgotten.

Plain functions with keyword-only arguments; the views, the admin, the command and the tests
all call these. Permission checks happen here too, through organizations.permissions.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lsunion import mail
from lsunion.site import absolute
from lsunion.text import normalise
from organizations import permissions
from organizations.matching import match_body
from organizations.models import UnionBody
from questions import antiabuse, attachments
from questions.models import ContactMessage, Question, Submission, UsedChallenge

# Bodies that do not answer questions themselves: the union above them does.
NOT_ANSWERING = {UnionBody.Kind.GRASSROOTS, UnionBody.Kind.SUB_UNIT}


class Refused(Exception):
    """A post that may not be stored now (a flood, a replayed proof of work)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _living(body: UnionBody | None) -> UnionBody | None:
    """The body, or the one that took over its work after a merger or dissolution."""
    seen = set()
    while body is not None and body.is_dissolved and body.successor_id and body.pk not in seen:
        seen.add(body.pk)
        body = body.successor
    return body


def _answering(body: UnionBody | None) -> UnionBody | None:
    """The first body at or above `body` that answers workers (above grassroots)."""
    seen = set()
    while body is not None and body.kind in NOT_ANSWERING and body.pk not in seen:
        seen.add(body.pk)
        body = _living(body.parent)
    return body


def province() -> UnionBody | None:
    return UnionBody.objects.current().filter(kind=UnionBody.Kind.PROVINCIAL).order_by("pk").first()


def route(*, workplace: str, district: UnionBody | None) -> UnionBody | None:
    """The body whose staff answer: the union above the asker's workplace when the directory
    knows it, else the district federation chosen (or its successor), else the province.
    None (no body at all in the directory): only those who act everywhere see it."""
    if workplace:
        found = match_body(workplace, mentions=False)
        if found.matched:
            body = _answering(_living(UnionBody.objects.filter(pk=found.body_id).first()))
            if body is not None:
                return body
    if district is not None:
        body = _answering(_living(district))
        if body is not None:
            return body
    return province()


def _contacts(data: dict) -> list[str]:
    return [data.get("phone", ""), data.get("email", "")]


@transaction.atomic
def receive_question(*, data: dict, address: str, proof: str) -> Question:
    """Store a question sent from the public form, then (after commit) acknowledge it by mail.

    Raises Refused for a flood or a replayed proof of work; nothing is stored then except
    the count of the attempt."""
    _guard(kind="question", data=data, address=address, proof=proof)
    question = Question(
        title=data["title"],
        text=data["text"],
        topic=data["topic"],
        workplace=data.get("workplace", ""),
        district=data.get("district"),
        asker_name="" if data.get("is_anonymous") else data.get("asker_name", ""),
        is_anonymous=bool(data.get("is_anonymous")),
        phone=data.get("phone", ""),
        email=data.get("email", ""),
    )
    question.body = route(workplace=question.workplace, district=question.district)
    upload = data.get("attachment")
    if upload:
        cleaned = attachments.cleaned(upload)
        question.attachment.save(cleaned.name, cleaned, save=False)
    question.save()
    antiabuse.record(kind="question", address=address, contacts=_contacts(data), accepted=True)
    _acknowledge(question)
    return question


@transaction.atomic
def receive_contact_message(*, data: dict, address: str, proof: str) -> ContactMessage:
    """Store a message from the Liên hệ page for the province (or the body asked)."""
    _guard(kind="contact", data=data, address=address, proof=proof)
    message = ContactMessage(
        name=data.get("name", ""),
        phone=data.get("phone", ""),
        email=data.get("email", ""),
        subject=data["subject"],
        text=data["text"],
        body=data.get("body") or province(),
    )
    if message.body is None:
        raise Refused(_("Cổng thông tin chưa có đơn vị nhận thư liên hệ."))
    message.save()
    antiabuse.record(kind="contact", address=address, contacts=_contacts(data), accepted=True)
    return message


def _guard(*, kind: str, data: dict, address: str, proof: str) -> None:
    reason = antiabuse.refusal(kind=kind, address=address, contacts=_contacts(data))
    if reason is None and not antiabuse.spend(proof):
        reason = _("Bước xác minh này đã được dùng. Hãy bấm ô xác minh lần nữa rồi gửi lại.")
    if reason is not None:
        raise Refused(reason)


def record_refused(*, kind: str, address: str, data: dict) -> None:
    """Count a post that was refused (invalid, honeypot, no proof of work, flood)."""
    antiabuse.record(kind=kind, address=address, contacts=_contacts(data), accepted=False)


def _acknowledge(question: Question) -> None:
    if not question.email:
        return
    mail.queue(
        kind=_("Xác nhận câu hỏi"),
        subject=_("Đã nhận câu hỏi của bạn – mã %(code)s") % {"code": question.display_code},
        body=_(
            "Công đoàn tỉnh Lạng Sơn đã nhận câu hỏi “%(title)s”.\n\n"
            "Mã theo dõi: %(code)s\nXem tình trạng câu hỏi tại: %(url)s\n\n"
            "Thư này được gửi tự động, xin đừng trả lời thư."
        )
        % {
            "title": question.title,
            "code": question.display_code,
            "url": absolute(question.get_tracking_url()),
        },
        to=[question.email],
    )


# --- answering (staff) -------------------------------------------------------------------


def _check(user, action: str, question: Question) -> None:
    if user is not None and not permissions.may(user, action, question):
        raise PermissionDenied(_("Bạn không có quyền với câu hỏi này."))


def personal_details_left(question: Question) -> list[str]:
    """What in the public version still names or reaches the asker (for staff, in words)."""
    public = normalise(
        " ".join([question.public_title, question.public_question, question.public_answer])
    )
    digits = re.sub(r"\D", "", " ".join([question.public_title, question.public_question,
                                         question.public_answer]))  # fmt: skip
    left = []
    phone = re.sub(r"\D", "", question.phone)
    if len(phone) >= 6 and phone[-6:] in digits:
        left.append(_("số điện thoại của người hỏi"))
    if (
        question.email
        and question.email.lower()
        in " ".join(
            [question.public_title, question.public_question, question.public_answer]
        ).lower()
    ):
        left.append(_("thư điện tử của người hỏi"))
    for label, value in (
        (_("tên người hỏi"), question.asker_name),
        (_("nơi làm việc của người hỏi"), question.workplace),
    ):
        words = normalise(value)
        if words and len(words.split()) >= 2 and f" {words} " in f" {public} ":
            left.append(label)
    return left


def check_publishable(question: Question) -> None:
    """Refuse a public version that is incomplete or still carries the asker's details."""
    errors = {}
    if not question.public_title:
        errors["public_title"] = _("Hãy viết tiêu đề công khai.")
    if not question.public_answer:
        errors["public_answer"] = _("Hãy viết câu trả lời công khai.")
    left = personal_details_left(question)
    if left:
        errors["public_question"] = _(
            "Bản công khai còn chứa %(what)s. Hãy bỏ đi trước khi công khai."
        ) % {"what": ", ".join(str(item) for item in left)}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def answer(
    *, question: Question, by, text: str, show_on_tracking: bool = True, send_mail: bool = False
) -> Question:
    """Answer the asker privately: on the tracking page and/or by mail (queued, never sent here)."""
    _check(by, "change", question)
    now = timezone.now()
    question.private_answer = text
    question.show_answer_on_tracking = show_on_tracking
    question.status = Question.Status.ANSWERED
    question.answered_at = question.answered_at or now
    question.answered_by = question.answered_by or by
    question.closed_at = question.closed_at or now
    if send_mail and question.email and text.strip():
        mail_answer(question=question)
        question.answer_mailed_at = now
    question.save()
    return question


def mail_answer(*, question: Question) -> None:
    mail.queue(
        kind=_("Trả lời câu hỏi"),
        subject=_("Trả lời câu hỏi “%(title)s”") % {"title": question.title},
        body=_(
            "Công đoàn tỉnh Lạng Sơn trả lời câu hỏi của bạn (mã %(code)s):\n\n%(answer)s\n\n"
            "Xem lại tại: %(url)s"
        )
        % {
            "code": question.display_code,
            "answer": question.private_answer,
            "url": absolute(question.get_tracking_url()),
        },
        to=[question.email],
    )


@transaction.atomic
def decline(*, question: Question, by, reason: str) -> Question:
    _check(by, "change", question)
    if not reason.strip():
        raise ValidationError({"decline_reason": _("Hãy ghi lý do từ chối.")})
    question.status = Question.Status.DECLINED
    question.decline_reason = reason
    question.closed_at = question.closed_at or timezone.now()
    question.save()
    return question


@transaction.atomic
def submit_public_version(*, question: Question, by) -> Question:
    """A reporter hands the edited public version to those who may publish it."""
    _check(by, "change", question)
    question.publication = Question.Publication.REVIEW
    question.save()
    notify_approvers(question=question)
    return question


@transaction.atomic
def publish(*, question: Question, by, confirmed: bool) -> Question:
    """Publish the edited public version. `confirmed`: the staff member checked that names
    and workplaces are gone (the form's required box); without it nothing is published."""
    _check(by, "publish", question)
    if not confirmed:
        raise ValidationError(
            {"confirm_anonymised": _("Hãy xác nhận đã bỏ tên người và nơi làm việc.")}
        )
    check_publishable(question)
    now = timezone.now()
    question.anonymised_confirmed = True
    question.publication = Question.Publication.PUBLISHED
    question.published_at = question.published_at or now
    question.approved_by = by
    if question.status in (Question.Status.RECEIVED, Question.Status.ANSWERING):
        question.status = Question.Status.ANSWERED
        question.answered_at = question.answered_at or now
        question.answered_by = question.answered_by or by
        question.closed_at = question.closed_at or now
    question.save()
    return question


@transaction.atomic
def return_public_version(*, question: Question, by) -> Question:
    _check(by, "publish", question)
    question.publication = Question.Publication.DRAFT
    question.save()
    return question


@transaction.atomic
def unpublish(*, question: Question, by) -> Question:
    _check(by, "publish", question)
    question.publication = Question.Publication.DRAFT
    question.anonymised_confirmed = False
    question.save()
    return question


def approvers(question: Question) -> list:
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    return [user for user in users if permissions.may(user, "publish", question)]


def notify_approvers(*, question: Question) -> None:
    mail.queue(
        kind=_("Hỏi đáp chờ duyệt"),
        subject=_("Hỏi đáp chờ duyệt: %(title)s") % {"title": question.public_title},
        body=_("Có bản hỏi đáp chờ duyệt công khai:\n\n%(title)s\n%(url)s")
        % {
            "title": question.public_title,
            "url": absolute(reverse("admin:questions_question_change", args=[question.pk])),
        },
        to=[user.email for user in approvers(question)],
    )


# --- retention ---------------------------------------------------------------------------


def erase_expired_contacts(*, now=None) -> dict[str, int]:
    """Erase what identifies askers and senders once the retention period after a question
    was closed (or a message received) has passed; also forget old rate-limit counts and
    spent challenges. Safe to run daily: what is erased is not touched again."""
    now = now or timezone.now()
    before = now - timedelta(days=settings.QUESTIONS_CONTACT_RETENTION_DAYS)
    erased_questions = 0
    for question in Question.objects.contacts_expired(before=before).iterator():
        with transaction.atomic():
            if question.attachment:
                question.attachment.delete(save=False)
            question.asker_name = ""
            question.phone = ""
            question.email = ""
            question.workplace = ""
            question.contacts_erased_at = now
            question.save()
            erased_questions += 1
    messages = ContactMessage.objects.filter(
        received_at__lt=before, contacts_erased_at__isnull=True
    )
    erased_messages = messages.update(name="", phone="", email="", contacts_erased_at=now)
    window = timedelta(seconds=settings.QUESTIONS_RATE_LIMITS["window_seconds"])
    old_counts, _ = Submission.objects.filter(at__lt=now - window).delete()
    expiry = timedelta(milliseconds=settings.ALTCHA_CHALLENGE_EXPIRE) * 2
    old_challenges, _ = UsedChallenge.objects.filter(at__lt=now - expiry).delete()
    return {
        "questions": erased_questions,
        "messages": erased_messages,
        "submissions": old_counts,
        "challenges": old_challenges,
    }
