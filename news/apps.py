from django.apps import AppConfig


class NewsConfig(AppConfig):
    """Articles, categories and the slogans in the banner."""

    name = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from lsunion.cache import bump_on_change, register_due_provider
        from news.models import Article, ArticlePhoto, Category, Slogan

        for model in (Article, ArticlePhoto, Category, Slogan):
            post_save.connect(
                bump_on_change, sender=model, dispatch_uid=f"bump-save-{model.__name__}"
            )
            post_delete.connect(
                bump_on_change, sender=model, dispatch_uid=f"bump-delete-{model.__name__}"
            )
        register_due_provider(Article.objects.next_due_time)
