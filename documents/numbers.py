"""Document numbers as people write them: "34-CT/TW", "58/KH-TLĐ", "Chỉ thị số 34-CT/TW ngày
07/4/2014", "Chỉ thị 34/CT-TW", "CT 34", "34 CT TW".

Everything is read from a folded copy of the text (unaccented, lower case, đ→d) of the same
length, so a match's span is also its span in the text as written. A reference's `key`
(number, kind code, issuer code) is how a citation finds the document; a citation without
an issuer ("Chỉ thị 34", "CT 34") carries only the `short_key` (number, kind code).
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

# The kinds of document and the code each carries in its symbol (Nghị định 13/2023/NĐ-CP).
# DocumentKind rows extend this list (an editable list in the admin).
KIND_CODES: dict[str, str] = {
    "Hiến pháp": "HP",
    "Luật": "L",
    "Bộ luật": "BL",
    "Pháp lệnh": "PL",
    "Nghị định": "NĐ",
    "Thông tư": "TT",
    "Thông tư liên tịch": "TTLT",
    "Chỉ thị": "CT",
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Quy định": "QĐi",
    "Kết luận": "KL",
    "Kế hoạch": "KH",
    "Hướng dẫn": "HD",
    "Chương trình": "CTr",
    "Công văn": "CV",
    "Báo cáo": "BC",
    "Thông báo": "TB",
    "Tờ trình": "TTr",
    "Công điện": "CĐ",
    "Điều lệ": "ĐL",
    "Quy chế": "QC",
}
# Kinds whose symbol has no kind code of its own: "Luật số 50/2024/QH15".
NO_CODE_IN_SYMBOL = {"HP", "L", "BL", "PL"}


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    base = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    base = base.replace("đ", "d").replace("Đ", "D").lower()
    return base if len(base) == 1 else char.lower()[:1] or " "


class _FoldTable(dict):
    """str.translate's table, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLDED = _FoldTable()


def fold(text: str) -> str:
    """Unaccented, lower case, đ→d, one character for one (spans stay the same)."""
    return text.translate(_FOLDED)


def code_key(code: str) -> str:
    """A code as compared: "QĐ" == "QD" == "qđ"; "LĐLĐ-TG" == "ldld tg"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(unicodedata.normalize("NFC", code or ""))).strip("-")


@dataclass(frozen=True)
class Reference:
    """What a written number names."""

    number: str  # "34"
    kind_code: str = ""  # code_key form: "ct", "kh", "qd"; "" when unknown
    issuer_code: str = ""  # "tw", "tld", "ldld", "qh15"; "" when not written
    year: int | None = None  # from the symbol (13/2023/NĐ-CP), the date, or "năm 2014"
    issued_on: date | None = None
    kind_name: str = ""  # "Chỉ thị" when written as a word
    word_code: str = ""  # the code of that word ("l" for "Luật"), when the symbol has none
    start: int = 0
    end: int = 0
    text: str = ""  # the citation as written
    symbol: str = ""  # its number and symbol alone: "34-CT/TW" of "Chỉ thị số 34-CT/TW"

    @property
    def key(self) -> str:
        """Number, kind and issuer: names one document (of a year)."""
        if not self.issuer_code:
            return ""
        return f"{int(self.number)}|{self.kind_code}|{self.issuer_code}"

    @property
    def short_key(self) -> str:
        """Number and kind: "CT 34" names a document when the library holds only one such."""
        kind = self.kind_code or self.word_code
        return f"{int(self.number)}|{kind}" if kind else ""


class Vocabulary:
    """The kind words and codes the parser knows (built-ins plus the editable list)."""

    def __init__(self, kinds: Mapping[str, str] | None = None):
        names = {**KIND_CODES, **(kinds or {})}
        self.word_codes = {fold(name): code_key(code) for name, code in names.items() if code}
        self.codes = set(self.word_codes.values())
        words = sorted(self.word_codes, key=len, reverse=True)
        codes = sorted(self.codes, key=len, reverse=True)
        kind_word = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        kind_code = "|".join(re.escape(c) for c in codes)
        # As a prefix ("CT 34") only codes of two letters or more: "L 5" is not a law.
        prefix_code = "|".join(re.escape(c) for c in codes if len(c) > 1)
        self.kind_code_pattern = kind_code
        prefix = rf"(?:(?P<word>{kind_word})|(?P<wcode>{prefix_code}))\.?\s+(?:so\s*[:.]?\s*)?"
        code = r"[a-z][a-z0-9]*"
        issuer = rf"{code}(?:\s*-\s*{code})*"
        before = r"(?<![\w/.&#-])"
        after = r"(?![\w/-])"
        party = rf"(?P<pn>\d+)\s*-\s*(?P<pk>{code})\s*/\s*(?P<pi>{issuer})"
        state = rf"(?P<sn>\d+)\s*/\s*(?:(?P<sy>(?:19|20)\d\d)\s*/\s*)?(?P<sk>{code})\s*-\s*(?P<si>{issuer})"
        law = rf"(?P<ln>\d+)\s*/\s*(?P<ly>(?:19|20)\d\d)\s*/\s*(?P<li>{code})"
        symbol = rf"(?:{party}|{state}|{law})"
        self.with_symbol = re.compile(rf"{before}(?:{prefix})?{symbol}{after}")
        self.bare = re.compile(rf"{before}{prefix}(?P<bn>\d+){after}(?!\s*[/-]\s*\w)")
        self.spaced = re.compile(rf"^\s*(?P<xn>\d+)\s+(?P<xk>{kind_code})\s+(?P<xi>{code})\s*$")


_DEFAULT: Vocabulary | None = None


def vocabulary(kinds: Mapping[str, str] | None = None) -> Vocabulary:
    global _DEFAULT
    if kinds:
        return Vocabulary(kinds)
    if _DEFAULT is None:
        _DEFAULT = Vocabulary()
    return _DEFAULT


_DATE = re.compile(
    r"\s*,?\s*(?:ngay\s+(?P<d>\d{1,2})\s*(?:[/.-]|\s+thang\s+)\s*(?P<m>\d{1,2})\s*"
    r"(?:[/.-]|\s+nam\s+)\s*(?P<y>(?:19|20)\d\d)|nam\s+(?P<yo>(?:19|20)\d\d))(?!\d)"
)


def _dated(ref: Reference, folded: str, text: str) -> Reference:
    """The date or year written right after the number: "ngày 07/4/2014", "năm 2014"."""
    found = _DATE.match(folded, ref.end)
    if not found:
        return ref
    if found["yo"]:
        year = int(found["yo"])
        return replace(ref, year=ref.year or year)
    try:
        issued = date(int(found["y"]), int(found["m"]), int(found["d"]))
    except ValueError:
        return ref
    return replace(ref, issued_on=issued, year=ref.year or issued.year)


def _from_match(match: re.Match, vocab: Vocabulary, text: str) -> Reference:
    groups = match.groupdict()
    word = groups.get("word")
    word_code = vocab.word_codes.get(re.sub(r"\s+", " ", word)) if word else groups.get("wcode")
    kind_name = re.sub(r"\s+", " ", text[match.start("word") : match.end("word")]) if word else ""
    year = None
    if groups.get("pn"):
        number, kind, issuer = groups["pn"], code_key(groups["pk"]), code_key(groups["pi"])
    elif groups.get("sn"):
        number, kind, issuer = groups["sn"], code_key(groups["sk"]), code_key(groups["si"])
        year = int(groups["sy"]) if groups.get("sy") else None
        if kind not in vocab.codes:
            # "Công văn số 123/LĐLĐ-VP": the part after "/" is the issuer (and its office).
            issuer = f"{kind}-{issuer}"
            kind = word_code or ""
    elif groups.get("ln"):
        number, issuer, year = groups["ln"], code_key(groups["li"]), int(groups["ly"])
        kind = ""
    else:
        number, kind, issuer = groups["bn"], word_code or "", ""
    return Reference(
        number=number,
        kind_code=kind,
        issuer_code=issuer,
        year=year,
        kind_name=kind_name,
        word_code=word_code or "",
        start=match.start(),
        end=match.end(),
        text=text[match.start() : match.end()],
        symbol=text[
            next(match.start(g) for g in ("pn", "sn", "ln", "bn") if groups.get(g)) : match.end()
        ],
    )


def find(text: str, kinds: Mapping[str, str] | None = None) -> list[Reference]:
    """Every document number cited in a text, in order, with its span."""
    if not text:
        return []
    vocab = vocabulary(kinds)
    folded = fold(text)
    found: list[Reference] = []
    taken: list[tuple[int, int]] = []
    for pattern in (vocab.with_symbol, vocab.bare):
        for match in pattern.finditer(folded):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            ref = _dated(_from_match(match, vocab, text), folded, text)
            found.append(ref)
            taken.append((ref.start, ref.end))
    return sorted(found, key=lambda r: r.start)


def parse(text: str, kinds: Mapping[str, str] | None = None) -> Reference | None:
    """The one number a person typed (a form field, a spreadsheet cell, a search box):
    also "34 CT TW" and "chi thi 34 nam 2014"."""
    text = unicodedata.normalize("NFC", text or "").strip()
    if not text:
        return None
    vocab = vocabulary(kinds)
    spaced = vocab.spaced.match(fold(text))
    if spaced:
        return Reference(
            number=spaced["xn"],
            kind_code=spaced["xk"],
            issuer_code=spaced["xi"],
            start=0,
            end=len(text),
            text=text,
            symbol=text,
        )
    found = find(text, kinds)
    return found[0] if found else None


def parse_symbol(symbol: str, kinds: Mapping[str, str] | None = None) -> Reference | None:
    """A document's own symbol as typed in the admin: "34-CT/TW", "13/2023/NĐ-CP", "50/2024/QH15"."""
    return parse(symbol, kinds)


def keys(refs: Iterable[Reference]) -> tuple[set[str], set[str]]:
    """The full and the short keys of some references (for one look-up)."""
    full = {r.key for r in refs if r.key}
    short = {r.short_key for r in refs if not r.key and r.short_key}
    return full, short
