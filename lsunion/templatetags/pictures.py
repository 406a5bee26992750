"""Responsive pictures from stored images: WebP and JPEG renditions with srcset/sizes.

Built in Python rather than an included template: a list page shows dozens of them.
"""

import html
import re

from django import template
from django.utils.safestring import SafeString, mark_safe

from lsunion import images
from lsunion.html import escape

register = template.Library()

# An article's photos fill its column: 44rem beside the side column (≥ 64rem), at most 47.5rem
# on a tablet, the screen less the page's margins on a phone. The browser picks the rendition
# for that width at the screen's density, so a photo is never shown larger than it was made.
ARTICLE_COLUMN_MAX = 760  # px, the widest an article's column gets
ARTICLE_PHOTO_SIZES = "(min-width: 64rem) 44rem, (min-width: 49.5rem) 47.5rem, calc(100vw - 2rem)"

_IMG_TAG = re.compile(r"<img\b([^>]*)>")
_ATTR = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"')


def picture_html(
    image, alt="", sizes="100vw", css_class="", eager=False, upscale=True
) -> SafeString:
    """<picture> for an ImageField value (empty when there is no image).

    upscale=False: never shown wider than the image itself (a 600 px photo in a 704 px
    column stays 600 px wide, sharp, rather than filling the column soft)."""
    name = getattr(image, "name", "") or ""
    if not name:
        return mark_safe("")
    width, height = images.size_from_name(name) or (None, None)
    sizes = escape(sizes)
    source = img_srcset = ""
    if width:
        source = f'<source type="image/webp" srcset="{escape(images.srcset(name, width, "webp"))}" sizes="{sizes}">'
        img_srcset = f' srcset="{escape(images.srcset(name, width, "jpg"))}" sizes="{sizes}"'
    dimensions = f' width="{width}" height="{height}"' if width else ""
    if width and not upscale and width < ARTICLE_COLUMN_MAX:
        dimensions += f' style="max-width: {width}px"'
    css = f' class="{escape(css_class)}"' if css_class else ""
    loading = 'fetchpriority="high"' if eager else 'loading="lazy"'
    return mark_safe(
        f'<picture>{source}<img src="{escape(images.media_url(name))}"{img_srcset} '
        f'alt="{escape(alt)}"{dimensions}{css} {loading} decoding="async"></picture>'
    )


def responsive_images(value: str, sizes: str = ARTICLE_PHOTO_SIZES) -> str:
    """Sanitised rich text whose own images (sized names under MEDIA_URL) become <picture>s
    with WebP and JPEG renditions for today's layout; other images stay as they are.

    Done when the page is rendered, from the names alone (no query, no storage lookup), so
    the sizes follow the layout rather than what it was when the text was saved."""

    def replace(match: re.Match) -> str:
        attrs = dict(_ATTR.findall(match.group(1)))
        name = images.media_name(html.unescape(attrs.get("src", "")))
        if not name or images.size_from_name(name) is None:
            return match.group(0)
        alt = html.unescape(attrs.get("alt", ""))
        return picture_html(_Named(name), alt=alt, sizes=sizes, upscale=False)

    return _IMG_TAG.sub(replace, value)


class _Named:
    """Stands in for a FieldFile: picture_html reads only the name."""

    def __init__(self, name: str):
        self.name = name


@register.simple_tag
def article_picture(image, alt="", eager=False):
    """A photo in an article's column (cover or body photo)."""
    return picture_html(image, alt=alt, sizes=ARTICLE_PHOTO_SIZES, eager=eager, upscale=False)


@register.simple_tag
def picture(image, alt="", sizes="100vw", css_class="", eager=False):
    return picture_html(image, alt=alt, sizes=sizes, css_class=css_class, eager=eager)
