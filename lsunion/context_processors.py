from django.conf import settings

from lsunion.site import site_url


def portal(request):
    """The portal's identity and the page's canonical address, for every template."""
    base = site_url()
    canonical = base + request.path
    page = request.GET.get("page", "")
    if page.isdigit() and page not in ("0", "1") and len(page) < 6:
        canonical += f"?page={page}"
    return {"PORTAL": settings.PORTAL, "SITE_URL": base, "canonical_url": canonical}
