"""{% load award_rows %}: a row of the look-up's table, built in Python with every value escaped.

The look-up shows thirty rows of a dozen values each; as template code they were a third of
the page's time (a profile of /khen-thuong/?q=truong+thpt, issue 17).
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from lsunion.choices import display
from lsunion.html import escape

register = template.Library()


@register.simple_tag
def lookup_row(r):
    """One recipient with its unit and the decision that commended it."""
    position = f'<br><span class="meta">{escape(r.position)}</span>' if r.position else ""
    who = (
        f'<a href="{escape(r.get_absolute_url())}">{escape(r.name)}</a>{position} '
        f'<span class="badge">{escape(display(r, "kind"))}</span>'
    )
    unit = escape(r.unit)
    if r.unit_body_id:
        unit = f'<a href="{escape(r.unit_body.get_absolute_url())}">{unit}</a>'
    if r.body_id and r.body.name != r.name and r.body_id != r.unit_body_id:
        unit += ("<br>" if r.unit else "") + (
            f'<a href="{escape(r.body.get_absolute_url())}">{escape(r.body.name)}</a>'
        )
    decision = r.decision
    revoked = (
        f' <span class="badge badge--revoked">{escape(_("Đã bị thu hồi"))}</span>'
        if decision.is_revoked
        else ""
    )
    award = (
        f"{escape(decision.award_name)} – {escape(decision.issuing_body)} ({decision.year})<br>"
        f'<a href="{escape(decision.get_absolute_url())}">'
        f"{escape(_('QĐ số'))} {escape(decision.reference)}</a>{revoked}"
    )
    # data-label names the column where a phone shows the row as a card (site.css .card-table).
    unit_cell = (
        f'<td class="text" data-label="{escape(_("Đơn vị"))}">{unit}</td>'
        if unit
        else '<td class="text"></td>'
    )
    return mark_safe(
        f'<tr id="r{r.pk}"><td class="text">{who}</td>{unit_cell}<td class="text">{award}</td></tr>'
    )
