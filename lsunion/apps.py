from django.apps import AppConfig
from django.db.backends.signals import connection_created


class LsunionConfig(AppConfig):
    """The project's own app: cross-app text, image, cache and date helpers."""

    name = "lsunion"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from lsunion.collation import register_sqlite_collation

        connection_created.connect(register_sqlite_collation, dispatch_uid="lsunion-vi-collation")
