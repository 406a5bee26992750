"""`load_demo` gives a portal that looks in use: every category fills its front-page block with
pictured stories, people have portraits, meetings their documents, bodies their member figures –
all marked as samples – and a second run adds nothing and draws nothing."""

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image

from news.models import Article, ArticleDailyViews, ArticlePhoto, Category
from news.views import HOME_PER_CATEGORY
from organizations.models import Meeting, MemberFigure, Person, UnionBody

pytestmark = pytest.mark.django_db


def test_demo_fills_every_category_with_pictured_stories_marked_as_samples(settings):
    call_command("load_demo", verbosity=0)

    for category in Category.objects.filter(on_home=True):
        articles = Article.objects.published().filter(category=category)
        assert articles.count() > HOME_PER_CATEGORY, category.name
    samples = Article.objects.filter(title__endswith="(Bài mẫu)")
    assert samples.count() >= 25
    assert Article.objects.filter(is_featured=True).count() >= 5
    for article in samples:
        assert "Bài mẫu minh họa" in article.body
        with default_storage.open(article.cover_image.name) as stored, Image.open(stored) as image:
            assert image.width >= 960
            colours = image.convert("RGB").resize((64, 43)).getcolors(64 * 43)
            assert len(colours) > 40  # a drawn scene, not a grey box
    assert not ArticlePhoto.objects.filter(image="").exists()  # seed photos get pictures too
    assert ArticleDailyViews.objects.exists()

    assert not Person.objects.filter(photo="").exists()
    for meeting in Meeting.objects.all():
        documents = list(meeting.documents.all())
        assert documents and all("mẫu" in d.title for d in documents)
        with default_storage.open(documents[0].file.name) as pdf:
            assert pdf.read(5) == b"%PDF-"
    for body in UnionBody.objects.filter(kind__in=["provincial", "sectoral", "grassroots"]):
        assert MemberFigure.objects.filter(body=body).count() >= 5, body.name

    cache = settings.DEMO_PICTURE_CACHE
    before = {p.name: p.stat().st_mtime_ns for p in cache.rglob("*")}
    counts = (Article.objects.count(), ArticlePhoto.objects.count(), MemberFigure.objects.count())
    call_command("load_demo", verbosity=0)
    assert (
        Article.objects.count(),
        ArticlePhoto.objects.count(),
        MemberFigure.objects.count(),
    ) == counts
    after = {p.name: p.stat().st_mtime_ns for p in cache.rglob("*")}
    assert after == before  # nothing drawn again
