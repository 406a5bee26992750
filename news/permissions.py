"""How articles fit organizations.permissions: scoped by their source body."""

from news.models import Article
from organizations.permissions import Scoped


def _article_rule(user, action: str, article: Article) -> bool:
    # Reporters write drafts; once submitted or published, only those who approve may edit.
    if action in ("change", "delete") and not user.has_perm("news.publish_article"):
        return article.status == Article.Status.DRAFT
    return True


ARTICLE = Scoped(
    model=Article,
    body_path="source_body",
    publish_permission="news.publish_article",
    owner_fields=("source_body",),
    rule=_article_rule,
)
