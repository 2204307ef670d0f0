"""Two `pressroom serve` nodes on one PostgreSQL and one Redis: a publish reaches both.

Skipped unless PostgreSQL (127.0.0.1:5432, user postgres) and Redis (127.0.0.1:6379) answer.
Uses a database of its own, dropped afterwards.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest


def reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not (reachable(5432) and reachable(6379)), reason="needs PostgreSQL and Redis"
    ),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def database():
    psycopg = pytest.importorskip("psycopg")
    pytest.importorskip("redis")
    name = f"pressroom_twonode_{uuid.uuid4().hex[:8]}"
    try:
        admin = psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL refused us: {exc}")
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def node_env(database, tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "PRESSROOM_CACHE_PREFIX": f"twonode-{uuid.uuid4().hex[:8]}",
        "PRESSROOM_DATA_DIR": str(tmp_path / "data"),
        "SECRET_KEY": "two-node-test-secret",
        "PRESSROOM_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "pressroom.settings",
    }
    run = {"env": env, "check": True, "stdout": subprocess.DEVNULL, "timeout": 600}
    subprocess.run([sys.executable, "-m", "pressroom", "init"], **run)
    subprocess.run([sys.executable, "-m", "pressroom", "collectstatic", "--noinput"], **run)
    yield env
    import redis

    client = redis.Redis.from_url(env["REDIS_URL"])
    for key in client.scan_iter(f"{env['PRESSROOM_CACHE_PREFIX']}:*"):
        client.delete(key)


def get(port: int, path: str):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
        return response.headers.get("X-Page-Cache"), response.read().decode()


def wait_ready(port: int) -> None:
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            get(port, "/news/")
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"node on port {port} did not start")


@pytest.fixture
def nodes(node_env):
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "pressroom", "serve", f"--port={port}", "--workers=1"],
            env=node_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for port in ports
    ]
    try:
        for port in ports:
            wait_ready(port)
        yield ports
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


PUBLISH = """
from pressroom.news.models import NewsArticlePage, NewsIndexPage
index = NewsIndexPage.objects.get(locale__language_code="zh-hans")
article = NewsArticlePage(title="双节点新闻", slug="two-nodes")
index.add_child(instance=article)
article.save_revision().publish()
"""


def test_a_publish_on_node_a_is_served_fresh_by_node_b(nodes, node_env):
    a, b = nodes
    get(a, "/news/")
    assert get(b, "/news/")[0] == "hit"  # one cache for both nodes
    # An editor publishes on node A (its code, its database, its Redis).
    subprocess.run(
        [sys.executable, "-m", "pressroom", "shell", "-c", PUBLISH],
        env=node_env,
        check=True,
        timeout=120,
    )
    state, html = get(b, "/news/")
    assert state == "miss" and "双节点新闻" in html
    assert "双节点新闻" in get(a, "/news/")[1]
    assert get(b, "/news/two-nodes/")[1].count("双节点新闻") >= 1
