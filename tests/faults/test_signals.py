"""G5: SIGTERM to `pressroom serve`: idle, with uploads in flight, with the mail worker waiting
on a mail server that does not answer, with the scheduler in the middle of a run.

The server (granian by default, gunicorn with PRESSROOM_SERVER=gunicorn) finishes the
requests in flight, then every process of the node (the server's workers, the mail worker,
the scheduler) exits on its own within the time docs/operations.md promises; no partial file
is left in the media folder or the temporary folder, no message or page is left half done.
"""

import io
import json
import os
import random
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from PIL import Image

from tests.faults.helpers import ROOT, data_dir, env_for

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals"),
]

UPLOADS = 4
CHUNKS = 40  # each upload's body is sent in this many pieces…
PAUSE = 0.05  # …this far apart: about two seconds per upload
# docs/operations.md: with no request in flight every process is gone within a few seconds;
# a mail being handed over may first take its timeout. Generous for a busy 2-core machine.
QUICK = 10
STOP_TIMEOUT = 35  # with requests in flight: their 30 s, plus the time to exit


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def noise_png(seed):
    rng = random.Random(seed)
    image = Image.frombytes("RGB", (600, 600), rng.randbytes(600 * 600 * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()  # about 1 MB: no compression for noise


def slow_upload(port, session, name, results, index, started):
    boundary = secrets.token_hex(16)
    token = secrets.token_hex(16)
    body = (
        (
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="files[]"; filename="{name}"\r\n'
            "Content-Type: image/png\r\n\r\n"
        ).encode()
        + noise_png(index)
        + f"\r\n--{boundary}--\r\n".encode()
    )
    head = (
        "POST /admin/images/multiple/add/ HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\n"
        f"Cookie: sessionid={session}; csrftoken={token}\r\n"
        f"X-CSRFToken: {token}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
            sock.sendall(head)
            step = len(body) // CHUNKS + 1
            for offset in range(0, len(body), step):
                sock.sendall(body[offset : offset + step])
                if offset == 0:
                    started.release()
                time.sleep(PAUSE)
            response = b""
            while chunk := sock.recv(65536):
                response += chunk
        status = int(response.split(b" ", 2)[1])
        payload = response.split(b"\r\n\r\n", 1)[1]
        results[index] = (status, payload)
    except OSError as error:
        results[index] = (None, repr(error))


@pytest.fixture
def site_folder(tmp_path, migrated_sqlite, collected_static):
    folder = data_dir(migrated_sqlite, tmp_path / "data")
    session = subprocess.run(
        [sys.executable, "-m", "tests.faults.make_editor"],
        env=env_for(folder),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.split()[-1]
    return folder, collected_static, session


def wait_until_serving(port, server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited while starting"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail("the server did not start")


@pytest.mark.parametrize("server_name", ["granian", "gunicorn"])
def test_sigterm_finishes_uploads_in_flight_and_exits_cleanly(site_folder, tmp_path, server_name):
    folder, static, session = site_folder
    temp = tmp_path / "tmp"
    temp.mkdir()
    port = free_port()
    env = env_for(
        folder,
        PRESSROOM_STATIC_ROOT=str(static),
        PRESSROOM_SERVER=server_name,
        TMPDIR=str(temp),
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "pressroom", "serve", f"--port={port}", "--workers=1"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as under a service manager
    )
    try:
        wait_until_serving(port, server)
        children = subprocess.run(
            ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
        ).stdout.split()
        assert len(children) == 4, children  # contact and import workers, scheduler, app server
        results: dict[int, tuple] = {}
        started = threading.Semaphore(0)
        threads = [
            threading.Thread(
                target=slow_upload,
                args=(port, session, f"upload-{n}.png", results, n, started),
            )
            for n in range(UPLOADS)
        ]
        for thread in threads:
            thread.start()
        for _ in threads:
            assert started.acquire(timeout=30)
        time.sleep(0.3)
        signalled = time.monotonic()
        server.send_signal(signal.SIGTERM)
        for thread in threads:
            thread.join(timeout=90)
        code = server.wait(timeout=40)
        exit_seconds = time.monotonic() - signalled
        leftover = session_processes(server.pid)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    stderr = server.stderr.read()
    print({"server": server_name, "exit_seconds": round(exit_seconds, 2), "exit_code": code})
    # Every upload in flight got its answer: stored.
    assert sorted(results) == list(range(UPLOADS))
    for status, payload in results.values():
        assert status == 200, (status, payload, stderr[-2000:])
        assert json.loads(payload)["success"] is True
    # The server and its workers stopped on their own, well within the graceful timeout.
    assert code == 0, stderr[-3000:]
    assert exit_seconds < 30
    assert leftover == [], leftover  # the app server's workers too
    for child in children:
        assert (
            not Path(f"/proc/{child}").exists()
            or "zombie" in Path(f"/proc/{child}/status").read_text()
        )
    # Each stored file has its row and each row its complete file; nothing half-written.
    with sqlite3.connect(folder / "pressroom.sqlite3") as db:
        rows = dict(db.execute("SELECT file, file_size FROM wagtailimages_image").fetchall())
    assert len(rows) == UPLOADS
    originals = folder / "media" / "original_images"
    stored = {f"original_images/{p.name}": p.stat().st_size for p in originals.iterdir()}
    assert stored == rows
    assert list(temp.iterdir()) == []


def session_processes(sid: int) -> list[str]:
    """Every process still running in the session `serve` was started in (its whole tree)."""
    found = subprocess.run(["pgrep", "-a", "-s", str(sid)], capture_output=True, text=True)
    return [line for line in found.stdout.splitlines() if " <defunct>" not in line]


def in_site(folder, code, **env):
    """Run Python code against the site's database, as `pressroom shell -c` does."""
    subprocess.run(
        [sys.executable, "-m", "pressroom", "shell", "-c", code],
        env=env_for(folder, **env),
        cwd=ROOT,
        check=True,
        timeout=120,
        capture_output=True,
    )


class Node:
    """`pressroom serve` in a session of its own, as a service manager starts it."""

    def __init__(self, folder, static, serving=True, **env):
        self.port = free_port()
        self.log = folder.parent / "serve.log"  # a file: a full pipe would stall the node
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "pressroom", "serve", f"--port={self.port}", "--workers=2"],
                env=env_for(folder, PRESSROOM_STATIC_ROOT=str(static), **env),
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=log,
                start_new_session=True,
            )
        if serving:
            wait_until_serving(self.port, self.process)

    def terminate(self, timeout=60) -> tuple[int, float, str]:
        """SIGTERM to `serve` alone; its exit code, the seconds until the last process of the
        session had exited, and what it wrote to stderr with when each process exited."""
        signalled = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        running = set(session_processes(self.process.pid))
        exits = []
        try:
            while running:
                assert time.monotonic() - signalled < timeout, running
                time.sleep(0.05)
                left = set(session_processes(self.process.pid))
                seconds = round(time.monotonic() - signalled, 1)
                exits += [f"{seconds:5} s  {line[:120]}" for line in sorted(running - left)]
                running = left
            code = self.process.wait(timeout=timeout)
            report = self.log.read_text()[-4000:] + "\nexited after SIGTERM:\n"
            return code, time.monotonic() - signalled, report + "\n".join(exits)
        finally:
            self.kill()

    def kill(self):
        if session_processes(self.process.pid):
            os.killpg(self.process.pid, signal.SIGKILL)
        if self.process.poll() is None:
            self.process.wait()


def test_sigterm_when_idle_stops_the_whole_node_within_seconds(site_folder):
    folder, static, _session = site_folder
    node = Node(folder, static)
    time.sleep(1)
    code, seconds, stderr = node.terminate()
    print({"idle_exit_seconds": round(seconds, 2)})
    assert code == 0, stderr
    assert seconds < QUICK, stderr


LOADING = 4  # seconds each process takes to load the site in the next test


def test_sigterm_while_the_workers_load_the_site_stops_within_seconds(site_folder):
    """A restart soon after a start, on a busy machine: the app server's workers are still
    loading the site when SIGTERM comes, before granian has set up their own handling of it.
    They stop once loaded (`serve` signals them again), not when killed 30 s later."""
    folder, static, _session = site_folder
    node = Node(
        folder,
        static,
        serving=False,
        DJANGO_SETTINGS_MODULE="tests.faults.slow_settings",
        PRESSROOM_TEST_LOAD_SECONDS=str(LOADING),
    )
    deadline = time.monotonic() + 60
    while sum("granian" in line for line in session_processes(node.process.pid)) < 3:
        assert node.process.poll() is None, node.log.read_text()
        assert time.monotonic() < deadline, session_processes(node.process.pid)
        time.sleep(0.05)
    time.sleep(0.5)  # granian's main process and its 2 workers, which are loading the site
    with pytest.raises(OSError):  # nothing answers yet
        urllib.request.urlopen(f"http://127.0.0.1:{node.port}/healthz", timeout=0.5)
    code, seconds, stderr = node.terminate()
    print({"loading_exit_seconds": round(seconds, 2)})
    assert code == 0, stderr
    assert seconds < LOADING + QUICK, stderr  # what is left of the loading, then the exit
    assert "Killing worker" not in stderr, stderr


def environ_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    return dict(item.decode().split("=", 1) for item in raw.split(b"\0") if b"=" in item)


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")
def test_every_process_of_the_node_starts_with_two_malloc_arenas(site_folder):
    """The app server's workers (and the background jobs) keep at most two glibc malloc
    arenas, unless the operator set MALLOC_ARENA_MAX: docs/operations.md, "Soak"."""
    folder, static, _session = site_folder
    node = Node(folder, static)
    try:
        processes = [line.split(" ", 1) for line in session_processes(node.process.pid)]
        environs = [(command, environ_of(int(pid))) for pid, command in processes]
    finally:
        # serve stops its children (each in a process group of its own); kill() alone would
        # leave them running.
        code, _seconds, stderr = node.terminate()
    assert code == 0, stderr
    commands = [command for command, _environ in environs]
    assert sum("granian" in command for command in commands) >= 3, commands  # server, 2 workers
    expected = os.environ.get("MALLOC_ARENA_MAX", "2")
    for command, environ in environs:
        if " serve " not in command:  # serve itself has the environment it was given
            assert environ.get("MALLOC_ARENA_MAX") == expected, command


class SilentMailServer:
    """Accepts connections and never says a word, as a mail server that hangs."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def close(self):
        for conn in self.accepted:
            conn.close()
        self.sock.close()


RETRIES = 20
FIRST_ATTEMPTS = 20
MESSAGES = f"""
from datetime import timedelta
from django.utils import timezone
from pressroom.contact.models import ContactMessage, ContactPage
from pressroom.contact.tasks import deliver_message
page = ContactPage.objects.get()
ContactPage.objects.filter(pk=page.pk).update(to_address="office@example.com")
for n in range({RETRIES}):  # retries that are due, for the worker's sweep
    ContactMessage.objects.create(
        page=page, form_data={{"name": f"retry {{n}}"}}, delivery="retry", attempts=1,
        next_attempt_at=timezone.now() - timedelta(minutes=1),
    )
for n in range({FIRST_ATTEMPTS}):  # first attempts, through the task queue
    message = ContactMessage.objects.create(page=page, form_data={{"name": f"new {{n}}"}})
    deliver_message.enqueue(message.pk)
"""


def test_sigterm_while_the_mail_worker_waits_on_a_silent_mail_server(site_folder):
    folder, static, _session = site_folder
    in_site(folder, MESSAGES)
    smtp = SilentMailServer()
    mail_timeout = 2

    def messages():
        with sqlite3.connect(folder / "pressroom.sqlite3", timeout=30) as db:
            return db.execute(
                "SELECT id, delivery, attempts FROM contact_contactmessage ORDER BY id"
            ).fetchall()

    def both_sending():
        """A first attempt (the task worker) and a retry (the sweep) are both under way."""
        found = messages()
        retries, first = found[:RETRIES], found[RETRIES:]
        return any(attempts > 1 for _, _, attempts in retries) and any(
            state == "sending" for _, state, _ in first
        )

    try:
        url = f"smtp://127.0.0.1:{smtp.port}/?timeout={mail_timeout}"
        node = Node(folder, static, EMAIL_URL=url)
        deadline = time.monotonic() + 120
        while not both_sending():
            assert time.monotonic() < deadline, messages()
            time.sleep(0.1)
        code, seconds, stderr = node.terminate()
    finally:
        smtp.close()
    print({"mail_exit_seconds": round(seconds, 2), "attempts": len(smtp.accepted)})
    assert code == 0, stderr[-3000:]
    # The attempt at hand ends (the sweep may start one more before it hears of the stop).
    assert seconds < 2 * mail_timeout + QUICK, stderr
    # No message is lost nor given up on: each is still waiting for its next attempt.
    states = [state for _, state, _ in messages()]
    assert len(states) == RETRIES + FIRST_ATTEMPTS
    assert set(states) <= {"pending", "retry", "sending"}, states


def test_sigterm_while_the_scheduler_is_mid_run(site_folder):
    folder, static, _session = site_folder
    articles = 200
    subprocess.run(
        [sys.executable, "-m", "pressroom", "seed", f"--articles={articles}"],
        env=env_for(folder),
        cwd=ROOT,
        check=True,
        timeout=300,
        capture_output=True,
    )
    in_site(
        folder,
        "from datetime import timedelta; from django.utils import timezone; "
        "from pressroom.news.models import NewsArticlePage; "
        "NewsArticlePage.objects.update(expire_at=timezone.now() - timedelta(minutes=1))",
    )
    query = (
        "SELECT p.live, p.expired, COUNT(*) FROM wagtailcore_page p "
        "JOIN news_newsarticlepage a ON a.page_ptr_id = p.id GROUP BY p.live, p.expired"
    )

    def counts():
        with sqlite3.connect(folder / "pressroom.sqlite3", timeout=30) as db:
            return {(live, expired): n for live, expired, n in db.execute(query).fetchall()}

    node = Node(folder, static)
    deadline = time.monotonic() + 90
    while counts().get((0, 1), 0) < 3:  # the scheduler is unpublishing the expired articles
        assert time.monotonic() < deadline, counts()
        time.sleep(0.1)
    code, seconds, stderr = node.terminate()
    found = counts()
    with sqlite3.connect(folder / "pressroom.sqlite3") as db:
        logged = (
            db.execute(
                "SELECT COUNT(*) FROM wagtailcore_modellogentry WHERE action = ?",
                ["wagtail.unpublish.scheduled"],
            ).fetchone()[0]
            + db.execute(
                "SELECT COUNT(*) FROM wagtailcore_pagelogentry WHERE action = ?",
                ["wagtail.unpublish.scheduled"],
            ).fetchone()[0]
        )
    print({"scheduler_exit_seconds": round(seconds, 2), "articles": found})
    assert code == 0, stderr
    assert seconds < QUICK, stderr
    # Every article is either untouched (still due) or wholly unpublished and logged.
    assert set(found) <= {(1, 0), (0, 1)}, found
    assert sum(found.values()) == articles
    assert logged == found[(0, 1)]
    assert found.get((1, 0), 0) > 0  # the run stopped; the next one takes the rest
