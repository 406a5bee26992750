"""Caching that is never stale: a site-wide content version plus an anonymous page cache.

Anything a reader could see changes -> the apps call `bump()` (after the transaction
commits) and every cached page is out of date at once, on every app server sharing the cache.
Scheduled publications need no cron job: the version also expires at the next due time that
the apps report through `register_due_provider`.
"""

import functools
import hashlib
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.utils.cache import patch_cache_control, set_response_etag

from lsunion.site import site_url

STATE_KEY = "content:state"
# One reader renders a page the content changed under; the others get the previous copy,
# or, when there is none yet, wait for the renderer (up to WAIT_SECONDS) instead of all
# querying the database at once.
LOCK_TIMEOUT = 30
WAIT_SECONDS = 5.0
WAIT_STEP = 0.02
# Pages each worker keeps in memory (about 50 KB each), checked against the shared version.
RECENT_PAGES = 200

# While the shared cache cannot be asked, a worker keeps serving the pages it holds for
# this long after it last read the version; then it renders every page fresh.
STALE_SECONDS = 5.0

_MISSING = object()
_due_providers: list[Callable[[], datetime | None]] = []


def register_due_provider(provider: Callable[[], datetime | None]) -> None:
    """An app tells when its next scheduled item becomes visible (or None)."""
    if provider not in _due_providers:
        _due_providers.append(provider)


def _next_due() -> float | None:
    times = [t for t in (provider() for provider in _due_providers) if t is not None]
    return min(times).timestamp() if times else None


def cache_available() -> bool:
    """False while the shared cache (Redis) is failing; a local-memory cache never fails."""
    return getattr(cache, "available", _always)()


def _always() -> bool:
    return True


class _LastVersion:
    """The version this worker last read, and whether a change could not be announced."""

    version: str | None = None
    read_at = 0.0
    bump_pending = False


_last = _LastVersion()


def content_version() -> str:
    """The current content version; rolls over by itself when a scheduled item falls due.

    Without the shared cache, the version this worker last read holds for STALE_SECONDS (its
    pages in memory are served); after that each call gives a new version, so pages are
    rendered fresh. A change saved meanwhile is announced as soon as the cache is back.
    """
    # With Redis, the version is remembered in this process until Redis reports a change
    # (lsunion.cache_backends): a page served from a worker's memory costs no round trip.
    if _last.bump_pending and cache_available():
        _last.bump_pending = False
        cache.delete(STATE_KEY)
    read = getattr(cache, "tracked_get", cache.get)
    state = read(STATE_KEY)
    if cache_available():
        version = _current_version(state)
        if cache_available():
            _last.version, _last.read_at = version, time.monotonic()
            return version
    if _last.version is not None and time.monotonic() - _last.read_at < STALE_SECONDS:
        return _last.version
    return uuid.uuid4().hex


def _current_version(state) -> str:
    if state is not None:
        version, next_due = state
        if next_due is None or time.time() < next_due:
            return version
        # A scheduled item fell due. Every server that notices derives the same next version,
        # so they agree without talking to each other.
        rolled = hashlib.md5(f"{version}|{next_due}".encode(), usedforsecurity=False).hexdigest()
        cache.set(STATE_KEY, (rolled, _next_due()), timeout=None)
        return rolled
    state = (uuid.uuid4().hex, _next_due())
    # On a cold key the first server's version wins, so servers agree on one version.
    if not cache.add(STATE_KEY, state, timeout=None):
        state = cache.get(STATE_KEY) or state
    return state[0]


def bump() -> None:
    """Make every cached page stale, now and again once the current transaction commits.

    The second time covers a reader who rendered the old rows between the save and the commit.
    """
    _announce()
    transaction.on_commit(_announce)


def _announce() -> None:
    cache.delete(STATE_KEY)
    if not cache_available():
        _last.bump_pending = True  # delete it once the cache answers again
        _last.version = None  # and stop serving this worker's copies now


def bump_on_change(sender, **kwargs) -> None:
    """Signal receiver for post_save / post_delete / m2m_changed of reader-visible models."""
    bump()


def cached_for_version(name: str, build: Callable[[], object], timeout: int = 3600):
    """A value computed once per content version (menus, slogans, expensive fragments)."""
    key = f"fragment:{content_version()}:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:  # None is a value too (“no scheduled article”), kept like others
        value = build()
        cache.set(key, value, timeout)
    return value


def _reader_may_share(request) -> bool:
    # Checking the user only touches the session when the browser sent a session cookie.
    if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
        return False
    return request.method in ("GET", "HEAD")


def public_page(view=None, *, params: Iterable[str] = ()):
    """Cache a public view's response for anonymous readers until the content changes.

    `params`: the query parameters the view reads (page, q, filters). The view sees only
    those, and the page is cached under them alone, in a fixed order: `?utm_source=…`,
    `fbclid=…` or `?x=1` get the same copy as the bare address, and a parameter the view
    did not declare cannot change what it renders. Use as `@public_page`, or
    `public_page(params=("page",))` as a decorator.

    Logged-in staff always get a live page that browsers and proxies may not keep. Each
    worker keeps the pages it served lately and serves them again while the content
    version stands; with Redis, knowing that costs no round trip (lsunion.cache_backends).
    After a change, one request renders while the others briefly receive the previous
    copy; on a key that was never rendered they wait for that one request, so a burst on a
    cold cache does not stampede the database.
    """
    if view is None:
        return functools.partial(public_page, params=params)
    reads = tuple(dict.fromkeys(params))

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        _keep_only(request, reads)
        if not settings.PAGE_CACHE_ENABLED or not _reader_may_share(request):
            response = view(request, *args, **kwargs)
            if request.user.is_authenticated:
                patch_cache_control(response, private=True, no_cache=True, no_store=True)
            return response

        # The address the page was asked at: its links carry it when no DJANGO_SITE_URL is set.
        address = site_url() + request.get_full_path()
        path_hash = hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()
        key, lock_key = f"page-copy:{path_hash}", f"page-lock:{path_hash}"
        version = content_version()
        copy = _recent_pages.get(key)
        if copy is None or copy[0] != version:
            copy = cache.get(key)
            if copy is not None and copy[0] == version:
                _recent_pages.put(key, copy)
        if copy is not None and copy[0] == version:
            return _response(copy)

        if not cache.add(lock_key, 1, LOCK_TIMEOUT):
            if copy is not None:
                return _response(copy)  # stale by one change, for the seconds of one render
            fresh = _wait_for_render(key, lock_key, version)
            if fresh is not None:
                return _response(fresh)
        try:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            if response.status_code == 200 and not response.streaming and not response.cookies:
                # The ETag once, here, rather than hashing the page for every reader.
                set_response_etag(response)
                copy = (version, response.status_code, list(response.items()), response.content)
                cache.set(key, copy, settings.PAGE_CACHE_TIMEOUT)
                _recent_pages.put(key, copy)
        finally:
            cache.delete(lock_key)
        if settings.BENCH_HELLO:
            # `make bench` counts the renders after a publish (never on a stored copy).
            response["X-Rendered"] = f"{time.time():.3f}"
        return response

    return wrapped


def _keep_only(request, names: tuple[str, ...]) -> None:
    """Leave in the request only the declared query parameters, in the declared order."""
    if not request.META.get("QUERY_STRING"):
        return
    pairs = [(name, value) for name in names for value in request.GET.getlist(name)]
    kept = QueryDict(urlencode(pairs))
    request.GET = kept
    request.META["QUERY_STRING"] = kept.urlencode()


def _response(copy) -> HttpResponse:
    """A new response from a stored copy: middleware may change it without touching the copy."""
    _version, status, headers, content = copy
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class _RecentPages:
    """The pages this process served lately (least recently used dropped first).

    Only a copy whose content version is the current one is ever served from here, so it
    is exactly as fresh as the shared cache, without fetching the page from it each time.
    """

    def __init__(self, size: int):
        self.size = size
        self._pages: OrderedDict[str, tuple] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str):
        with self._lock:
            copy = self._pages.get(key)
            if copy is not None:
                self._pages.move_to_end(key)
            return copy

    def put(self, key: str, copy: tuple) -> None:
        with self._lock:
            self._pages[key] = copy
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)


_recent_pages = _RecentPages(RECENT_PAGES)


def _wait_for_render(key: str, lock_key: str, version: str):
    """The page another request is rendering, once it is there; None if it never comes."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(WAIT_STEP)
        found = cache.get_many([key, lock_key])
        copy = found.get(key)
        if copy is not None and copy[0] == version:
            return copy
        if lock_key not in found:
            return None  # the renderer finished without caching (an error, a 404): render too
    return None
