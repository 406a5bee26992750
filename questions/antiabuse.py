"""Spam and floods on the public forms, with no outside service.

- Proof of work (ALTCHA): the reader's browser solves a small hashing puzzle from our own
  static files; the server checks the answer's signature, its age, and that it was not used
  before (the spent challenges are kept in the database, so Redis being down changes nothing).
- A honeypot: a field people do not see and bots fill in.
- Rate limits per address and per contact over a window, counted in the database.

Addresses and contacts are kept only as keyed digests: enough to count, not to read back.
"""

import base64
import binascii
import hashlib
import hmac
import ipaddress
import json
import logging
from dataclasses import dataclass
from datetime import timedelta

import altcha
from django import forms
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_altcha import AltchaField, AltchaWidget

from questions.models import Submission, UsedChallenge

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "trang_web"


def digest(value: str) -> str:
    """A keyed digest of an address or contact: equal inputs give equal digests, and nothing
    else can be learned from it without the secret key."""
    key = hashlib.sha256(f"questions-rate:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, value.strip().lower().encode(), hashlib.sha256).hexdigest()


def client_address(request) -> str:
    """The reader's address; behind DJANGO_PROXY_COUNT proxies, the one they saw. An IPv6
    address counts by its /64 network, which one household or phone usually holds whole."""
    raw = request.META.get("REMOTE_ADDR", "") or ""
    proxies = int(getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0) or 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            raw = hops[-proxies]
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return raw[:64] or "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


@dataclass(frozen=True)
class Limits:
    per_address: int
    per_contact: int
    attempts: int  # every post from one address, refused ones included
    window: timedelta


def limits() -> Limits:
    conf = settings.QUESTIONS_RATE_LIMITS
    return Limits(
        per_address=conf["per_address"],
        per_contact=conf["per_contact"],
        attempts=conf["attempts"],
        window=timedelta(seconds=conf["window_seconds"]),
    )


def refusal(*, kind: str, address: str, contacts: list[str]) -> str | None:
    """Why this post is refused for now (a flood), in Vietnamese; None when it may go on."""
    rules = limits()
    since = timezone.now() - rules.window
    recent = Submission.objects.filter(kind=kind, at__gte=since)
    from_address = recent.filter(address=digest(address))
    minutes = max(1, int(rules.window.total_seconds() // 60))
    wait = ngettext(
        "Vui lòng thử lại sau %(minutes)d phút.", "Vui lòng thử lại sau %(minutes)d phút.", minutes
    ) % {"minutes": minutes}
    if from_address.count() >= rules.attempts:
        return str(_("Máy của bạn đã gửi biểu mẫu quá nhiều lần trong thời gian ngắn. ")) + wait
    if from_address.filter(accepted=True).count() >= rules.per_address:
        return str(_("Từ máy của bạn đã có nhiều câu gửi đến trong thời gian ngắn. ")) + wait
    keys = [digest(c) for c in contacts if c]
    same_contact = Q(contact__in=keys) | Q(contact_alt__in=keys)
    if keys and recent.filter(same_contact, accepted=True).count() >= rules.per_contact:
        return (
            str(_("Số điện thoại hoặc thư điện tử này đã gửi nhiều câu trong thời gian ngắn. "))
            + wait
        )
    return None


def record(*, kind: str, address: str, contacts: list[str], accepted: bool) -> None:
    """Count one post (in the caller's transaction when it stores a question)."""
    keys = [digest(c) for c in contacts if c][:2]
    keys += [""] * (2 - len(keys))
    Submission.objects.create(
        kind=kind, address=digest(address), contact=keys[0], contact_alt=keys[1], accepted=accepted
    )


# --- proof of work -----------------------------------------------------------------------


def challenge_of(payload: str) -> str | None:
    """The challenge a solved payload answers, or None when the payload is not readable."""
    try:
        data = json.loads(base64.b64decode(payload, validate=False).decode())
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        return None
    challenge = data.get("challenge") if isinstance(data, dict) else None
    return challenge if isinstance(challenge, str) and 0 < len(challenge) <= 128 else None


def spend(payload: str) -> bool:
    """Mark the payload's challenge as used; False when it had been used already (a replay)."""
    challenge = challenge_of(payload)
    if challenge is None:
        return False
    try:
        with transaction.atomic():
            UsedChallenge.objects.create(challenge=challenge)
    except IntegrityError:
        return False
    return True


def widget_strings() -> str:
    """The widget's own words in Vietnamese (its bundled translations are not loaded)."""
    return json.dumps(
        {
            "ariaLinkLabel": str(_("Mở trang ALTCHA")),
            "error": str(_("Chưa xác minh được. Hãy thử lại.")),
            "expired": str(_("Phiên xác minh đã hết hạn. Hãy bấm xác minh lại.")),
            "footer": "",
            "label": str(_("Tôi không phải là máy (trình duyệt tự giải một phép tính nhỏ)")),
            "loading": str(_("Đang tải…")),
            "reload": str(_("Tải lại")),
            "verify": str(_("Xác minh")),
            "verificationRequired": str(_("Cần xác minh trước khi gửi.")),
            "verified": str(_("Đã xác minh")),
            "verifying": str(_("Đang xác minh…")),
            "waitAlert": str(_("Đang xác minh… xin chờ trong giây lát.")),
        },
        ensure_ascii=False,
    )


class ProofOfWorkWidget(AltchaWidget):
    template_name = "questions/widgets/proof_of_work.html"


class ProofOfWorkField(AltchaField):
    """ALTCHA's field with Vietnamese messages. The widget fetches its challenge from our
    own address (and a fresh one when a long question outlasts it). The challenge is spent
    when the form is stored (spend()), so a form refused for another reason can be resent."""

    widget = ProofOfWorkWidget
    default_error_messages = {
        "error": _(
            "Không kiểm tra được bước xác minh chống thư rác. Hãy bấm ô xác minh rồi gửi lại."
        ),
        "invalid": _("Bước xác minh chống thư rác không hợp lệ. Hãy bấm ô xác minh rồi gửi lại."),
        "required": _(
            "Chưa qua bước xác minh chống thư rác. Bước này cần JavaScript: hãy bật JavaScript, "
            "bấm ô xác minh rồi gửi lại. Nội dung bạn đã nhập vẫn được giữ nguyên."
        ),
        "replay": _("Bước xác minh này đã được dùng. Hãy bấm ô xác minh lần nữa rồi gửi lại."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Xác minh chống thư rác"))
        super().__init__(
            challengeurl=reverse_lazy("questions:challenge"),
            auto="onfocus",
            hidefooter=True,
            hidelogo=True,
            maxnumber=settings.QUESTIONS_PROOF_OF_WORK_MAX_NUMBER,
            strings=widget_strings(),
            **kwargs,
        )

    def widget_attrs(self, widget):
        return {}

    def validate(self, value):
        forms.Field.validate(self, value)
        if not value or len(value) > 4000:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        try:
            verified, _error = altcha.verify_solution(
                payload=value, hmac_key=settings.ALTCHA_HMAC_KEY, check_expires=True
            )
        except Exception:  # noqa: BLE001 - junk payloads raise anything; all are a refusal
            verified = False
        challenge = challenge_of(value)
        if not verified or challenge is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if UsedChallenge.objects.filter(challenge=challenge).exists():
            raise forms.ValidationError(self.error_messages["replay"], code="replay")


class HoneypotField(forms.CharField):
    """Left empty by people (it is off screen and skipped by the keyboard), filled by bots."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            label=_("Để trống ô này"),
            max_length=200,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
            **kwargs,
        )

    def validate(self, value):
        super().validate(value)
        if value:
            raise forms.ValidationError(
                _("Ô “Để trống ô này” phải để trống. Hãy xoá nội dung trong ô đó rồi gửi lại."),
                code="honeypot",
            )
