"""Read a plain-text export of an article from the federation's old portal.

An export is the old page's text, top to bottom, in three parts:

- the page head: the banner's slogan line(s), the site's chrome (a "Skip to main content"
  line, the reader toolbar, a menu or breadcrumb), a category label in capitals, the date line
  and the title, the last three in either order and each possibly missing; exports sometimes
  repeat the head above the page;
- the body: paragraphs, headings, list items and photos — the photo itself is gone, a short
  label line (its old alt text) and usually a caption line remain;
- the tail: a byline and/or the source body ("Tin và ảnh: …", "Bế Hòa- LĐLĐ tỉnh", "Ban TG",
  "LĐLĐ Văn Quan"), often after the "./." that ends the text, and perhaps the footer chrome.

Lines are classified by their shape (length, final punctuation, capitals, what they are made
of), never by the words of particular files, so exports the parser has not seen still read.
"""

import csv
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

from lsunion.text import clean_line, nfc
from news.legacy_dates import date_line, first_date_in_text
from news.legacy_signature import is_credit, split_signature

MAX_TITLE = 300
MIN_TITLE = 8
HEAD_WINDOW = 16
MIN_BODY_WORDS = 15
WRAP_WIDTHS = (50, 100)  # the widths text exporters wrap lines at
WRAP_SLACK = 15
WRAP_MIN_LINES = 6
MAX_LABEL_WORDS = 10
MAX_CAPTION_WORDS = 30
SITE_NAME_WORDS = 12  # "CỔNG THÔNG TIN ĐIỆN TỬ LIÊN ĐOÀN LAO ĐỘNG TỈNH LẠNG SƠN"


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
    source: str = ""  # the source body's name as written, e.g. "LĐLĐ Văn Quan"
    slogans: list[str] = field(default_factory=list)
    source_line: str = ""  # the tail line the source was read from, as written

    @property
    def paragraphs(self) -> list[str]:
        return [text for kind, text in self.blocks if kind == "p"]

    @property
    def text(self) -> str:
        return "\n".join(text for _kind, text in self.blocks)


# --- reading ------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0")


def decode(data: bytes) -> str:
    """Decode an export: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258."""
    if not data.strip():
        raise NotAnArticle(_("Tệp rỗng."))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _refuse_binary(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise NotAnArticle(_("Không đọc được bảng mã của tệp.")) from None
    if data.startswith(_MAGIC) or b"\x00" in data[:8192]:
        raise NotAnArticle(_("Tệp nhị phân (PDF, ảnh, tệp nén…), không phải văn bản."))
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return _refuse_binary(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise NotAnArticle(_("Không đọc được bảng mã của tệp."))


def _refuse_binary(text: str) -> str:
    sample = text[:8192]
    if len(_CONTROL.findall(sample)) > max(4, len(sample) // 100):
        raise NotAnArticle(_("Tệp nhị phân (PDF, ảnh, tệp nén…), không phải văn bản."))
    return text


_HTML = re.compile(r"<(?:!doctype|html|head|body|meta|div|table|span)\b", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-z][a-z0-9]*\b[^<>]{0,200}>", re.IGNORECASE)


def _refuse_other_formats(text: str, lines: list[str]) -> None:
    if _HTML.search(text[:4096]) or len(_ANY_TAG.findall(text[:20000])) >= 10:
        raise NotAnArticle(_("Tệp là HTML, không phải bản xuất văn bản của tin bài."))
    if _looks_like_table(lines):
        raise NotAnArticle(_("Tệp là bảng dữ liệu (CSV), không phải tin bài."))


def _looks_like_table(lines: list[str]) -> bool:
    """Rows of delimited fields under a header of short column names."""
    sample = lines[:50]
    if len(sample) < 3:
        return False
    for delimiter in ",;\t":
        rows = list(csv.reader(sample, delimiter=delimiter))
        widths = [len(row) for row in rows]
        header = rows[0]
        if (
            len(header) >= 2
            and all(0 < len(name.strip()) <= 40 for name in header)
            and widths.count(len(header)) >= 0.9 * len(widths)
        ):
            return True
    return False


# --- line shapes --------------------------------------------------------------------------

_TOOLBAR = re.compile(
    r"chế\s*độ\s*ban\s*(?:đêm|ngày)|in\s*trang|in\s*bài(?:\s*viết)?|xuất\s*pdf|tải\s*pdf|"
    r"đọc\s*(?:nội\s*dung|bài)|nghe\s*đọc(?:\s*bài)?|cỡ\s*chữ|(?<!\w)[-+]?a[-+]?(?!\w)|"
    r"[\s|/•·]+",
    re.IGNORECASE,
)
_SKIP_LINK = re.compile(
    r"^(?:skip\s+to\s+(?:main\s+)?content|bỏ\s+qua,?\s*(?:để\s+)?(?:đến\s+)?nội\s+dung(?:\s+chính)?|"
    r"chuyển\s+(?:đến|tới)\s+nội\s+dung(?:\s+chính)?|đi\s+tới\s+nội\s+dung)$",
    re.IGNORECASE,
)
# Footer chrome: a line that is nothing but one of these never belongs to the article.
_FOOTER_LINE = re.compile(
    r"^(?:(?:số\s*)?lượt\s*(?:xem|đọc)\s*:?\s*[\d.,]*|chia\s*sẻ(?:\s*:)?|bình\s*luận|"
    r"(?:facebook|twitter|zalo|email|tweet)(?:[\s|,]+(?:facebook|twitter|zalo|email|tweet))*|"
    r"quay\s*(?:lại|về)|trở\s*(?:lại|về)|về\s*đầu\s*trang|lên\s*đầu\s*trang|gửi\s*email|"
    r"(?:tags?|từ\s*khóa|từ\s*khoá)\s*:.*)$",
    re.IGNORECASE,
)
# Where the list of other articles begins; nothing after it is the article's.
_FOOTER_START = re.compile(
    r"^(?:các\s*)?(?:tin|bài(?:\s*viết)?)\s*(?:khác|liên\s*quan|cùng\s*chuyên\s*mục|"
    r"mới\s*hơn|cũ\s*hơn|đã\s*đưa|mới\s*nhất)\s*:?$|^xem\s*thêm\s*:?$",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"\s*(?:»|›|>|/|\|)\s*")
_BREADCRUMB_HOME = re.compile(r"^(?:trang\s*chủ|home|tin\s*tức)$", re.IGNORECASE)
_SITE_HEADER = re.compile(
    r"^(?:liên\s*đoàn\s*lao\s*động|cổng\s*thông\s*tin|trang\s*thông\s*tin)", re.IGNORECASE
)
_WIDE_GAP = re.compile(r"[ \t\u00a0]{3,}(?:[-–—•][ \t\u00a0]{3,})?")
_CLOSERS = "\"'”’»)]}"
# How a news story's first paragraph opens ("Sáng ngày 13/7, …", "Vừa qua, …").
_PARAGRAPH_OPENING = re.compile(
    r"^(?:(?:sáng|chiều|tối|trưa|đêm)\s+(?:ngày\s+)?(?:nay|qua|\d)|ngày\s+\d{1,2}\s*[/,\-]|"
    r"vừa\s+qua|mới\s+đây|hôm\s+(?:nay|qua))",
    re.IGNORECASE,
)
PARAGRAPH_OPENING_WORDS = 20
_LIST_ITEM = re.compile(r"^(?:[-–—+•*·]\s*\S|\d{1,3}\s*[.)]\s*\S|[a-zđ]\s*\)\s*\S)", re.IGNORECASE)
_SECTION_HEADING = re.compile(
    r"^(?:[IVXLC]{1,6}\s*[.)/-]|phần\s+\w+\s*[.:]?|chương\s+\w+)\s", re.IGNORECASE
)
_END_MARK = re.compile(r"\./\.\s*[" + re.escape(_CLOSERS) + r"]*$")


def _words(line: str) -> int:
    return len(line.split())


def _ending(line: str) -> str:
    """The line's final punctuation, looking through closing quotes and brackets."""
    core = line.rstrip(_CLOSERS + " ")
    if core.endswith(("...", "…")):
        return "…"
    return core[-1:] if core else ""


def _is_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _is_label(line: str, raw: str = "") -> bool:
    """A category label: a few words in capitals (a title may look the same: see _read_head)."""
    return (
        _is_capitals(line)
        and len(line) <= 80
        and _words(line) <= MAX_LABEL_WORDS
        and not _SITE_HEADER.match(line)
        and not _slogan_like(line, raw or line)
    )


def _is_toolbar(line: str) -> bool:
    return len(line) <= 120 and not _TOOLBAR.sub("", line) and bool(re.search(r"\w", line))


def _is_chrome(line: str) -> bool:
    return bool(_SKIP_LINK.match(line)) or _is_toolbar(line) or bool(_FOOTER_LINE.match(line))


def _is_menu(line: str) -> bool:
    """A menu line: three or more short items between bars or bullets."""
    parts = [p for p in re.split(r"\s*[|•·]\s*", line) if p]
    return len(parts) >= 3 and all(_words(p) <= 5 for p in parts)


def _breadcrumb(line: str) -> str | None:
    """The last step of a breadcrumb ("Trang chủ » Tin tức » Nữ công" -> "Nữ công")."""
    parts = [p for p in _BREADCRUMB.split(line) if p]
    if len(parts) >= 2 and _BREADCRUMB_HOME.match(parts[0]) and all(_words(p) <= 6 for p in parts):
        return parts[-1]
    return None


def _head_paragraph(line: str) -> bool:
    """A line of running text, as met in the page head: a slogan or the body's first paragraph."""
    ending = _ending(line)
    return (
        ending in {".", ";", ":", ","}
        or len(line) > MAX_TITLE
        or _words(line) > 60
        or (ending in {"…", "!", "?"} and _words(line) > 35)
        or (bool(_PARAGRAPH_OPENING.match(line)) and _words(line) > PARAGRAPH_OPENING_WORDS)
    )


def _title_like(line: str) -> bool:
    return MIN_TITLE <= len(line) <= MAX_TITLE and not _head_paragraph(line) and not is_credit(line)


def _slogan_like(line: str, raw: str) -> bool:
    """What a banner slogan looks like and a title does not: exclaimed, or several in a row."""
    return _ending(line) == "!" or len(_WIDE_GAP.split(raw.strip())) > 1


# --- parsing ------------------------------------------------------------------------------


@dataclass
class _Head:
    title: int
    category: str
    dates: dict[int, datetime]
    body_start: int
    labels: set[int]


def parse(text: str) -> LegacyArticle:
    """Parse an export's text into a LegacyArticle, or raise NotAnArticle saying why."""
    text = nfc(text)
    pairs = [(line, raw) for raw in _unwrap(text.splitlines()) if (line := clean_line(raw))]
    _refuse_other_formats(text, [line for line, _raw in pairs])
    pairs = [(line, raw) for line, raw in pairs if not _is_chrome(line)]
    pairs = pairs[_repeated_head_end([line for line, _raw in pairs]) :]
    lines = [line for line, _raw in pairs]
    raw_lines = [raw for _line, raw in pairs]
    if len(lines) < 2:
        raise NotAnArticle(_("Tệp quá ngắn, không có tiêu đề và nội dung."))

    head = _read_head(lines, raw_lines)
    if head is None:
        raise NotAnArticle(_("Không tìm thấy tiêu đề bài viết."))
    title = lines[head.title]

    body_lines = _cut_footer(lines[head.body_start :])
    signature = split_signature(body_lines)
    blocks, photos = _blocks(signature.body)
    words = sum(_words(text) for _kind, text in blocks)
    if not head.dates and words < MIN_BODY_WORDS:
        raise NotAnArticle(
            _("Không có ngày đăng và hầu như không có nội dung: không phải tin bài.")
        )

    if sum(bool(date_line(line)) for line in signature.body) >= 2:
        raise NotAnArticle(_("Trang danh sách nhiều bài, không phải một tin bài."))
    published_at, date_from = _date(head, blocks, title)
    if published_at is None:
        raise NotAnArticle(
            _("Không có ngày đăng, cũng không có ngày nào trong bài: không nhận ra đây là tin bài.")
        )
    return LegacyArticle(
        title=title,
        published_at=published_at,
        date_from=date_from,
        category=head.category,
        blocks=blocks,
        photos=photos,
        byline=signature.byline,
        source=signature.source,
        source_line=signature.source_line,
        slogans=_slogans(lines, raw_lines, head),
    )


def _unwrap(raw_lines: list[str]) -> list[str]:
    """Join the lines of a hard-wrapped export (every line cut near one width) back up.

    A line cut at the wrap width continues on the next line; a shorter line ends its
    paragraph, and so does a blank line.
    """
    lengths = [len(line) for raw in raw_lines if (line := clean_line(raw))]
    width = max(lengths, default=0)
    if len(lengths) < WRAP_MIN_LINES or not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]:
        return raw_lines
    if sum(n >= width - WRAP_SLACK for n in lengths) < 0.3 * len(lengths):
        return raw_lines
    joined: list[str] = []
    continues = False
    for raw in raw_lines:
        line = clean_line(raw)
        if line and continues and not date_line(line):
            joined[-1] = f"{joined[-1].rstrip()} {raw.strip()}"
        else:
            joined.append(raw)
        continues = len(line) >= width - WRAP_SLACK
    return joined


def _repeated_head_end(lines: list[str]) -> int:
    """Exports often repeat the page head above the page: return where the page starts."""
    for j in range(2, min(len(lines) - 1, HEAD_WINDOW)):
        if lines[j : j + 2] == lines[0:2]:
            return j
    return 0


def _site_header(lines: list[str], i: int, *, fallback: bool) -> bool:
    """The site's name in capitals above the page ("LIÊN ĐOÀN LAO ĐỘNG TỈNH LẠNG SƠN").

    A title in capitals may open with the same words ("LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĂN QUAN SƠ
    KẾT …"). The site's name is short and sits above the article's date line; when no title
    is found otherwise (`fallback`), no line is taken for it.
    """
    line = lines[i]
    return (
        not fallback
        and _is_capitals(line)
        and bool(_SITE_HEADER.match(line))
        and _words(line) <= SITE_NAME_WORDS
        and not any(date_line(before) for before in lines[:i])
    )


def _read_head(lines: list[str], raw_lines: list[str]) -> _Head | None:
    """Find the title, its date line and category label; the body starts after them."""
    return _read_head_once(lines, raw_lines, fallback=False) or _read_head_once(
        lines, raw_lines, fallback=True
    )


def _read_head_once(lines: list[str], raw_lines: list[str], *, fallback: bool) -> _Head | None:
    kinds: list[str] = []
    dates: dict[int, datetime] = {}
    crumbs: dict[int, str] = {}
    seen_title = False
    for i, line in enumerate(lines[:HEAD_WINDOW]):
        if moment := date_line(line):
            dates[i] = moment
            kind = "date"
        elif (crumb := _breadcrumb(line)) is not None:
            crumbs[i] = crumb
            kind = "chrome"
        elif _is_menu(line) or _site_header(lines, i, fallback=fallback):
            kind = "chrome"
        elif _is_capitals(line) and _SITE_HEADER.match(line) and _title_like(line):
            kind = "title"
        elif _is_label(line, raw_lines[i]):
            kind = "label"
        elif _title_like(line):
            kind = "title"
        else:
            kind = "text"
        if kind == "text" and (seen_title or dates):
            break  # the body's first paragraph: the head is over
        seen_title = seen_title or kind in {"title", "label"}
        kinds.append(kind)

    title = _title_beside_date(lines, raw_lines, kinds, dates) if dates else None
    if title is None:
        title = _title_without_date(lines, raw_lines, kinds)
    if title is None:
        return None

    category = ""
    labels = [i for i, kind in enumerate(kinds) if kind == "label" and i != title]
    before = [i for i in labels if i < title]
    if before:
        category = lines[before[-1]]
    elif crumbs:
        category = crumbs[max(crumbs)]

    body_start = title + 1
    while body_start < len(kinds) and kinds[body_start] in {"date", "chrome"}:
        body_start += 1
    near = [dates[i] for i in range(title - 2, body_start) if i in dates]
    if near:
        dates = {title: near[-1]}
    elif dates:
        first = min(dates)
        dates = {first: dates[first]}
    return _Head(
        title=title, category=category, dates=dates, body_start=body_start, labels=set(labels)
    )


def _candidates(kinds: list[str], start: int, step: int) -> list[int]:
    """Title or label lines walking away from a date line, through chrome and other dates."""
    found = []
    i = start + step
    while 0 <= i < len(kinds) and kinds[i] in {"title", "label", "chrome", "date"}:
        if kinds[i] in {"title", "label"}:
            found.append(i)
        i += step
    return found


def _title_beside_date(lines, raw_lines, kinds, dates) -> int | None:
    """The title sits right after the date line or right before it."""
    for d in sorted(dates):
        after = _candidates(kinds, d, +1)
        before = _candidates(kinds, d, -1)
        if after and kinds[after[0]] == "label" and len(after) > 1:
            return after[1]  # date, category label, title
        if after and before:
            prev = before[0]
            photo_first = len(after) > 1 and kinds[prev] != "label"
            if photo_first and not _slogan_like(lines[prev], raw_lines[prev]):
                return prev  # title, date, then a photo opening the body
            return after[0]
        if after:
            return after[0]
        if before:
            return before[0]
    return None


def _title_without_date(lines, raw_lines, kinds) -> int | None:
    """No date line: the last title-like line before the body, or before a photo opening it."""
    found = [i for i, kind in enumerate(kinds) if kind in {"title", "label"}]
    while len(found) > 1 and kinds[found[0]] == "label":
        found.pop(0)  # a category label above the title
    if len(found) > 1:
        unslogan = [i for i in found if not _slogan_like(lines[i], raw_lines[i])]
        found = unslogan or found
    if not found or found[-1] + 1 >= len(lines):
        return None
    if len(found) >= 3 and _words(lines[found[-2]]) <= 12 and found[-2] == found[-1] - 1:
        return found[-3]
    return found[-1]


def _slogans(lines, raw_lines, head: _Head) -> list[str]:
    slogans: list[str] = []
    for i in range(head.title):
        line = lines[i]
        if i in head.labels or date_line(line) or _breadcrumb(line) is not None or _is_menu(line):
            continue
        if _is_capitals(line) and _SITE_HEADER.match(line):
            continue
        parts = (clean_line(part) for part in _WIDE_GAP.split(raw_lines[i]))
        slogans.extend(part for part in parts if part and part not in slogans)
    return slogans


def _cut_footer(lines: list[str]) -> list[str]:
    for i, line in enumerate(lines):
        if _FOOTER_START.match(line):
            return lines[:i]
    return lines


def _date(head: _Head, blocks, title: str) -> tuple[datetime | None, str]:
    if head.dates:
        return next(iter(head.dates.values())), "line"
    text = "\n".join(t for _kind, t in blocks)
    moment = first_date_in_text(text) or first_date_in_text(title)
    return (moment, "text") if moment else (None, "")


# --- the body -----------------------------------------------------------------------------


def _body_paragraph(line: str) -> bool:
    return (
        _ending(line) in {".", ";", ":", "!", "?", "…", ","}
        or bool(_END_MARK.search(line))
        or len(line) > 250
        or _words(line) > MAX_CAPTION_WORDS
        or bool(_LIST_ITEM.match(line))
    )


def _photo_credit(line: str) -> bool:
    return bool(re.match(r"^\(?\s*ảnh\s*:", line, re.IGNORECASE)) and _words(line) <= 8


def _blocks(lines: list[str]) -> tuple[list[tuple[str, str]], list[Photo]]:
    """Paragraphs and headings in order; photos placed after the block they follow."""
    blocks: list[tuple[str, str]] = []
    photos: list[Photo] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _photo_credit(line) and photos and photos[-1].after_paragraph == len(blocks):
            photos[-1].caption = f"{photos[-1].caption} ({line.strip('()')})"
        elif _SECTION_HEADING.match(line) and _words(line) <= 20 and _ending(line) != ".":
            blocks.append(("h2", line))
        elif _body_paragraph(line):
            blocks.append(("p", line))
        elif _is_capitals(line) and not _caption_follows(lines, i):
            blocks.append(("h2", line))
        elif _caption_follows(lines, i):
            photos.append(Photo(alt=line, caption=lines[i + 1], after_paragraph=len(blocks)))
            i += 1
        else:
            photos.append(Photo(alt=line, caption=line, after_paragraph=len(blocks)))
        i += 1
    return blocks, photos


def _caption_follows(lines: list[str], i: int) -> bool:
    """A short label line followed by a caption line: a photo that did not survive the export."""
    if i + 1 >= len(lines) or _words(lines[i]) > 20:
        return False
    following = lines[i + 1]
    return not (
        _body_paragraph(following)
        or _SECTION_HEADING.match(following)
        or _is_capitals(following)
        or _photo_credit(following)
    )
