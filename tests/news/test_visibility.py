"""Readers see published articles only: drafts, archived and scheduled ones stay hidden."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from news import services
from news.models import Article
from tests.conftest import make_jpeg
from tests.factories import ArticleFactory, ArticlePhotoFactory, CategoryFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db


def public_pages(client, category):
    return [
        client.get("/").content.decode(),
        client.get(category.get_absolute_url()).content.decode(),
    ]


@pytest.mark.parametrize(
    "hidden",
    [
        {"draft": True},
        {"scheduled": True},
        {"status": Article.Status.ARCHIVED},
        {"status": Article.Status.REVIEW},
    ],
    ids=["draft", "scheduled", "archived", "waiting-for-review"],
)
def test_unpublished_article_is_a_404_and_absent_from_every_list(client, hidden):
    category = CategoryFactory(name="Hoạt động công đoàn")
    visible = ArticleFactory(title="Bài đã xuất bản về Đình Lập", category=category)
    secret = ArticleFactory(title="Bài chưa được công khai", category=category, **hidden)

    assert client.get(secret.get_absolute_url()).status_code == 404
    assert client.get(visible.get_absolute_url()).status_code == 200
    for page in public_pages(client, category):
        assert visible.title in page
        assert secret.title not in page


def test_scheduled_article_appears_by_itself_when_due_without_a_cron_job(client):
    category = CategoryFactory()
    due = timezone.now() + timedelta(hours=2)
    article = ArticleFactory(title="Thông báo lịch Đại hội Công đoàn tỉnh", category=category)
    article.published_at = due
    article.save()

    # Readers warm the page cache before the article is due.
    assert article.title not in client.get("/").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 404

    with time_machine.travel(due + timedelta(seconds=1), tick=False):
        assert article.title in client.get("/").content.decode()
        assert article.title in client.get(category.get_absolute_url()).content.decode()
        assert client.get(article.get_absolute_url()).status_code == 200


def test_unpublishing_takes_the_article_off_the_cached_pages_at_once(client):
    category = CategoryFactory()
    article = ArticleFactory(title="Tin cần gỡ xuống", category=category)
    assert article.title in client.get("/").content.decode()

    article.status = Article.Status.DRAFT
    article.save()

    assert article.title not in client.get("/").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_correction_is_visible_to_the_next_reader(client):
    article = ArticleFactory(title="Hội nghị sơ kết 6 tháng đầu năm")
    assert "6 tháng đầu năm" in client.get(article.get_absolute_url()).content.decode()

    article.title = "Hội nghị sơ kết 6 tháng đầu năm 2020 (đã đính chính)"
    article.save()

    assert "(đã đính chính)" in client.get(article.get_absolute_url()).content.decode()


def article_element(page: str) -> str:
    """The article as the reader gets it: from <article> to </article>, whitespace folded."""
    found = re.search(r'<article class="article".*?</article>', page, re.S)
    assert found, "no article on the page"
    return re.sub(r"\s+", " ", found.group(0))


def test_staff_preview_shows_a_draft_exactly_as_readers_will_see_it_and_is_never_cached(
    client, staff_client
):
    draft = ArticleFactory(
        draft=True, title="Bản nháp chờ xem trước", published_at=timezone.now() - timedelta(hours=2),
        body="<p>Đoạn một về hội nghị.</p><p>Đoạn hai: <strong>135 đoàn viên</strong>.</p>",
        source_body=UnionBodyFactory(name="Liên đoàn Lao động huyện Đình Lập"),
    )  # fmt: skip
    ArticlePhotoFactory(article=draft, caption="Quang cảnh hội nghị sơ kết", after_paragraph=1,
                        image=SimpleUploadedFile("hn.jpg", make_jpeg(), "image/jpeg"))  # fmt: skip
    url = f"/quan-tri/news/article/{draft.pk}/xem-truoc/"

    response = staff_client.get(url)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    preview = response.content.decode()
    assert "Bản xem trước" in preview
    public_url = draft.get_absolute_url()
    assert client.get(public_url).status_code == 404  # the preview left nothing in a cache

    services.publish(articles=[draft], by=None, now=False)
    published = client.get(public_url)
    assert published.status_code == 200
    assert "Quang cảnh hội nghị sơ kết" in preview and "135 đoàn viên" in preview
    assert article_element(preview) == article_element(published.content.decode())

    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert "/quan-tri/login/" in anonymous["Location"]
