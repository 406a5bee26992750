"""{% load articles %}: an article's body with its photos placed where the editor put them."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from lsunion.html import split_blocks

register = template.Library()


@register.simple_tag
def article_body(article):
    """The sanitised body, with each photo figure inserted after its paragraph."""
    blocks = split_blocks(article.body)
    photos = list(article.photos.all())
    placed: dict[int, list] = {}
    for photo in photos:
        position = photo.after_paragraph
        if position is None or position > len(blocks):
            position = len(blocks)
        placed.setdefault(position, []).append(photo)
    parts = [_figures(placed.get(0, []))]
    for index, block in enumerate(blocks, start=1):
        parts.append(block)  # sanitised by Article.save
        parts.append(_figures(placed.get(index, [])))
    return mark_safe("".join(parts))


def _figures(photos) -> str:
    return "".join(render_to_string("includes/photo_figure.html", {"photo": p}) for p in photos)
