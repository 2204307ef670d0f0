"""/healthz for load balancers, JSON logs, and a quick 503 when the database is gone."""

import json
import logging
import sys
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

from pressroom.operations.logs import JsonFormatter

pytestmark = pytest.mark.django_db


def test_healthz_reports_ok_and_is_never_cached(client, home):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-store" in response["Cache-Control"]
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def database_down():
    return mock.patch.object(
        CursorWrapper, "execute", side_effect=OperationalError("unable to open database file")
    )


def test_healthz_says_503_when_the_database_is_down(client, home):
    with database_down():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "unavailable", "cache": "ok"}


def test_healthz_says_degraded_when_the_cache_is_down(client, home):
    # The site serves without its cache (misses): a load balancer must keep the node.
    with mock.patch("django.core.cache.cache.set", side_effect=ConnectionError("refused")):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "unavailable"},
    }


@pytest.mark.parametrize("url", ["/", "/news/", "/contact/", "/en/", "/admin/login/"])
def test_pages_answer_a_static_503_when_the_database_is_down(client, home, url):
    client.raise_request_exception = False
    with database_down():
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    expected = "Temporarily unavailable" if url.startswith("/en/") else "暂时无法访问"
    assert expected in text
    assert "Traceback" not in text and "OperationalError" not in text


def test_other_errors_still_get_the_500_page(client, home):
    from pressroom.pages.models import HomePage

    client.raise_request_exception = False
    with mock.patch.object(HomePage, "serve", side_effect=RuntimeError("boom")):
        response = client.get("/")
    assert response.status_code == 500
    assert "Traceback" not in response.content.decode()
    assert "boom" not in response.content.decode()


def test_json_log_lines_carry_message_level_and_extras():
    record = logging.makeLogRecord(
        {
            "name": "pressroom.security",
            "levelname": "WARNING",
            "levelno": logging.WARNING,
            "msg": "login failed for %s",
            "args": ("'a\\r\\nb'",),
            "event": "login_failed",
        }
    )
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "pressroom.security"
    assert entry["message"] == "login failed for 'a\\r\\nb'"
    assert entry["event"] == "login_failed"
    assert entry["time"].endswith("+00:00")


def test_json_log_lines_name_the_request_and_carry_the_exception(rf):
    """Django's request logger passes the request itself: the line gets its method and path."""
    try:
        raise ValueError("公司 broke")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.makeLogRecord(
        {
            "name": "django.request",
            "levelname": "ERROR",
            "levelno": logging.ERROR,
            "msg": "Internal Server Error: %s",
            "args": ("/news/",),
            "request": rf.post("/news/"),
            "status_code": 500,
            "exc_info": exc_info,
        }
    )
    line = JsonFormatter().format(record)
    assert "\n" not in line and "公司" in line  # one line, Chinese kept readable
    entry = json.loads(line)
    assert {"method": "POST", "path": "/news/", "status_code": 500}.items() <= entry.items()
    assert "request" not in entry
    assert entry["exception"].startswith("Traceback")
    assert "ValueError: 公司 broke" in entry["exception"]


def test_json_log_format_is_switched_on_by_the_environment(tmp_path):
    import subprocess
    import sys

    from tests.security.test_production_settings import ROOT, production_env

    env = production_env(tmp_path, PRESSROOM_LOG_FORMAT="json")
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('pressroom.security').warning('hello %s', 'world')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert {"level": "WARNING", "message": "hello world"}.items() <= lines[-1].items()


def test_a_missing_database_gives_503_pages_in_production_mode(tmp_path):
    """No mocks: the production settings pointed at a database that cannot be opened."""
    import subprocess
    import sys

    from tests.security.test_production_settings import ROOT, production_env

    env = production_env(
        tmp_path,
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{tmp_path}/no-such-folder/pressroom.sqlite3",
    )
    code = (
        "import django, json; django.setup()\n"
        "from django.conf import settings\n"
        "from django.test import Client, override_settings\n"
        "# Skip collectstatic (slow): plain static storage, everything else as in production.\n"
        "plain = 'django.contrib.staticfiles.storage.StaticFilesStorage'\n"
        "override_settings(STORAGES={**settings.STORAGES, 'staticfiles': {'BACKEND': plain}})"
        ".enable()\n"
        "c = Client(raise_request_exception=False)\n"
        "out = {}\n"
        "for url in ['/', '/news/', '/en/', '/admin/login/', '/healthz']:\n"
        "    r = c.get(url)\n"
        "    out[url] = [r.status_code, r.content.decode()[:2000]]\n"
        "print(json.dumps(out))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    for url, (status, body) in answers.items():
        assert status == 503, url
        assert "Traceback" not in body and "sqlite" not in body.lower()
    assert json.loads(answers["/healthz"][1])["checks"]["database"] == "unavailable"
    assert "暂时无法访问" in answers["/"][1]


def test_the_503_page_cannot_fail_in_turn(rf):
    from pressroom.operations import faults

    with mock.patch.object(faults.loader, "render_to_string", side_effect=ValueError("manifest")):
        response = faults.database_unavailable(rf.get("/"))
    assert response.status_code == 503
    assert "Temporarily unavailable" in response.content.decode()


def test_a_public_request_past_its_database_time_budget_gets_the_503(client, home, settings):
    # The budget is spent before the first query: public pages stop, the admin does not.
    settings.PRESSROOM_DB_REQUEST_BUDGET = 1e-9
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 503
    assert "暂时无法访问" in response.content.decode()
    assert client.get("/admin/login/").status_code == 200
    settings.PRESSROOM_DB_REQUEST_BUDGET = 0  # switched off
    assert client.get("/").status_code == 200
