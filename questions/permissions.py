"""How questions fit organizations.permissions: scoped by the body they were routed to.

A Phóng viên answers and drafts the public version; publishing it takes the same right as
publishing an article's, held by Biên tập viên and Tổng biên tập (questions.publish_question,
given to the same roles as news.publish_article). Once published, only they change it.
"""

from organizations.permissions import Scoped
from questions.models import ContactMessage, Question


def _question_rule(user, action: str, question: Question) -> bool:
    if action in ("change", "delete") and not user.has_perm("questions.publish_question"):
        return question.publication != Question.Publication.PUBLISHED
    return True


QUESTION = Scoped(
    model=Question,
    body_path="body",
    publish_permission="questions.publish_question",
    owner_fields=("body",),
    rule=_question_rule,
)
CONTACT_MESSAGE = Scoped(model=ContactMessage, body_path="body", owner_fields=("body",))
