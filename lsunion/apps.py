from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.backends.signals import connection_created


class LsunionConfig(AppConfig):
    """The project's own app: cross-app text, image, cache and date helpers."""

    default = True
    name = "lsunion"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from lsunion import converters  # noqa: F401 - registers the `id` path converter
        from lsunion.collation import register_sqlite_collation

        connection_created.connect(register_sqlite_collation, dispatch_uid="lsunion-vi-collation")

        from django.db.models.signals import post_delete, post_save

        from lsunion.cache import bump_on_change
        from lsunion.models import Abbreviation

        post_save.connect(
            bump_on_change, sender=Abbreviation, dispatch_uid="bump-save-abbreviation"
        )
        post_delete.connect(
            bump_on_change, sender=Abbreviation, dispatch_uid="bump-del-abbreviation"
        )

        from lsunion import versioning

        versioning.connect()

        from lsunion import desk, desk_mail

        desk.register(desk_mail.provide)

        from django.utils.translation import gettext_lazy as _

        from lsunion import menu

        menu.register_section("search", _("Tìm kiếm"), 90)


class AdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the project's site (lsunion.admin_lists.AdminSite)."""

    default = False
    default_site = "lsunion.admin_lists.AdminSite"

    def ready(self):
        super().ready()
        # The task queue's own admin speaks English and shows internals; staff see their mail
        # in "Thư gửi đi" (lsunion.admin_mail) instead.
        from django.contrib import admin
        from django_tasks_db.models import DBTaskResult

        if admin.site.is_registered(DBTaskResult):
            admin.site.unregister(DBTaskResult)
