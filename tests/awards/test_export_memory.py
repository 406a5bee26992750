"""Exports of ten years of commendations run in bounded memory: rows are written as read.

Measured with tracemalloc around the admin's own export links: five times the rows may
cost only the bigger file itself (held a few times over while it is written and sent), not
one Python object per row.
"""

import tracemalloc

import pytest
from django.urls import reverse

from awards.models import Decision, Recipient
from tests.factories import DecisionFactory

pytestmark = pytest.mark.django_db


def add_recipients(decision, start: int, count: int) -> None:
    Recipient.objects.bulk_create(
        Recipient(
            decision=decision, kind=Recipient.Kind.INDIVIDUAL, order=n,
            full_name=f"Hoàng Thị Hạnh {n}", position="Giáo viên", unit="Trường THPT Văn Quan",
            achievement="Hoàn thành xuất sắc nhiệm vụ năm học.", verification_code=f"M{n:08d}",
            match_key=f"individual|hoang thi hanh {n}|truong thpt van quan",
        )
        for n in range(start, start + count)
    )  # fmt: skip


def add_decisions(like, count: int) -> None:
    """More decisions of the same body and form, written in one statement."""
    Decision.objects.bulk_create(
        Decision(number=f"{9000 + n}", code=like.code, issued_on=like.issued_on,
                 year=like.year, issuing_body=like.issuing_body, form=like.form,
                 reason=like.reason, is_published=True)
        for n in range(count)
    )  # fmt: skip


def peak_and_size(client, url: str) -> tuple[int, int]:
    client.get(url)  # imports, templates and caches warmed outside the measurement
    tracemalloc.start()
    try:
        response = client.get(url)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 200
    return peak, len(response.content)


@pytest.mark.parametrize(
    ("what", "fmt"), [("recipients", "csv"), ("recipients", "xlsx"), ("decisions", "csv")]
)
def test_an_export_five_times_larger_costs_only_its_bigger_file(staff_client, what, fmt):
    model = "recipient" if what == "recipients" else "decision"
    url = reverse(f"admin:awards_{model}_export", args=[what, fmt])
    decisions = [DecisionFactory(), DecisionFactory()]

    for i, decision in enumerate(decisions):
        add_recipients(decision, i * 100_000, 300)  # above the iterator's 500-row chunk
    small_peak, small_size = peak_and_size(staff_client, url)
    if what == "decisions":
        add_decisions(decisions[0], 1500)
    for i, decision in enumerate(decisions):
        add_recipients(decision, i * 100_000 + 300, 1200)
    large_peak, large_size = peak_and_size(staff_client, url)

    assert large_size > small_size
    growth = large_peak - small_peak
    # The file is held at most ~4 times (buffer, its copy, the response); rows cost nothing.
    assert growth < 4 * (large_size - small_size) + 1_000_000, (small_peak, large_peak, large_size)
