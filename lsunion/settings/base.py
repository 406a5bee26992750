"""Settings for lsunion, read from the environment (see .env.example).

Defaults suit `make run`: SQLite in the project folder, local-memory cache, DEBUG on.
Production sets DJANGO_DEBUG=0 and must provide DJANGO_SECRET_KEY.
"""

import hashlib
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)
# Under DEBUG, Django's technical 404 and 500 pages instead of the portal's own.
TECHNICAL_ERRORS = env_bool("DJANGO_TECHNICAL_ERRORS", default=False)

_INSECURE_KEY = "django-insecure-lsunion-development-only"
SECRET_KEY = env("DJANGO_SECRET_KEY") or (_INSECURE_KEY if DEBUG else "")
if not DEBUG and (not SECRET_KEY or SECRET_KEY.startswith("django-insecure")):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a real secret when DJANGO_DEBUG is off."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

# Empty: links use the address of the request (lsunion.site).
SITE_URL = env("DJANGO_SITE_URL", "").rstrip("/")
ADMIN_PATH = env("DJANGO_ADMIN_PATH", "quan-tri/").strip("/") + "/"

INSTALLED_APPS = [
    "lsunion",
    "lsunion.apps.AdminConfig",  # django.contrib.admin with the guarded site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "django_ckeditor_5",
    "reversion",
    "axes",
    "django_tasks_db",
    "django_altcha",  # the proof-of-work widget's own static files (no CDN)
    "organizations",
    "news",
    "awards",
    "documents",
    "questions",
    "sitepages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lsunion.middleware.RejectMalformedInputMiddleware",
    "lsunion.site.SiteUrlMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "lsunion.error_pages.PortalErrorPagesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lsunion.middleware.PermissionsPolicyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lsunion.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lsunion.context_processors.portal",
                "news.context_processors.chrome",
                "sitepages.context_processors.site_menus",
            ],
        },
    },
]

WSGI_APPLICATION = "lsunion.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = env_bool("DJANGO_DB_POOL", True)
else:
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
CACHE_KEY_PREFIX = env("DJANGO_CACHE_PREFIX", "lsunion")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "lsunion.cache_backends.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": 60 * 60 * 24,
            # A Redis that does not answer is skipped within a second (lsunion.cache_backends).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "lsunion",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "TIMEOUT": 60 * 60 * 24,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Anonymous page cache; off for benchmarks of the uncached path.
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", True)
PAGE_CACHE_TIMEOUT = 60 * 60
# `make bench` only: serves /bench/hello/, the minimal Django view every page is compared with.
BENCH_HELLO = env_bool("DJANGO_BENCH", False)

# Staff sessions live in the database, read through the shared cache when Redis is there:
# any app server can serve any request, and a Redis restart logs nobody out.
# Sessions live in the database only. Read through Redis (`cached_db`), a Redis outage made
# every staff page fail, and a logout during one came back to life with the cache; only
# staff have sessions, so the query it costs them is cheap.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Staff sessions expire after a working day of inactivity, and with the browser.
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling: after 5 failures for one account from one address, a one-hour lockout.
AXES_FAILURE_LIMIT = int(env("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_IPWARE_PROXY_COUNT = int(env("DJANGO_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["lsunion.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
# Media go through Django's storage API only. One host: the file system under MEDIA_ROOT.
# Several app servers: a shared store, e.g. django-storages' S3 backend
# (DJANGO_MEDIA_STORAGE=storages.backends.s3.S3Storage plus its AWS_* variables, see
# docs/deployment.md), or MEDIA_ROOT on a shared volume.
_MEDIA_STORAGE = env("DJANGO_MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage")
_MEDIA_OPTIONS = {}
if _MEDIA_STORAGE.startswith("storages.backends.s3"):
    # Credentials come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (read by boto3).
    _MEDIA_OPTIONS = {
        key: value
        for key, value in {
            "bucket_name": env("DJANGO_MEDIA_BUCKET"),
            "endpoint_url": env("DJANGO_MEDIA_ENDPOINT_URL"),
            "region_name": env("DJANGO_MEDIA_REGION"),
            "custom_domain": env("DJANGO_MEDIA_DOMAIN"),
            "file_overwrite": False,
            "querystring_auth": False,
        }.items()
        if value != ""
    }
STORAGES = {
    "default": {"BACKEND": _MEDIA_STORAGE, "OPTIONS": _MEDIA_OPTIONS},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0
WHITENOISE_USE_FINDERS = DEBUG

# Uploads: refuse oversized requests early; images are checked again by lsunion.images.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644
IMAGE_MAX_BYTES = 10 * 1024 * 1024
IMAGE_MAX_PIXELS = 40_000_000
IMAGE_RENDITION_WIDTHS = (320, 640, 960, 1280)
# Article views ("Đọc nhiều") are summed in each process and written this often (news.popularity).
ARTICLE_VIEWS_FLUSH_SECONDS = float(env("DJANGO_ARTICLE_VIEWS_FLUSH_SECONDS", "60"))
# Demo pictures (lsunion.demo_pictures) are drawn once and kept here for later demo loads.
DEMO_PICTURE_CACHE = Path(
    env("DJANGO_DEMO_PICTURE_CACHE", str(BASE_DIR / ".cache" / "demo-pictures"))
)

# Security headers; the https-only ones follow DJANGO_SECURE (set behind TLS).
SECURE = env_bool("DJANGO_SECURE", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE and env_bool("DJANGO_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# Content Security Policy (Django 6.1): no inline script without the request's nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Mail: printed to the console in development, sent over SMTP in production.
_MAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {"default": {"BACKEND": _MAIL_BACKEND}}
if _MAIL_BACKEND.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": env("DJANGO_EMAIL_HOST", "localhost"),
        "port": int(env("DJANGO_EMAIL_PORT", "25")),
        "username": env("DJANGO_EMAIL_USER"),
        "password": env("DJANGO_EMAIL_PASSWORD"),
        "use_tls": env_bool("DJANGO_EMAIL_TLS", False),
        "timeout": 10,
    }
# Background work (mail): stored in the database, run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "cong-thong-tin@ldld.langson.vn")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "WARNING")},
}

# The portal's own identity, shown in the header, footer, feeds and PDFs.
PORTAL = {
    "name": "Liên đoàn Lao động tỉnh Lạng Sơn",
    "short_name": "LĐLĐ tỉnh Lạng Sơn",
    "tagline": "Cổng thông tin điện tử Công đoàn Lạng Sơn",
    "address": "Số 2 đường Hoàng Văn Thụ, phường Chi Lăng, thành phố Lạng Sơn, tỉnh Lạng Sơn",
    "phone": "0205 3812 345",
    "email": "ldldlangson@congdoan.vn",
}

# Demo content loaders, run in order by `manage.py load_demo` (dotted paths: lsunion imports no app).
DEMO_LOADERS = [
    "organizations.demo.load",
    "organizations.demo_extras.load",
    "organizations.demo.load_staff",
    "news.demo.load",
    "awards.demo.load",
    "documents.demo.load",
    "questions.demo.load",
    "sitepages.demo.load",
]

# Hỏi đáp (questions) and the contact form: limits, anti-abuse, retention of contacts.
QUESTIONS_TEXT_MAX_CHARS = 5000
QUESTIONS_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
# Attachments (contract photos, pay slips) live outside MEDIA_ROOT: no public address.
QUESTIONS_PRIVATE_ROOT = Path(env("DJANGO_PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
QUESTIONS_RATE_LIMITS = {
    "window_seconds": int(env("DJANGO_QUESTIONS_RATE_WINDOW", str(60 * 60))),
    "per_address": int(env("DJANGO_QUESTIONS_PER_ADDRESS", "5")),  # stored posts per window
    "per_contact": int(env("DJANGO_QUESTIONS_PER_CONTACT", "3")),  # per phone or e-mail
    "attempts": int(env("DJANGO_QUESTIONS_ATTEMPTS", "30")),  # every post, refused ones too
}
# Askers' contacts are erased this long after the question is closed (erase_expired_contacts).
QUESTIONS_CONTACT_RETENTION_DAYS = int(env("DJANGO_QUESTIONS_RETENTION_DAYS", str(2 * 365)))
# Proof of work (ALTCHA): the larger the number, the longer a browser hashes (about a second
# on a cheap phone at 100,000). The key signs challenges; derived from SECRET_KEY if unset.
QUESTIONS_PROOF_OF_WORK_MAX_NUMBER = int(env("DJANGO_PROOF_OF_WORK_MAX_NUMBER", "100000"))
ALTCHA_HMAC_KEY = (
    env("DJANGO_ALTCHA_HMAC_KEY") or hashlib.sha256(f"altcha:{SECRET_KEY}".encode()).hexdigest()
)
ALTCHA_CHALLENGE_EXPIRE = 30 * 60 * 1000  # milliseconds: time to type a long question
ALTCHA_JS_URL = "altcha/altcha.min.js"

# CKEditor 5: images only, staff only, through our own upload view (verified, EXIF stripped).
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "news:editor-image-upload"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "jpg", "png", "gif", "webp"]
CKEDITOR_5_MAX_FILE_SIZE = IMAGE_MAX_BYTES // (1024 * 1024)
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_CONFIGS = {
    "default": {
        "language": "vi",
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "link",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "|",
                "insertImage",
                "insertTable",
                "|",
                "undo",
                "redo",
            ]
        },
        "image": {
            "toolbar": [
                "imageTextAlternative",
                "toggleImageCaption",
                "|",
                "imageStyle:alignBlockLeft",
                "imageStyle:alignCenter",
                "imageStyle:alignBlockRight",
            ],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Đoạn văn", "class": "ck-heading_paragraph"},
                {
                    "model": "heading2",
                    "view": "h2",
                    "title": "Tiêu đề 2",
                    "class": "ck-heading_heading2",
                },
                {
                    "model": "heading3",
                    "view": "h3",
                    "title": "Tiêu đề 3",
                    "class": "ck-heading_heading3",
                },
            ]
        },
    }
}
