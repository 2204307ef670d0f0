"""`make run` as the README tells a person to run it, twice, on two ports.

The login the person gives (PRESSROOM_ADMIN_USER / PRESSROOM_ADMIN_PASSWORD) is the one that
signs in and the one printed; absolute links in pages, the sitemap and the mails of the
second run name the second run's port. Skipped when the virtualenv would need installing.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.faults.conftest import hidden_inputs

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(sys.executable).parent.parent
LOGIN = ("chief", "a-given-Password-42")

pytestmark = [
    pytest.mark.skipif(not shutil.which("make"), reason="needs make"),
    pytest.mark.skipif(
        subprocess.run(
            ["make", "-q", "-C", str(ROOT), f"VENV={VENV}", f"{VENV}/.installed"],
            capture_output=True,
        ).returncode
        != 0,
        reason="the virtualenv is not installed by this Makefile (make run would install it)",
    ),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MakeRun:
    """`make run` in a session of its own, stopped with Ctrl-C as in a terminal."""

    def __init__(self, data: Path, port: int, log: Path):
        self.port, self.log = port, log
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSROOM_", "DJANGO"))}
        env.update(
            PRESSROOM_DATA_DIR=str(data),
            PRESSROOM_ADMIN_USER=LOGIN[0],
            PRESSROOM_ADMIN_PASSWORD=LOGIN[1],
            PRESSROOM_CONTACT_MIN_SECONDS="0",
        )
        env.pop("MAKEFLAGS", None)
        env.pop("MAKELEVEL", None)
        with open(log, "w") as out:
            self.process = subprocess.Popen(
                ["make", "-C", str(ROOT), "run", f"PORT={port}", f"VENV={VENV}"],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.base = f"http://127.0.0.1:{port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for_login_line(self, timeout=300) -> str:
        deadline = time.monotonic() + timeout
        while "Login:" not in self.output():
            assert self.process.poll() is None, self.output()[-3000:]
            assert time.monotonic() < deadline, self.output()[-3000:]
            time.sleep(0.2)
        return re.search(r"Login:\s+(.+)", self.output()).group(1).strip()

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        deadline = time.monotonic() + 60
        while subprocess.run(["pgrep", "-s", str(self.process.pid)]).returncode == 0:
            assert time.monotonic() < deadline, "make run left processes behind"
            time.sleep(0.2)


def signs_in(base: str, username: str, password: str) -> bool:
    session = requests.Session()
    form = hidden_inputs(session.get(base + "/admin/login/", timeout=30).text)
    response = session.post(
        base + "/admin/login/",
        data={**form, "username": username, "password": password},
        allow_redirects=False,
        timeout=30,
    )
    return response.status_code == 302 and response.headers["Location"] == "/admin/"


def leave_a_message(base: str) -> None:
    session = requests.Session()
    form = hidden_inputs(session.get(base + "/contact/", timeout=30).text)
    data = {
        **form,
        "name": "端口测试",
        "phone": "138 0013 8000",
        "email": "visitor@example.net",
        "message": f"请回电。（{base}）",  # a second, equal message would be a double click
    }
    response = session.post(base + "/contact/", data=data, timeout=30)
    assert response.status_code == 200, response.text[:2000]


def ports_in(text: str) -> set[int]:
    return {int(port) for port in re.findall(r"https?://(?:127\.0\.0\.1|localhost):(\d+)", text)}


def mail_in(run: MakeRun, timeout=60) -> str:
    """The notification the mail worker printed (the console mail backend)."""
    deadline = time.monotonic() + timeout
    while "visitor@example.net" not in run.output().split("Login:", 1)[-1]:
        assert time.monotonic() < deadline, run.output()[-3000:]
        time.sleep(0.2)
    time.sleep(0.5)
    mail = run.output().split("Login:", 1)[-1]
    return mail[mail.index("Subject:") :]


def check_run(run: MakeRun) -> None:
    login = run.wait_for_login_line()
    # The login line comes once the site answers.
    assert requests.get(run.base + "/healthz", timeout=5).status_code == 200
    assert login == f"{LOGIN[0]} / {LOGIN[1]}"
    assert signs_in(run.base, *LOGIN)
    html = requests.get(run.base + "/", timeout=30).text
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert canonical == f"{run.base}/"
    sitemap = requests.get(run.base + "/sitemap.xml", timeout=30).text
    assert ports_in(sitemap) == {run.port}, sitemap[:1000]
    leave_a_message(run.base)
    mail = mail_in(run)
    assert f"{run.base}/contact/" in mail  # the page the message came from (Site record)
    assert f"{run.base}/admin/" in mail  # the message in the admin (PRESSROOM_BASE_URL)
    assert ports_in(mail) == {run.port}, mail


def test_make_run_honours_the_given_login_and_follows_the_port(tmp_path, migrated_sqlite):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(migrated_sqlite, data / "pressroom.sqlite3")
    collected = []
    for n, port in enumerate([free_port(), free_port()]):
        run = MakeRun(data, port, tmp_path / f"make-run-{n}.log")
        try:
            check_run(run)
        finally:
            run.stop()
        output = run.output()
        assert "only this once" not in output
        assert not (data / "admin-password").exists()  # a given password is not written down
        collected.append((data / "static" / "staticfiles.json").stat().st_mtime_ns)
    # Nothing changed: the second run did not collect the static files again (half a minute).
    assert collected[0] == collected[1]
