"""The anonymous page cache under a burst: one reader renders, the others never stampede."""

import re
import threading
import time
from datetime import timedelta

import pytest
from django.db import connections
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from lsunion.cache import bump, content_version, public_page
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

READERS = 8


class SlowView:
    """A view that holds its first render until the test releases it, counting renders."""

    def __init__(self, text: str):
        self.text = text
        self.renders = 0
        self.rendering = threading.Event()
        self.release = threading.Event()

    def __call__(self, request):
        self.renders += 1
        self.rendering.set()
        assert self.release.wait(10), "the test never released the render"
        return HttpResponse(self.text)


def read(page, results):
    """One reader in its own thread, as a gunicorn worker would be."""
    try:
        results.append(page(RequestFactory().get("/tin-moi/")).content.decode())
    finally:
        connections.close_all()


def start_readers(page, results, count):
    readers = [threading.Thread(target=read, args=(page, results)) for _ in range(count)]
    for reader in readers:
        reader.start()
    return readers


def test_a_burst_on_a_never_rendered_page_renders_it_once_and_everyone_gets_it():
    content_version()  # the site is up; this page was never asked for
    view = SlowView("Danh sách khen thưởng năm 2025")
    page = public_page(view)
    results = []

    first = start_readers(page, results, 1)
    assert view.rendering.wait(5)
    burst = start_readers(page, results, READERS)
    time.sleep(0.3)  # the burst arrives while the first reader is still rendering
    assert results == []
    view.release.set()
    for reader in first + burst:
        reader.join(10)

    assert view.renders == 1
    assert results == ["Danh sách khen thưởng năm 2025"] * (READERS + 1)


def test_after_a_change_readers_get_the_previous_copy_while_one_request_renders_the_new():
    view = SlowView("Bản cũ")
    view.release.set()
    page = public_page(view)
    assert page(RequestFactory().get("/tin-moi/")).content.decode() == "Bản cũ"

    bump()  # an editor corrected something
    view.text, view.renders = "Bản đã đính chính", 0
    view.release.clear()
    view.rendering.clear()
    renderer_result, burst_results = [], []
    renderer = start_readers(page, renderer_result, 1)
    assert view.rendering.wait(5)
    burst = start_readers(page, burst_results, READERS)
    for reader in burst:
        reader.join(5)  # no waiting for the render: the previous copy, at once
    assert burst_results == ["Bản cũ"] * READERS

    view.release.set()
    renderer[0].join(10)
    assert renderer_result == ["Bản đã đính chính"]
    assert view.renders == 1
    assert page(RequestFactory().get("/tin-moi/")).content.decode() == "Bản đã đính chính"


def test_a_cached_page_answers_a_returning_reader_with_304_not_modified(client):
    article = ArticleFactory(title="Quy định mới về lương tối thiểu vùng")
    first = client.get(article.get_absolute_url())
    assert first.status_code == 200 and first.has_header("ETag")

    again = client.get(article.get_absolute_url(), headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""


def test_a_cached_page_changes_its_etag_when_the_article_is_corrected(client):
    article = ArticleFactory(title="Quy định mới về lương tối thiểu vùng")
    first = client.get(article.get_absolute_url())

    article.title = "Quy định mới về lương tối thiểu vùng (đính chính)"
    article.save()
    again = client.get(article.get_absolute_url(), headers={"if-none-match": first["ETag"]})

    assert again.status_code == 200
    assert "(đính chính)" in again.content.decode()


def test_tracking_tags_and_unknown_parameters_are_served_the_cached_home_page(
    client, django_assert_num_queries
):
    ArticleFactory(title="Công đoàn tỉnh trao 500 suất quà Tết cho công nhân")
    first = client.get("/")
    assert first.status_code == 200
    for junk in ("?utm_source=fb&fbclid=abc", "?x=1", "?utm_medium=social&utm_campaign=tet"):
        with django_assert_num_queries(0):
            again = client.get("/" + junk)
        assert again.status_code == 200 and again.content == first.content, junk


def test_a_parameter_the_view_reads_still_gives_its_own_page(client, django_assert_num_queries):
    category = CategoryFactory(name="Tin hoạt động", slug="tin-hoat-dong")
    for n in range(25):
        ArticleFactory(title=f"Bài số {n:02d} của chuyên mục", category=category,
                       published_at=timezone.now() - timedelta(hours=n + 1))  # fmt: skip
    url = f"/chuyen-muc/{category.slug}/"
    first, second = client.get(url), client.get(url, {"page": 2})
    assert "Bài số 00" in first.content.decode() and "Bài số 00" not in second.content.decode()
    assert "Bài số 24" in second.content.decode()

    with django_assert_num_queries(0):
        tagged = client.get(url, {"fbclid": "abc", "page": 2, "utm_source": "zalo"})
    assert tagged.content == second.content
    # The tags never reach the page: no link on it carries them to the next reader.
    assert "fbclid" not in tagged.content.decode() and "utm_source" not in tagged.content.decode()


def test_search_keys_on_its_own_parameters_in_any_order(client, django_assert_num_queries):
    ArticleFactory(title="Hội thi an toàn vệ sinh lao động")

    def text(response):
        return re.sub(r"</?mark>", "", response.content.decode())

    first = client.get("/tim-kiem/", {"q": "an toàn", "loai": "tin-bai"})
    assert "Hội thi an toàn vệ sinh lao động" in text(first)
    with django_assert_num_queries(0):
        again = client.get("/tim-kiem/?loai=tin-bai&utm_source=fb&q=an+to%C3%A0n")
    assert again.content == first.content
    other = client.get("/tim-kiem/", {"q": "khen thưởng", "loai": "tin-bai"})
    assert "Hội thi an toàn vệ sinh lao động" not in text(other)


def test_under_the_benchmark_a_rendered_page_says_so_and_a_served_copy_does_not(settings):
    # `make bench` counts the renders after a publish from this header (bench/publish.py).
    settings.BENCH_HELLO = True
    content_version()
    page = public_page(lambda request: HttpResponse("Trang chủ"))

    rendered = page(RequestFactory().get("/dem-lan-dung/"))
    copy = page(RequestFactory().get("/dem-lan-dung/"))

    assert float(rendered["X-Rendered"]) > 0
    assert "X-Rendered" not in copy
