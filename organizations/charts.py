"""A small server-rendered SVG bar chart of a body's members by year (no script, no CDN)."""

from django.utils.translation import gettext as _

WIDTH, HEIGHT = 640, 240
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 56, 28, 16
MAX_YEARS = 12


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
    plot_w = WIDTH - MARGIN_LEFT - 8
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    slot = plot_w / len(rows)
    bar = min(28, slot / 2.6)
    groups = []
    for index, figure in enumerate(rows):
        x = MARGIN_LEFT + index * slot + (slot - 2 * bar) / 2
        members_h = plot_h * figure.members / top
        women_h = plot_h * (figure.women_members or 0) / top
        groups.append(
            {
                "year": figure.year,
                "members": figure.members,
                "women": figure.women_members,
                "x": round(x, 1),
                "x2": round(x + bar, 1),
                "bar": round(bar, 1),
                "label_x": round(x + bar, 1),
                "members_y": round(MARGIN_TOP + plot_h - members_h, 1),
                "members_h": round(members_h, 1),
                "women_y": round(MARGIN_TOP + plot_h - women_h, 1),
                "women_h": round(women_h, 1),
            }
        )
    ticks = [
        {"value": top * i // 4, "y": round(MARGIN_TOP + plot_h - plot_h * i / 4, 1)}
        for i in range(5)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "groups": groups,
        "ticks": ticks,
        "axis_x": MARGIN_LEFT,
        "axis_y": MARGIN_TOP + plot_h,
        "axis_end": WIDTH - 8,
        "label_y": HEIGHT - 8,
        "title": _("Số đoàn viên theo năm"),
    }
