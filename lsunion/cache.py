"""Caching that is never stale: a site-wide content version plus an anonymous page cache.

Anything a reader could see changes -> the apps call `bump()` (after the transaction
commits) and every cached page is out of date at once, on every app server sharing the cache.
Scheduled publications need no cron job: the version also expires at the next due time that
the apps report through `register_due_provider`.
"""

import functools
import hashlib
import time
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.cache import patch_cache_control

STATE_KEY = "content:state"
LOCK_TIMEOUT = 30
STALE_SECONDS = 30

_due_providers: list[Callable[[], datetime | None]] = []


def register_due_provider(provider: Callable[[], datetime | None]) -> None:
    """An app tells when its next scheduled item becomes visible (or None)."""
    if provider not in _due_providers:
        _due_providers.append(provider)


def _next_due() -> float | None:
    times = [t for t in (provider() for provider in _due_providers) if t is not None]
    return min(times).timestamp() if times else None


def content_version() -> str:
    """The current content version; rolls over by itself when a scheduled item falls due."""
    state = cache.get(STATE_KEY)
    if state is not None:
        version, next_due = state
        if next_due is None or time.time() < next_due:
            return version
    version = str(time.time_ns())
    cache.set(STATE_KEY, (version, _next_due()), timeout=None)
    return version


def bump() -> None:
    """Make every cached page stale, now and again once the current transaction commits.

    The second time covers a reader who rendered the old rows between the save and the commit.
    """
    cache.delete(STATE_KEY)
    transaction.on_commit(lambda: cache.delete(STATE_KEY))


def bump_on_change(sender, **kwargs) -> None:
    """Signal receiver for post_save / post_delete / m2m_changed of reader-visible models."""
    bump()


def cached_for_version(name: str, build: Callable[[], object], timeout: int = 3600):
    """A value computed once per content version (menus, slogans, expensive fragments)."""
    key = f"fragment:{content_version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def _reader_may_share(request) -> bool:
    # Checking the user only touches the session when the browser sent a session cookie.
    if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
        return False
    return request.method in ("GET", "HEAD")


def public_page(view):
    """Cache a public view's response for anonymous readers until the content changes.

    Logged-in staff always get a live page that browsers and proxies may not keep. On a
    cold key one request renders while the others briefly receive the previous copy, so a
    burst does not stampede the database.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not settings.PAGE_CACHE_ENABLED or not _reader_may_share(request):
            response = view(request, *args, **kwargs)
            if request.user.is_authenticated:
                patch_cache_control(response, private=True, no_cache=True, no_store=True)
            return response

        path_hash = hashlib.md5(request.get_full_path().encode(), usedforsecurity=False).hexdigest()
        version = content_version()
        key = f"page:{version}:{path_hash}"
        response = cache.get(key)
        if response is not None:
            return response

        last_key = f"page-last:{path_hash}"
        lock_key = f"page-lock:{path_hash}"
        if not cache.add(lock_key, 1, LOCK_TIMEOUT):
            stale = cache.get(last_key)
            if stale is not None:
                return stale
        try:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            if response.status_code == 200 and not response.streaming and not response.cookies:
                cache.set(key, response, settings.PAGE_CACHE_TIMEOUT)
                cache.set(last_key, response, STALE_SECONDS)
        finally:
            cache.delete(lock_key)
        return response

    return wrapped
