from django.conf import settings


def portal(request):
    """The portal's identity and where the admin lives, for every template."""
    return {"PORTAL": settings.PORTAL, "SITE_URL": settings.SITE_URL}
