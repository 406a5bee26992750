"""What an article mentions: the union bodies, people and meeting it names.

The same matcher as the old-portal import (organizations.matching) reads the article's text
on every save in the admin and links what it finds; the editor removes a wrong suggestion
and it is not suggested again for that article.
"""

from dataclasses import dataclass, field

from lsunion.html import strip_tags
from news.models import Article
from organizations.matching import (
    mentioned_body_ids,
    mentioned_meeting_ids,
    mentioned_person_ids,
)

KINDS = ("bodies", "people", "meetings")


@dataclass
class Mentions:
    bodies: set[int] = field(default_factory=set)
    people: set[int] = field(default_factory=set)
    meetings: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.bodies or self.people or self.meetings)


def article_text(article: Article) -> str:
    captions = [article.cover_caption]
    if article.pk:
        captions += [p.caption for p in article.photos.all()]
    return "\n".join(
        [article.title, article.summary, strip_tags(article.body), *filter(None, captions)]
    )


def find_mentions(article: Article) -> Mentions:
    """Everything the article's text names, whatever the editor decided before."""
    text = article_text(article)
    bodies = mentioned_body_ids(text)
    about = bodies | ({article.source_body_id} if article.source_body_id else set())
    return Mentions(
        bodies=bodies,
        people=mentioned_person_ids(text),
        meetings=mentioned_meeting_ids(text, body_ids=about),
    )


def suggest_mentions(*, article: Article, removed: Mentions | None = None) -> Mentions:
    """Link what the article names and the editor has not taken off; return what was added.

    `removed` is what the editor took off in this save: it is remembered so that the next
    save does not put it back.
    """
    dismissed = {kind: set(article.dismissed_mentions.get(kind, [])) for kind in KINDS}
    for kind in KINDS:
        dismissed[kind] |= getattr(removed, kind, set()) if removed else set()
    found = find_mentions(article)
    added = Mentions(
        bodies=found.bodies
        - set(article.mentioned_bodies.values_list("pk", flat=True))
        - dismissed["bodies"],
        people=found.people
        - set(article.mentioned_people.values_list("pk", flat=True))
        - dismissed["people"],
    )
    if added.bodies:
        article.mentioned_bodies.add(*added.bodies)
    if added.people:
        article.mentioned_people.add(*added.people)
    meetings = found.meetings - dismissed["meetings"]
    update = []
    if article.meeting_id is None and len(meetings) == 1:
        article.meeting_id = next(iter(meetings))
        added.meetings = {article.meeting_id}
        update.append("meeting")
    remembered = {kind: sorted(ids) for kind, ids in dismissed.items() if ids}
    if remembered != article.dismissed_mentions:
        article.dismissed_mentions = remembered
        update.append("dismissed_mentions")
    if update:
        Article.objects.filter(pk=article.pk).update(
            **{name: getattr(article, name) for name in update}
        )
    return added
