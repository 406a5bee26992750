"""Template filters for Vietnamese dates and numbers: {% load vi %} then
{{ article.published_at|date_line }}, {{ figure.members|number }} (2.350)."""

from django import template

from lsunion import dates, numbers

register = template.Library()

register.filter("machine_datetime", dates.machine_datetime)
register.filter("date_line", dates.date_line)
register.filter("short_datetime", dates.short_datetime)
register.filter("short_date", dates.short_date)
register.filter("long_date", dates.long_date)

register.filter("number", numbers.grouped)
