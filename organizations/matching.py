"""Recognise union bodies, people and meetings by the many ways people write them.

"LĐLĐ Văn Quan", "LĐLĐ huyện Văn Quan" and "Liên đoàn Lao động huyện Văn Quan" are the same
body. Names are compared in their search form (lsunion.text.normalise) with the common
abbreviations expanded and the administrative word "huyện" optional. The same matcher serves
the old-portal import, the commendation spreadsheets and the articles written in the admin.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from lsunion.cache import cached_for_version
from lsunion.text import normalise

# Abbreviation -> expansion, both in search form. Longest first so CĐCS wins over CĐ.
EXPANSIONS = [
    ("ldld", "lien doan lao dong"),
    ("cdcs", "cong doan co so"),
    ("tld", "tong lien doan lao dong"),
    ("cd", "cong doan"),
    ("ubnd", "uy ban nhan dan"),
    ("tp", "thanh pho"),
]
OPTIONAL_WORDS = {"huyen"}
# What a unit column may name instead of its union: the school or company whose union it is.
UNION_OF = ("cong doan co so", "cong doan")
MIN_PERSON_WORDS = 3  # "Lương Chí Công"; two-word names ("Bế Hòa") match far too much
MIN_MEETING_TITLE_WORDS = 6


def body_key(text: str) -> str:
    """The comparison form of a body's name."""
    words = normalise(text).split()
    expanded: list[str] = []
    for word in words:
        expansion = dict(EXPANSIONS).get(word)
        expanded.extend(expansion.split() if expansion else [word])
    return " ".join(w for w in expanded if w not in OPTIONAL_WORDS)


@dataclass(frozen=True)
class BodyName:
    key: str
    body_id: int
    form: str = "name"  # "name" | "short" | "alias"
    plain: str = ""  # the name as written, in search form (abbreviations not expanded)


def _index() -> list[BodyName]:
    from organizations.models import UnionBody

    names: dict[tuple[str, int, str], BodyName] = {}
    for body in UnionBody.objects.only("pk", "name", "short_name", "aliases"):
        forms = [("name", body.name), ("short", body.short_name)]
        forms += [("alias", alias) for alias in body.aliases.splitlines()]
        for form, name in forms:
            key = body_key(name)
            if key and len(key) >= 4:
                name = BodyName(key, body.pk, form, normalise(name))
                names.setdefault((key, body.pk, name.plain), name)
    return sorted(names.values(), key=lambda n: -len(n.key))


def _names() -> list[BodyName]:
    return cached_for_version("body-names", _index)


def _first_of_each_key(names: list[BodyName]):
    seen: set[str] = set()
    for name in names:
        if name.key not in seen:
            seen.add(name.key)
            yield name


def find_body(text: str):
    """The UnionBody written as `text` (full name, short name or alias), or None."""
    from organizations.models import UnionBody

    key = body_key(text)
    if not key:
        return None
    for name in _names():
        if name.key == key:
            return UnionBody.objects.filter(pk=name.body_id).first()
    return None


def mentioned_body_ids(text: str) -> set[int]:
    """Ids of every body whose name appears in the text (longest names first, no overlaps)."""
    haystack = f" {body_key(text)} "
    found: set[int] = set()
    for name in _first_of_each_key(_names()):
        pattern = f" {name.key} "
        if pattern in haystack:
            found.add(name.body_id)
            haystack = haystack.replace(pattern, " ¦ ")
    return found


@dataclass
class BodyMatch:
    """Which body a cell of text names, and why (or why none), in words for staff."""

    text: str
    body_id: int | None = None
    reason: str = ""
    candidates: list[int] = field(default_factory=list)

    @property
    def matched(self) -> bool:
        return self.body_id is not None


def _form_reason(found: list["BodyName"], text: str) -> str:
    """How the cell wrote the body: its full name, short name, another name, or one of these
    with the abbreviations written differently (“LĐLĐ” for “Liên đoàn Lao động”)."""
    plain = normalise(text)
    forms = {n.form for n in found if n.plain == plain}
    for form, reason in (
        ("name", _("trùng tên đầy đủ")),
        ("short", _("trùng tên viết tắt")),
        ("alias", _("trùng tên gọi khác")),
    ):
        if form in forms:
            return reason
    return _("trùng tên (khi đọc đầy đủ chữ viết tắt)")


def match_body(text: str, *, mentions: bool = True) -> BodyMatch:
    """The body a unit cell names: by its name, short name or alias, or as the union of the
    school or company named; else the one body the text mentions. Ambiguity matches nothing."""
    result = BodyMatch(text=text)
    key = body_key(text)
    if not key:
        result.reason = _("ô trống")
        return result
    by_key: dict[str, list[BodyName]] = {}
    for name in _names():
        by_key.setdefault(name.key, []).append(name)
    tries = [(key, None)] + [(f"{prefix} {key}", prefix) for prefix in UNION_OF]
    for wanted, prefix in tries:
        found = by_key.get(wanted, [])
        ids = sorted({n.body_id for n in found})
        if len(ids) == 1:
            result.body_id = ids[0]
            result.reason = _("công đoàn của đơn vị này") if prefix else _form_reason(found, text)
            return result
        if len(ids) > 1:
            result.candidates = ids
            result.reason = _("trùng tên %(count)s tổ chức, hãy chọn tay") % {"count": len(ids)}
            return result
    mentioned = mentioned_body_ids(text) if mentions else set()
    if len(mentioned) == 1:
        result.body_id = mentioned.pop()
        result.reason = _("tên đơn vị có nhắc đến tổ chức này")
    elif mentioned:
        result.candidates = sorted(mentioned)
        result.reason = _("tên đơn vị nhắc đến %(count)s tổ chức") % {"count": len(mentioned)}
    else:
        result.reason = _("không có tổ chức công đoàn nào tên như vậy trong danh bạ")
    return result


# --- people and meetings ------------------------------------------------------------------


def _person_index() -> list[tuple[str, int]]:
    from organizations.models import Person

    names = [
        (normalise(full_name), pk)
        for pk, full_name in Person.objects.values_list("pk", "full_name")
    ]
    return [(key, pk) for key, pk in names if len(key.split()) >= MIN_PERSON_WORDS]


def mentioned_person_ids(text: str) -> set[int]:
    """People named in the text by their full name (three words or more)."""
    haystack = f" {normalise(text)} "
    return {
        pk
        for key, pk in cached_for_version("person-names", _person_index)
        if f" {key} " in haystack
    }


_SESSION = re.compile(
    r"hoi nghi (?:(?:lan|ky) thu (?P<before>\d{1,3}) (?:ban chap hanh|bch)"
    r"|(?:ban chap hanh|bch)\b(?:(?! hoi nghi ).){0,80}? (?:lan|ky)(?: hop)? thu (?P<after>\d{1,3}))"
)
_CONGRESS = re.compile(r"\bkhoa ([ivxlc]{1,6})\b")


def _meeting_index() -> list[tuple[str, int, int]]:
    from organizations.models import Meeting

    rows = Meeting.objects.values_list("pk", "title", "organiser_id")
    keys = [(normalise(title), pk, organiser) for pk, title, organiser in rows]
    return [k for k in keys if len(k[0].split()) >= MIN_MEETING_TITLE_WORDS]


def mentioned_meeting_ids(text: str, *, body_ids: set[int] = frozenset()) -> set[int]:
    """Meetings the text names: by their title, or an executive committee session by its
    number ("Hội nghị Ban Chấp hành kỳ thứ 10", "Hội nghị lần thứ 10 BCH") — narrowed, when
    several bodies held a session of that number, to the body named in the same sentence,
    else to the bodies the text is about (`body_ids`)."""
    from organizations.models import Meeting

    plain = normalise(text)
    haystack = f" {plain} "
    by_title: dict[str, list[tuple[int, int]]] = {}
    for key, pk, organiser in cached_for_version("meeting-titles", _meeting_index):
        if f" {key} " in haystack:
            by_title.setdefault(key, []).append((pk, organiser))
    found = {pk for hits in by_title.values() for pk in _narrow(hits, body_ids)}

    sentences = [part for part in re.split(r"[.;!?\n]+", text) if part.strip()]
    wanted = []  # (number, congresses named, bodies named in the same sentence)
    for sentence in sentences:
        words = normalise(sentence)
        numbers = {int(m["before"] or m["after"]) for m in _SESSION.finditer(words)}
        if numbers:
            congresses = {c.upper() for c in _CONGRESS.findall(words)}
            near = mentioned_body_ids(sentence)
            wanted += [(number, congresses, near) for number in numbers]
    if wanted:
        rows = list(
            Meeting.objects.filter(
                kind=Meeting.Kind.EXECUTIVE_SESSION,
                session_number__in={number for number, _c, _n in wanted},
            ).values_list("pk", "organiser_id", "session_number", "term__congress_number")
        )
        for number, congresses, near in wanted:
            # A congress named in the text ("khóa XV") rules out sessions of another term.
            hits = [(pk, org) for pk, org, n, congress in rows if n == number
                    and (not congresses or not congress or congress.upper() in congresses)]  # fmt: skip
            found |= set(_narrow(hits, near) or _narrow(hits, body_ids))
    return found


def _narrow(hits: list[tuple[int, int]], body_ids) -> list[int]:
    """One meeting, or the one held by a body the text is about; nothing when still unsure."""
    if len(hits) == 1:
        return [hits[0][0]]
    ours = [pk for pk, organiser in hits if organiser in body_ids]
    return ours if len(ours) == 1 else []
