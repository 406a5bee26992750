"""{% load award_chart %}{% awards_chart_html chart %}: the look-up's chart, built in Python.

A dozen years of stacked bars, each with its tooltip, plus the table of the same figures: as
template code that was the second largest part of the look-up's rendering (issue 17). Every
text is escaped; numbers are written without locale formatting, as the SVG needs them.
"""

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from lsunion.html import escape

register = template.Library()


def _svg(chart: dict) -> str:
    described = "".join(
        f"; {g['year']}: {g['total']} {_('lượt')} ("
        + ", ".join(f"{s['form']} {s['value']}" for s in g["segments"])
        + ")"
        for g in chart["groups"]
    )
    parts = [
        f'<svg width="100%" height="{chart["height"]}" role="img" '
        'aria-labelledby="bieu-do-khen-thuong" focusable="false">'
        f'<title id="bieu-do-khen-thuong">{escape(chart["title"] + described)}</title>'
    ]
    for tick in chart["ticks"]:
        parts.append(
            f'<line class="chart-grid" x1="0" x2="100%" y1="{tick["y"]}" y2="{tick["y"]}"></line>'
            f'<text class="chart-label" x="-6" y="{tick["y"]}" text-anchor="end" '
            f'dominant-baseline="middle">{escape(tick["value"])}</text>'
        )
    for g in chart["groups"]:
        for s in g["segments"]:
            parts.append(
                f'<rect class="chart-series chart-series--{s["series"]}" x="{g["x"]}%" '
                f'y="{s["y"]}" width="{chart["bar"]}%" height="{s["height"]}">'
                f"<title>{g['year']} – {escape(s['form'])}: {escape(s['value'])}</title></rect>"
            )
        minor = " chart-label--minor" if g["minor"] else ""
        parts.append(
            f'<text class="chart-label{minor}" x="{g["label_x"]}%" y="{chart["label_y"]}" '
            f'text-anchor="middle">{g["year"]}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(chart: dict) -> str:
    heads = "".join(f'<th scope="col">{escape(s["name"])}</th>' for s in chart["series"])
    rows = "".join(
        f'<tr><th scope="row">{g["year"]}</th>'
        + "".join(f"<td>{escape(v)}</td>" for v in g["values"])
        + f"<td>{escape(g['total'])}</td></tr>"
        for g in chart["groups"]
    )
    return (
        f"<details><summary>{escape(_('Bảng số liệu của biểu đồ'))}</summary>"
        '<div class="table-scroll" tabindex="0" role="region" '
        f'aria-label="{escape(_("Số lượt khen thưởng theo năm và hình thức"))}">'
        f'<table class="data-table"><thead><tr><th scope="col">{escape(_("Năm"))}</th>{heads}'
        f'<th scope="col">{escape(_("Tổng"))}</th></tr></thead><tbody>{rows}</tbody></table>'
        "</div></details>"
    )


@register.simple_tag
def awards_chart_html(chart: dict) -> SafeString:
    """The chart (see awards.charts.awards_chart), its legend and its table of figures."""
    legend = "".join(
        f'<span class="legend chart-series--{s["number"]}"></span> {escape(s["name"])} '
        for s in chart["series"]
    )
    return mark_safe(  # every text above is escaped
        '<div class="chart chart--awards"><figure class="chart-figure">'
        f'<div class="chart-plot">{_svg(chart)}</div>'
        f"<figcaption>{legend}</figcaption></figure>{_table(chart)}</div>"
    )
