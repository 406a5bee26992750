from django.utils.functional import SimpleLazyObject

from lsunion.cache import cached_for_version
from news.models import Category, Slogan


def _menu():
    return list(Category.objects.filter(in_menu=True))


def _slogans():
    return list(Slogan.objects.current().values_list("text", flat=True))


def chrome(request):
    """The category menu and current slogans, computed once per content version, on demand."""
    return {
        "menu_categories": SimpleLazyObject(lambda: cached_for_version("menu", _menu)),
        "current_slogans": SimpleLazyObject(lambda: cached_for_version("slogans", _slogans)),
    }
