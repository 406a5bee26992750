from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    """Hỏi đáp: workers' questions, the union's answers, and the contact form."""

    name = "questions"
    verbose_name = "Hỏi đáp"

    def ready(self):
        from django.utils.translation import gettext_lazy

        from lsunion import menu

        menu.register_section("questions:list", gettext_lazy("Hỏi đáp"), 50)
        from django.db.models.signals import post_delete, post_save

        from lsunion import desk as desks
        from lsunion import sitemaps
        from lsunion.cache import bump_on_change
        from lsunion.search import registry as search_registry
        from organizations import permissions
        from questions import desk, search
        from questions.models import Question, Topic
        from questions.permissions import CONTACT_MESSAGE, QUESTION
        from questions.sitemaps import QuestionSitemap, TopicSitemap

        desks.register(desk.provide)
        permissions.register(QUESTION)
        from lsunion import citations

        # An answer's căn cứ pháp lý links to the documents library, like a decision's căn cứ.
        citations.register_text(
            citations.CitingText(
                Question,
                gettext_lazy("Hỏi đáp"),
                lambda question: question.legal_basis,
                Question.objects.published,
                order=40,
                title_of=lambda question: question.public_title,
            )
        )
        permissions.register(CONTACT_MESSAGE)
        search_registry.register(search.SOURCE)
        sitemaps.register("hoi-dap", QuestionSitemap)
        sitemaps.register("chu-de-hoi-dap", TopicSitemap)
        post_save.connect(bump_on_change, sender=Topic, dispatch_uid="bump-save-Topic")
        post_delete.connect(bump_on_change, sender=Topic, dispatch_uid="bump-delete-Topic")
        # Readers see a question only while it is public: a question arriving or being
        # answered privately leaves every cached page as it is.
        post_save.connect(bump_if_public, sender=Question, dispatch_uid="bump-save-Question")
        post_delete.connect(bump_if_public, sender=Question, dispatch_uid="bump-delete-Question")


def bump_if_public(sender, instance, **kwargs):
    from lsunion.cache import bump

    if instance.is_public or instance.was_public:
        bump()
