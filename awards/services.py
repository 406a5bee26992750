"""Workflows on commendation decisions that span several models."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from awards.models import Decision
from lsunion.text import normalise
from lsunion.versioning import versioned


@transaction.atomic
@versioned(_("Thu hồi quyết định"))
def revoke_decision(
    *,
    decision: Decision,
    revoked_on: date,
    revoking_decision: Decision | None = None,
    revoking_reference: str = "",
    reason: str = "",
) -> Decision:
    """Revoke a decision: it stays visible, marked, with the decision that revoked it.

    The revoking decision is linked when it is recorded here; otherwise its number as written
    (“45/QĐ-LĐLĐ”) is enough.
    """
    if revoking_decision is None and not revoking_reference.strip():
        raise ValueError("A revocation needs the revoking decision or its number.")
    decision.status = Decision.Status.REVOKED
    decision.revoked_on = revoked_on
    decision.revoked_by = revoking_decision
    decision.revoked_by_reference = (
        revoking_decision.reference if revoking_decision else revoking_reference
    )
    decision.revocation_reason = reason
    decision.save()
    return decision


@transaction.atomic
@versioned(_("Huỷ việc thu hồi quyết định"))
def restore_decision(*, decision: Decision) -> Decision:
    """Undo a revocation recorded by mistake."""
    decision.status = Decision.Status.IN_FORCE
    decision.revoked_on = None
    decision.revoked_by = None
    decision.revoked_by_reference = ""
    decision.revocation_reason = ""
    decision.save()
    return decision


def find_decision(text: str) -> Decision:
    """The decision named on a command line: its id, or its number as written (“123/QĐ-LĐLĐ”).

    Raises Decision.DoesNotExist, or Decision.MultipleObjectsReturned when the number is used
    by several bodies or years.
    """
    text = (text or "").strip()
    if text.isdigit():
        found = Decision.objects.filter(pk=int(text)).first() if len(text) < 18 else None
        if found is not None:
            return found
    number, _, code = text.partition("/")
    matches = Decision.objects.filter(number__iexact=number.strip()).select_related("issuing_body")
    # Codes carry Đ, which SQLite's iexact does not fold: compare them in search form.
    candidates = [d for d in matches[:50] if not code or normalise(d.code) == normalise(code)]
    if not candidates:
        raise Decision.DoesNotExist(text)
    if len(candidates) > 1:
        raise Decision.MultipleObjectsReturned(
            [
                f"{d.pk}: {d.reference} ({d.issued_on:%d/%m/%Y}, {d.issuing_body})"
                for d in candidates
            ]
        )
    return candidates[0]
