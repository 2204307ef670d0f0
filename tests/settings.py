"""Test-only overrides of Pressroom's settings."""

import os
import tempfile

# Each of pytest-xdist's workers gets a data folder of its own (media, file caches, counters):
# `make test` exports one for the whole run, which two workers would otherwise share.
if worker := os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ["PRESSROOM_DATA_DIR"] = tempfile.mkdtemp(prefix=f"pressroom-test-{worker}-")
os.environ.setdefault("PRESSROOM_DATA_DIR", tempfile.mkdtemp(prefix="pressroom-test-"))
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")

from pressroom.settings import *  # noqa: E402,F403
from pressroom.settings import STORAGES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["localhost", "testserver", "127.0.0.1"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# The address a new site's Site record gets (pressroom.core.setup): tests read links on it.
PRESSROOM_BASE_URL = "http://localhost"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (WhiteNoise warns when it is missing)

# Contact form: tasks run in the request, spam timing off unless a test turns it on.
TASKS = {
    **TASKS,
    "contact": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "imports": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
PRESSROOM_CONTACT_MIN_SECONDS = 0
PRESSROOM_CONTACT_CACHE = "default"  # cleared between tests by conftest
# Page cache: exact purges are tested per process, without the cross-process stamp file.
PRESSROOM_PAGECACHE_STAMP_FILE = None
# --- Site search: the PostgreSQL run ------------------------------------------------------------
# `PRESSROOM_TEST_POSTGRES=postgres://… pytest tests/search` runs the search tests on PostgreSQL,
# in a test database of its own; when that server is down they skip (tests/search/conftest.py).
PRESSROOM_TEST_POSTGRES = os.environ.get("PRESSROOM_TEST_POSTGRES", "")


def _postgres_reachable(url: str) -> bool:
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=3).close()
    except Exception:
        return False
    return True


if PRESSROOM_TEST_POSTGRES and _postgres_reachable(PRESSROOM_TEST_POSTGRES):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(PRESSROOM_TEST_POSTGRES)}
    DATABASES["default"]["TEST"] = {"NAME": f"test_pressroom_search_{os.getpid()}"}
    if "django.contrib.postgres" not in INSTALLED_APPS:  # noqa: F405
        INSTALLED_APPS = [*INSTALLED_APPS, "django.contrib.postgres"]  # noqa: F405
