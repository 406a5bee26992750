"""A small server-rendered SVG bar chart of a body's members by year (no script, no CDN).

The SVG has no viewBox: it is drawn at the width it is shown, with x in percent of that width
and y in pixels, so its labels keep their font size on a phone (a 640-unit drawing scaled to a
360 px screen shrank them to 7 px). The value labels sit in the box's left padding.
"""

from django.utils.translation import gettext as _

from lsunion.numbers import grouped

HEIGHT = 240
MARGIN_BOTTOM, MARGIN_TOP = 28, 16
MAX_YEARS = 12
CROWDED = 8  # more years than this: every other year's label is minor (hidden when narrow)


def _nice_ceiling(value: int) -> int:
    if value <= 10:
        return 10
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 2, 2.5, 5, 10):
        ceiling = int(step * magnitude)
        if ceiling >= value:
            return ceiling
    return value


def figures_chart(figures) -> dict | None:
    """Geometry for the template: one group per year, bars for members and women members."""
    rows = [f for f in figures if f.members is not None][-MAX_YEARS:]
    if not rows:
        return None
    top = _nice_ceiling(max(f.members for f in rows))
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    slot = 100 / len(rows)
    bar = min(5.0, slot / 2.6)
    groups = []
    for index, figure in enumerate(rows):
        x = index * slot + (slot - 2 * bar) / 2
        members_h = plot_h * figure.members / top
        women_h = plot_h * (figure.women_members or 0) / top
        groups.append(
            {
                "year": figure.year,
                "members": grouped(figure.members),
                "women": grouped(figure.women_members),
                "x": round(x, 2),
                "x2": round(x + bar, 2),
                "bar": round(bar, 2),
                "label_x": round(x + bar, 2),
                "minor": len(rows) > CROWDED and (len(rows) - 1 - index) % 2 == 1,
                "members_y": round(MARGIN_TOP + plot_h - members_h, 1),
                "members_h": round(members_h, 1),
                "women_y": round(MARGIN_TOP + plot_h - women_h, 1),
                "women_h": round(women_h, 1),
            }
        )
    ticks = [
        {"value": grouped(top * i // 4), "y": round(MARGIN_TOP + plot_h - plot_h * i / 4, 1)}
        for i in range(5)
    ]
    return {
        "height": HEIGHT,
        "groups": groups,
        "ticks": ticks,
        "axis_y": MARGIN_TOP + plot_h,
        "label_y": HEIGHT - 8,
        "title": _("Số đoàn viên theo năm"),
    }
