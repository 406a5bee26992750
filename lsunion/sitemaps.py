"""The sitemap sections each app contributes (registered in its AppConfig.ready)."""

from django.contrib.sitemaps import Sitemap

SITEMAPS: dict[str, type[Sitemap]] = {}


def register(name: str, sitemap: type[Sitemap]) -> None:
    SITEMAPS[name] = sitemap
