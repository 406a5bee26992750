from django import template

from lsunion import desk as desks

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_desk(context):
    request = context.get("request")
    return desks.for_request(request) if request is not None else desks.Desk()


@register.simple_tag(takes_context=True)
def menu_count(context, app_label, object_name):
    request = context.get("request")
    if request is None:
        return ""
    return desks.for_request(request).counts.get((app_label, object_name.lower()), "")
