"""Rich text is sanitised on save, whatever path it comes from; plain text is escaped."""

from html.parser import HTMLParser

import pytest

from news.legacy_import import import_bytes
from news.models import Article
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

ATTACKS = (
    "<p>Tin hội nghị</p>"
    '<script>alert("xss")</script>'
    '<img src="/media/uploads/a-10x10.jpg" onerror="alert(1)" alt="ảnh">'
    '<p onclick="steal()">Bấm vào đây</p>'
    '<a href="javascript:alert(2)">liên kết độc</a>'
    '<a href="JaVaScRiPt:alert(3)">liên kết độc 2</a>'
    '<iframe src="https://evil.example/"></iframe>'
    '<img src="https://tracker.example/pixel.gif" alt="theo dõi">'
    '<svg onload="alert(4)"></svg>'
)


class ActiveContent(HTMLParser):
    """Collects what a browser would execute or fetch: script tags, handlers, script URLs."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "iframe", "svg", "object", "embed"}:
            self.found.append(tag)
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            if name in {"href", "src"} and (value.startswith("javascript:") or "tracker" in value):
                self.found.append(f"{tag}[{name}={value}]")


def main_content(page: str) -> str:
    return page.split("<main", 1)[1].split("</main>", 1)[0]


def assert_harmless(html: str):
    parser = ActiveContent()
    parser.feed(html)
    assert parser.found == []


def test_body_saved_from_code_is_sanitised_before_it_reaches_the_page(client):
    article = ArticleFactory(body=ATTACKS)

    article.refresh_from_db()
    assert_harmless(article.body)
    assert "<p>Tin hội nghị</p>" in article.body
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Tin hội nghị" in page
    assert_harmless(page.split('<div class="article-body">')[1].split("</div>")[0])


def test_body_saved_through_the_admin_form_is_sanitised(staff_client, client):
    category = CategoryFactory()
    response = staff_client.post(
        "/quan-tri/news/article/add/",
        {
            "title": "Bài có mã độc",
            "slug": "",
            "summary": "",
            "body": ATTACKS.replace('alt="ảnh"', 'alt="Ảnh hội nghị"').replace(
                'alt="theo dõi"', 'alt="x"'
            ),
            "cover_alt": "",
            "cover_caption": "",
            "byline": "",
            "category": category.pk,
            "workflow": "publish",
            "published_at_0": "",
            "published_at_1": "",
            "photos-TOTAL_FORMS": "0",
            "photos-INITIAL_FORMS": "0",
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(title="Bài có mã độc")
    assert_harmless(article.body)
    assert_harmless(main_content(client.get(article.get_absolute_url()).content.decode()))


def test_body_imported_from_an_old_export_is_escaped_and_sanitised(client):
    export = (
        "Công đoàn Lạng Sơn vững mạnh\n\nThứ ba, 14 Tháng 7 2020 17:03\n\n"
        "Tiêu đề có <script>alert(1)</script> mã độc\n\n"
        "Ngày 13/7/2020, LĐLĐ huyện tổ chức hội nghị <img src=x onerror=alert(1)> với đông đảo "
        "đoàn viên tham dự và nhiều ý kiến đóng góp về hoạt động công đoàn trong thời gian tới.\n"
    ).encode()
    outcome = import_bytes(export, publish=True)
    assert outcome.action == "created", outcome.reason
    page = client.get(outcome.article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;" in page  # the title is plain text, shown as typed
    assert_harmless(main_content(page))


def test_titles_captions_and_bylines_are_plain_text_and_always_escaped(client):
    article = ArticleFactory(
        title='<b>Đậm</b> "trích dẫn" & <script>alert(1)</script>',
        byline="<i>Tin và ảnh</i>: <script>x</script>",
        summary="<img src=x onerror=alert(1)>",
    )
    article.photos.create(alt_text='"><script>alert(1)</script>', caption="<b>chú thích</b>")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Đậm&lt;/b&gt;" in page
    assert "&lt;i&gt;Tin và ảnh&lt;/i&gt;" in page
    assert "&lt;b&gt;chú thích&lt;/b&gt;" in page
    assert "<script>" not in main_content(page)
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<img src=x" not in page


def test_safe_formatting_survives_and_links_get_noopener(client):
    article = ArticleFactory(
        body=(
            "<h2>Kết quả</h2><p><strong>Đậm</strong> và <em>nghiêng</em></p>"
            '<ul><li>Một</li></ul><a href="https://congdoan.vn/">Công đoàn Việt Nam</a>'
            '<a href="mailto:ldld@example.vn">thư</a>'
            "<table><tbody><tr><td>1</td></tr></tbody></table><blockquote>Trích</blockquote>"
        )
    )
    article.refresh_from_db()
    for fragment in ["<h2>Kết quả</h2>", "<strong>Đậm</strong>", "<em>nghiêng</em>", "<li>Một</li>",
                     "<td>1</td>", "<blockquote>Trích</blockquote>", 'href="mailto:ldld@example.vn"']:  # fmt: skip
        assert fragment in article.body
    assert 'href="https://congdoan.vn/" rel="noopener"' in article.body
