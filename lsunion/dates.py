"""Dates as Vietnamese readers know them: "Thứ ba, 14 Tháng 7 2020 17:03"."""

from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _


def weekday_name(value: date) -> str:
    names = (
        _("Thứ hai"),
        _("Thứ ba"),
        _("Thứ tư"),
        _("Thứ năm"),
        _("Thứ sáu"),
        _("Thứ bảy"),
        _("Chủ nhật"),
    )
    return names[value.weekday()]


def _local(value: datetime) -> datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def machine_datetime(value: datetime | None) -> str:
    """The local time to the second for <time datetime>: "2020-07-14T17:03:09+07:00".

    HTML allows at most three digits of a second's fraction; Python's isoformat() gives six.
    """
    if not value:
        return ""
    return _local(value).replace(microsecond=0).isoformat()


def date_line(value: datetime | None) -> str:
    """Thứ ba, 14 Tháng 7 2020 17:03 (in Asia/Ho_Chi_Minh)."""
    if not value:
        return ""
    value = _local(value)
    return _("%(weekday)s, %(day)02d Tháng %(month)d %(year)d %(time)s") % {
        "weekday": weekday_name(value),
        "day": value.day,
        "month": value.month,
        "year": value.year,
        "time": value.strftime("%H:%M"),
    }


def short_datetime(value: datetime | None) -> str:
    """04:51 01/03/2021."""
    if not value:
        return ""
    value = _local(value)
    return value.strftime("%H:%M %d/%m/%Y")


def short_date(value: date | datetime | None) -> str:
    """01/03/2021."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = _local(value)
    return value.strftime("%d/%m/%Y")


def long_date(value: date | datetime | None) -> str:
    """ngày 13 tháng 7 năm 2020, as decisions and minutes write it."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = _local(value)
    return _("ngày %(day)d tháng %(month)d năm %(year)d") % {
        "day": value.day,
        "month": value.month,
        "year": value.year,
    }
