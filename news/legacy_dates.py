"""Dates in old-portal exports: the page's date line, or the first date the text gives.

A date line is recognised by what it is made of, not by a list of layouts: a short line holding
one date (numeric, ISO, or "14 Tháng 7 2020" with the month as a number or a word), perhaps a
time, a weekday and a few connecting words ("ngày", "lúc", "đăng", "cập nhật", "GMT+7"), and
nothing else. Times are the portal's local time (Asia/Ho_Chi_Minh).
"""

import re
from datetime import datetime

from django.utils import timezone

MAX_DATE_LINE = 90
FIRST_YEAR, LAST_YEAR = 1990, 2100

_MONTH_WORDS = {
    "mười hai": 12, "mười một": 11, "mười": 10, "một": 1, "giêng": 1, "hai": 2, "ba": 3,
    "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "chạp": 12,
}  # fmt: skip
_MONTH_WORD = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))

_DATES = [
    # 14/7/2020, 14-07-2020, 14.07.2020
    re.compile(
        r"(?<![\d/.\-])(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})\s?[/.\-]\s?(?P<y>\d{4})(?![\d/])"
    ),
    # 2020-07-14 (ISO)
    re.compile(r"(?<![\d/.\-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d/\-])"),
    # 14 Tháng 7 2020, ngày 14 tháng 7 năm 2020, 14 tháng Bảy, 2020
    re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})\s*tháng\s*(?:(?P<m>\d{{1,2}})|(?P<mw>{_MONTH_WORD}))"
        rf"\s*(?:năm|,|/)?\s*(?P<y>\d{{4}})(?!\d)",
        re.IGNORECASE,
    ),
]
_TIME = re.compile(
    r"(?<![\d/+])(?P<H>\d{1,2})\s*(?::|h|giờ)\s*(?P<M>\d{2})?(?:\s*(?::\d{2}|phút|'))?"
    r"(?:\s*(?P<half>am|pm|sa|ch)\b)?(?![\d/])",
    re.IGNORECASE,
)
# What may stand beside the date and time on a date line.
_FILLER = re.compile(
    r"thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|\bcn\b|\bt[2-7]\b|"
    r"ngày\s*đăng|đăng\s*ngày|đăng\s*lúc|ngày\s*cập\s*nhật|cập\s*nhật(?:\s*lúc)?|"
    r"thời\s*gian(?:\s*đăng)?|ngày|lúc|đăng|vào|"
    r"\(?\s*(?:gmt|utc)\s*\+\s*0?7(?::?00)?\s*\)?|\bict\b|"
    r"posted(?:\s*on)?|published|updated|\bon\b|\bat\b|"
    r"[\s,|\-–—:()\[\]/.•·]+",
    re.IGNORECASE,
)
# A date in the text that is the date of a cited document ("58/KH-TLĐ ngày 25/9/2014").
_CITATION_BEFORE = re.compile(r"\d+\s*[/\-]\s*[A-ZĐ][\w\-/]*\s*,?\s*(?:ngày\s*)?$")


def date_line(line: str) -> datetime | None:
    """The moment a date line gives, or None if the line is anything more than a date."""
    if len(line) > MAX_DATE_LINE:
        return None
    for pattern in _DATES:
        match = pattern.search(line)
        if not match:
            continue
        rest = line[: match.start()] + " " + line[match.end() :]
        hour = minute = 0
        time = _TIME.search(rest)
        if time:
            hour, minute = _clock(time)
            rest = rest[: time.start()] + " " + rest[time.end() :]
        if _FILLER.sub("", rest):
            return None
        return _moment(match, hour, minute)
    return None


def first_date_in_text(text: str) -> datetime | None:
    """The first full date the text gives; a cited document's date only when nothing else is."""
    found: list[tuple[int, bool, datetime]] = []
    for pattern in _DATES:
        for match in pattern.finditer(text):
            moment = _moment(match)
            if moment:
                cited = bool(
                    _CITATION_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
                )
                found.append((match.start(), cited, moment))
    own = [entry for entry in found if not entry[1]]
    chosen = min(own or found, default=None)
    return chosen[2] if chosen else None


def _clock(match: re.Match) -> tuple[int, int]:
    hour, minute = int(match["H"]), int(match["M"] or 0)
    half = (match["half"] or "").lower()
    if half in {"pm", "ch"} and hour < 12:
        hour += 12
    elif half in {"am", "sa"} and hour == 12:
        hour = 0
    return hour, minute


def _moment(match: re.Match, hour: int = 0, minute: int = 0) -> datetime | None:
    parts = match.groupdict()
    month = parts.get("m")
    month_number = int(month) if month else _MONTH_WORDS.get((parts.get("mw") or "").lower())
    try:
        naive = datetime(int(parts["y"]), month_number or 0, int(parts["d"]), hour, minute)
    except (TypeError, ValueError):
        return None
    if not FIRST_YEAR <= naive.year <= LAST_YEAR:
        return None
    return timezone.make_aware(naive, timezone.get_default_timezone())
