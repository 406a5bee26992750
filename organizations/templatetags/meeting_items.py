"""{% load meeting_items %}: an item of the meeting list, built in Python, every value escaped.

Twenty items of template code were the largest part of the list's time (issue 17).
"""

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from lsunion.choices import display
from lsunion.dates import machine_datetime, short_date
from lsunion.html import escape

register = template.Library()


@register.simple_tag
def meeting_item(meeting):
    starts = timezone.localtime(meeting.starts_at)
    place = f" · {escape(meeting.place)}" if meeting.place else ""
    return mark_safe(
        f'<li><h2 class="card-title"><a href="{escape(meeting.get_absolute_url())}">'
        f"{escape(meeting.title)}</a></h2>"
        f'<p class="meta">{escape(display(meeting, "kind"))} · '
        f'<time datetime="{machine_datetime(starts)}">{short_date(starts)}</time> · '
        f"{escape(meeting.organiser)}{place}</p></li>"
    )
