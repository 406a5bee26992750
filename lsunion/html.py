"""Rich text in: the one sanitiser every model's save uses, and helpers for sanitised HTML."""

import html
import re

import nh3
from django.conf import settings

from lsunion import images
from lsunion.text import nfc


def escape(value) -> str:
    """What django.utils.html.escape() writes (& < > " ' as entities), as a plain str.

    For HTML built in Python (cards, table rows, pictures, charts), which escapes every value
    and marks only the whole result safe. Django's escape() wraps each call to accept lazy
    strings: a page of cards calls it four hundred times, and the wrapper was two thirds of
    its cost (issue 17).
    """
    return html.escape(str(value))


ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "a", "img", "figure", "figcaption",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "blockquote",
    "strong", "em", "b", "i", "u", "s", "sub", "sup", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
ALLOWED_CLASSES = {
    "figure": {
        "image", "table", "image-style-align-left", "image-style-align-center",
        "image-style-align-right", "image-style-block-align-left",
        "image-style-block-align-right", "image_resized",
    },
}  # fmt: skip
VOID_TAGS = {"img", "br", "hr"}

_IMG_TAG = re.compile(r"<img\b([^>]*)>")
_ATTR = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"')
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?>")


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    if tag == "img" and name == "src":
        # Only images from our own media: no hotlinking, no tracking pixels, no data: URLs.
        return value if value.startswith(settings.MEDIA_URL) else None
    if name in {"width", "height", "colspan", "rowspan", "start"}:
        return value if value.isdigit() and len(value) <= 5 else None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    allowed_classes=ALLOWED_CLASSES,
    attribute_filter=_filter_attribute,
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener",
    clean_content_tags={"script", "style", "template", "iframe", "object", "noscript"},
    strip_comments=True,
)


def _finish_img(match: re.Match) -> str:
    attrs = dict(_ATTR.findall(match.group(1)))
    src = attrs.get("src")
    if not src:
        return ""  # an image whose source was refused is dropped, not left broken
    parts = [f'src="{src}"', f'alt="{attrs.get("alt", "")}"']
    size = images.size_from_url(html.unescape(src))
    if size:
        width, height = size
        srcset = images.srcset_for_url(html.unescape(src), width)
        if srcset:
            parts.append(f'srcset="{html.escape(srcset)}"')
            parts.append('sizes="(max-width: 760px) 100vw, 760px"')
        parts.append(f'width="{width}" height="{height}"')
    parts.append('loading="lazy" decoding="async"')
    return "<img " + " ".join(parts) + ">"


def sanitise_html(value: str | None) -> str:
    """Return rich text that is safe to show as is: allow-listed tags, our images only."""
    cleaned = _cleaner.clean(nfc(value))
    return _IMG_TAG.sub(_finish_img, cleaned).strip()


def text_to_html(text: str) -> str:
    """Plain paragraphs (separated by blank lines or line breaks) as escaped <p> elements."""
    paragraphs = [line.strip() for line in nfc(text).splitlines() if line.strip()]
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


def strip_tags(value: str) -> str:
    """The visible text of sanitised HTML, one space between blocks."""
    text = re.sub(r"<[^>]+>", " ", value or "")
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def images_without_alt(value: str) -> int:
    """How many <img> in the HTML have no (or an empty) alternative text."""
    missing = 0
    for match in _IMG_TAG.finditer(value or ""):
        attrs = dict(_ATTR.findall(match.group(1)))
        if not attrs.get("alt", "").strip():
            missing += 1
    return missing


def split_blocks(value: str) -> list[str]:
    """Split sanitised HTML into its top-level blocks (paragraphs, figures, lists...)."""
    blocks: list[str] = []
    depth, start = 0, 0
    for match in _TAG.finditer(value or ""):
        closing, tag = match.group(1), match.group(2).lower()
        if tag in VOID_TAGS:
            if depth == 0:
                blocks.append(value[start : match.end()])
                start = match.end()
            continue
        if closing:
            depth -= 1
            if depth <= 0:
                depth = 0
                blocks.append(value[start : match.end()])
                start = match.end()
        else:
            if depth == 0 and value[start : match.start()].strip():
                blocks.append(value[start : match.start()])
                start = match.start()
            depth += 1
    if value and value[start:].strip():
        blocks.append(value[start:])
    return [b.strip() for b in blocks if b.strip()]
