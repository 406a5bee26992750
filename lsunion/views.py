from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from lsunion.cache import cache_available
from lsunion.site import site_url


@never_cache
def health(request):
    """For load balancers: 503 only when the database fails.

    Without Redis the site still serves (it is a cache), so the answer is 200 with
    `"status": "degraded"`: taking every host out of the pool for it would stop the site.
    """
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:  # noqa: BLE001 - any failure means unhealthy
        checks["database"] = f"lỗi: {error.__class__.__name__}"
    cache.set("health-check", "ok", 5)
    cache_ok = cache_available() and cache.get("health-check") == "ok"
    checks["cache"] = "ok" if cache_ok else "degraded"
    if checks["database"] != "ok":
        checks["status"] = "down"
    else:
        checks["status"] = "ok" if cache_ok else "degraded"
    return JsonResponse(checks, status=503 if checks["status"] == "down" else 200)


def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_PATH}",
        "Disallow: /bien-tap/",
        "Disallow: /tim-kiem/",
        f"Sitemap: {site_url()}/sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def bench_hello(request):
    """The baseline of `make bench`: the smallest Django view, behind the same middleware."""
    return HttpResponse("Xin chào", content_type="text/plain; charset=utf-8")
