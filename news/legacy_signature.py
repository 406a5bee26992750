"""The tail of an old-portal export: who wrote the article and which union body sent it.

The tail is a few short lines after the last paragraph (often after the "./." that ends the
text): credits ("Tin và ảnh: Đỗ Thị Gấm", "Nguồn: LĐLĐ Đình Lập", "PV"), a person's name, a
department ("Ban TG"), a person and their body ("Bế Hòa- LĐLĐ tỉnh", "Thu Hà (LĐLĐ Lộc Bình)")
or the body alone ("LĐLĐ Văn Quan"). The byline keeps the credit as written; the body's name is
read out so the importer can match it to a UnionBody.
"""

import re
from dataclasses import dataclass, field

MAX_TAIL_LINES = 4
MAX_TAIL_WORDS = 16

_CREDIT = re.compile(
    r"^\(?\s*(?:(?:tin|bài\s*viết|bài|ảnh|video|clip|đồ\s*họa)"
    r"(?:\s*(?:,|và|&|\+|/|-)?\s*(?:tin|bài|ảnh|video|clip|đồ\s*họa))*|"
    r"nguồn(?:\s*tin)?|theo|tác\s*giả|người\s*viết|thực\s*hiện|phóng\s*viên|biên\s*tập|"
    r"nhóm\s*pv|pv|ctv)\s*:\s*(?P<who>.+?)\s*\)?\.?$",
    re.IGNORECASE,
)
_THEO = re.compile(r"^theo\s+(?P<who>\S.*)$", re.IGNORECASE)
_COMPILED = re.compile(r"^\(?\s*(?:[A-ZĐ.]{2,8}\s*)?[-–(]?\s*tổng\s*hợp\s*\)?\.?$", re.IGNORECASE)
_ABBREVIATION = re.compile(r"^(?:[A-ZĐ]\.?){2,8}$")
_DEPARTMENT = re.compile(r"^(?:ban|văn\s*phòng|phòng)\s+\S", re.IGNORECASE)
_BODY_START = re.compile(
    r"^(?:lđlđ|ldld|liên\s*đoàn\s*lao\s*động|tổng\s*liên\s*đoàn|tổng\s*lđlđ|tlđ|"
    r"công\s*đoàn|cđcs|cđ)(?!\w)",
    re.IGNORECASE,
)
# Lower-case words a body's name may hold ("LĐLĐ huyện Văn Quan", "Công đoàn Khu kinh tế").
_NAME_WORDS = {
    "huyện", "tỉnh", "thành", "phố", "thị", "xã", "ngành", "khu", "kinh", "tế", "cơ", "sở",
    "viên", "chức", "trường", "công", "ty", "cổ", "phần", "trách", "nhiệm", "hữu", "hạn", "lao",
    "động", "đoàn", "liên", "việt", "nam", "số", "và", "các", "bệnh", "viện", "trung", "tâm",
}  # fmt: skip
_PERSON_BODY = re.compile(
    r"^(?P<person>[^\-–—()]{2,60}?)\s*(?:[-–—]\s*|\(\s*)(?P<body>[^()]{2,80}?)\)?$"
)


@dataclass
class Signature:
    body: list[str]  # the lines that stay in the article
    byline: str = ""
    source: str = ""
    source_line: str = ""
    lines: list[str] = field(default_factory=list)


def is_credit(line: str) -> bool:
    return bool(_CREDIT.match(line) or _COMPILED.match(line))


def is_body_name(text: str) -> bool:
    """A union body's name as people write it, not a sentence that starts with one."""
    match = _BODY_START.match(text)
    if not match or len(text.split()) > 10 or re.search(r"[.;:!?,]$", text):
        return False
    rest = text[match.end() :].split()
    loose = [w for w in rest if w[:1].islower() and w.lower() not in _NAME_WORDS]
    return len(loose) <= 1


def _body_in(text: str) -> str:
    """The body a signer names: "LĐLĐ tỉnh", or one after a department ("Văn phòng LĐLĐ tỉnh")."""
    text = text.strip()
    if is_body_name(text):
        return text
    if _DEPARTMENT.match(text) and len(text.split()) <= 10:
        for match in re.finditer(r"\s(?=\S)", text):
            rest = text[match.end() :]
            if _BODY_START.match(rest):
                return rest if is_body_name(rest) else ""
    return ""


def _is_name(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 5
        and all(w[:1].isupper() and w.replace(".", "").isalpha() for w in words)
        and not _BODY_START.match(line)
        and not _DEPARTMENT.match(line)
    )


def _person(text: str) -> bool:
    return _is_name(text) or bool(_ABBREVIATION.match(text)) or is_credit(text)


def _read(line: str) -> tuple[str, str] | None:
    """(kind, body name) of a tail line: kind is "credit", "source" or None if not a tail line."""
    if len(line.split()) > MAX_TAIL_WORDS or len(line) > 160:
        return None
    if line.endswith(".") and not line.endswith(("./.", "..")):
        line = line[:-1]  # "Ban TG." signs the same as "Ban TG"
    theo = _THEO.match(line)
    credit = _CREDIT.match(line) or (theo if theo and theo["who"][:1].isupper() else None)
    if credit:
        who = credit["who"].strip()
        if is_body_name(who):
            return "source", who
        pair = _PERSON_BODY.match(who)
        return "credit", _body_in(pair["body"]) if pair else ""
    if _COMPILED.match(line) or _ABBREVIATION.match(line) or _is_name(line):
        return "credit", ""
    if re.search(r"[.;:!?,]$", line):
        return None
    if is_body_name(line):
        return "source", line
    if _DEPARTMENT.match(line) and len(line.split()) <= 10:
        return "credit", _body_in(line)
    pair = _PERSON_BODY.match(line)
    if pair and _person(pair["person"].strip()):
        body = pair["body"].strip()
        if _body_in(body) or (_DEPARTMENT.match(body) and len(body.split()) <= 10):
            return "credit", _body_in(body)
    return None


def split_signature(lines: list[str]) -> Signature:
    """Take the byline and source body off the end of the body lines."""
    tail: list[tuple[str, str, str]] = []
    end = len(lines)
    while end > 0 and len(tail) < MAX_TAIL_LINES:
        line = lines[end - 1]
        read = _read(line)
        if read is None:
            break
        tail.insert(0, (line, *read))
        end -= 1
    credits, source, source_line = [], "", ""
    for line, kind, body in tail:
        if kind == "credit":
            credits.append(line)
        if body and not source:
            source, source_line = body, line
    return Signature(
        body=lines[:end],
        byline=" – ".join(credits),
        source=source,
        source_line=source_line,
        lines=[line for line, _kind, _body in tail],
    )
