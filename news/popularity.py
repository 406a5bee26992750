"""“Đọc nhiều trong tuần”: article views counted on our own server, no cookie, no third party.

A view is one GET of an article page that answers 200, also when the page comes from the
page cache (the count is taken around the cache, see `counted`), from a reader's browser
(robots, link previews and prefetches are left out by their headers). Views are added up in
the memory of the process that served them – a dictionary increment, no database write, no
round trip to Redis – and a background thread of each process writes the sums to
ArticleDailyViews once a minute, one statement for every article read meanwhile. A process
that stops loses at most that minute (it writes what it holds when it exits normally).

The top list is one query, kept for the content version and the hour; the content version
itself rolls over at every full hour (a due time, see news.apps), so the cached pages that
show the list are at most an hour behind.
"""

import atexit
import functools
import logging
import os
import re
import threading
import time
from collections import Counter
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connections, router, transaction
from django.db.models import Sum
from django.utils import timezone

from lsunion.cache import cached_for_version
from news.models import Article, ArticleDailyViews

logger = logging.getLogger(__name__)

WEEK_DAYS = 7
MOST_READ = 5
# User agents that are not a person reading: crawlers, link previews (Zalo, Facebook), tools.
ROBOTS = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|facebookcatalog|zalo|preview|fetch"
    r"|monitor|checker|scan|curl|wget|python|java/|go-http|okhttp|httpclient|libwww|headless"
    r"|lighthouse|pagespeed|phantomjs|selenium|playwright",
    re.IGNORECASE,
)

_lock = threading.Lock()
_pending: Counter[tuple[date, str]] = Counter()
_flusher_pid: int | None = None


def is_reader(request) -> bool:
    """A person's browser asking to read the page (not a robot, not a speculative prefetch)."""
    if request.method != "GET":
        return False
    agent = request.headers.get("User-Agent", "")
    if not agent or ROBOTS.search(agent):
        return False
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    return "prefetch" not in purpose and "prerender" not in purpose


def counted(view):
    """Wrap an article view (outside its page cache) so each reader's view is counted."""

    @functools.wraps(view)
    def wrapped(request, *args, slug, **kwargs):
        response = view(request, *args, slug=slug, **kwargs)
        if response.status_code == 200 and is_reader(request):
            record(slug)
        return response

    return wrapped


def record(slug: str) -> None:
    """One view of the article at `slug` today: kept in memory until the next flush."""
    with _lock:
        _pending[(timezone.localdate(), slug)] += 1
    _start_flusher()


def flush() -> int:
    """Write the views this process holds to ArticleDailyViews; return how many it wrote."""
    with _lock:
        batch = dict(_pending)
        _pending.clear()
    if not batch:
        return 0
    try:
        ids = dict(
            Article.objects.filter(slug__in={slug for _day, slug in batch}).values_list(
                "slug", "pk"
            )
        )
        rows = [(ids[slug], day, n) for (day, slug), n in batch.items() if slug in ids]
        _add(rows)
    except DatabaseError:
        with _lock:  # try again at the next flush
            _pending.update(batch)
        raise
    return sum(n for _pk, _day, n in rows)


def _add(rows: list[tuple[int, date, int]]) -> None:
    """Add the counts to the day's rows, creating the ones that do not exist (one statement)."""
    if not rows:
        return
    connection = connections[router.db_for_write(ArticleDailyViews)]
    quote = connection.ops.quote_name
    table, article, day, count = (
        quote(name) for name in (ArticleDailyViews._meta.db_table, "article_id", "day", "count")
    )
    values = ", ".join(["(%s, %s, %s)"] * len(rows))
    # Only quoted names and placeholders go into the text; the values are parameters.
    insert = f"INSERT INTO {table} ({article}, {day}, {count}) VALUES {values} "  # noqa: S608
    sql = insert + (
        f"ON CONFLICT ({article}, {day}) DO UPDATE SET {count} = {table}.{count} + EXCLUDED.{count}"
    )
    params = [value for row in rows for value in row]
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(sql, params)


def _start_flusher() -> None:
    """Start this process's background writer once (again in a forked worker)."""
    global _flusher_pid
    if not settings.ARTICLE_VIEWS_FLUSH_SECONDS or _flusher_pid == os.getpid():
        return
    with _lock:
        if _flusher_pid == os.getpid():
            return
        _flusher_pid = os.getpid()
    threading.Thread(target=_flush_every, name="article-views", daemon=True).start()
    atexit.register(_flush_quietly)


def _flush_every() -> None:
    """Write the counts every ARTICLE_VIEWS_FLUSH_SECONDS; stop when the setting is emptied."""
    global _flusher_pid
    while interval := settings.ARTICLE_VIEWS_FLUSH_SECONDS:
        time.sleep(interval)
        _flush_quietly()
    _flusher_pid = None


def _flush_quietly() -> None:
    try:
        flush()
    except Exception:  # a database that does not answer: the counts wait for the next time
        logger.exception("Could not write article views")
    finally:
        connections.close_all()  # this thread's connections only


def most_read_ids(limit: int = MOST_READ) -> list[int]:
    """The published articles read most over the last seven days, as ids (one query)."""
    since = timezone.localdate() - timedelta(days=WEEK_DAYS - 1)
    return list(
        ArticleDailyViews.objects.filter(day__gte=since, article__in=Article.objects.published())
        .values("article_id")
        .annotate(total=Sum("count"))
        .order_by("-total", "-article_id")
        .values_list("article_id", flat=True)[:limit]
    )


def cached_most_read_ids() -> list[int]:
    hour = timezone.localtime().strftime("%Y%m%d%H")
    return cached_for_version(f"most-read:{hour}", most_read_ids)


def next_hour() -> datetime:
    """When the top list may next change on the pages: the next full hour."""
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    return now + timedelta(hours=1)
