"""Test settings: the same project, made fast and isolated (MD5 hasher, private cache and media)."""

import os
import tempfile

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("DJANGO_SECURE", "0")

from lsunion.settings.base import *

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "lsunion-tests",
        "KEY_PREFIX": "lsunion-test",
    }
}
# Tasks run at once, inside the test (mail reaches mail.outbox); tests of the worker itself
# switch to the database backend and run `db_worker --batch`.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# Views stay in memory until a test calls news.popularity.flush() (no background thread).
ARTICLE_VIEWS_FLUSH_SECONDS = None
SESSION_ENGINE = "django.contrib.sessions.backends.db"
MEDIA_ROOT = tempfile.mkdtemp(prefix="lsunion-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
SITE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
DATABASES["default"].get("OPTIONS", {}).pop("pool", None)

# A second, in-memory SQLite database, so tests of database-specific behaviour (Vietnamese
# collation) check SQLite too when the default database is PostgreSQL, in one run.
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["sqlite"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}

# Proof of work: a puzzle the tests solve in milliseconds; private files in a temporary folder.
QUESTIONS_PROOF_OF_WORK_MAX_NUMBER = 2000
QUESTIONS_PRIVATE_ROOT = tempfile.mkdtemp(prefix="lsunion-test-private-")
