"""The anonymous page cache under a burst: one reader renders, the others never stampede."""

import threading
import time

import pytest
from django.db import connections
from django.http import HttpResponse
from django.test import RequestFactory

from lsunion.cache import bump, content_version, public_page
from tests.factories import ArticleFactory

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
