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

        from news import sections as news_sections
        from organizations import sections

        sections.register(
            "body",
            sections.Section("news", "news/sections/body_news.html", news_sections.body_news, 10),
        )
        sections.register(
            "meeting",
            sections.Section(
                "news", "news/sections/meeting_news.html", news_sections.meeting_news, 10
            ),
        )
