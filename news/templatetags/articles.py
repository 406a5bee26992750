"""{% load articles %}: an article's body with its photos placed where the editor put them."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from lsunion.dates import machine_datetime, short_datetime
from lsunion.html import escape, split_blocks
from lsunion.templatetags.pictures import picture_html, responsive_images

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
        parts.append(responsive_images(block))  # sanitised by Article.save
        parts.append(_figures(placed.get(index, [])))
    return mark_safe("".join(parts))


def _figures(photos) -> str:
    return "".join(render_to_string("includes/photo_figure.html", {"photo": p}) for p in photos)


# What each kind of card's picture is shown at (the `sizes` of its srcset), by layout width.
CARD_SIZES = {
    "lead": "(min-width: 64rem) 460px, (min-width: 48rem) 58vw, 46vw",
    "large": "(max-width: 760px) 100vw, 640px",
    "stacked": "(min-width: 64rem) 370px, (min-width: 48rem) 46vw, 100vw",
    "thumb": "7.5rem",
}


@register.simple_tag
def article_card(
    article,
    large=False,
    lead=False,
    stacked=False,
    show_summary=False,
    show_category=False,
    heading=3,
    sizes="",
):
    """A card for a list of articles. Built with plain string formatting, every value
    escaped: the home page shows dozens, and template includes cost ten times as much.

    heading is the title's level: 3 under a block's h2 (home), 2 in a list under the h1.
    lead: the front page's main story (a large picture beside its title on wide screens);
    stacked: the picture above the title; otherwise a thumbnail beside it."""
    level = 2 if heading == 2 else 3
    url = escape(article.get_absolute_url())
    kind = "lead" if lead else "large" if large else "stacked" if stacked else "thumb"
    image = ""
    if article.cover_image:
        picture = picture_html(
            article.cover_image, alt="", sizes=sizes or CARD_SIZES[kind], eager=lead or large
        )
        image = f'<a class="card-image" href="{url}" tabindex="-1" aria-hidden="true">{picture}</a>'
    category = ""
    if show_category:
        category_url = escape(article.category.get_absolute_url())
        category = f' · <a href="{category_url}">{escape(article.category.name)}</a>'
    summary = ""
    if show_summary and article.summary:
        summary = f'<p class="card-summary">{escape(Truncator(article.summary).words(40))}</p>'
    published = timezone.localtime(article.published_at)
    modifier = {"lead": " card--lead", "large": " card--large", "stacked": " card--stacked"}
    return mark_safe(
        f'<article class="card{modifier.get(kind, "")}">{image}<div class="card-body">'
        f'<h{level} class="card-title"><a href="{url}">{escape(article.title)}</a></h{level}>'
        f'<p class="meta"><time datetime="{machine_datetime(published)}">'
        f"{short_datetime(published)}</time>{category}</p>{summary}</div></article>"
    )


@register.simple_tag
def article_link(article, show_time=False):
    """An article's title as a link, for the side column's short lists (time optional)."""
    url = escape(article.get_absolute_url())
    when = ""
    if show_time:
        published = timezone.localtime(article.published_at)
        when = (
            f' <time class="meta" datetime="{machine_datetime(published)}">'
            f"{short_datetime(published)}</time>"
        )
    return mark_safe(f'<a href="{url}">{escape(article.title)}</a>{when}')
