"""Read a plain-text export of an article from the federation's old portal.

An export is the text of the old page, top to bottom: the slogan line(s) of the banner,
sometimes a "Skip to main content" line and the reader-toolbar line, a category label in
capitals, the date line in one of several forms (or none), the title, the body paragraphs
with photos (a short label line – the old alt text – then usually a caption line), and at the
end a byline and/or the source body. Many exports repeat the page head (slogan, date, title)
above the page itself. The parser works from that structure, not from particular files.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from lsunion.text import clean_line, nfc

MAX_TITLE = 300
HEAD_WINDOW = 14


class NotAnArticle(ValueError):
    """The file cannot be read as an article export; the message says why (in Vietnamese)."""


@dataclass
class Photo:
    alt: str
    caption: str
    after_paragraph: int


@dataclass
class LegacyArticle:
    title: str
    published_at: datetime | None
    date_from: str  # "line" (the page's date line), "text" (first date in the text) or ""
    category: str
    blocks: list[tuple[str, str]]  # ("p" | "h2", text)
    photos: list[Photo] = field(default_factory=list)
    byline: str = ""
    source: str = ""
    slogans: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [text for kind, text in self.blocks if kind == "p"]

    @property
    def text(self) -> str:
        return "\n".join(text for _kind, text in self.blocks)


# --- reading ------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """Decode an export: UTF-8 (with or without BOM), else Windows-1258, the old Vietnamese code page."""
    if b"\x00" in data[:4096]:
        raise NotAnArticle("Tệp nhị phân, không phải văn bản.")
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NotAnArticle("Không đọc được bảng mã của tệp.")


# --- line classes -------------------------------------------------------------------------

_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn)"
_DATE_LINE_PATTERNS = [
    # Thứ ba, 14 Tháng 7 2020 17:03  |  Thứ ba, 14/7/2020 - 17:03
    re.compile(
        rf"^(?:{_WEEKDAY})\s*,?\s*(?:ngày\s*)?(?P<d>\d{{1,2}})\s*(?:tháng\s*|/|-)\s*(?P<m>\d{{1,2}})"
        rf"\s*(?:năm\s*|/|-|,)?\s*(?P<y>\d{{4}})\s*[,\-–|]?\s*(?:lúc\s*)?(?:(?P<H>\d{{1,2}})\s*[:h]\s*(?P<M>\d{{2}}))?"
        rf"\s*(?:\(?GMT\+7\)?)?$",
        re.IGNORECASE,
    ),
    # 04:51 01/03/2021
    re.compile(
        r"^(?P<H>\d{1,2})\s*[:h]\s*(?P<M>\d{2})\s*(?:,|-|–|ngày)?\s*(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})$",
        re.IGNORECASE,
    ),
    # 01/03/2021 04:51  |  01/03/2021  |  Ngày đăng: 01/03/2021
    re.compile(
        r"^(?:(?:ngày\s*đăng|đăng\s*ngày|cập\s*nhật|ngày|đăng\s*lúc)\s*:?\s*)?(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})"
        r"\s*(?:[,\-–|]|lúc)?\s*(?:(?P<H>\d{1,2})\s*[:h]\s*(?P<M>\d{2}))?$",
        re.IGNORECASE,
    ),
]
_DATE_IN_TEXT = [
    re.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})(?![\d/])"),
    re.compile(
        r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>(?:19|20)\d{2})",
        re.IGNORECASE,
    ),
]
_TOOLBAR_WORDS = ("chế độ ban đêm", "in trang", "xuất pdf", "đọc nội dung", "-a a +a")
_SKIP_LINK = re.compile(
    r"^(?:skip to (?:main )?content|bỏ qua(?: để)?(?: đến)? nội dung(?: chính)?|chuyển đến nội dung(?: chính)?)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;:!?…]$|\./\.$")
_HEADING = re.compile(r"^(?:[IVXLC]+\.|[0-9]+\.|[a-zđ]\)|Phần\s+\w+)\s", re.IGNORECASE)
_CREDIT = re.compile(
    r"^(?:tin\s*(?:và|,|&)?\s*ảnh|tin\s*,?\s*bài|bài\s*(?:và|,|&)\s*ảnh|bài|tin|ảnh|nguồn|theo|"
    r"tác giả|thực hiện|phóng viên|pv|ctv)\s*:",
    re.IGNORECASE,
)
_BODY_WORDS = re.compile(
    r"^(?:lđlđ|ldld|liên đoàn lao động|công đoàn|cđcs|cđ|ban\s|uỷ ban|ủy ban|văn phòng|tổng liên đoàn|tlđ)",
    re.IGNORECASE,
)
_SIGNATURE_DASH = re.compile(r"^(?P<person>[^\-–—:]{2,60}?)\s*[-–—]\s*(?P<body>.{2,80})$")
_SLOGAN_SPLIT = re.compile(r"(?:[ \t\u00a0]{3,}(?:[-–—][ \t\u00a0]{3,})?)")


def _is_toolbar(line: str) -> bool:
    low = line.lower()
    return sum(word in low for word in _TOOLBAR_WORDS) >= 2 or low in {"-a a +a", "a- a a+"}


def _is_chrome(line: str) -> bool:
    return bool(_SKIP_LINK.match(line)) or _is_toolbar(line)


def _date_line(line: str) -> datetime | None:
    if len(line) > 60:
        return None
    for pattern in _DATE_LINE_PATTERNS:
        match = pattern.match(line)
        if match:
            return _make_datetime(match)
    return None


def _make_datetime(match: re.Match) -> datetime | None:
    parts = match.groupdict()
    try:
        naive = datetime(
            int(parts["y"]),
            int(parts["m"]),
            int(parts["d"]),
            int(parts.get("H") or 0),
            int(parts.get("M") or 0),
        )
    except (ValueError, TypeError):
        return None
    if not 1990 <= naive.year <= 2100:
        return None
    return timezone.make_aware(naive, timezone.get_default_timezone())


def _is_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _is_category_label(line: str) -> bool:
    return _is_capitals(line) and len(line) <= 60 and len(line.split()) <= 7


def _title_like(line: str) -> bool:
    return (8 <= len(line) <= MAX_TITLE and not re.search(r"[.;:]$", line)) or line.endswith("...")


def _body_like(line: str) -> bool:
    return len(line) > 200 or (len(line) > 60 and bool(_SENTENCE_END.search(line)))


def _short_label(line: str) -> bool:
    """A photo's label or caption line: short, no sentence ending."""
    return (
        len(line) <= 300
        and len(line.split()) <= 45
        and not _SENTENCE_END.search(line)
        and not _HEADING.match(line)
    )


def _signature_like(line: str) -> bool:
    return (
        len(line) <= 80
        and len(line.split()) <= 12
        and not line.endswith((".", ":", ";", ",", "./."))
    )


# --- parsing ------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    return [line for line in (clean_line(raw) for raw in text.split("\n")) if line]


def _raw_head_lines(text: str) -> list[str]:
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    return [raw for raw in text.split("\n") if clean_line(raw)]


def _drop_repeated_head(lines: list[str]) -> int:
    """Exports often repeat the page head above the page: return where the page starts."""
    for j in range(1, min(len(lines), HEAD_WINDOW)):
        if lines[j] == lines[0] and j >= 2:
            return j
    return 0


def parse(text: str) -> LegacyArticle:
    """Parse an export's text into a LegacyArticle, or raise NotAnArticle saying why."""
    if re.search(r"<(?:!doctype|html|body|div|table)\b", text[:2000], re.IGNORECASE):
        raise NotAnArticle("Tệp là HTML, không phải bản xuất văn bản của tin bài.")
    raw_lines = [raw for raw in _raw_head_lines(text) if not _is_chrome(clean_line(raw))]
    lines = [clean_line(raw) for raw in raw_lines]
    if len(lines) < 2:
        raise NotAnArticle("Tệp quá ngắn, không có tiêu đề và nội dung.")

    start = _drop_repeated_head(lines)
    lines, raw_lines = lines[start:], raw_lines[start:]

    head_end = min(len(lines), HEAD_WINDOW)
    dates = {i: d for i in range(head_end) if (d := _date_line(lines[i]))}
    categories = [i for i in range(head_end) if i not in dates and _is_category_label(lines[i])]

    title_index = _find_title(lines, dates, categories, head_end)
    if title_index is None:
        raise NotAnArticle("Không tìm thấy tiêu đề bài viết.")
    title = lines[title_index]

    category = ""
    category_candidates = [i for i in categories if i < title_index]
    if category_candidates:
        category = lines[category_candidates[-1]]

    slogans: list[str] = []
    for i in range(title_index):
        if i in dates or i in category_candidates:
            continue
        slogans.extend(clean_line(s) for s in _SLOGAN_SPLIT.split(raw_lines[i]) if clean_line(s))

    body_start = title_index + 1
    while body_start < len(lines) and (
        body_start in dates or (body_start in categories and body_start < head_end)
    ):
        body_start += 1
    published_at = next(iter(sorted(dates.values())), None) if dates else None
    near = [dates[i] for i in (title_index - 1, title_index + 1, title_index + 2) if i in dates]
    if near:
        published_at = near[0]
    body_lines = lines[body_start:]

    byline, source, body_lines = _split_signature(body_lines)
    blocks, photos = _blocks(body_lines)
    if not any(len(text.split()) >= 15 for kind, text in blocks if kind == "p"):
        raise NotAnArticle("Không có đoạn nội dung nào: tệp không phải là một tin bài.")

    date_from = "line" if published_at else ""
    if published_at is None:
        published_at = _first_date_in_text("\n".join(t for _k, t in blocks))
        date_from = "text" if published_at else ""

    return LegacyArticle(
        title=title,
        published_at=published_at,
        date_from=date_from,
        category=category,
        blocks=blocks,
        photos=photos,
        byline=byline,
        source=source,
        slogans=slogans,
    )


_BODY_OPENING = re.compile(
    r"^(?:(?:sáng|chiều|tối|trưa)?\s*ngày\s+\d|sáng|chiều|tối|trong\s|vừa\squa|\()", re.IGNORECASE
)


def _find_title(lines, dates, categories, head_end) -> int | None:
    def fits(i: int) -> bool:
        return (
            0 <= i < len(lines)
            and i not in dates
            and i not in categories
            and _title_like(lines[i])
            and not _body_like(lines[i])
        )

    # The title sits beside the date line: right after it, or right before it.
    for d in sorted(dates):
        if fits(d + 1) and not _BODY_OPENING.match(lines[d + 1]):
            return d + 1
        if fits(d - 1):
            return d - 1
    # After a category label.
    for c in categories:
        after = c + 1
        while after in dates:
            after += 1
        if after < len(lines) and _title_like(lines[after]) and not _body_like(lines[after]):
            return after
    # Otherwise: the last title-like line before the first body paragraph that follows it.
    candidate = None
    for i in range(head_end):
        line = lines[i]
        if i in dates or i in categories:
            continue
        if _body_like(line):
            if candidate is not None:
                return candidate
            continue
        if _title_like(line):
            candidate = i
    if candidate is not None and candidate + 1 < len(lines):
        return candidate
    return None


def _split_signature(lines: list[str]) -> tuple[str, str, list[str]]:
    """Take the byline and source body off the end of the body."""
    signature: list[str] = []
    while lines and len(signature) < 3 and _signature_like(lines[-1]):
        candidate = lines[-1]
        if not (
            _CREDIT.match(candidate)
            or _BODY_WORDS.match(candidate)
            or _SIGNATURE_DASH.match(candidate)
            or _looks_like_name(candidate)
        ):
            break
        signature.insert(0, candidate)
        lines = lines[:-1]
    byline, source = "", ""
    for line in signature:
        dash = _SIGNATURE_DASH.match(line)
        if _CREDIT.match(line) or _looks_like_name(line):
            byline = byline or line
        elif dash and _BODY_WORDS.match(dash["body"]) and not _BODY_WORDS.match(dash["person"]):
            byline = byline or line
            source = source or clean_line(dash["body"])
        elif _BODY_WORDS.match(line) and line.lower().startswith("ban "):
            byline = byline or line  # a department such as "Ban TG" signs as the author
        elif _BODY_WORDS.match(line):
            source = source or line
        else:
            byline = byline or line
    return byline, source, lines


def _looks_like_name(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 5
        and all(w[:1].isupper() for w in words)
        and not _is_capitals(line)
        and (not _BODY_WORDS.match(line))
    )


def _blocks(lines: list[str]) -> tuple[list[tuple[str, str]], list[Photo]]:
    blocks: list[tuple[str, str]] = []
    photos: list[Photo] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        is_last = i == len(lines) - 1
        if _short_label(line) and not is_last and len(line.split()) <= 20:
            following = lines[i + 1]
            if _short_label(following) and not _HEADING.match(following):
                photos.append(Photo(alt=line, caption=following, after_paragraph=len(blocks)))
                i += 2
                continue
            if _is_capitals(line) or line.endswith(":"):
                blocks.append(("h2", line))
            else:
                photos.append(Photo(alt=line, caption=line, after_paragraph=len(blocks)))
            i += 1
            continue
        if _HEADING.match(line) and len(line) <= 120 and not _SENTENCE_END.search(line):
            blocks.append(("h2", line))
        else:
            blocks.append(("p", line))
        i += 1
    return blocks, photos


def _first_date_in_text(text: str) -> datetime | None:
    found = []
    for pattern in _DATE_IN_TEXT:
        match = pattern.search(text)
        if match:
            moment = _make_datetime(match)
            if moment:
                found.append((match.start(), moment))
    return min(found)[1] if found else None
