"""G5: SIGTERM to `pressroom serve` while editors' uploads are still arriving.

The server (granian by default, gunicorn with PRESSROOM_SERVER=gunicorn) finishes the
requests in flight, then it and its background workers exit on their own within the
graceful timeout; no partial file is left in the media folder or the temporary folder.
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
def site_folder(tmp_path, migrated_sqlite):
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
    # `serve` collects static files when they are missing (half a minute): these requests
    # render no static file, so an empty manifest stands in.
    static = tmp_path / "static"
    static.mkdir()
    (static / "staticfiles.json").write_text('{"paths": {}, "version": "1.1", "hash": ""}')
    return folder, static, session


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
        assert len(children) == 3, children  # contact worker, scheduler, app server
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
