from django.apps import AppConfig


class NewsConfig(AppConfig):
    """Articles, categories and the slogans in the banner."""

    name = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from lsunion import desk as desks
        from news import desk

        desks.register(desk.provide)
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from lsunion.cache import bump_on_change, register_due_provider
        from news.models import Article, ArticlePhoto, Category, Slogan

        for model in (Article, ArticlePhoto, Category, Slogan):
            post_save.connect(
                bump_on_change, sender=model, dispatch_uid=f"bump-save-{model.__name__}"
            )
            post_delete.connect(
                bump_on_change, sender=model, dispatch_uid=f"bump-delete-{model.__name__}"
            )
        m2m_changed.connect(
            bump_on_change, sender=Article.mentioned_bodies.through, dispatch_uid="bump-mentions"
        )
        m2m_changed.connect(
            bump_on_change,
            sender=Article.mentioned_people.through,
            dispatch_uid="bump-people-mentions",
        )
        register_due_provider(Article.objects.next_due_time)
        register_due_provider(Slogan.objects.next_change_time)
        from news.popularity import next_hour

        # "Đọc nhiều" on cached pages follows the counts within the hour.
        register_due_provider(next_hour)

        from news.permissions import ARTICLE
        from organizations import permissions

        permissions.register(ARTICLE)

        from lsunion.search import registry as search_registry
        from news import search as news_search
        from news import sections as news_sections

        search_registry.register(news_search.SOURCE)

        from django.utils.translation import gettext_lazy

        from lsunion import citations

        citations.register_text(
            citations.CitingText(
                Article,
                gettext_lazy("Bài viết"),
                lambda article: article.body,
                Article.objects.published,
                order=10,
            )
        )

        from lsunion import sitemaps
        from news.sitemaps import ArticleSitemap, CategorySitemap

        sitemaps.register("tin-tuc", ArticleSitemap)
        sitemaps.register("chuyen-muc", CategorySitemap)

        from django.utils.translation import gettext_lazy as _

        from lsunion import menu
        from news.menu import CATEGORIES

        menu.register_section("news:home", _("Trang chủ"), 0)
        menu.register_section("news:feed-rss", _("Tin mới (RSS)"), 95)
        menu.register_kind(CATEGORIES)
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
        sections.register(
            "person",
            sections.Section(
                "news", "news/sections/person_news.html", news_sections.person_news, 10
            ),
        )
