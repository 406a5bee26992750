from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpResponseBadRequest


class PermissionsPolicyMiddleware:
    """Send the Permissions-Policy header (Django has no setting for it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class RejectMalformedInputMiddleware:
    """Answer 400 to requests whose address carries NUL bytes or bytes that are not UTF-8.

    Such input has no honest use; refusing it at the door keeps it away from every view,
    filter and database query (PostgreSQL rejects NUL in text with an error, a 500).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw_query = request.META.get("QUERY_STRING", "")
        if _malformed(request.path) or _malformed(unquote_to_bytes(raw_query)):
            return HttpResponseBadRequest(
                "Yêu cầu không hợp lệ: địa chỉ chứa ký tự không được phép.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def _malformed(value) -> bool:
    data = value.encode("utf-8", "surrogateescape") if isinstance(value, str) else value
    if b"\x00" in data:
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False
