"""Readers find articles on the home page and in their category, and read them."""

import pytest

from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    CategoryFactory,
    SloganFactory,
    UnionBodyFactory,
)

pytestmark = pytest.mark.django_db


def test_home_page_has_featured_latest_a_block_per_category_and_the_slogan(client):
    news = CategoryFactory(name="Hoạt động công đoàn")
    women = CategoryFactory(name="Nữ công")
    featured = ArticleFactory(
        title="Đại hội Công đoàn tỉnh lần thứ XVII", is_featured=True, category=news
    )
    latest = ArticleFactory(title="Hội nghị Ban Chấp hành lần thứ 10", category=news)
    women_news = ArticleFactory(title="Giỏi việc nước, đảm việc nhà năm 2024", category=women)
    SloganFactory(text="Công đoàn Lạng Sơn vững mạnh, đổi mới")

    response = client.get("/")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in page
    assert "Bỏ qua, đến nội dung chính" in page
    assert "Công đoàn Lạng Sơn vững mạnh, đổi mới" in page
    for article in (featured, latest, women_news):
        assert article.title in page
    assert 'id="khoi-nu-cong"' in page and 'href="/chuyen-muc/nu-cong/"' in page


def test_expired_slogans_are_not_shown(client):
    SloganFactory(text="Khẩu hiệu đã hết hạn", ends_on="2020-01-01")
    assert "Khẩu hiệu đã hết hạn" not in client.get("/").content.decode()


def test_category_page_lists_its_articles_newest_first_and_paginates(client):
    category = CategoryFactory(name="Tuyên truyền giáo dục")
    other = ArticleFactory(title="Tin chuyên mục khác")
    articles = ArticleFactory.create_batch(25, category=category)

    first = client.get(category.get_absolute_url())
    page = first.content.decode()
    assert first.status_code == 200
    assert "<h1>Tuyên truyền giáo dục</h1>" in page
    assert other.title not in page
    newest = max(articles, key=lambda a: (a.published_at, a.pk))
    assert newest.title in page
    assert "Trang 1 / 2" in page

    second = client.get(category.get_absolute_url() + "?page=2").content.decode()
    assert "Trang 2 / 2" in second


@pytest.mark.parametrize("junk", ["abc", "-1", "0", "99999999999999", "1%00", "２"])
def test_category_page_with_a_junk_page_number_is_never_a_server_error(client, junk):
    category = CategoryFactory()
    ArticleFactory.create_batch(3, category=category)
    assert client.get(category.get_absolute_url(), {"page": junk}).status_code in (200, 404)


def test_article_page_shows_byline_source_body_photos_and_related_articles(client):
    body = UnionBodyFactory(
        name="Liên đoàn Lao động huyện Văn Quan", short_name="LĐLĐ huyện Văn Quan"
    )
    article = ArticleFactory(
        title="LĐLĐ huyện Văn Quan sơ kết công tác Công đoàn",
        body="<p>Đoạn một.</p><p>Đoạn hai.</p>",
        byline="Tin và ảnh: Đỗ Thị Gấm",
        source_body=body,
    )
    ArticlePhotoFactory(article=article, caption="Quang cảnh hội nghị sơ kết", after_paragraph=1)
    related = ArticleFactory(title="Tin liên quan cùng chuyên mục", category=article.category)

    page = client.get(article.get_absolute_url()).content.decode()
    assert '<h1 class="article-title">LĐLĐ huyện Văn Quan sơ kết công tác Công đoàn</h1>' in page
    assert '<p class="byline">Tin và ảnh: Đỗ Thị Gấm</p>' in page
    assert f'href="{body.get_absolute_url()}">Liên đoàn Lao động huyện Văn Quan</a>' in page
    assert "<figcaption>Quang cảnh hội nghị sơ kết</figcaption>" in page
    # The photo sits after the first paragraph, as the editor placed it.
    assert (
        page.index("Đoạn một.") < page.index("Quang cảnh hội nghị sơ kết") < page.index("Đoạn hai.")
    )
    assert related.title in page


def test_unknown_pages_get_a_vietnamese_404(client):
    response = client.get("/tin-tuc/khong-co-bai-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_public_pages_run_the_same_number_of_queries_with_5_and_50_articles(page_queries):
    categories = CategoryFactory.create_batch(3)
    bodies = UnionBodyFactory.create_batch(3)

    def make(n):
        made = []
        for i in range(n):
            article = ArticleFactory(
                category=categories[i % 3], source_body=bodies[i % 3], is_featured=i % 4 == 0
            )
            ArticlePhotoFactory.create_batch(2, article=article)
            made.append(article)
        return made

    made = make(5)

    def measure():
        return {
            "home": page_queries("/"),
            "category": page_queries(categories[0].get_absolute_url()),
            "article": page_queries(made[0].get_absolute_url()),
        }

    small = measure()
    make(45)
    large = measure()
    assert small == large
    assert max(large.values()) <= 8


def test_cached_page_costs_no_query_for_the_next_reader(client, count_queries):
    ArticleFactory.create_batch(3)
    client.get("/")
    response, queries = count_queries(lambda: client.get("/"))
    assert response.status_code == 200
    assert queries == 0
