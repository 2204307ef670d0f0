"""Pressroom settings, read from the environment with defaults that are safe on a laptop.

Everything a site keeps (SQLite database, media, the generated secret key) lives under
``PRESSROOM_DATA_DIR`` (``./data`` by default). See docs/configuration.md for every variable.
"""

import os
import secrets
import sys
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from pressroom.core.video import VIDEO_PLAYER_ORIGINS

PACKAGE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("PRESSROOM_DATA_DIR", "data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)
DEBUG = env_bool("PRESSROOM_DEBUG")


def _secret_key() -> str:
    """The SECRET_KEY from the environment, else one generated once and kept in the data dir."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    # Created with 0600 so other local users cannot read it.
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

ROOT_URLCONF = "pressroom.urls"
WSGI_APPLICATION = "pressroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DEFAULT_SQLITE = f"sqlite:///{DATA_DIR / 'pressroom.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", DEFAULT_SQLITE),
        conn_max_age=int(os.environ.get("PRESSROOM_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
_on_sqlite = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
if _on_sqlite:
    # Connections are kept (PRESSROOM_CONN_MAX_AGE) on SQLite too: opening one and running
    # its PRAGMAs cost a quarter of an uncached page's CPU when each request had its own.
    # Each worker thread keeps one; `pressroom restore` needs the site stopped (it replaces
    # the file, which open connections would go on reading).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # Writers queue for the lock instead of failing with "database is locked". SQLite's
            # wait is not first come first served, so when writers arrive faster than the lock
            # is freed some still wait past it; 45 s failed as often as 20 s in the same run,
            # so the visitor's wait stays short (docs/security.md, "SQLite under load").
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                # SQLite checkpoints the WAL into the database every 1000 pages (4 MB); after
                # a big transaction this trims the file back instead of keeping its peak size.
                "PRAGMA journal_size_limit=33554432;"
            ),
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A server that does not answer (host down, packets dropped) fails the request after
    # this many seconds (libpq's minimum is 2) instead of hanging a worker; a stopped
    # server refuses at once. The page is the static 503 (docs/operations.md).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("PRESSROOM_DB_CONNECT_TIMEOUT", "2"))
    )

# --- Applications and middleware --------------------------------------------------------------
# Each list is written here once; the section named beside an entry holds its settings.
# docs/architecture.md says what each Pressroom app holds and which may import which.
INSTALLED_APPS = [
    # The page cache's signal handlers connect first. Core's collectstatic (it records what
    # was collected) overrides Django's because core comes before django.contrib.staticfiles.
    "pressroom.pagecache",  # Page cache and scheduled publishing
    "pressroom.scheduling",  # Page cache and scheduled publishing
    "pressroom.pageviews",  # View counts (浏览量)
    "pressroom.push",  # Search-engine push (IndexNow, Baidu)
    "pressroom.export",
    # Before wagtail.admin: its templates brand Wagtail's (the admin as the company's editors
    # meet it).
    "pressroom.dashboard",
    "pressroom.core",
    "pressroom.pages",
    "pressroom.news",
    "pressroom.contact",  # Contact form
    "pressroom.products",
    "pressroom.showcase",
    "pressroom.api",  # Read-only content API (docs/api.md)
    "pressroom.careers",  # Jobs (人才招聘)
    "pressroom.downloads",  # Downloads center (资料下载)
    "pressroom.board",  # Question board (在线留言)
    "pressroom.demo",
    # Site search. Before wagtail.search: its `update_index` (Wagtail's, then the site
    # search's own index) overrides Wagtail's.
    "pressroom.search",
    "pressroom.importers",  # Importers: `pressroom import wordpress|feed` (docs/importing.md)
    "wagtail.api.v2",
    "pressroom.integrations",  # the analytics and chat services the owner turns on
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "pressroom.security.users_app.PressroomUsersConfig",  # wagtail.users, with our viewsets
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Wagtail's admin says "3 minutes ago" with humanize's naturaltime, whose Chinese comes
    # only with the app installed.
    "django.contrib.humanize",
    "pressroom.security",  # Security
    "pressroom.operations",  # Operations: backup, restore, health, media serving, full disks
    "axes",  # Security: sign-in throttling
    "csp",  # Security: Content-Security-Policy
    "django_otp",  # Security: two-factor sign-in
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "pressroom.i18n",  # Bilingual site
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "pressroom.seo",  # SEO
    # Any database but SQLite (Database, above).
    *([] if _on_sqlite else ["django.contrib.postgres"]),
]

# Uploads go to this S3-compatible bucket when it is set (Media in an S3-compatible bucket).
PRESSROOM_S3_BUCKET = os.environ.get("PRESSROOM_S3_BUCKET", "")

# A request passes down this list and its response back up it.
MIDDLEWARE = [
    # First, so a cached entry keeps every header; pressroom.wsgi replays hits even before
    # Django starts (Page cache and scheduled publishing; docs/caching.md).
    "pressroom.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # With a bucket: one that cannot be reached answers a 503 saying the file was not saved.
    *(["pressroom.operations.storage.StorageUnavailableMiddleware"] if PRESSROOM_S3_BUCKET else []),
    # The CSP header on everything below, the 503 pages too (Security).
    "pressroom.security.middleware.ContentSecurityPolicyMiddleware",
    # A public request that queries past PRESSROOM_DB_REQUEST_BUDGET, or finds the database
    # down, gets the static 503 page (Security; docs/operations.md).
    "pressroom.operations.middleware.DatabaseTimeBudgetMiddleware",
    "pressroom.operations.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL alone, so responses carry no Vary: Accept-Language.
    "pressroom.i18n.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in: after the password, the code (Security).
    "django_otp.middleware.OTPMiddleware",
    "pressroom.security.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Old addresses of imported sites: /?p=12 (the home page's path with a query) here, the
    # others through Wagtail's redirects when the page is not found (docs/importing.md).
    "pressroom.importers.redirects.OldQueryAddressMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A sign-in delayed by the per-account rule answers 429; a complete sign-in is remembered.
    "pressroom.security.throttle.SignInMiddleware",
    # django-axes' installation guide puts it last. It only acts on the way back, turning the
    # answer to a sign-in its backend locked out into the lockout page; the two middleware
    # inside it turn a full disk in a view into a 507 and hold admin writes in one
    # transaction, so the order changes nothing for it.
    "axes.middleware.AxesMiddleware",
    # A full disk (media, temporary files, SQLite) answers 507 "nothing was saved", not 500.
    "pressroom.operations.middleware.DiskFullMiddleware",
    # Admin writes in one transaction: a lost worker leaves no half-published page. Last, so
    # the transaction holds the view only (pressroom.operations.transactions).
    "pressroom.operations.transactions.AdminWritesMiddleware",
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's RedisCache, failing open: Redis down = cache misses (pressroom.core.cache).
            "BACKEND": "pressroom.core.cache.FailOpenRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("PRESSROOM_CACHE_PREFIX", "pressroom"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pressroom",
        }
    }

# --- Passwords, sessions --------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- Languages and time ---------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "中文"), ("en", "English")]
# Each language named in itself for visitors (the switcher) and for choosing the admin's
# language; the admin names the content languages in the editor's own (中文 / 英文).
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", _("Chinese")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
# Our strings, then our Chinese for Wagtail's own (scripts/zh_hans_wagtail.py): both take
# precedence over every app's catalogue, Wagtail's included.
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "wagtail_locale"]
TIME_ZONE = os.environ.get("PRESSROOM_TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("PRESSROOM_STATIC_ROOT", DATA_DIR / "static"))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("PRESSROOM_MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    # Django's, minus the partial file a full disk would leave (pressroom/core/storage.py).
    "default": {"BACKEND": "pressroom.core.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "pressroom.core.storage.ManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644

# --- Email ----------------------------------------------------------------------------------
if os.environ.get("EMAIL_URL"):
    vars().update(dj_email_url.parse(os.environ["EMAIL_URL"]))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "pressroom@localhost")
# Contact mails come from the company's name (Settings → Company info) at DEFAULT_FROM_EMAIL when
# it is set here, else at the company's email (pressroom/contact/mailconfig.py).
PRESSROOM_FROM_EMAIL_SET = bool(os.environ.get("DEFAULT_FROM_EMAIL"))
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds one step of talking to the mail server may take (EMAIL_URL's ?timeout=N sets it).
EMAIL_TIMEOUT = globals().get("EMAIL_TIMEOUT") or 10

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = os.environ.get("PRESSROOM_SITE_NAME", "Pressroom")
# The site's public address, the one source of absolute links: mails (below) and, through
# `pressroom init`, the default Site record that pages, sitemaps and feeds are built from.
PRESSROOM_BASE_URL = (
    os.environ.get("PRESSROOM_BASE_URL") or f"http://127.0.0.1:{os.environ.get('PORT') or 8000}"
).rstrip("/")
WAGTAILADMIN_BASE_URL = PRESSROOM_BASE_URL
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
# Counts every frame of an animated GIF/PNG/WebP against that limit (Willow reports one).
WAGTAILIMAGES_IMAGE_FORM_BASE = "pressroom.security.forms.SafeImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "mp4", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "pressroom.security.forms.SafeDocumentForm"
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
# Private pages ask for a sign-in or a password in the site's own layout (/_util/...).
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "pages/private_login.html"
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "pages/private_password.html"

# Articles per page on the news center; products and cases per page of their lists.
PRESSROOM_NEWS_PER_PAGE = 10
PRESSROOM_PRODUCTS_PER_PAGE = 12
PRESSROOM_CASES_PER_PAGE = 12
# Jobs (pressroom.careers): postings per page of the jobs list, and the largest CV accepted
# (bytes; the shipped nginx config caps a whole request at 25 MB before it reaches the app).
PRESSROOM_JOBS_PER_PAGE = 20
PRESSROOM_CAREERS_CV_MAX_SIZE = int(os.environ.get("PRESSROOM_CV_MAX_SIZE", 10 * 1024 * 1024))

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("PRESSROOM_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

if not DEBUG and SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured("Set SECRET_KEY to a random value in production.")

# Translated labels for the two languages, so makemessages keeps them.
LANGUAGE_LABELS = {"zh-hans": _("Chinese"), "en": _("English")}

# Serve MEDIA_URL from the app when no web server in front does it.
PRESSROOM_SERVE_MEDIA = env_bool("PRESSROOM_SERVE_MEDIA", True)

# --- Contact form (pressroom.contact): message tasks, retries, spam limits, retention ---------
# Wagtail's own tasks keep the default backend; contact notifications go through the database
# so a message survives a restart or a mail outage. `pressroom serve` runs their worker
# (PRESSROOM_BACKGROUND_COMMANDS, below).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "contact": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    # Imports started in the admin (Settings → 导入), run by their own worker (decision 0045).
    "imports": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Retries: 30 s, 1, 2, 4 min, then every 5 min, for about two days (600 attempts).
PRESSROOM_CONTACT_RETRY_BASE = int(os.environ.get("PRESSROOM_CONTACT_RETRY_BASE", "30"))
PRESSROOM_CONTACT_RETRY_MAX_DELAY = int(os.environ.get("PRESSROOM_CONTACT_RETRY_MAX_DELAY", "300"))
PRESSROOM_CONTACT_MAX_ATTEMPTS = int(os.environ.get("PRESSROOM_CONTACT_MAX_ATTEMPTS", "600"))
# Seconds the mail worker waits before polling again after the database went away.
PRESSROOM_CONTACT_WORKER_RETRY = float(os.environ.get("PRESSROOM_CONTACT_WORKER_RETRY", "5"))
# The rate-limit counters must be shared by every worker process: Redis when configured,
# else files in the data directory (a per-process memory cache would multiply the limit).
# Image renditions: Wagtail's "renditions" cache alias. With Redis, the shared cache (a deleted
# rendition leaves every node's cache); else each process's own memory, as the default is.
CACHES["renditions"] = (
    CACHES["default"]
    if os.environ.get("REDIS_URL")
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
)
# Posts one address may make per fixed window (every post counts, spam included) before a 429.
PRESSROOM_CONTACT_RATE_LIMIT_POSTS = int(os.environ.get("PRESSROOM_CONTACT_RATE_LIMIT_POSTS", "5"))
PRESSROOM_CONTACT_RATE_LIMIT_WINDOW = int(
    os.environ.get("PRESSROOM_CONTACT_RATE_LIMIT_WINDOW", "600")
)
CACHES["contact"] = (
    CACHES["default"]
    if os.environ.get("REDIS_URL")
    else {
        # Counters in files, one per address and window, shared by the node's workers: a few
        # system calls per post, increments never lost (pressroom/security/filecounters.py).
        "BACKEND": "pressroom.security.filecounters.FileCounterCache",
        "LOCATION": str(DATA_DIR / "cache" / "counters"),
        "TIMEOUT": PRESSROOM_CONTACT_RATE_LIMIT_WINDOW,
    }
)
PRESSROOM_CONTACT_CACHE = "contact"
# Messages that passed the form's checks, all addresses together, per window; beyond it they
# are stored but held for review and summarised in one mail (0: no site-wide limit).
PRESSROOM_CONTACT_SITE_LIMIT_POSTS = int(
    os.environ.get("PRESSROOM_CONTACT_SITE_LIMIT_POSTS", "200")
)
# Deprecated: the form's own list of proxies, read only while PRESSROOM_TRUSTED_PROXIES (below,
# one list for HTTPS, login throttling and the form) is empty; a system check warns.
PRESSROOM_CONTACT_TRUSTED_PROXIES = env_list("PRESSROOM_CONTACT_TRUSTED_PROXIES")
# A form sent sooner than this after it was shown is asked to be sent again.
PRESSROOM_CONTACT_MIN_SECONDS = float(os.environ.get("PRESSROOM_CONTACT_MIN_SECONDS", "3"))
PRESSROOM_CONTACT_MAX_MESSAGE_LENGTH = 5000
# Delete messages older than this many days (0: keep them).
PRESSROOM_CONTACT_RETENTION_DAYS = int(os.environ.get("PRESSROOM_CONTACT_RETENTION_DAYS", "0"))

# --- Security: safe production defaults, login throttling, health, faults -------------------
# See docs/security.md. Every PRESSROOM_* variable below is optional.
# Public requests stop querying after this many seconds and answer 503 (a slow database must
# not hold every worker); well under nginx's proxy_read_timeout (docs/operations.md).
PRESSROOM_DB_REQUEST_BUDGET = float(os.environ.get("PRESSROOM_DB_REQUEST_BUDGET", "10"))
# Overload (docs/operations.md, decision 0048): each worker process runs PRESSROOM_THREADS
# threads; at most PRESSROOM_RENDER_SLOTS of them render an uncached request at a time. A
# request that finds every slot taken waits up to PRESSROOM_RENDER_WAIT seconds for one in a
# line of PRESSROOM_RENDER_QUEUE (by default every thread but the slots and two kept free),
# then gets a 503 with Retry-After; with the line full, at once. While fewer than
# PRESSROOM_RENDER_CALM_LINE wait, a request waits up to PRESSROOM_RENDER_CALM_WAIT seconds
# instead (a burst of renders after a publish; a flood lines up longer at once). A form
# sent (POST: a message) waits up to PRESSROOM_RENDER_POST_WAIT seconds in that line.
# Page-cache hits, /healthz, static files, media and the admin never take a slot.
PRESSROOM_APP_THREADS = max(1, int(os.environ.get("PRESSROOM_THREADS", "64")))
PRESSROOM_RENDER_SLOTS = max(1, int(os.environ.get("PRESSROOM_RENDER_SLOTS", "2")))
PRESSROOM_RENDER_QUEUE = max(
    0,
    int(
        os.environ.get(
            "PRESSROOM_RENDER_QUEUE", str(PRESSROOM_APP_THREADS - PRESSROOM_RENDER_SLOTS - 2)
        )
    ),
)
PRESSROOM_RENDER_WAIT = float(os.environ.get("PRESSROOM_RENDER_WAIT", "0.1"))
PRESSROOM_RENDER_CALM_LINE = max(0, int(os.environ.get("PRESSROOM_RENDER_CALM_LINE", "8")))
PRESSROOM_RENDER_CALM_WAIT = float(os.environ.get("PRESSROOM_RENDER_CALM_WAIT", "1"))
PRESSROOM_RENDER_POST_WAIT = float(os.environ.get("PRESSROOM_RENDER_POST_WAIT", "5"))
PRESSROOM_RETRY_AFTER = int(os.environ.get("PRESSROOM_RETRY_AFTER", "5"))

# Sign-in refuses an overlong username before normalising it (pressroom/core/forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "pressroom.core.forms.LoginForm"
PRESSROOM_ADMIN_PATH = os.environ.get("PRESSROOM_ADMIN_PATH", "admin/").strip("/") + "/"
PRESSROOM_HTTPS = env_bool("PRESSROOM_HTTPS")
# Proxies (IPs or CIDRs) whose forwarded headers are believed: X-Forwarded-Proto (HTTPS),
# X-Forwarded-For for login throttling and the contact form's rate limit. None by default.
PRESSROOM_TRUSTED_PROXIES = env_list("PRESSROOM_TRUSTED_PROXIES")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = int(os.environ.get("PRESSROOM_SESSION_AGE", str(8 * 3600)))
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
if PRESSROOM_HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("PRESSROOM_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("PRESSROOM_HSTS_PRELOAD")
    if not SECURE_HSTS_PRELOAD:
        # Preloading is a promise to browsers that is slow to take back: opt in explicitly.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    # The health check must answer plain HTTP from the load balancer.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if PRESSROOM_TRUSTED_PROXIES:
    # Only a proxy we trust may tell us the request came over HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = False

# Content-Security-Policy (django-csp). Public pages: no inline script or style at all.
# The Wagtail admin gets its own, looser policy (pressroom/security/middleware.py).
_CSP_EXTRA_FRAMES = env_list("PRESSROOM_CSP_FRAME_SRC")  # e.g. other video embed hosts
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The players of the video hosts a body's video block can show (core/video.py).
        "frame-src": ["'self'", *VIDEO_PLAYER_ORIGINS, *_CSP_EXTRA_FRAMES],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Public pages' policy widened per request by these dotted paths, each f(request) -> {directive:
# [hosts]}: the analytics and chat services a site's owner turned on, nothing when none is
# (pressroom/security/middleware.py; docs/security.md).
PRESSROOM_CSP_ADDITIONS = [
    "pressroom.integrations.turned_on.csp_additions",
    # The contact page's live map, on that page's responses only.
    "pressroom.integrations.maps.csp_additions",
]
PRESSROOM_ADMIN_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", "https:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    # The page editor shows its preview in a same-origin frame.
    "frame-ancestors": ["'self'"],
}

# Sign-in throttling (pressroom/security/throttle.py, docs/security.md "Sign-in"). Nobody can
# lock an account for everyone: django-axes locks an address, and an address for one account,
# after AXES_FAILURE_LIMIT failures, for a cool-off that doubles with each lock-out within a
# day; an account that strangers keep guessing at makes every address that has not signed in
# to it before wait its turn (PRESSROOM_LOGIN_ACCOUNT_*), while the owner's browser goes ahead.
# Usernames are compared in one normal form (NFKC, case-folded, trimmed) everywhere.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "pressroom.security.throttle.AccountDelayBackend",
    "pressroom.security.usernames.UsernameBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("PRESSROOM_LOGIN_FAILURE_LIMIT", "10"))
PRESSROOM_LOGIN_COOLOFF_HOURS = float(os.environ.get("PRESSROOM_LOGIN_COOLOFF_HOURS", "0.25"))
AXES_COOLOFF_TIME = "pressroom.security.throttle.cool_off"
AXES_HANDLER = "pressroom.security.throttle.AxesHandler"
AXES_USE_ATTEMPT_EXPIRATION = True  # each lock-out expires on its own cool-off
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # retrying does not move the end
AXES_LOCKOUT_PARAMETERS = ["ip_address", ["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "pressroom.security.throttle.axes_username"
AXES_CLIENT_IP_CALLABLE = "pressroom.security.throttle.client_ip"
AXES_LOCKOUT_CALLABLE = "pressroom.security.throttle.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # one row per failed attempt, beside the counters
AXES_USERNAME_FORM_FIELD = "username"
AXES_ENABLE_ADMIN = False
# Failures for one account (from anywhere, within a day) after which addresses and browsers
# that have not signed in to it wait before each attempt: 30 s, doubling with every further
# PRESSROOM_LOGIN_ACCOUNT_LIMIT failures, at most PRESSROOM_LOGIN_ACCOUNT_WAIT_MAX seconds.
PRESSROOM_LOGIN_ACCOUNT_LIMIT = int(os.environ.get("PRESSROOM_LOGIN_ACCOUNT_LIMIT", "20"))
PRESSROOM_LOGIN_ACCOUNT_WAIT = 30
PRESSROOM_LOGIN_ACCOUNT_WAIT_MAX = int(os.environ.get("PRESSROOM_LOGIN_ACCOUNT_WAIT_MAX", "900"))

# Password-reset mails (pressroom/security/password_reset.py): at most this many per mailbox
# and requests per address in a fixed window that starts with the first request (retrying does
# not move it); counted in the database. The mail goes out through the task worker, so the
# answer is the same whether it was sent, held back, or no account has the address.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "pressroom.security.password_reset.PasswordResetForm"
PRESSROOM_RESET_WINDOW = 3600
PRESSROOM_RESET_MAILS_PER_ACCOUNT = 3
PRESSROOM_RESET_REQUESTS_PER_ADDRESS = 10

# Two-factor sign-in (django-otp): an admin user may add an authenticator app (TOTP) and
# backup codes from their account; once they have, the admin asks for a code after the
# password. PRESSROOM_REQUIRE_2FA=true makes every admin user set it up before using the admin.
PRESSROOM_REQUIRE_2FA = env_bool("PRESSROOM_REQUIRE_2FA")
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# After each wrong code the next try waits 1, 2, 4, 8 … seconds (per device, kept in the
# database, so a new session or another address does not reset it).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Uploads: only raster image types (no SVG: it can carry script), bounded sizes and pixels.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # privacy checks apply; the file goes as attachment
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger uploads stream to a temporary file
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 100

# Logs as one JSON object per line for log collectors: PRESSROOM_LOG_FORMAT=json.
if os.environ.get("PRESSROOM_LOG_FORMAT", "").lower() == "json":
    LOGGING["formatters"]["json"] = {"()": "pressroom.operations.logs.JsonFormatter"}
    LOGGING["handlers"]["console"]["formatter"] = "json"
LOGGING["loggers"]["pressroom.security"] = {"level": "INFO"}
LOGGING["loggers"]["axes"] = {"level": "WARNING"}

# --- Bilingual site: locales, translation admin, language in the URL only (docs/i18n.md) -----
# A new Chinese page is not copied into the English tree as an alias: an English address
# shows English content or nothing (see docs/decisions/0003-simple-translation.md).
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False

# --- SEO: sitemaps, feeds, robots.txt, meta tags and structured data (pressroom.seo) --------
# URLs per sitemap file; the protocol allows at most 50,000 (the index lists every file).
# 5,000 keeps a section under half a second of CPU and about 2 MB at 100,000 articles a
# language: a 50,000-URL section took 4 s of CPU and 18 MB, and on a busy machine ran past
# the request's database budget (a 503 to the crawler). docs/seo.md.
PRESSROOM_SITEMAP_URLS = int(os.environ.get("PRESSROOM_SITEMAP_URLS", "5000"))
# Newest articles in each RSS/Atom feed.
PRESSROOM_FEED_ITEMS = 20

# --- Admin seen in a browser ----------------------------------------------------------------
# Wagtail's admin would load every editor's avatar from Gravatar: a third party learns who edits
# the site, and from mainland China the request hangs or fails. Editors get the built-in avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Page cache and scheduled publishing ----------------------------------------------------
# Anonymous GET/HEAD responses are served from the cache before sessions, auth or the
# database are touched (docs/caching.md); purged exactly when content changes.
PRESSROOM_PAGECACHE_MAX_AGE = int(os.environ.get("PRESSROOM_CACHE_MAX_AGE", "60"))
PRESSROOM_PAGECACHE_TIMEOUT = int(os.environ.get("PRESSROOM_PAGECACHE_TIMEOUT", str(24 * 3600)))
# What versions the values every page shows (pressroom.core.sitecache): the page cache's
# generation, so a site-wide purge renews them too.
PRESSROOM_SITE_VERSION = "pressroom.pagecache.store.site_version"
# What versions values worked out from published content that many pages share (the news
# lists' lengths and page starts): a token that every purge of the page cache replaces.
PRESSROOM_CONTENT_VERSION = "pressroom.pagecache.store.content_version"
# Paths that list every page: purged on every content change.
PRESSROOM_PAGECACHE_PURGE_ALWAYS: list[str] = ["/llms.txt"]
# The XML sitemaps (index and sections) are cached like pages and purged with them.
PRESSROOM_PAGECACHE_URL_PROVIDERS = ["pressroom.seo.sitemaps.sitemap_paths"]
# Models whose rows every page may show (header, footer, menus, filters, pictures, robots.txt):
# saving or deleting one purges every cached page and makes `pressroom export --changed` a full
# export. Image models and their renditions are always such models.
PRESSROOM_PAGECACHE_SITE_WIDE_MODELS = [
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "core.CompanyInfo",
    "seo.SeoSettings",  # robots.txt
    "news.NewsCategory",  # every news list's filters
    "pageviews.ViewCountSettings",  # whether articles and products show their counts
    "integrations.IntegrationSettings",  # every page's scripts and CSP, the privacy page
    "integrations.MapSettings",  # the contact page's map, the privacy page
    # Documents' titles, sizes and locks are shown on product pages and the downloads center.
    "wagtaildocs.Document",
    "wagtailcore.CollectionViewRestriction",
]
# What the privacy page lists (pressroom.core.privacy): dotted paths of f(request) ->
# [PrivacyItem], each saying what one feature collects while it is on.
PRESSROOM_PRIVACY_SECTIONS = [
    "pressroom.contact.privacy.privacy_items",
    "pressroom.pageviews.privacy.privacy_items",
    "pressroom.integrations.turned_on.privacy_items",
    "pressroom.integrations.maps.privacy_items",
]
# Query parameters that shared links carry and no page reads: an address with only these is
# answered from the cache as the plain address (docs/caching.md). "name*" is a prefix.
PRESSROOM_PAGECACHE_TRACKING_PARAMETERS = [
    "utm_*",  # campaigns
    "from",  # WeChat: from=singlemessage, timeline, groupmessage
    "isappinstalled",  # WeChat
    "spm",  # Taobao, Alibaba
    "gclid",  # Google Ads
    "fbclid",  # Facebook
    "bd_vid",  # Baidu ads
    "share_token",
    *env_list("PRESSROOM_EXTRA_TRACKING_PARAMETERS"),
]
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # A stopped or unreachable Redis turns into cache misses quickly instead of hung workers:
    # one try with a 250 ms socket timeout, then the process leaves Redis alone for
    # RETRY_AFTER seconds (docs/operations.md, "When PostgreSQL or Redis stops").
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    CACHES["default"].setdefault("OPTIONS", {}).update(
        {
            "socket_connect_timeout": float(os.environ.get("PRESSROOM_REDIS_TIMEOUT", "0.25")),
            "socket_timeout": float(os.environ.get("PRESSROOM_REDIS_TIMEOUT", "0.25")),
            "retry": Retry(NoBackoff(), 0),
            "RETRY_AFTER": float(os.environ.get("PRESSROOM_REDIS_RETRY_AFTER", "5")),
        }
    )
elif CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # A process-local cache: purges reach the other workers through this stamp file. Pages
    # and the values every page shows have a cache of their own, which a worker empties when
    # it sees the stamp change: what it held was made under an earlier version and would only
    # fill the cache up to its size (docs/caching.md, "Several processes, several nodes").
    PRESSROOM_PAGECACHE_STAMP_FILE = DATA_DIR / "pagecache.stamp"
    PAGES_KEPT = int(os.environ.get("PRESSROOM_PAGECACHE_MAX_ENTRIES", "2000"))
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": PAGES_KEPT},
    }
    PRESSROOM_PAGECACHE_ALIAS = PRESSROOM_SITECACHE_ALIAS = "pages"
    # What else the default cache holds: the addresses a view was counted for (pageviews).
    CACHES["default"].setdefault("OPTIONS", {})["MAX_ENTRIES"] = 2000
# `pressroom serve` starts the scheduler: scheduled pages go live and expire on time.
PRESSROOM_SCHEDULER_INTERVAL = int(os.environ.get("PRESSROOM_SCHEDULER_INTERVAL", "30"))
# What the scheduler runs after publishing, each pass (pressroom/scheduling/runner.run_jobs).
PRESSROOM_SCHEDULER_JOBS = ["pressroom.push.sending.send_due", "pressroom.board.mail.send_due"]
# Search-engine push (pressroom/push): where addresses go once the owner turns a service on.
PRESSROOM_INDEXNOW_ENDPOINT = os.environ.get(
    "PRESSROOM_INDEXNOW_ENDPOINT", "https://api.indexnow.org/indexnow"
)
PRESSROOM_BAIDU_PUSH_ENDPOINT = os.environ.get(
    "PRESSROOM_BAIDU_PUSH_ENDPOINT", "http://data.zz.baidu.com/urls"
)
# The scheduler also refreshes SQLite's query-planner statistics (ANALYZE) this often (0: never).
PRESSROOM_SQLITE_ANALYZE_INTERVAL = int(
    os.environ.get("PRESSROOM_SQLITE_ANALYZE_INTERVAL", "86400")
)
# What `pressroom serve` runs beside the app server: the contact form's mail worker (db_worker
# for the "contact" task backend plus the retry/retention sweep, in one process) and the
# scheduler.
PRESSROOM_BACKGROUND_COMMANDS = [
    [sys.executable, "-m", "pressroom", "contact_worker"],
    [sys.executable, "-m", "pressroom", "scheduler"],
    [sys.executable, "-m", "pressroom", "import_worker"],
]

# --- Imports from the admin (pressroom.importers; see docs/importing.md) ----------------------
# Uploaded exports wait here for their import (deleted once read): private, never under MEDIA_ROOT.
PRESSROOM_IMPORT_UPLOAD_DIR = Path(
    os.environ.get("PRESSROOM_IMPORT_UPLOAD_DIR", DATA_DIR / "import-uploads")
)
# The largest file the admin accepts (bytes; 25 MB by default, as the shipped nginx allows).
PRESSROOM_IMPORT_MAX_UPLOAD = int(os.environ.get("PRESSROOM_IMPORT_MAX_UPLOAD", 25 * 1024 * 1024))
# Seconds between two requests to an old site crawled from the admin.
PRESSROOM_IMPORT_DELAY = float(os.environ.get("PRESSROOM_IMPORT_DELAY", "1"))

# --- Site search (pressroom.search; see docs/search.md) ---------------------------------------
# Results per page of /search/, and the longest query accepted (longer ones get a 400).
PRESSROOM_SEARCH_PER_PAGE = 10
PRESSROOM_SEARCH_MAX_QUERY_LENGTH = 100
# Matches counted and listed at most: past it the page says "more than N" (docs/search.md).
PRESSROOM_SEARCH_COUNT_LIMIT = 1000
# The database backend by default; OpenSearch or Elasticsearch for large sites when
# PRESSROOM_SEARCH_URL is set (PRESSROOM_SEARCH_ENGINE: opensearch3, opensearch2,
# elasticsearch9, elasticsearch8 or elasticsearch7; install the matching client).
PRESSROOM_SEARCH_URL = os.environ.get("PRESSROOM_SEARCH_URL", "")
PRESSROOM_SEARCH_ENGINE = os.environ.get("PRESSROOM_SEARCH_ENGINE", "opensearch3")
if PRESSROOM_SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{PRESSROOM_SEARCH_ENGINE}",
            "URLS": env_list("PRESSROOM_SEARCH_URL"),
            "INDEX_PREFIX": os.environ.get("PRESSROOM_SEARCH_INDEX_PREFIX", "pressroom_"),
            "TIMEOUT": 5,
            # The server's own CJK analysis: character pairs, like the database index.
            "INDEX_SETTINGS": {
                "settings": {"analysis": {"analyzer": {"default": {"type": "cjk"}}}}
            },
        }
    }
else:
    # "simple": no stemming or stop words in PostgreSQL, so it matches SQLite; the stems
    # are added to the index by pressroom.search itself.
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "pressroom.search.backend", "SEARCH_CONFIG": "simple"}
    }

# --- Content API (pressroom.api; see docs/api.md) -----------------------------------------------
# /api/v2/pages/: live, public pages for mini-programs and partners. At most WAGTAILAPI_LIMIT_MAX
# pages an answer, offsets up to PRESSROOM_API_MAX_OFFSET; rich text as the page shows it.
WAGTAILAPI_LIMIT_MAX = int(os.environ.get("PRESSROOM_API_LIMIT_MAX", "50"))
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_SEARCH_ENABLED = True
PRESSROOM_API_MAX_OFFSET = int(os.environ.get("PRESSROOM_API_MAX_OFFSET", "10000"))
# Browsers and CDNs may keep an answer this long (it carries an ETag; a 304 costs no body).
PRESSROOM_API_MAX_AGE = int(os.environ.get("PRESSROOM_API_MAX_AGE", "60"))
# Requests one client address may make per fixed window before a 429 with Retry-After (0: no
# limit), counted in the contact form's shared counter cache.
PRESSROOM_API_RATE_LIMIT = int(os.environ.get("PRESSROOM_API_RATE_LIMIT", "120"))
PRESSROOM_API_RATE_WINDOW = int(os.environ.get("PRESSROOM_API_RATE_WINDOW", "60"))
PRESSROOM_API_CACHE = "contact"
# Access-Control-Allow-Origin on every answer (public data, no credentials); empty: none.
PRESSROOM_API_ALLOW_ORIGIN = os.environ.get("PRESSROOM_API_ALLOW_ORIGIN", "*")

# --- Media in an S3-compatible bucket (django-storages; see docs/operations.md) -------------
# Set PRESSROOM_S3_BUCKET to keep uploads (images, renditions, documents) in a bucket instead
# of MEDIA_ROOT; static files stay with WhiteNoise. Credentials come from boto's usual places
# (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, an instance role, ~/.aws). Needs `pip install
# pressroom[s3]`. PRESSROOM_S3_BUCKET is read beside MIDDLEWARE (above).
if PRESSROOM_S3_BUCKET:
    from botocore.config import Config as _BotoConfig

    _s3_timeout = float(os.environ.get("PRESSROOM_S3_TIMEOUT", "5"))
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": PRESSROOM_S3_BUCKET,
            "endpoint_url": os.environ.get("PRESSROOM_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("PRESSROOM_S3_REGION") or None,
            # e.g. media.example.com (a CDN or the bucket's public host); else the endpoint.
            "custom_domain": os.environ.get("PRESSROOM_S3_CUSTOM_DOMAIN") or None,
            # Two uploads named photo.jpg are both kept (the second gets a suffix).
            "file_overwrite": False,
            # Objects get the bucket's own policy, no per-object ACL (many buckets forbid ACLs).
            "default_acl": None,
            # Plain URLs: cached pages keep their image addresses for a day, signed URLs would
            # expire in them. The bucket policy makes images/ and original_images/ readable
            # and keeps documents/ private: documents are sent by the app's /documents/ view,
            # which checks the collection's privacy.
            "querystring_auth": False,
            "object_parameters": {"CacheControl": "public, max-age=604800"},
            # A stopped or slow endpoint fails an upload within seconds, not minutes.
            "client_config": _BotoConfig(
                connect_timeout=min(_s3_timeout, 3),
                read_timeout=_s3_timeout,
                retries={"max_attempts": 2, "mode": "standard"},
                # Path-style URLs (endpoint/bucket/key) for S3-compatible servers, so the
                # endpoint's own host is the only one to allow in the CSP below.
                s3={
                    "addressing_style": os.environ.get(
                        "PRESSROOM_S3_ADDRESSING",
                        "path" if os.environ.get("PRESSROOM_S3_ENDPOINT_URL") else "auto",
                    )
                },
            ),
        },
    }
    # The page images come from the bucket's host.
    _media_origin = (
        f"https://{STORAGES['default']['OPTIONS']['custom_domain']}"
        if STORAGES["default"]["OPTIONS"]["custom_domain"]
        else os.environ.get("PRESSROOM_S3_ENDPOINT_URL", "https://*.amazonaws.com")
    )
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_media_origin)
    # An uploaded MP4 in a video block plays from the bucket too.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["media-src"] = ["'self'", _media_origin]
    PRESSROOM_ADMIN_CSP["img-src"].append(_media_origin)

# --- CDN purges (pressroom.pagecache.cdn; docs/operations.md) -------------------------------
# Every page-cache purge also purges the same addresses at a CDN, after the commit. Wagtail's
# frontend_cache app is not installed (its own publish handlers would purge twice).
WAGTAILFRONTENDCACHE = {}
if os.environ.get("PRESSROOM_CDN_PURGE_URL"):
    # Any cache that accepts HTTP PURGE (Varnish, Fastly, nginx with a purge module, ...).
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "pressroom.pagecache.cdn.HTTPBackend",
        "LOCATION": os.environ["PRESSROOM_CDN_PURGE_URL"],
        "TIMEOUT": float(os.environ.get("PRESSROOM_CDN_PURGE_TIMEOUT", "3")),
    }
if os.environ.get("PRESSROOM_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["PRESSROOM_CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("PRESSROOM_CLOUDFLARE_TOKEN", ""),
    }
# Our paths already name both languages; Wagtail would otherwise invent /zh-hans/... copies.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
# A site-wide change would purge every public page: above this many URLs it is left to expiry.
PRESSROOM_CDN_PURGE_MAX = int(os.environ.get("PRESSROOM_CDN_PURGE_MAX", "1000"))
# How long a CDN may keep a page (s-maxage); only worth raising when purges reach it.
PRESSROOM_PAGECACHE_SHARED_MAX_AGE = int(
    os.environ.get("PRESSROOM_CDN_MAX_AGE", "3600" if WAGTAILFRONTENDCACHE else "0")
)
