"""The portal's own Vietnamese error pages also under DEBUG (`make run`).

With DEBUG on, Django answers a missing page with its English technical 404, which lists
every URL pattern, the admin's path included, and an error with the technical 500. A newcomer
should see what readers see; a developer who wants the technical pages sets
DJANGO_TECHNICAL_ERRORS=1. Without DEBUG this middleware does nothing: Django already uses
the portal's handlers.
"""

import logging

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.urls import get_resolver

logger = logging.getLogger("django.request")


def _active() -> bool:
    return settings.DEBUG and not settings.TECHNICAL_ERRORS


def _handler(status: int):
    return get_resolver().resolve_error_handler(status)


class PortalErrorPagesMiddleware:
    """Placed before CommonMiddleware, so a missing slash is still redirected first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # No view was found for the address: the 404 is Django's technical list of URLs.
        if response.status_code == 404 and not getattr(request, "_view", False) and _active():
            response = _handler(404)(request, Http404())
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        request._view = True

    def process_exception(self, request, exception):
        if not _active():
            return None
        if isinstance(exception, Http404):
            return _handler(404)(request, exception)
        if isinstance(exception, (BadRequest, SuspiciousOperation)):
            return _handler(400)(request, exception)
        # PermissionDenied already gets the portal's 403 page under DEBUG.
        if not isinstance(exception, PermissionDenied):
            # The traceback still reaches the developer's console.
            logger.error("Internal Server Error: %s", request.path, exc_info=exception,
                         extra={"status_code": 500, "request": request})  # fmt: skip
            return _handler(500)(request)
        return None
