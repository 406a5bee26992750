"""Sharing an article: plain links to Zalo's and Facebook's share pages (nothing loaded from their
hosts), and "Sao chép liên kết", copied by our own script or a plain permanent link without it."""

from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings

from tests.browser.pages import PAGES

# django_db: the test database exists and the server thread may query it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def article_url():
    return next(p for p in PAGES if p.name == "bai-viet").url()


def share(page):
    return page.get_by_role("group", name="Chia sẻ:")


def test_article_has_zalo_and_facebook_share_links_and_loads_nothing_from_another_host(
    new_context, demo_site
):
    page = new_context().new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    path = article_url()
    page.goto(path)
    permalink = settings.SITE_URL + path
    title = page.locator(".article-title").inner_text()
    group = share(page)
    zalo = group.get_by_role("link", name="Zalo")
    facebook = group.get_by_role("link", name="Facebook")
    assert zalo.get_attribute("href") == (
        f"https://zalo.me/share?url={quote(permalink, safe='')}&text={quote(title, safe='')}"
    )
    assert facebook.get_attribute("href") == (
        f"https://www.facebook.com/sharer/sharer.php?u={quote(permalink, safe='')}"
    )
    for link in (zalo, facebook):
        assert link.is_visible()
        assert link.get_attribute("target") == "_blank"
        assert "noopener" in link.get_attribute("rel")
    assert hosts == {urlsplit(demo_site.url).netloc}


def test_copy_link_copies_the_permanent_link_and_says_so(new_context, demo_site):
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    path = article_url()
    page.goto(path)
    share(page).get_by_role("link", name="Sao chép liên kết").click()
    page.locator(".share-status").filter(has_text="Đã sao chép liên kết").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == settings.SITE_URL + path
    assert urlsplit(page.url).path == path  # the click copied; it did not navigate


def test_copy_link_is_the_permanent_link_without_javascript(new_context):
    page = new_context(java_script_enabled=False).new_page()
    path = article_url()
    page.goto(path)
    copy = share(page).get_by_role("link", name="Sao chép liên kết")
    assert copy.is_visible()
    assert copy.get_attribute("href") == settings.SITE_URL + path
