"""QR codes of verification addresses, made on the server (no external service)."""

import io

import segno
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from lsunion.site import absolute


def absolute_url(path: str) -> str:
    return absolute(path)


def qr_svg(url: str, *, inline: bool = True) -> str:
    """The QR code of `url` as SVG; black on white whatever the site's theme, to print."""
    code = segno.make(url, error="m", micro=False)
    options = {"scale": 4, "border": 4, "dark": "#000", "light": "#fff"}
    title = escape(_("Mã QR của địa chỉ xác minh %(url)s") % {"url": url})
    if inline:
        # Built from our own URL only; the title is escaped above.
        return mark_safe(code.svg_inline(title=title, svgclass="qr-code", **options))
    out = io.BytesIO()
    code.save(out, kind="svg", title=title, **options)
    return out.getvalue().decode()
