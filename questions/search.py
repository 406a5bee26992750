"""What questions contribute to site search (registered in QuestionsConfig.ready): the
published public version only; the search text never holds what the asker wrote."""

from django.utils.translation import gettext_lazy as _

from lsunion.search.registry import SearchSource
from questions.models import Question, Topic


def vocabulary():
    yield from Topic.objects.values_list("name", flat=True)
    yield from Question.objects.published().values_list("public_title", flat=True)[:2000]


SOURCE = SearchSource(
    key="hoi-dap",
    label=_("Hỏi đáp"),
    queryset=lambda: (
        Question.objects.published()
        .select_related("topic")
        .only(
            "public_title",
            "public_question",
            "public_answer",
            "slug",
            "published_at",
            "search_title",
            "search_text",
            "topic__name",
            "topic__slug",
        )
    ),
    result_template="questions/search_result.html",
    title_field="search_title",
    text_field="search_text",
    date_field="published_at",
    order=20,
    snippet=lambda question: f"{question.public_question} {question.public_answer}",
    title_of=lambda question: question.public_title,
    vocabulary=vocabulary,
)
