"""The rules of the record hold in the database itself, whatever writes to it."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from awards import services
from awards.models import CODE_ALPHABET, CODE_LENGTH, Decision, Recipient
from tests.factories import DecisionFactory, RecipientFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db


def _fails(**create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create.pop("model").objects.create(**create)


def test_a_decision_number_is_unique_per_issuing_body_and_year():
    first = DecisionFactory(number="123", issued_on=date(2020, 7, 8))
    body = first.issuing_body
    with pytest.raises(IntegrityError), transaction.atomic():
        DecisionFactory(number="123", issuing_body=body, issued_on=date(2020, 12, 1))
    DecisionFactory(number="123", issuing_body=body, issued_on=date(2021, 1, 5))  # next year
    DecisionFactory(number="123", issued_on=date(2020, 7, 8))  # another body


def test_the_year_column_cannot_disagree_with_the_date_even_through_update():
    decision = DecisionFactory(issued_on=date(2020, 7, 8))
    assert decision.year == 2020
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(year=2019)


def test_a_decision_names_a_form_or_a_title():
    with pytest.raises(IntegrityError), transaction.atomic():
        DecisionFactory(form=None, title=None)


def test_a_revoked_decision_must_say_by_which_decision_and_when():
    decision = DecisionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(status="revoked")
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.filter(pk=decision.pk).update(revoked_by_reference="45/QĐ-LĐLĐ")
    services.revoke_decision(
        decision=decision, revoked_on=date(2025, 3, 10), revoking_reference="19/QĐ-LĐLĐ"
    )
    decision.refresh_from_db()
    assert decision.is_revoked and decision.revoked_by_reference == "19/QĐ-LĐLĐ"


def test_a_recipient_is_collective_xor_individual_with_the_matching_fields():
    decision = DecisionFactory()
    body = UnionBodyFactory()
    bad = [
        {"kind": "individual", "full_name": ""},  # individual without a name
        {"kind": "individual", "full_name": "Nguyễn Văn An", "body": body},  # and a body
        {"kind": "individual", "full_name": "Nguyễn Văn An", "collective_name": "Tổ Văn"},
        {"kind": "collective"},  # collective without body or name
        {"kind": "collective", "collective_name": "Tổ Văn", "full_name": "Nguyễn Văn An"},
        {"kind": "collective", "body": body, "position": "Chủ tịch"},
        {"kind": "someone", "full_name": "Nguyễn Văn An"},
    ]
    for n, fields in enumerate(bad):
        _fails(model=Recipient, decision=decision, verification_code=f"BAD{n}", **fields)
    Recipient.objects.create(
        decision=decision, kind="collective", body=body, verification_code="OK1"
    )
    Recipient.objects.create(
        decision=decision, kind="individual", full_name="Nguyễn Văn An", verification_code="OK2"
    )


def test_the_same_recipient_cannot_be_listed_twice_in_a_decision():
    first = RecipientFactory(full_name="Nguyễn Văn An", unit="Trường THPT Văn Quan")
    with pytest.raises(IntegrityError), transaction.atomic():
        # Same person written in NFD, in capitals and with stray spaces: the same natural key.
        RecipientFactory(
            decision=first.decision, full_name="  NGUYỄN  VĂN AN ", unit="truong thpt van quan"
        )
    RecipientFactory(decision=first.decision, full_name="Nguyễn Văn An", unit="Trường THCS")


def test_verification_codes_are_short_unique_and_from_an_unambiguous_alphabet():
    codes = {RecipientFactory().verification_code for _ in range(30)}
    assert len(codes) == 30
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("01OIL") & set(CODE_ALPHABET)
    recipient = RecipientFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Recipient.objects.filter(pk=recipient.pk).update(verification_code=next(iter(codes)))


def test_text_is_stored_in_nfc_without_stray_spaces_and_searchable_without_diacritics():
    nfd = "Hoa\u0300ng Thi\u0323 Ha\u0323nh"
    recipient = RecipientFactory(full_name=f"  {nfd}\u00a0 ", unit="CĐCS Trường  THPT Đình Lập")
    recipient.refresh_from_db()
    assert recipient.full_name == "Hoàng Thị Hạnh"
    assert recipient.unit == "CĐCS Trường THPT Đình Lập"
    assert "hoang thi hanh" in recipient.search_text
    assert "cdcs truong thpt dinh lap" in recipient.search_text
    assert "cong doan co so truong thpt dinh lap" in recipient.search_text
