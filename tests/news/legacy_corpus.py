"""Variants of the three seed exports, as the old portal's archive holds them.

Each seed is taken apart into its page head (slogans, category label, date line, title), its
body (paragraphs and photos: a label line, usually a caption line) and its tail (byline,
source body). A variant puts the parts back together another way — the title in capitals,
the abbreviation written out, the date line after the title, in another form or missing, one,
two or no slogan lines, a category label added, photos without captions, lines hard-wrapped,
the byline alone — and says what a person reading it sees: the title, the date, the category,
the photos, the paragraphs, the byline.
"""

import itertools
import textwrap
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from lsunion.text import clean_line

SEEDS = Path(__file__).resolve().parents[2] / "news" / "fixtures" / "legacy"
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
SECOND_SLOGAN = (
    "Xây dựng giai cấp Công nhân Việt Nam vững mạnh, lực lượng đi đầu trong sự nghiệp công "
    "nghiệp hóa, hiện đại hóa đất nước."
)
ADDED_LABEL = "HOẠT ĐỘNG CÔNG ĐOÀN"


@dataclass(frozen=True)
class Seed:
    """One seed export, taken apart by hand once (line numbers of its non-blank lines)."""

    file: str
    slogans: tuple[int, ...]
    label: int | None
    date: int
    title: int
    body: tuple[int, int]  # first and last line of the body
    photos: tuple[tuple[int, int | None], ...]  # (label line, caption line or None)
    byline: int
    source: int | None  # a line of its own naming the source body
    sources: tuple[str, str]  # the source body read with the whole tail, with the byline only
    published_at: datetime
    other_date_line: str  # the same moment in the portal's other date format
    date_in_text: datetime  # what the first date of the text says when the date line is gone
    short_form: tuple[str, str] | None = None  # (abbreviation, written out) in the title

    def lines(self) -> list[str]:
        text = (SEEDS / self.file).read_text(encoding="utf-8")
        return [clean_line(line) for line in text.splitlines() if clean_line(line)]


SEED_PARTS = [
    Seed(
        file="000_e9dd3b03d342aab1.txt",
        slogans=(0,),
        label=None,
        date=1,
        title=2,
        body=(3, 11),
        photos=((5, 6), (9, 10)),
        byline=12,
        source=13,
        sources=("LĐLĐ Văn Quan", ""),
        published_at=datetime(2020, 7, 14, 17, 3, tzinfo=HCM),
        other_date_line="17:03 14/07/2020",
        date_in_text=datetime(2020, 7, 13, tzinfo=HCM),
        short_form=("LĐLĐ", "Liên đoàn Lao động"),
    ),
    Seed(
        file="001_597b5999805adbeb.txt",
        slogans=(0,),
        label=None,
        date=1,
        title=2,
        body=(3, 8),
        photos=((5, 6),),
        byline=9,
        source=None,
        sources=("LĐLĐ tỉnh", "LĐLĐ tỉnh"),  # "Bế Hòa- LĐLĐ tỉnh": a person and their body
        published_at=datetime(2016, 2, 1, 16, 50, tzinfo=HCM),
        other_date_line="16:50 01/02/2016",
        date_in_text=datetime(2016, 1, 19, tzinfo=HCM),
    ),
    Seed(
        file="004_4b0cc259ff1bd336.txt",
        slogans=(0,),
        label=1,
        date=3,
        title=2,
        body=(4, 8),
        photos=((5, None),),
        byline=9,
        source=None,
        sources=("", ""),
        published_at=datetime(2021, 3, 1, 4, 51, tzinfo=HCM),
        other_date_line="Thứ hai, 01 Tháng 3 2021 04:51",
        date_in_text=datetime(2021, 3, 9, tzinfo=HCM),
    ),
]

# How a variant differs from its seed; the first value of each is the seed's own way.
DIMENSIONS = {
    "title": ["as written", "capitals", "written out in capitals"],
    "date": ["before title", "after title", "other form", "none"],
    "slogans": [1, 2, 0],
    "label": ["as seed", "added", "none"],
    "captions": [True, False],
    "wrap": [0, 72],
    "tail": ["as seed", "byline only"],
}


@dataclass
class Variant:
    seed: Seed
    choices: dict
    text: str
    title: str
    published_at: datetime
    category: str
    photo_alts: list[str]
    paragraphs: int
    byline: str
    source: str

    @property
    def name(self) -> str:
        return f"{self.seed.file[:3]} " + ", ".join(f"{k}={v}" for k, v in self.choices.items())


def _title(seed: Seed, lines: list[str], how: str) -> str:
    title = lines[seed.title]
    if how == "written out in capitals":
        short, long = seed.short_form or ("", "")
        return title.replace(short, long, 1).upper() if short else title.upper()
    return title.upper() if how == "capitals" else title


def variant(seed: Seed, **choices) -> Variant:
    lines = seed.lines()
    title = _title(seed, lines, choices["title"])
    slogans = [lines[i] for i in seed.slogans]
    slogans = {0: [], 1: slogans, 2: [*slogans, SECOND_SLOGAN]}[choices["slogans"]]
    label = {
        "as seed": lines[seed.label] if seed.label is not None else "",
        "added": lines[seed.label] if seed.label is not None else ADDED_LABEL,
        "none": "",
    }[choices["label"]]
    date = seed.other_date_line if choices["date"] == "other form" else lines[seed.date]
    if choices["date"] == "after title":
        head = [*slogans, *[label][: bool(label)], title, date]
    elif choices["date"] == "none":
        head = [*slogans, *[label][: bool(label)], title]
    else:
        head = [*slogans, date, *[label][: bool(label)], title]

    first, last = seed.body
    captions = {caption for _label, caption in seed.photos if caption is not None}
    dropped = set() if choices["captions"] else captions
    body = [lines[i] for i in range(first, last + 1) if i not in dropped]
    photo_lines = {label for label, _caption in seed.photos} | captions
    paragraphs = sum(1 for i in range(first, last + 1) if i not in photo_lines)
    keep_source = choices["tail"] == "as seed" and seed.source is not None
    tail = [lines[seed.byline], *([lines[seed.source]] if keep_source else [])]

    blocks = [*head, *body, *tail]
    if choices["wrap"]:
        text = "\n\n".join(textwrap.fill(block, width=choices["wrap"]) for block in blocks)
    else:
        text = "\n\n".join(blocks)
    return Variant(
        seed=seed,
        choices=choices,
        text=text + "\n",
        title=title,
        published_at=seed.date_in_text if choices["date"] == "none" else seed.published_at,
        category=label,
        photo_alts=[lines[label] for label, _caption in seed.photos],
        paragraphs=paragraphs,
        byline=lines[seed.byline],
        source=seed.sources[choices["tail"] != "as seed"],
    )


def corpus(seed: Seed):
    """Every combination of the dimensions for one seed."""
    for values in itertools.product(*DIMENSIONS.values()):
        yield variant(seed, **dict(zip(DIMENSIONS, values, strict=True)))
