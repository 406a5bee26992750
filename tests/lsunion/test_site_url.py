"""Links that leave the page carry the portal's own address: DJANGO_SITE_URL when it is set,
otherwise the scheme, host and port the request came in on (`make run PORT=8301`)."""

import json
import re
import subprocess

import pytest
import segno
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from organizations.models import StaffScope
from organizations.permissions import Role
from tests.factories import ArticleFactory, RecipientFactory, UnionBodyFactory

pytestmark = pytest.mark.django_db
HERE = "http://127.0.0.1:8301"


@pytest.fixture(autouse=True)
def no_site_url(settings):
    settings.SITE_URL = ""  # DJANGO_SITE_URL unset, as under `make run`


@pytest.fixture
def reader():
    return Client(HTTP_HOST="127.0.0.1:8301")


def meta(page: str) -> dict[str, str]:
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page)
    og_url = re.search(r'<meta property="og:url" content="([^"]+)"', page)
    return {"canonical": canonical.group(1), "og:url": og_url.group(1)}


def test_canonical_and_og_url_use_the_address_the_reader_came_in_on(reader, settings):
    article = ArticleFactory(title="Hội nghị Ban Chấp hành lần thứ 10")
    page = reader.get(article.get_absolute_url()).content.decode()
    expected = HERE + article.get_absolute_url()
    assert meta(page) == {"canonical": expected, "og:url": expected}
    data = json.loads(re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page,
                                re.S).group(1))  # fmt: skip
    assert data["mainEntityOfPage"] == expected

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "lsunion.local"]
    secure = Client(HTTP_HOST="lsunion.local:8443").get(article.get_absolute_url(), secure=True)
    assert meta(secure.content.decode())["canonical"] == (
        "https://lsunion.local:8443" + article.get_absolute_url()
    )


def test_a_page_cached_for_one_address_is_not_served_with_its_links_to_another(reader, settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "congdoan.lan"]
    article = ArticleFactory()
    reader.get(article.get_absolute_url())
    other = Client(HTTP_HOST="congdoan.lan").get(article.get_absolute_url()).content.decode()
    assert meta(other)["canonical"] == "http://congdoan.lan" + article.get_absolute_url()
    again = reader.get(article.get_absolute_url()).content.decode()
    assert meta(again)["canonical"] == HERE + article.get_absolute_url()


def test_the_qr_code_encodes_the_verification_address_at_this_host(reader):
    person = RecipientFactory()
    address = f"{HERE}/khen-thuong/xac-minh/{person.verification_code}/"
    page = reader.get(person.get_absolute_url()).content.decode()
    drawn = re.search(r'<svg[^>]*class="qr-code".*?</svg>', page, re.S).group(0)
    # The same data drawn again by segno gives the same modules: the code encodes `address`.
    expected = segno.make(address, error="m", micro=False).svg_inline(
        scale=4, border=4, dark="#000", light="#fff"
    )
    paths = re.compile(r'<path[^>]* d="([^"]+)"')
    assert paths.findall(drawn) == paths.findall(expected)
    svg = reader.get(f"/khen-thuong/xac-minh/{person.verification_code}/ma-qr.svg")
    assert paths.findall(svg.content.decode()) == paths.findall(expected)
    assert "127.0.0.1:8000" not in page


def test_the_pdf_footer_gives_the_article_address_at_this_host(reader, tmp_path):
    article = ArticleFactory(title="Đại hội Công đoàn huyện Đình Lập")
    response = reader.get(f"{article.get_absolute_url()}pdf/")
    assert response.status_code == 200
    (tmp_path / "bai.pdf").write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(tmp_path / "bai.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert f"Bài viết tại: {HERE}{article.get_absolute_url()}" in " ".join(text.split())


def test_the_review_mail_links_to_the_admin_the_reporter_works_on(
    django_user_model, django_capture_on_commit_callbacks
):
    body = UnionBodyFactory(name="Công đoàn ngành Giáo dục")
    users = {}
    for role, name in [(Role.REPORTER, "phongvien"), (Role.EDITOR, "bientap")]:
        user = django_user_model.objects.create_user(name, email=f"{name}@example.vn",
                                                     is_staff=True)  # fmt: skip
        user.groups.add(Group.objects.get(name=role))
        StaffScope.objects.create(user=user).bodies.set([body])
        users[role] = user
    article = ArticleFactory(draft=True, source_body=body, created_by=users[Role.REPORTER])
    reporter = Client(HTTP_HOST="127.0.0.1:8301")
    reporter.force_login(users[Role.REPORTER])
    url = f"/quan-tri/news/article/{article.pk}/change/"
    data = {
        "title": article.title, "slug": article.slug, "summary": "", "body": article.body,
        "byline": "", "category": article.category_id, "source_body": body.pk,
        "workflow": "submit", "published_at_0": "", "published_at_1": "",
        "photos-TOTAL_FORMS": 0, "photos-INITIAL_FORMS": 0,
    }  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        assert reporter.post(url, data).status_code == 302
    assert [m.to for m in mail.outbox] == [["bientap@example.vn"]]
    assert f"{HERE}{url}" in mail.outbox[0].body
    assert "127.0.0.1:8000" not in mail.outbox[0].body


def test_a_configured_site_url_wins_over_the_request(reader, settings):
    settings.SITE_URL = "https://congdoanlangson.vn"
    article = ArticleFactory()
    page = reader.get(article.get_absolute_url()).content.decode()
    assert meta(page)["canonical"] == "https://congdoanlangson.vn" + article.get_absolute_url()
    robots = reader.get("/robots.txt").content.decode()
    assert "Sitemap: https://congdoanlangson.vn/sitemap.xml" in robots
    settings.SITE_URL = ""
    assert f"Sitemap: {HERE}/sitemap.xml" in reader.get("/robots.txt").content.decode()
