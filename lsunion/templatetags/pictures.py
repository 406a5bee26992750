"""Responsive pictures from stored images: WebP and JPEG renditions with srcset/sizes."""

from django import template
from django.core.files.storage import default_storage

from lsunion import images

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(image, alt="", sizes="100vw", css_class="", eager=False):
    """Render <picture> for an ImageField value; nothing when there is no image."""
    name = getattr(image, "name", "") or ""
    size = images.size_from_name(name)
    if not name:
        return {"image": None}
    width, height = size or (None, None)
    return {
        "image": image,
        "src": default_storage.url(name),
        "webp": images.srcset(name, width, "webp") if width else "",
        "jpg": images.srcset(name, width, "jpg") if width else "",
        "width": width,
        "height": height,
        "alt": alt,
        "sizes": sizes,
        "css_class": css_class,
        "eager": eager,
    }
