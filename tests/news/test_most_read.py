"""“Đọc nhiều trong tuần”: readers' views are counted on our server, added up in memory and
written to the daily table in batches, so a busy day costs no database write per view."""

import socket
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lsunion.cache import content_version
from news import popularity
from news.models import ArticleDailyViews
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

READER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"
)
ROBOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Mozilla/5.0 (Linux; Android 10) AppleWebKit/537.36 Zalo iOS/2.0 ZaloPreview",
    "curl/8.5.0",
    "",
]


@pytest.fixture(autouse=True)
def nothing_pending():
    popularity.flush()
    yield
    popularity._pending.clear()


def read(client, article, times=1, agent=READER, **headers):
    for _ in range(times):
        response = client.get(article.get_absolute_url(), HTTP_USER_AGENT=agent, **headers)
        assert response.status_code == 200


def views(article) -> int:
    return sum(ArticleDailyViews.objects.filter(article=article).values_list("count", flat=True))


def test_views_are_counted_once_flushed_including_pages_served_from_the_cache(client):
    first, second = ArticleFactory.create_batch(2)
    read(client, first, times=7)  # the first renders, the next six come from the page cache
    read(client, second, times=2)
    assert views(first) == 0  # nothing written yet

    assert popularity.flush() == 9
    assert views(first) == 7 and views(second) == 2
    read(client, first, times=3)
    popularity.flush()
    row = ArticleDailyViews.objects.get(article=first)
    assert (row.day, row.count) == (timezone.localdate(), 10)


def test_a_busy_sequence_of_views_writes_nothing_to_the_database(client):
    article = ArticleFactory()
    read(client, article)  # renders and caches the page
    with CaptureQueriesContext(connection) as ctx:
        read(client, article, times=50)
    assert len(ctx.captured_queries) == 0
    popularity.flush()
    assert views(article) == 51


def test_robots_link_previews_and_prefetches_are_not_counted(client):
    article = ArticleFactory()
    for agent in ROBOTS:
        read(client, article, agent=agent)
    read(client, article, HTTP_SEC_PURPOSE="prefetch")
    client.head(article.get_absolute_url(), HTTP_USER_AGENT=READER)
    assert client.get("/tin-tuc/khong-co-bai-nay/", HTTP_USER_AGENT=READER).status_code == 404
    popularity.flush()
    assert ArticleDailyViews.objects.count() == 0


def test_counting_sets_no_cookie(client):
    article = ArticleFactory()
    response = client.get(article.get_absolute_url(), HTTP_USER_AGENT=READER)
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


def test_home_lists_the_most_read_of_the_last_seven_days(client):
    today = timezone.localdate()
    popular, second, old_hit, unread = (
        ArticleFactory(title=title)
        for title in (
            "Bài đọc nhiều nhất",
            "Bài đọc nhiều thứ hai",
            "Bài cũ từng nổi",
            "Bài ít đọc",
        )
    )
    ArticleDailyViews.objects.create(article=popular, day=today, count=40)
    ArticleDailyViews.objects.create(article=popular, day=today - timedelta(days=6), count=5)
    ArticleDailyViews.objects.create(article=second, day=today - timedelta(days=1), count=30)
    ArticleDailyViews.objects.create(article=old_hit, day=today - timedelta(days=7), count=999)
    hidden = ArticleFactory(title="Bài đã gỡ", draft=True)
    ArticleDailyViews.objects.create(article=hidden, day=today, count=500)

    page = client.get("/").content.decode()
    box = page[page.index('id="doc-nhieu"') : page.index("</ol>", page.index('id="doc-nhieu"'))]
    assert box.index(popular.title) < box.index(second.title)
    for absent in (old_hit, unread, hidden):
        assert absent.title not in box


def test_the_top_list_costs_one_query_at_most_and_none_within_the_hour(django_assert_num_queries):
    for count, article in enumerate(ArticleFactory.create_batch(3), start=1):
        ArticleDailyViews.objects.create(article=article, day=timezone.localdate(), count=count)
    content_version()  # the site's version (read once for every page) is not the list's cost
    with django_assert_num_queries(1):
        first = popularity.cached_most_read_ids()
    with django_assert_num_queries(0):
        assert popularity.cached_most_read_ids() == first
    assert len(first) == 3


def test_views_still_count_and_pages_still_answer_while_redis_is_down(client, settings):
    with socket.socket() as s:  # a port where nothing listens
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "lsunion.cache_backends.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": "lsunion-test-down",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    article = ArticleFactory()
    read(client, article, times=3)
    assert client.get("/", HTTP_USER_AGENT=READER).status_code == 200
    popularity.flush()
    assert views(article) == 3


def test_views_of_an_article_deleted_meanwhile_are_dropped_and_the_rest_written(client):
    article = ArticleFactory()
    read(client, article, times=4)
    popularity._pending[(timezone.localdate(), "bai-da-xoa-khoi-he-thong")] += 2
    popularity.flush()  # an unknown slug (deleted meanwhile) is dropped, the rest written
    assert views(article) == 4
    assert not popularity._pending


@pytest.mark.django_db(transaction=True)
def test_each_server_process_writes_its_counts_in_the_background(client, settings):
    settings.ARTICLE_VIEWS_FLUSH_SECONDS = 0.1
    article = ArticleFactory()
    read(client, article, times=5)
    deadline = time.monotonic() + 5
    while views(article) < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert views(article) == 5
    settings.ARTICLE_VIEWS_FLUSH_SECONDS = None  # the writer stops after its next round
