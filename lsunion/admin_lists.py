"""The admin site: every registered change list answers a junk query like any bad filter.

A year no calendar holds (`?published_at__year=99999999999999999999`) makes Django's date
hierarchy raise OverflowError, a 500, in our admins and in third-party ones (axes). The site
gives every ModelAdmin it registers the guard below, so an admin added later has it too.
"""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters


class GuardedChangeListMixin:
    """Treat an overflowing lookup as Django treats every other bad one: the list reloads with
    `?e=1` and says the filter was wrong."""

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except OverflowError as error:
            raise IncorrectLookupParameters(error) from error


class AdminSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, GuardedChangeListMixin):
            admin_class = type(admin_class.__name__, (GuardedChangeListMixin, admin_class), {})
        super().register(model_or_iterable, admin_class, **options)
