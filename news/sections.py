"""The news sections that organizations' body and meeting pages show (see organizations.sections)."""

from news.models import Article

BODY_NEWS_COUNT = 6


def body_news(body) -> dict | None:
    articles = list(Article.objects.published().about_body(body).for_listing()[:BODY_NEWS_COUNT])
    return {"articles": articles, "body": body} if articles else None


def meeting_news(meeting) -> dict | None:
    articles = list(Article.objects.published().filter(meeting=meeting).for_listing())
    return {"articles": articles} if articles else None


PERSON_NEWS_COUNT = 10


def person_news(person) -> dict | None:
    """The newest articles that mention a person (one query)."""
    articles = list(
        Article.objects.published()
        .filter(mentioned_people=person)
        .for_listing()[:PERSON_NEWS_COUNT]
    )
    return {"articles": articles, "person": person} if articles else None
