"""The portal's own address, for links that leave the page: canonical, og:url, QR codes,
PDF footers and e-mails.

DJANGO_SITE_URL wins when it is set. Without it, the address is the one the reader used:
the request's scheme, host and port, kept for the duration of the request the way Django
keeps the script prefix, so a mail written while an editor saves carries the address the
editor works on. Outside any request (a command, a worker) it is the development address.
"""

from contextvars import ContextVar

from django.conf import settings

DEVELOPMENT_URL = "http://127.0.0.1:8000"
_from_request: ContextVar[str | None] = ContextVar("site_url_from_request", default=None)


def site_url() -> str:
    """Scheme, host and port, without a trailing slash."""
    return settings.SITE_URL or _from_request.get() or DEVELOPMENT_URL


def absolute(path: str) -> str:
    return site_url() + path


class SiteUrlMiddleware:
    """Remember the request's own address while it is served (after SecurityMiddleware, so
    a proxy's X-Forwarded-Proto is honoured; get_host() refuses hosts not allowed)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _from_request.set(f"{request.scheme}://{request.get_host()}")
        try:
            return self.get_response(request)
        finally:
            _from_request.reset(token)
