"""Counts of recipients by year and form: one aggregate query, a server-rendered SVG."""

from django.db.models import Count
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 640, 240
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 48, 28, 16
MAX_YEARS = 12
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
    return [
        {"year": r["decision__year"], "form": r["decision__form__name"] or _("Danh hiệu thi đua"),
         "count": r["count"]}
        for r in rows
    ]  # fmt: skip


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
    plot_w = WIDTH - MARGIN_LEFT - 8
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    slot = plot_w / len(years)
    bar = min(40, slot * 0.6)
    groups = []
    for index, year in enumerate(years):
        x = MARGIN_LEFT + index * slot + (slot - bar) / 2
        y = MARGIN_TOP + plot_h
        segments = []
        for number, form in enumerate(series):
            value = table[year][form]
            if not value:
                continue
            height = plot_h * value / top
            y -= height
            segments.append(
                {"series": number, "form": form, "value": value,
                 "y": round(y, 1), "height": round(height, 1)}
            )  # fmt: skip
        groups.append(
            {"year": year, "total": sum(table[year].values()), "x": round(x, 1),
             "label_x": round(x + bar / 2, 1), "segments": segments,
             "values": [table[year][form] for form in series]}
        )  # fmt: skip
    ticks = [
        {"value": top * i // 4, "y": round(MARGIN_TOP + plot_h - plot_h * i / 4, 1)}
        for i in range(5)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "bar": round(bar, 1),
        "groups": groups,
        "series": [{"number": n, "name": name} for n, name in enumerate(series)],
        "ticks": ticks,
        "axis_x": MARGIN_LEFT,
        "axis_end": WIDTH - 8,
        "label_y": HEIGHT - 8,
        "title": _("Số lượt khen thưởng theo năm và hình thức"),
    }
