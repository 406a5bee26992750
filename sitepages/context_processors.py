from django.utils.functional import SimpleLazyObject

from sitepages.menus import menus


def site_menus(request):
    """The main menu and the footer links, computed once per content version, on demand."""
    return {"site_menus": SimpleLazyObject(menus)}
