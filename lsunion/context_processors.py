from django.conf import settings


def portal(request):
    """The portal's identity and the page's canonical address, for every template."""
    canonical = settings.SITE_URL + request.path
    page = request.GET.get("page", "")
    if page.isdigit() and page not in ("0", "1") and len(page) < 6:
        canonical += f"?page={page}"
    return {"PORTAL": settings.PORTAL, "SITE_URL": settings.SITE_URL, "canonical_url": canonical}
