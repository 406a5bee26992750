from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    """Union bodies, people, terms, positions and meetings: the foundation of the domain."""

    name = "organizations"
    verbose_name = "Tổ chức công đoàn"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from lsunion.cache import bump_on_change
        from organizations.models import UnionBody

        for model in (UnionBody,):
            post_save.connect(
                bump_on_change, sender=model, dispatch_uid=f"bump-save-{model.__name__}"
            )
            post_delete.connect(
                bump_on_change, sender=model, dispatch_uid=f"bump-delete-{model.__name__}"
            )
