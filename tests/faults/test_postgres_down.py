"""G6: PostgreSQL stops under a running site, then comes back.

A real `pressroom serve` (granian, two workers, scheduler, contact worker) on a private
PostgreSQL, which is stopped with `pg_ctl stop -m immediate` (as a crash would) and started
again; the app server is never restarted.
"""

import time

import pytest
import requests

from tests.faults.conftest import timed

pytestmark = pytest.mark.faults

THANK_YOU = 'class="thank-you"'  # the thank-you box (its text is the page's own)
TRY_AGAIN = "请重新提交"


def test_a_stopped_database_gives_quick_503s_and_the_site_recovers_without_a_restart(live_site):
    warm = live_site.get("/news/")
    assert warm.status_code == 200
    assert live_site.get("/news/").headers["X-Page-Cache"] == "hit"
    visitor = requests.Session()
    hidden = live_site.contact_form(visitor)
    before = live_site.messages()
    pids = live_site.server.pids()

    live_site.postgres.stop("immediate")
    try:
        # Pages not in the page cache, the admin sign-in and the health check: 503, quickly.
        for path in ["/news/?page=2", "/en/", "/about/", "/admin/login/", "/healthz"]:
            response, seconds = timed(live_site.get, path)
            print(f"PostgreSQL down: {path} -> {response.status_code} in {seconds:.3f} s")
            assert response.status_code == 503, path
            assert seconds < 2, path
            assert "Traceback" not in response.text and "psycopg" not in response.text
            assert "no-store" in response.headers["Cache-Control"]
        assert "网站暂时无法连接数据库" in live_site.get("/news/?page=2").text
        assert "Temporarily unavailable" in live_site.get("/en/").text
        assert live_site.get("/healthz").json()["checks"] == {
            "database": "unavailable",
            "cache": "ok",
        }
        # A page already in the page cache (Redis) is still served, without the database.
        cached = live_site.get("/news/")
        assert cached.status_code == 200
        assert cached.headers["X-Page-Cache"] == "hit"
        assert cached.text == warm.text
        # A contact message sent now is not kept: the visitor is told to send it again.
        response, seconds = timed(live_site.post_contact, visitor, hidden, "数据库停机时发送的留言")
        print(f"PostgreSQL down: contact POST -> {response.status_code} in {seconds:.3f} s")
        assert response.status_code == 503
        assert THANK_YOU not in response.text
        assert TRY_AGAIN in response.text
    finally:
        live_site.postgres.start()
    restarted = time.monotonic()

    # Recovery: the same server processes reconnect on their next request.
    while True:
        response = live_site.get("/news/?page=2")
        if response.status_code == 200:
            break
        assert time.monotonic() - restarted < 10, response.status_code
        time.sleep(0.05)
    recovery = time.monotonic() - restarted
    print(f"PostgreSQL back: first 200 after {recovery:.3f} s")
    for path in ["/en/", "/about/", "/admin/login/", "/healthz"]:
        assert live_site.get(path).status_code == 200, path
    assert live_site.server.pids() == pids  # no worker was restarted, nothing died
    response = live_site.post_contact(
        visitor, live_site.contact_form(visitor), "数据库恢复后发送的留言"
    )
    assert response.status_code == 200
    assert THANK_YOU in response.text
    assert live_site.messages() == before + 1
