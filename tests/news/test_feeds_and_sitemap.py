"""Feeds, sitemap and robots.txt: valid XML, published articles only."""

import xml.etree.ElementTree as ET

import pytest

from news.models import Article
from tests.factories import ArticleFactory, CategoryFactory, MeetingFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def corpus():
    category = CategoryFactory(name="Nữ công")
    body = UnionBodyFactory(name="Liên đoàn Lao động huyện Văn Quan")
    visible = ArticleFactory(
        title="Giỏi việc nước, đảm việc nhà", category=category, source_body=body
    )
    ArticleFactory(title="Bản nháp bí mật", category=category, source_body=body, draft=True)
    ArticleFactory(title="Tin hẹn giờ bí mật", category=category, source_body=body, scheduled=True)
    return {"category": category, "body": body, "visible": visible}


def rss_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [item.findtext("title") for item in root.iter("item")]


def atom_titles(client, url):
    root = ET.fromstring(client.get(url).content)
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def test_rss_and_atom_feeds_parse_and_list_only_published_articles(client, corpus):
    category, body = corpus["category"], corpus["body"]
    for url in ["/rss/", f"/chuyen-muc/{category.slug}/rss/", f"/to-chuc/{body.slug}/rss/"]:
        assert rss_titles(client, url) == ["Giỏi việc nước, đảm việc nhà"], url
    for url in ["/atom/", f"/chuyen-muc/{category.slug}/atom/", f"/to-chuc/{body.slug}/atom/"]:
        assert atom_titles(client, url) == ["Giỏi việc nước, đảm việc nhà"], url


def test_feed_items_link_to_the_article_with_its_date_and_byline(client, corpus):
    root = ET.fromstring(client.get("/rss/").content)
    item = next(root.iter("item"))
    assert item.findtext("link").endswith(corpus["visible"].get_absolute_url())
    assert item.findtext("pubDate")
    assert root.find("channel").findtext("language") == "vi"


def test_sitemap_index_and_sections_parse_with_lastmod_and_no_unpublished_article(client, corpus):
    MeetingFactory(title="Hội nghị sơ kết")
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert {s.rsplit("/", 1)[1].split(".")[0] for s in sections} >= {
        "sitemap-tin-tuc", "sitemap-chuyen-muc", "sitemap-to-chuc", "sitemap-hoi-nghi",
    }  # fmt: skip
    urls = []
    for section in sections:
        root = ET.fromstring(client.get(section.replace("http://testserver", "")).content)
        for entry in root.iter(f"{SITEMAP}url"):
            urls.append(entry.findtext(f"{SITEMAP}loc"))
            if "/tin-tuc/" in urls[-1]:
                assert entry.findtext(f"{SITEMAP}lastmod")
    article_urls = [u for u in urls if "/tin-tuc/" in u]
    assert article_urls == [f"http://testserver{corpus['visible'].get_absolute_url()}"]
    assert any(corpus["body"].slug in u for u in urls)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /quan-tri/" in text


def test_renaming_a_published_articles_slug_keeps_the_old_address_working(client):
    article = ArticleFactory(title="Đại hội Công đoàn tỉnh")
    old_url = article.get_absolute_url()
    article.slug = "dai-hoi-cong-doan-tinh-lang-son-lan-thu-xvii"
    article.save()

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/tin-tuc/dai-hoi-cong-doan-tinh-lang-son-lan-thu-xvii/"
    assert client.get(response["Location"]).status_code == 200

    article.status = Article.Status.DRAFT
    article.save()
    assert client.get(old_url).status_code == 404  # an unpublished article is not revealed


def test_the_category_page_shows_a_link_to_its_own_feed(client, corpus):
    category = corpus["category"]
    page = client.get(category.get_absolute_url()).content.decode()
    main = page.split("<main", 1)[1]
    feed = f"/chuyen-muc/{category.slug}/rss/"
    assert f'<a class="feed-link" href="{feed}" type="application/rss+xml">' in main
    assert 'RSS<span class="visually-hidden"> chuyên mục Nữ công</span></a>' in main
    assert "Giỏi việc nước, đảm việc nhà" in rss_titles(client, feed)
