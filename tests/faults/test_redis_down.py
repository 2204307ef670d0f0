"""G8: Redis stops (connections refused) or freezes (SIGSTOP: connections hang) under a live_site.

The page cache, the contact form's rate-limit counters and the health check's cache probe use
Redis; sessions and login throttling live in the database.
"""

import time

import pytest
import requests

from tests.faults.conftest import ADMIN_USER, pressroom, timed

pytestmark = pytest.mark.faults

THANK_YOU = 'class="thank-you"'  # the thank-you box (its text is the page's own)


def wait_until_cached(live_site, path, within=20.0) -> float:
    """Seconds until ``path`` is a page-cache hit four times running (every worker's cache)."""
    started = time.monotonic()
    hits = 0
    while hits < 4:
        hits = hits + 1 if live_site.get(path).headers.get("X-Page-Cache") == "hit" else 0
        assert time.monotonic() - started < within, f"{path} not cached again"
        time.sleep(0.05)
    return time.monotonic() - started


@pytest.fixture(params=["stopped", "frozen"])
def redis_fault(request, live_site):
    """Breaks Redis the given way; yields a function that mends it."""
    redis = live_site.redis
    mended = []

    def mend():
        if not mended:
            mended.append(True)
            if request.param == "stopped":
                redis.start()
            else:
                redis.thaw()

    def brake():
        if request.param == "stopped":
            redis.stop()
        else:
            redis.freeze()

    yield request.param, brake, mend
    mend()


def test_the_site_keeps_serving_when_redis_fails_and_caches_again_when_it_returns(
    live_site, redis_fault
):
    kind, brake, mend = redis_fault
    editor = requests.Session()
    assert live_site.log_in(editor).status_code == 302
    assert live_site.get("/admin/", editor).status_code == 200
    visitor = requests.Session()
    hidden = live_site.contact_form(visitor)
    pages = ["/", "/news/", "/en/", "/en/news/", "/about/"]
    for path in pages:
        wait_until_cached(live_site, path)
    pids = live_site.server.pids()

    brake()
    try:
        # Public pages: cache misses served from the database, each within a bounded time.
        worst = 0.0
        for _round in range(3):
            for path in pages:
                response, seconds = timed(live_site.get, path)
                worst = max(worst, seconds)
                assert response.status_code == 200, path
                assert response.headers.get("X-Page-Cache") != "hit"
        print(f"Redis {kind}: public pages 200, slowest {worst:.3f} s")
        # A hang guard only (no page waits out a frozen Redis for long); that the cache is tried
        # once and then skipped is counted in connections in tests/faults/test_fail_open_cache.py.
        assert worst < 5
        # The signed-in editor stays signed in: sessions are in the database.
        response, seconds = timed(live_site.get, "/admin/", editor)
        print(f"Redis {kind}: admin dashboard {response.status_code} in {seconds:.3f} s")
        assert response.status_code == 200
        assert ADMIN_USER in response.text
        # Login throttling still locks an account after the configured failures (3 here).
        attacker = requests.Session()
        statuses = [
            live_site.log_in(attacker, username=f"nobody-{kind}", password="wrong").status_code
            for _ in range(4)
        ]
        print(f"Redis {kind}: failed sign-ins answered {statuses}")
        assert statuses[-1] == 429
        pressroom(["axes_reset"], live_site.env)  # what an administrator does; lets the next run in
        # The health check says the cache is down; the node still serves, so 200 "degraded"
        # keeps it in the load balancer.
        response, seconds = timed(live_site.get, "/healthz")
        print(f"Redis {kind}: /healthz {response.status_code} in {seconds:.3f} s")
        assert response.status_code == 200
        assert response.json() == {
            "status": "degraded",
            "checks": {"database": "ok", "cache": "unavailable"},
        }
        # A hang guard only: that the cache is tried once and then skipped for a while is
        # counted in tests/faults/test_fail_open_cache.py (seconds stretch on a busy machine).
        assert seconds < 5
        # A contact message is still stored and thanked for.
        before = live_site.messages()
        response, seconds = timed(live_site.post_contact, visitor, hidden, f"Redis {kind} 时的留言")
        print(f"Redis {kind}: contact POST {response.status_code} in {seconds:.3f} s")
        assert response.status_code == 200
        assert THANK_YOU in response.text
        assert live_site.messages() == before + 1
    finally:
        mend()
    # Redis back: pages are cached again (a frozen Redis kept its entries; a restarted one is
    # empty and fills up again). Each worker tries Redis again within RETRY_AFTER (5 s).
    seconds = wait_until_cached(live_site, "/news/")
    print(f"Redis {kind} back: /news/ a cache hit in every worker after {seconds:.3f} s")
    assert live_site.get("/healthz").json()["status"] == "ok"
    assert live_site.get("/admin/", editor).status_code == 200
    assert live_site.server.pids() == pids
