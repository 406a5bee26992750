"""Vietnamese alphabetical order (D < Đ < E, tones in dictionary order) on both databases."""

import random

import pytest
from django.db import connections

from lsunion.collation import sort_key
from organizations.models import UnionBody

NAMES_IN_ORDER = [
    "An Bình",
    "Ăn Uống",
    "Ân Thi",
    "Bắc Sơn",
    "Dương Đông",
    "Đình Lập",
    "Đồng Đăng",
    "Em",
    "Ê Đê",
    "ha",
    "Ha",
    "Hà",
    "Hả",
    "Ha long",
    "Hạ Long",
    "Hà Nội",
    "Lạng Sơn",
    "Ô Môn",
    "Ơ",
    "Ư",
    "Văn Quan",
    "Y Tý",
]


def test_sort_key_orders_vietnamese_letters_and_tones():
    shuffled = random.Random(7).sample(NAMES_IN_ORDER, len(NAMES_IN_ORDER))
    assert sorted(shuffled, key=sort_key) == NAMES_IN_ORDER


@pytest.mark.django_db(databases="__all__")
def test_every_database_sorts_names_in_vietnamese_order(settings):
    # On PostgreSQL runs the test settings add an SQLite database, so both engines are checked.
    vendors = set()
    for alias in settings.DATABASES:
        for index, name in enumerate(reversed(NAMES_IN_ORDER)):
            UnionBody(name=name, slug=f"{alias}-{index}").save(using=alias)
        ordered = UnionBody.objects.using(alias).in_vietnamese_order()
        assert list(ordered.values_list("name", flat=True)) == NAMES_IN_ORDER, alias
        vendors.add(connections[alias].vendor)
    assert "sqlite" in vendors


@pytest.mark.django_db
def test_directory_lists_d_before_d_stroke_before_e(client):
    for name in ["Công đoàn Em", "Công đoàn Đình", "Công đoàn Dương"]:
        UnionBody.objects.create(name=name)
    page = client.get("/to-chuc/", {"q": "cong doan"}).content.decode()
    assert page.index("Công đoàn Dương") < page.index("Công đoàn Đình") < page.index("Công đoàn Em")
