"""Exports of ten years of commendations run in bounded memory: rows are written as read."""

from collections.abc import Iterator

import pytest

from awards import exporting
from awards.models import Decision, Recipient

pytestmark = pytest.mark.django_db


def test_export_rows_come_one_at_a_time_from_a_database_iterator_not_a_list():
    assert isinstance(exporting.recipient_rows(Recipient.objects.all()), Iterator)
    assert isinstance(exporting.decision_rows(Decision.objects.all()), Iterator)
