"""Production settings for the app servers that tests/test_scale_out.py starts.

Everything is lsunion.settings.base (DEBUG off, Redis cache and sessions from REDIS_URL, the
database from DATABASE_URL) except what would only slow the test down: static files are
served unhashed, so no 25-second collectstatic, and passwords use the tests' fast hasher.
"""

from lsunion.settings.base import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
