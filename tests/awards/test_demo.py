"""The demo content: the seed's Văn Quan decision and a few more, loadable again and again."""

import pytest
from django.core.management import call_command

from awards.models import Decision, Recipient

pytestmark = pytest.mark.django_db


def test_demo_loads_the_van_quan_decision_and_more_years_idempotently(client):
    call_command("load_demo", stdout=None)
    counts = (Decision.objects.count(), Recipient.objects.count())
    call_command("load_demo", stdout=None)
    assert (Decision.objects.count(), Recipient.objects.count()) == counts

    van_quan = Decision.objects.get(
        issuing_body__slug="lien-doan-lao-dong-huyen-van-quan", year=2020
    )
    assert van_quan.recipients.filter(kind="collective").count() == 11
    assert van_quan.recipients.filter(kind="individual").count() == 17
    assert van_quan.meeting.slug == "so-ket-6-thang-dau-nam-2020-ldld-van-quan"
    assert all(
        "(dữ liệu mẫu)" in r.full_name for r in van_quan.recipients.filter(kind="individual")
    )
    assert "Dữ liệu mẫu" in van_quan.note
    years = set(Decision.objects.values_list("year", flat=True))
    assert min(years) <= 2016 and max(years) >= 2025 and len(years) >= 6
    assert Decision.objects.revoked().count() == 1
    assert client.get("/khen-thuong/").status_code == 200
    page = client.get(van_quan.get_absolute_url()).content.decode()
    assert '<th scope="col">Thành tích</th>' in page  # every demo decision says what for
    assert not Recipient.objects.filter(achievement="").exists()
    linked = van_quan.recipients.filter(unit="LĐLĐ huyện Văn Quan")
    assert {r.unit_body.slug for r in linked} == {"lien-doan-lao-dong-huyen-van-quan"}
