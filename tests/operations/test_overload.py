"""A real `pressroom serve` (one worker, one render slot) under a flood of uncached pages.

The flood gets fast 503s with Retry-After beside the pages it is given; the health check and a
cached page answer 200 all along; the 503 is never stored. Decision 0048; the figures under
256 connections come from `make bench-overload`, not from here.
"""

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from tests.faults.helpers import data_dir, env_for
from tests.security.test_production_settings import ROOT

pytestmark = pytest.mark.faults

FLOODERS = 24
FLOOD_SECONDS = 2.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str, connection=None):
    """(status, headers, body) of one GET; on ``connection`` when given (kept alive). The
    headers are an ``email.message.Message``: names in any case."""
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        if own:
            connection.close()


@pytest.fixture
def server(tmp_path, migrated_sqlite, collected_static):
    folder = data_dir(migrated_sqlite, tmp_path / "data")
    env = env_for(
        folder,
        PRESSROOM_STATIC_ROOT=str(collected_static),
        PRESSROOM_RENDER_SLOTS="1",
        PRESSROOM_RENDER_QUEUE="0",  # no line: a request that finds the slot taken is refused
        PRESSROOM_THREADS="8",
        PRESSROOM_RETRY_AFTER="9",
        PRESSROOM_SCHEDULER_INTERVAL="3600",  # no scheduler pass (and its purges) mid-flood
    )
    subprocess.run(
        [sys.executable, "-m", "pressroom", "init"],
        env=env, cwd=ROOT, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pressroom", "serve", f"--port={port}", "--workers=1"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, "the server exited while starting"
            try:
                if get(port, "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def keep_asking(port, paths, stop, answers):
    """One visitor on one kept-alive connection, asking ``paths`` in turn until ``stop``."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    n = 0
    try:
        while not stop.is_set():
            path = paths[n % len(paths)].format(n=n)
            n += 1
            answers.append((path, *get(port, path, connection)))
    except (OSError, http.client.HTTPException) as error:
        answers.append((None, repr(error), http.client.HTTPMessage(), b""))
    finally:
        connection.close()


def test_a_flood_of_uncached_pages_is_shed_while_health_and_cached_pages_answer(server):
    port = server
    # The home page becomes a cached page (the background processes' first passes, just
    # started, may empty the cache once).
    deadline = time.monotonic() + 60
    while get(port, "/")[1].get("X-Page-Cache") != "hit":
        assert time.monotonic() < deadline, "the home page never came from the cache"
        time.sleep(0.5)

    stop = threading.Event()
    flood, health, cached = [], [], []
    threads = [
        threading.Thread(
            target=keep_asking, args=(port, ["/?flood={n}", "/en/?flood={n}"], stop, flood)
        )  # fmt: skip
        for _ in range(FLOODERS)
    ]
    threads.append(threading.Thread(target=keep_asking, args=(port, ["/healthz"], stop, health)))
    threads.append(threading.Thread(target=keep_asking, args=(port, ["/"], stop, cached)))
    for thread in threads:
        thread.start()
    time.sleep(FLOOD_SECONDS)
    stop.set()
    for thread in threads:
        thread.join(60)

    statuses = [status for _path, status, _headers, _body in flood]
    assert set(statuses) <= {200, 503}, statuses
    refused = [(headers, body) for _path, status, headers, body in flood if status == 503]
    assert refused, "24 visitors and one render slot: some must have been refused"
    assert 200 in statuses  # and some were served
    for headers, _body in refused:
        assert headers["Retry-After"] == "9"
        assert headers["Cache-Control"] == "no-store"
    page = refused[0][1].decode()
    assert "当前访问人数过多" in page and "Too many visitors just now" in page

    assert health and all(status == 200 for _path, status, _h, _b in health), health[-1:]
    assert cached and all(status == 200 for _path, status, _h, _b in cached), cached[-1:]
    assert {headers.get("X-Page-Cache") for _path, _s, headers, _b in cached} == {"hit"}

    # Nothing of the flood was kept: the same addresses render again once it is over.
    refused_path = next(path for path, status, _h, _b in flood if status == 503)
    assert get(port, refused_path)[0] == 200
