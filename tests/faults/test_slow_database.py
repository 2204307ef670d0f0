"""G14: 2 s of latency between the app and PostgreSQL (a TCP proxy that holds every packet).

Without a bound a page of a dozen queries would take a minute and hold its worker all along;
the database time budget (PRESSROOM_DB_REQUEST_BUDGET, 3 s here) answers 503 instead, and the
workers are free again as soon as the latency goes.
"""

import threading
import time

import pytest

from tests.faults.conftest import LatencyProxy, Server, timed

pytestmark = pytest.mark.faults

BUDGET = 3.0
LATENCY = 2.0
# Past the budget, at most one more query: one round trip through the proxy (2 × 2 s).
ONE_QUERY = 2 * LATENCY


@pytest.fixture
def slow_link_server(live_site, tmp_path):
    proxy = LatencyProxy(live_site.postgres.port)
    env = {
        **live_site.env,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{proxy.port}/{live_site.database}",
        "PRESSROOM_DB_REQUEST_BUDGET": str(BUDGET),
    }
    server = Server(env, tmp_path / "serve.log")
    try:
        yield proxy, server
    finally:
        server.close()
        proxy.close()


def get(server, path, timeout=60):
    import requests

    return requests.get(server.base + path, timeout=timeout)


def test_a_slow_database_gets_a_bounded_503_and_frees_the_workers(live_site, slow_link_server):
    proxy, server = slow_link_server
    for page in range(2, 6):  # both workers hold a connection
        assert get(server, f"/news/?warm={page}").status_code == 200

    proxy.delay = LATENCY
    results = {}

    def visit(path):
        results[path] = timed(get, server, path)

    paths = ["/news/?a=1", "/en/news/?b=1", "/about/?c=1", "/?d=1"]
    started = time.monotonic()
    threads = [threading.Thread(target=visit, args=(path,)) for path in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    wall = time.monotonic() - started
    for path, (response, seconds) in sorted(results.items(), key=lambda item: item[1][1]):
        print(f"DB +{LATENCY:.0f} s: {path} -> {response.status_code} in {seconds:.2f} s")
    assert len(results) == len(paths)
    for path, (response, _seconds) in results.items():
        assert response.status_code == 503, path
        assert "Traceback" not in response.text
    # Two workers, four visitors: the slowest waited for one request before its own.
    assert wall < 2 * (BUDGET + ONE_QUERY + 2), wall

    proxy.delay = 0
    response, seconds = timed(get, server, "/news/?e=1")
    print(f"DB latency gone: 200 after {seconds:.2f} s")
    assert response.status_code == 200
    assert seconds < BUDGET + ONE_QUERY
