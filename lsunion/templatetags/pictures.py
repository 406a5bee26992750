"""Responsive pictures from stored images: WebP and JPEG renditions with srcset/sizes.

Built in Python rather than an included template: a list page shows dozens of them.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from lsunion import images

register = template.Library()


def picture_html(image, alt="", sizes="100vw", css_class="", eager=False) -> SafeString:
    """<picture> for an ImageField value (empty when there is no image)."""
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
    css = f' class="{escape(css_class)}"' if css_class else ""
    loading = 'fetchpriority="high"' if eager else 'loading="lazy"'
    return mark_safe(
        f'<picture>{source}<img src="{escape(images.media_url(name))}"{img_srcset} '
        f'alt="{escape(alt)}"{dimensions}{css} {loading} decoding="async"></picture>'
    )


@register.simple_tag
def picture(image, alt="", sizes="100vw", css_class="", eager=False):
    return picture_html(image, alt=alt, sizes=sizes, css_class=css_class, eager=eager)
