"""Private PostgreSQL and Redis servers, and a real `pressroom serve` in front of them.

The fault tests stop, freeze and slow down these servers, so they never use the shared ones
(5432/6379): every server here lives in a temporary folder, listens on 127.0.0.1 on a free
port, and is removed at the end of the session. Tests skip when the binaries are missing.
"""

import contextlib
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from tests.security.conftest import migrated_sqlite  # noqa: F401  (shared fixture)

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path(os.environ.get("PRESSROOM_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
ADMIN_USER = "fault-admin"
ADMIN_PASSWORD = "Fault-drill-" + "q7Wm2xKp"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port}")


class PrivatePostgres:
    """A PostgreSQL cluster of our own: `stop()` and `start()` are real server stops."""

    def __init__(self):
        for tool in ("initdb", "pg_ctl", "postgres"):
            if not (PG_BIN / tool).exists():
                pytest.skip(f"PostgreSQL binaries not found in {PG_BIN}")
        if shutil.which("psql") is None or shutil.which("pg_dump") is None:
            pytest.skip("psql or pg_dump not installed")
        self.prefix = []
        if os.geteuid() == 0:  # initdb refuses to run as root: use the postgres system user
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("running as root and there is no postgres system user")
            if shutil.which("runuser") is None:
                pytest.skip("running as root without runuser")
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self.root = Path(tempfile.mkdtemp(prefix="pressroom-pg-"))
        if self.prefix:
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
        self.data = self.root / "data"
        self.port = free_port()
        self.run(
            PG_BIN / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        self.start()

    def run(self, *args, timeout=60):
        return subprocess.run(
            [*self.prefix, *map(str, args)],
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def start(self) -> None:
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} "
            "-c fsync=off -c full_page_writes=off -c max_connections=60"
        )
        self.run(
            PG_BIN / "pg_ctl", "-D", self.data, "-o", options, "-l", self.root / "log",
            "-w", "-t", "30", "start",
        )  # fmt: skip

    def stop(self, mode: str = "immediate") -> None:
        self.run(PG_BIN / "pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def running(self) -> bool:
        result = subprocess.run(
            [*self.prefix, str(PG_BIN / "pg_ctl"), "-D", str(self.data), "status"],
            capture_output=True,
        )
        return result.returncode == 0

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def psql(self, database: str, sql: str) -> str:
        result = subprocess.run(
            ["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", self.url(database),
             "-c", sql],
            check=True, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        return result.stdout.strip()

    def create_database(self, name: str, template: str | None = None) -> str:
        clause = f' TEMPLATE "{template}"' if template else ""
        self.psql("postgres", f'CREATE DATABASE "{name}"{clause}')
        return self.url(name)

    def close(self) -> None:
        if self.running():
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


class PrivateRedis:
    """A Redis of our own, without persistence: `stop()` kills it, `freeze()` blackholes it."""

    def __init__(self):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            pytest.skip("redis-server not installed")
        pytest.importorskip("redis")
        self.port = free_port()
        self.process = None
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(self.port)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def freeze(self) -> None:
        """SIGSTOP: connections are accepted by the kernel but never answered."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def close(self) -> None:
        if self.process.poll() is None:
            self.thaw()
            self.stop()


@pytest.fixture(scope="session")
def private_postgres():
    server = PrivatePostgres()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def private_redis():
    server = PrivateRedis()
    try:
        yield server
    finally:
        server.close()


def site_env(data_dir: Path, database_url: str, redis_url: str | None, **extra) -> dict:
    """The environment a production node gets (DEBUG off), pointed at the private servers."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PRESSROOM_", "DJANGO_", "DATABASE_", "REDIS_"))
        and key != "SECRET_KEY"
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "pressroom.settings",
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": database_url,
            "PRESSROOM_DATA_DIR": str(data_dir),
            "PRESSROOM_DEBUG": "0",
            "SECRET_KEY": "fault-drill-" + "p4Xz8Qm1Rt" * 5,
            "ALLOWED_HOSTS": "127.0.0.1",
            "PRESSROOM_BASE_URL": "http://127.0.0.1",
            "PRESSROOM_ADMIN_USER": ADMIN_USER,
            "PRESSROOM_ADMIN_PASSWORD": ADMIN_PASSWORD,
            "PRESSROOM_CONTACT_MIN_SECONDS": "0",
            "PRESSROOM_LOGIN_FAILURE_LIMIT": "3",
            "PRESSROOM_LOG_LEVEL": "WARNING",
            "PRESSROOM_WORKERS": "2",
        }
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
        env["PRESSROOM_CACHE_PREFIX"] = "faults-" + uuid.uuid4().hex[:8]
    env.update(extra)
    return env


def pressroom(args, env, timeout=600) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "pressroom", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


@pytest.fixture(scope="session")
def site_template(private_postgres, tmp_path_factory):
    """A database made by `pressroom init` and `pressroom demo`, used as a template."""
    name = "site_template"
    url = private_postgres.create_database(name)
    data = tmp_path_factory.mktemp("template-data")
    env = site_env(data, url, None)
    pressroom(["init"], env)
    pressroom(["demo"], env)
    # Every copy of the site shares the collected static files and the demo's media.
    return {"name": name, "data": data}


def copy_site(private_postgres, site_template, folder: Path) -> tuple[str, Path]:
    """A fresh database (a template copy) and data folder holding the demo live_site."""
    name = "site_" + uuid.uuid4().hex[:8]
    url = private_postgres.create_database(name, template=site_template["name"])
    shutil.copytree(site_template["data"], folder, symlinks=True)
    return url, folder


class Server:
    """`pressroom serve` on a free port, with its log kept for inspection."""

    def __init__(self, env: dict, log: Path):
        self.port = free_port()
        self.log = log
        self.env = env
        with open(log, "wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "pressroom", "serve", f"--port={self.port}"],
                env=env,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log_text()[-3000:]
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("the app server did not start:\n" + self.log_text()[-3000:])

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def pids(self) -> set[int]:
        """The server process and every process below it."""
        found, todo = set(), [self.process.pid]
        while todo:
            pid = todo.pop()
            found.add(pid)
            try:
                children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                continue
            todo.extend(int(child) for child in children)
        return found

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def hidden_inputs(html: str) -> dict:
    """name → value of the hidden inputs of the first form on a page."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(html, "html.parser").find("form", method=re.compile("post", re.I))
    assert form is not None, html[:2000]
    return {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("name") and field.get("type") == "hidden"
    }


@pytest.fixture(scope="session")
def live_site(private_postgres, private_redis, site_template, tmp_path_factory):
    """The demo site served by `pressroom serve` on the private PostgreSQL and Redis."""
    folder = tmp_path_factory.mktemp("site")
    url, data = copy_site(private_postgres, site_template, folder / "data")
    env = site_env(
        data,
        url,
        private_redis.url,
        # The backup drill posts many messages from one address.
        PRESSROOM_CONTACT_RATE_LIMIT_POSTS="100000",
        PRESSROOM_CONTACT_SITE_LIMIT_POSTS="0",
    )
    server = Server(env, folder / "serve.log")
    try:
        yield Site(server, env, url.rsplit("/", 1)[1], private_postgres, private_redis)
    finally:
        server.close()


class Site:
    def __init__(self, server, env, database, postgres, redis):
        self.server = server
        self.env = env
        self.database = database
        self.postgres = postgres
        self.redis = redis
        self.base = server.base

    def get(self, path, session=None, timeout=15, **kwargs):
        import requests

        return (session or requests).get(self.base + path, timeout=timeout, **kwargs)

    def contact_form(self, session) -> dict:
        """The hidden fields of the contact form, read as a visitor (CSRF cookie set)."""
        response = self.get("/contact/", session)
        assert response.status_code == 200
        return hidden_inputs(response.text)

    def post_contact(self, session, hidden: dict, text: str, timeout=15):
        data = {
            **hidden,
            "name": "故障演练",
            "phone": "138 0013 8000",
            "email": "drill@example.net",
            "company": "演练公司",
            "message": text,
        }
        return session.post(self.base + "/contact/", data=data, timeout=timeout)

    def log_in(self, session, username=ADMIN_USER, password=ADMIN_PASSWORD):
        login = self.get("/admin/login/", session)
        data = {**hidden_inputs(login.text), "username": username, "password": password}
        return session.post(
            self.base + "/admin/login/", data=data, timeout=15, allow_redirects=False
        )

    def messages(self) -> int:
        return int(self.postgres.psql(self.database, "SELECT count(*) FROM contact_contactmessage"))


def timed(call, *args, **kwargs):
    started = time.monotonic()
    result = call(*args, **kwargs)
    return result, time.monotonic() - started


class LatencyProxy:
    """A TCP proxy on loopback that holds every chunk, both ways, for ``delay`` seconds."""

    def __init__(self, target_port: int, delay: float = 0.0):
        import threading

        self.target_port = target_port
        self.delay = delay
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.closed = False
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import threading

        while not self.closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if self.delay:
                    time.sleep(self.delay)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.closed = True
        self.listener.close()
        for sock in self.sockets:
            sock.close()
