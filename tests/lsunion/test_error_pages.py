"""Under `make run` (DEBUG on) a newcomer sees the portal's own Vietnamese 404, 403 and 500
pages, not Django's English technical pages that list every URL, the admin's path included;
DJANGO_TECHNICAL_ERRORS=1 brings the technical pages back for a developer."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from organizations.permissions import Role
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.lsunion.error_urls")]


@pytest.fixture(autouse=True)
def debug(settings):
    settings.DEBUG = True
    settings.TECHNICAL_ERRORS = False


def test_a_missing_address_shows_the_vietnamese_404_without_the_list_of_urls(client):
    response = client.get("/khong-co-trang-nay/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Không tìm thấy trang</h1>" in page
    assert "quan-tri" not in page and "URLconf" not in page and "Page not found" not in page


def test_a_missing_article_shows_the_vietnamese_404(client):
    draft = ArticleFactory(draft=True)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 404
    assert "<h1>Không tìm thấy trang</h1>" in response.content.decode()
    assert "Raised by" not in response.content.decode()


def test_an_error_in_the_code_shows_the_vietnamese_500_and_no_traceback():
    client = Client(raise_request_exception=False)
    response = client.get("/loi-thu/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Đã có lỗi xảy ra</h1>" in page
    assert "RuntimeError" not in page and "Traceback" not in page


def test_a_page_outside_ones_role_shows_the_vietnamese_403(client, django_user_model):
    reporter = django_user_model.objects.create_user("phongvien", is_staff=True)
    reporter.groups.add(Group.objects.get(name=Role.REPORTER))
    client.force_login(reporter)
    response = client.get("/quan-tri/awards/decision/")
    assert response.status_code == 403
    assert "<h1>Không có quyền truy cập</h1>" in response.content.decode()
    assert "403 Forbidden" not in response.content.decode()


def test_a_missing_slash_is_still_redirected(client):
    article = ArticleFactory()
    response = client.get(article.get_absolute_url().rstrip("/"))
    assert response.status_code == 301 and response["Location"] == article.get_absolute_url()


def test_a_developer_can_ask_for_the_technical_pages(client, settings):
    settings.TECHNICAL_ERRORS = True
    page = client.get("/khong-co-trang-nay/").content.decode()
    assert "Page not found" in page and "quan-tri" in page
    failing = Client(raise_request_exception=False).get("/loi-thu/")
    assert failing.status_code == 500 and "RuntimeError" in failing.content.decode()
