"""Xuất PDF: an article as a PDF document, set in the Noto Sans shipped beside this file.

The PDF never depends on the machine's fonts (the stylesheet names only the embedded face)
nor on the network: the URL fetcher serves our media from storage and this folder's files,
and refuses everything else, so an article that links a remote image still renders offline.

Imported only by the PDF view, so the site starts even where Pango is missing.
"""

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.core.files.storage import default_storage
from django.template.loader import get_template, render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from news.models import Article

ASSETS = Path(__file__).resolve().parent
STYLESHEET = ASSETS / "article.css"
# Photos are downsampled to this resolution: sharp on paper, small to download.
IMAGE_DPI = 150


class LocalOnlyFetcher(URLFetcher):
    """Fetch the stylesheet's fonts and the site's media from disk; refuse anything else."""

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "file":
            path = Path(url2pathname(parts.path)).resolve()
            if path.is_relative_to(ASSETS) and path.is_file():
                return URLFetcherResponse(url, path.read_bytes())
            raise ValueError(f"PDF: tệp ngoài thư mục cho phép: {url}")
        name = self._media_name(url)
        if name is None or not default_storage.exists(name):
            raise ValueError(f"PDF: bỏ qua tài nguyên ngoài trang: {url}")
        with default_storage.open(name, "rb") as stored:
            return URLFetcherResponse(url, stored.read())

    @staticmethod
    def _media_name(url: str) -> str | None:
        path = unquote(urlsplit(url).path)
        media = urlsplit(settings.MEDIA_URL).path
        if not path.startswith(media):
            return None
        name = posixpath.normpath(path[len(media) :])
        return None if name.startswith(("..", "/")) else name


def render_article_pdf(article: Article, *, address: str) -> bytes:
    """The article's PDF: federation, title, date line, photos with captions, byline, address."""
    html = render_to_string(
        "news/article_pdf.html",
        {"article": article, "address": address, "PORTAL": settings.PORTAL},
    )
    fetcher = LocalOnlyFetcher(allowed_protocols={"file", "http", "https"})
    fonts = FontConfiguration()
    stylesheet = CSS(filename=str(STYLESHEET), font_config=fonts, url_fetcher=fetcher)
    document = HTML(string=html, base_url=address, url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=[stylesheet],
        font_config=fonts,
        dpi=IMAGE_DPI,
        jpeg_quality=82,
        optimize_images=True,
        pdf_tags=True,
    )


def warm_up() -> None:
    """Load WeasyPrint, Pango and the embedded faces once, so the first real PDF is quick.

    Called at server start (gunicorn.conf.py) before workers fork: they inherit it all.
    """
    get_template("news/article_pdf.html")
    fonts = FontConfiguration()
    fetcher = LocalOnlyFetcher(allowed_protocols={"file"})
    stylesheet = CSS(filename=str(STYLESHEET), font_config=fonts, url_fetcher=fetcher)
    HTML(
        string="<h1>Lạng Sơn</h1><p>Công đoàn <b>đậm</b> <i>nghiêng</i></p>",
        url_fetcher=fetcher,
    ).write_pdf(stylesheets=[stylesheet], font_config=fonts)
