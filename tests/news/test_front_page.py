"""The home page as a front page, an article with its side column, and photos served at the
size the layout shows them (WebP, never blown up), at a constant number of queries."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from news.models import ArticlePhoto
from tests.conftest import make_jpeg
from tests.factories import ArticleFactory, CategoryFactory, PersonFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db


def section(page: str, marker: str) -> str:
    start = page.index(marker)
    return page[start : page.index("</section>", start)]


def test_front_page_leads_with_one_story_then_four_and_never_repeats_them_in_the_blocks(client):
    news = CategoryFactory(name="Hoạt động công đoàn")
    featured = [ArticleFactory(title=f"Tin nổi bật số {n}", category=news, is_featured=True) for n in range(5)]  # fmt: skip
    others = [ArticleFactory(title=f"Tin thường số {n}", category=news) for n in range(3)]

    page = client.get("/").content.decode()
    lead = re.search(r'<article class="card card--lead">.*?</article>', page, re.S)[0]
    assert featured[-1].title in lead  # the newest featured story
    row = page[page.index('class="featured-row"') : page.index('class="category-grid"')]
    assert row.count('class="card card--stacked"') == 4
    block = section(page, 'id="khoi-hoat-dong-cong-doan"')
    for article in featured:
        assert article.title not in block
    for article in others:
        assert article.title in block
    side = page[page.index('class="front-side"') :]
    assert 'id="tin-moi"' in side and others[-1].title in side
    assert 'id="doc-nhieu"' not in page  # nobody has read anything yet


def test_article_side_column_puts_news_about_the_same_people_and_bodies_first(client):
    body = UnionBodyFactory(name="Liên đoàn Lao động huyện Đình Lập")
    person = PersonFactory(full_name="Hoàng Văn Bình")
    article = ArticleFactory(title="Bài đang đọc")
    article.mentioned_people.add(person)
    elsewhere = CategoryFactory(name="Nữ công")
    about_person = ArticleFactory(title="Cùng nói về đồng chí Bình", category=elsewhere)
    about_person.mentioned_people.add(person)
    about_body = ArticleFactory(title="Cùng nói về LĐLĐ Đình Lập", category=elsewhere)
    about_body.mentioned_bodies.add(body)
    article.mentioned_bodies.add(body)
    same_category = ArticleFactory(title="Cùng chuyên mục", category=article.category)
    unrelated = ArticleFactory(title="Tin khác hẳn", category=elsewhere)

    page = client.get(article.get_absolute_url()).content.decode()
    related = section(page, 'id="tin-lien-quan"')
    assert related.index(about_body.title) < related.index(same_category.title)
    assert related.index(about_person.title) < related.index(same_category.title)
    assert unrelated.title not in related and article.title not in related
    latest = section(page, 'aria-labelledby="tin-moi"')
    assert unrelated.title in latest
    assert same_category.title not in latest  # already listed beside it


def test_article_page_queries_stay_constant_with_mentions_and_a_large_archive(page_queries):
    body = UnionBodyFactory()
    article = ArticleFactory()
    article.mentioned_bodies.add(body)
    small = page_queries(article.get_absolute_url())
    for _ in range(30):
        ArticleFactory(category=article.category).mentioned_bodies.add(body)
    assert page_queries(article.get_absolute_url()) == small <= 8


def _photo(article, width, height, **fields) -> ArticlePhoto:
    photo = ArticlePhoto(article=article, alt_text="Hội nghị", **fields)
    upload = SimpleUploadedFile("x.jpg", make_jpeg(width, height))
    photo.image.save("x.jpg", upload, save=False)
    photo.save()
    return photo


def test_article_photos_are_sized_for_the_column_and_a_small_photo_is_not_blown_up(client):
    article = ArticleFactory(body="<p>Một.</p><p>Hai.</p>")
    _photo(article, 1600, 900, after_paragraph=1)
    _photo(article, 600, 400, after_paragraph=2)

    page = client.get(article.get_absolute_url()).content.decode()
    pictures = re.findall(
        r"<picture>.*?</picture>", page[page.index('class="article-body"') :], re.S
    )
    assert len(pictures) == 2
    large, small = pictures
    sizes = 'sizes="(min-width: 64rem) 44rem, (min-width: 49.5rem) 47.5rem, calc(100vw - 2rem)"'
    assert sizes in large and '<source type="image/webp"' in large
    assert "-1280w.webp 1280w" in large and 'width="1600" height="900"' in large
    assert "max-width" not in large
    assert 'width="600" height="400" style="max-width: 600px"' in small
    assert "-320w.webp 320w" in small


def test_images_in_the_text_get_webp_renditions_for_the_current_layout(staff_client, client):
    upload = SimpleUploadedFile("anh.jpg", make_jpeg(1400, 700), "image/jpeg")
    url = staff_client.post("/bien-tap/tai-anh/", {"upload": upload}).json()["url"]
    staff_client.logout()
    article = ArticleFactory(
        body=f'<p>Mở đầu.</p><figure class="image"><img src="{url}" alt="Toàn cảnh"></figure>'
    )
    page = client.get(article.get_absolute_url()).content.decode()
    figure = re.search(r'<figure class="image">.*?</figure>', page, re.S)[0]
    assert '<source type="image/webp" srcset="' in figure and "-1280w.webp 1280w" in figure
    assert 'alt="Toàn cảnh"' in figure and 'width="1400" height="700"' in figure
    assert "calc(100vw - 2rem)" in figure
