"""Dates are shown as Vietnamese readers know them, in Lạng Sơn's time zone."""

from datetime import UTC, date, datetime

import pytest

from lsunion.dates import date_line, long_date, short_date, short_datetime
from tests.factories import ArticleFactory


def test_date_line_reads_like_the_old_portal_in_local_time():
    # 10:03 UTC is 17:03 in Asia/Ho_Chi_Minh.
    assert date_line(datetime(2020, 7, 14, 10, 3, tzinfo=UTC)) == "Thứ ba, 14 Tháng 7 2020 17:03"
    assert date_line(datetime(2016, 2, 1, 9, 50, tzinfo=UTC)) == "Thứ hai, 01 Tháng 2 2016 16:50"


@pytest.mark.parametrize(
    ("day", "weekday"),
    [(9, "Thứ hai"), (10, "Thứ ba"), (11, "Thứ tư"), (12, "Thứ năm"), (13, "Thứ sáu"),
     (14, "Thứ bảy"), (15, "Chủ nhật")],
)  # fmt: skip
def test_every_weekday_has_its_vietnamese_name(day, weekday):
    assert date_line(datetime(2026, 11, day, 1, 0, tzinfo=UTC)).startswith(weekday + ",")


def test_late_evening_utc_is_the_next_day_in_vietnam():
    moment = datetime(2021, 2, 28, 21, 51, tzinfo=UTC)
    assert short_datetime(moment) == "04:51 01/03/2021"
    assert short_date(moment) == "01/03/2021"
    assert date_line(moment) == "Thứ hai, 01 Tháng 3 2021 04:51"


def test_long_date_as_decisions_write_it():
    assert long_date(date(2020, 7, 13)) == "ngày 13 tháng 7 năm 2020"


@pytest.mark.django_db
def test_article_page_shows_the_date_line(client):
    article = ArticleFactory(published_at=datetime(2020, 7, 14, 10, 3, tzinfo=UTC))
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Thứ ba, 14 Tháng 7 2020 17:03" in page
    assert 'datetime="2020-07-14T17:03:00+07:00"' in page
