"""Cached pages are never stale: every change a reader could see reaches the next reader."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.factories import ArticleFactory, SloganFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db


def local_midnight(day):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def test_a_new_slogan_is_on_the_cached_home_page_for_the_next_reader(client):
    assert "Người lao động là trung tâm" not in client.get("/").content.decode()

    SloganFactory(text="Người lao động là trung tâm")

    assert "Người lao động là trung tâm" in client.get("/").content.decode()


def test_a_slogan_dated_from_tomorrow_appears_on_the_cached_home_page_at_midnight(client):
    tomorrow = timezone.localdate() + timedelta(days=1)
    SloganFactory(text="Chào mừng Đại hội Công đoàn tỉnh lần thứ XVII", starts_on=tomorrow)
    assert "Đại hội Công đoàn tỉnh lần thứ XVII" not in client.get("/").content.decode()

    with time_machine.travel(local_midnight(tomorrow) + timedelta(seconds=1), tick=False):
        assert "Đại hội Công đoàn tỉnh lần thứ XVII" in client.get("/").content.decode()


def test_a_slogan_that_ends_today_leaves_the_cached_home_page_at_midnight(client):
    today = timezone.localdate()
    SloganFactory(text="Tháng Công nhân năm nay", ends_on=today)
    assert "Tháng Công nhân năm nay" in client.get("/").content.decode()

    with time_machine.travel(
        local_midnight(today + timedelta(days=1)) + timedelta(seconds=1), tick=False
    ):
        assert "Tháng Công nhân năm nay" not in client.get("/").content.decode()


def test_a_renamed_body_shows_its_new_name_on_cached_article_and_body_pages(client):
    body = UnionBodyFactory(name="Liên đoàn Lao động huyện Văn Quan")
    article = ArticleFactory(source_body=body)
    assert (
        "Liên đoàn Lao động huyện Văn Quan"
        in client.get(article.get_absolute_url()).content.decode()
    )
    assert (
        "Liên đoàn Lao động huyện Văn Quan" in client.get(body.get_absolute_url()).content.decode()
    )

    body.name = "Công đoàn khu vực Văn Quan"
    body.save()

    article_page = client.get(article.get_absolute_url()).content.decode()
    assert "Công đoàn khu vực Văn Quan" in article_page
    assert "Liên đoàn Lao động huyện Văn Quan" not in article_page
    assert (
        "<h1>Công đoàn khu vực Văn Quan</h1>"
        in client.get(body.get_absolute_url()).content.decode()
    )
