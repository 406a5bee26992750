"""Counts of recipients by year and form: one aggregate query, a server-rendered SVG.

The SVG is drawn at the width it is shown (x in percent, y in pixels, no viewBox), so its labels
keep their size on a phone; see organizations/charts.py.
"""

from django.db.models import Count
from django.utils.translation import gettext as _

from lsunion.numbers import grouped

HEIGHT = 240
MARGIN_BOTTOM, MARGIN_TOP = 28, 16
MAX_YEARS = 12
CROWDED = 8  # more years than this: every other year's label is minor (hidden when narrow)
MAX_SERIES = 4  # the most frequent forms get a colour; the rest are “Khác”


def _nice_ceiling(value: int) -> int:
    """The smallest 4 × (1, 2 or 5 × 10^n) at or above value, so the 4 grid steps are whole."""
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if 4 * step * magnitude >= value:
                return 4 * step * magnitude
        magnitude *= 10


def counts_by_year_and_form(recipients) -> list[dict]:
    """[{year, form, count}] for the given recipients, in one GROUP BY query."""
    rows = (
        recipients.order_by()
        .values("decision__year", "decision__form__name")
        .annotate(count=Count("pk"))
    )
    return [count_row(r["decision__year"], r["decision__form__name"], r["count"]) for r in rows]


def count_row(year: int, form: str | None, count: int) -> dict:
    """One bar segment: recipients of a year and form (a title without a form is named so)."""
    return {"year": year, "form": form or _("Danh hiệu thi đua"), "count": count}


def awards_chart(counts: list[dict]) -> dict | None:
    """Geometry for the template: one stacked bar per year, one colour per form."""
    if not counts:
        return None
    years = sorted({c["year"] for c in counts})[-MAX_YEARS:]
    totals_by_form: dict[str, int] = {}
    for c in counts:
        totals_by_form[c["form"]] = totals_by_form.get(c["form"], 0) + c["count"]
    ranked = sorted(totals_by_form, key=lambda f: (-totals_by_form[f], f))
    named = ranked if len(ranked) <= MAX_SERIES + 1 else ranked[:MAX_SERIES]
    other = _("Khác")
    series = named + ([other] if len(ranked) > len(named) else [])
    table = {year: dict.fromkeys(series, 0) for year in years}
    for c in counts:
        if c["year"] in table:
            form = c["form"] if c["form"] in named else other
            table[c["year"]][form] += c["count"]
    top = _nice_ceiling(max(sum(v.values()) for v in table.values()))
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    slot = 100 / len(years)
    bar = min(6.5, slot * 0.6)
    groups = []
    for index, year in enumerate(years):
        x = index * slot + (slot - bar) / 2
        y = MARGIN_TOP + plot_h
        segments = []
        for number, form in enumerate(series):
            value = table[year][form]
            if not value:
                continue
            height = plot_h * value / top
            y -= height
            segments.append(
                {"series": number, "form": form, "value": grouped(value),
                 "y": round(y, 1), "height": round(height, 1)}
            )  # fmt: skip
        groups.append(
            {"year": year, "total": grouped(sum(table[year].values())), "x": round(x, 2),
             "label_x": round(x + bar / 2, 2), "segments": segments,
             "minor": len(years) > CROWDED and (len(years) - 1 - index) % 2 == 1,
             "values": [grouped(table[year][form]) for form in series]}
        )  # fmt: skip
    ticks = [
        {"value": grouped(top * i // 4), "y": round(MARGIN_TOP + plot_h - plot_h * i / 4, 1)}
        for i in range(5)
    ]
    return {
        "height": HEIGHT,
        "bar": round(bar, 2),
        "groups": groups,
        "series": [{"number": n, "name": name} for n, name in enumerate(series)],
        "ticks": ticks,
        "label_y": HEIGHT - 8,
        "title": _("Số lượt khen thưởng theo năm và hình thức"),
    }
