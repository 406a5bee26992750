from django.apps import AppConfig


class SitePagesConfig(AppConfig):
    """The pages every portal has (Giới thiệu, Liên hệ, Sơ đồ cổng thông tin) and the menus."""

    name = "sitepages"
    verbose_name = "Trang cố định và menu"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from lsunion import sitemaps
        from lsunion.cache import bump_on_change
        from sitepages.models import MenuItem, Page
        from sitepages.sitemaps import PageSitemap

        for model in (Page, MenuItem):
            post_save.connect(
                bump_on_change, sender=model, dispatch_uid=f"bump-save-{model.__name__}"
            )
            post_delete.connect(
                bump_on_change, sender=model, dispatch_uid=f"bump-delete-{model.__name__}"
            )
        sitemaps.register("trang", PageSitemap)
