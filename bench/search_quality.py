"""Ranking quality: the share of bench/search_quality.toml answered in the top 1 and top 3.

Each query goes through the same code as /tim-kiem/ (parse, engine.search_source, the
suggestion), read per result type as the page shows it.
"""

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

FILE = Path(__file__).resolve().parent / "search_quality.toml"
LIMIT = 10


@dataclass
class Outcome:
    spec: dict
    rank: int | None  # 1-based position of the first answer in its type's list; None: absent
    detail: str

    @property
    def top(self) -> int:
        return self.spec.get("top", 1)

    @property
    def answered(self) -> bool:
        return self.rank is not None and self.rank <= self.top


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text or "").casefold()


def _field(source, obj, name: str) -> str:
    if name == "text":
        return source.exact_text(obj)
    if name == "title":
        return source.title_of(obj)
    value = getattr(obj, name, "")
    return value() if callable(value) else str(value)


def _typed(spec: dict) -> str:
    return unicodedata.normalize("NFD", spec["q"]) if spec.get("nfd") else spec["q"]


def evaluate(client) -> list[Outcome]:
    from lsunion.search import engine, registry
    from lsunion.search.query import parse
    from lsunion.search.suggest import suggestion
    from lsunion.text import normalise

    specs = tomllib.loads(FILE.read_text(encoding="utf-8"))["query"]
    outcomes = []
    for spec in specs:
        query = parse(_typed(spec))
        if "suggest" in spec:
            said = suggestion(query) or ""
            good = normalise(said) == normalise(spec["suggest"])
            outcomes.append(Outcome(spec, 1 if good else None, f"suggested “{said}”"))
            continue
        source = registry.get(spec["type"])
        wanted = spec["contains"]
        wanted = [wanted] if isinstance(wanted, str) else wanted
        items = engine.search_source(source, query, limit=LIMIT).items[:LIMIT]
        rank = next(
            (
                i
                for i, obj in enumerate(items, 1)
                if any(_fold(w) in _fold(_field(source, obj, spec["field"])) for w in wanted)
            ),
            None,
        )
        detail = source.title_of(items[0])[:60] if items else "no result"
        if rank is not None and spec.get("first_group"):
            page = client.get("/tim-kiem/", {"q": _typed(spec)}).content.decode()
            first = re.search(r'id="nhom-([a-z-]+)"', page)
            if not first or first.group(1) != spec["first_group"]:
                rank, detail = None, f"first group: {first.group(1) if first else '-'}"
        outcomes.append(Outcome(spec, rank, detail))
    return outcomes


def report(outcomes: list[Outcome]) -> tuple[float, float]:
    """Print each query's outcome; return the shares answered in the top 1 and the top 3."""
    print(f"\n{'truy vấn (chất lượng xếp hạng)':<40} {'cần':>4} {'vị trí':>7}  kết quả đầu")
    for o in outcomes:
        shown = o.spec["q"] + (" (NFD)" if o.spec.get("nfd") else "")
        where = "-" if o.rank is None else str(o.rank)
        mark = "✓" if o.answered else "✗"
        need = "gợi ý" if "suggest" in o.spec else f"top{o.top}"
        print(f"{shown[:40]:<40} {need:>5} {where:>6} {mark} {o.detail}")
    top1 = sum(o.rank == 1 for o in outcomes) / len(outcomes)
    top3 = sum(o.rank is not None and o.rank <= 3 for o in outcomes) / len(outcomes)
    answered = sum(o.answered for o in outcomes)
    print(
        f"\n{len(outcomes)} truy vấn: đúng ở vị trí 1: {top1:.0%}, trong 3 đầu: {top3:.0%}; "
        f"đạt yêu cầu của từng truy vấn: {answered}/{len(outcomes)}"
    )
    return top1, top3
