from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """The documents library (văn bản): directives, plans, decisions, laws, and who cites them."""

    name = "documents"
    verbose_name = "Văn bản"

    def ready(self):
        from django.utils.translation import gettext_lazy

        from lsunion import menu

        menu.register_section("documents:list", gettext_lazy("Văn bản"), 45)
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from documents import citing
        from documents.models import Document, DocumentKind, Field, Issuer
        from lsunion import citations
        from lsunion.cache import bump_on_change

        for model in (Document, DocumentKind, Issuer, Field):
            post_save.connect(
                bump_on_change, sender=model, dispatch_uid=f"bump-save-{model.__name__}"
            )
            post_delete.connect(
                bump_on_change, sender=model, dispatch_uid=f"bump-delete-{model.__name__}"
            )
        for relation in (Document.replaces.through, Document.amends.through):
            m2m_changed.connect(
                bump_on_change, sender=relation, dispatch_uid=f"bump-{relation.__name__}"
            )
        post_save.connect(self._document_saved, sender=Document, dispatch_uid="document-file")
        # Any registered text (articles, meetings, decisions), whichever app registers it.
        post_save.connect(citing.on_save, dispatch_uid="documents-record-citations")
        post_delete.connect(citing.on_delete, dispatch_uid="documents-forget-citations")
        citations.register_linker(citing.link_html)

        from documents.models import Document as Scoped
        from organizations import permissions

        permissions.register(permissions.Scoped(Scoped, "owner", owner_fields=("owner",)))

        from documents import search
        from lsunion.search import registry as search_registry

        search_registry.register(search.SOURCE)

        from documents.sitemaps import DocumentSitemap
        from lsunion import sitemaps

        sitemaps.register("van-ban", DocumentSitemap)

    @staticmethod
    def _document_saved(sender, instance, raw=False, **kwargs):
        from documents import services

        if not raw and services.file_changed(instance):
            services.schedule_reading(document=instance)
