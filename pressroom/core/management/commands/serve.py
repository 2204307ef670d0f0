import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError

from pressroom.core.setup import login_hint
from pressroom.core.static import collected_files_current

# Seconds the app server gives requests in flight after SIGTERM (granian, gunicorn).
GRACE = 30
# Seconds after SIGTERM when whatever is left of the node is killed: the grace, plus time for
# the processes to exit. docs/operations.md promises it; deploy/pressroom.service waits longer.
STOP_TIMEOUT = GRACE + 5


def server_command(host: str, port: int, workers: int) -> list[str]:
    """The app server's command line: granian unless PRESSROOM_SERVER=gunicorn.

    docs/decisions/0007-app-server.md has the measurements behind the choice.
    """
    if os.environ.get("PRESSROOM_SERVER", "granian") == "gunicorn":
        return gunicorn_command(host, port, workers)
    return granian_command(host, port, workers)


def threads() -> int:
    """Threads per worker that run the application (PRESSROOM_THREADS)."""
    return int(getattr(settings, "PRESSROOM_APP_THREADS", 4))


def granian_command(host: str, port: int, workers: int) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "granian",
        "--interface=wsgi",
        f"--host={host}",
        f"--port={port}",
        f"--workers={workers}",
        "--http=1",
        "--runtime-mode=st",  # one Rust thread per worker: twice the requests/s of "auto"
        "--no-ws",
        # Threads that call the app: the render slots, their line and spares that answer
        # cached pages and /healthz while renders run (decision 0048).
        f"--blocking-threads={threads()}",
        # Idle threads end after 5 s (granian's least; 30 s by default): a worker stopping
        # waits for them, and a flood's threads give their memory back soon after it.
        "--blocking-threads-idle-timeout=5",
        f"--workers-kill-timeout={GRACE}",
        "--respawn-failed-workers",
    ]
    if os.environ.get("PRESSROOM_ACCESS_LOG", "") not in ("", "0"):
        command.append("--access-log")
    return [*command, "pressroom.wsgi:application"]


def gunicorn_command(host: str, port: int, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "pressroom.wsgi:application",
        f"--bind={host}:{port}",
        f"--workers={workers}",
        "--worker-class=gthread",
        f"--threads={threads()}",
        "--keep-alive=5",
        f"--graceful-timeout={GRACE}",
        "--timeout=60",
        "--access-logfile=-",
        "--forwarded-allow-ips=" + os.environ.get("PRESSROOM_TRUSTED_PROXIES", "127.0.0.1"),
    ]


def node_environment(environ) -> dict:
    """What every process of the node starts with: production settings (DEBUG off), and at
    most two malloc arenas unless the operator chose otherwise.

    glibc gives threads their own arenas (up to eight a core) and keeps what each has freed;
    the app server's threads come and go all day (idle ones end after 5 s), and its workers
    grew through their first quarter hour of mixed traffic, more than with two arenas
    (docs/operations.md, "Soak"). Other C libraries ignore the variable."""
    env = {**environ, "PRESSROOM_DEBUG": "0"}
    env.setdefault("MALLOC_ARENA_MAX", "2")
    return env


def background_commands() -> list[list[str]]:
    """Other processes a site needs beside the web server (task workers)."""
    return [list(command) for command in getattr(settings, "PRESSROOM_BACKGROUND_COMMANDS", [])]


def answers(url: str) -> bool:
    """Whether a server answers ``url`` at all (any HTTP status: 503 while the database is
    away is an answer too). Asked with the first host name the site accepts."""
    hosts = [h for h in settings.ALLOWED_HOSTS if h and h[0] not in ".*"]
    request = urllib.request.Request(url, headers={"Host": hosts[0]} if hosts else {})
    try:
        with urllib.request.urlopen(request, timeout=1):
            return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


def group_alive(pgid: int) -> bool:
    """Whether any process is left in the process group ``pgid``."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process reuses the number: not ours
        return False
    return True


class Node:
    """The processes of one node, each in its own process group, stopped together.

    Only this process is signalled (by systemd, Ctrl-C in a terminal, `kill`); it passes one
    SIGTERM to each child, which stops in its own way: the app server finishes the requests in
    flight, the mail worker the mail it is handing over, the scheduler the page it is
    publishing. Whatever is still running STOP_TIMEOUT seconds later is killed, its whole
    process group with it (the app server's workers).
    """

    def __init__(self, env: dict):
        self.env = env
        self.processes: list[subprocess.Popen] = []
        self.signalled = False
        self.deadline: float | None = None
        self.gone: set[int] = set()  # children whose whole process group has exited
        self.killed: list[str] = []

    def on_signal(self, signum, frame) -> None:
        # Only a flag: a signal handler must not take locks the interrupted code may hold.
        self.signalled = True

    def start(self, command: list[str]) -> subprocess.Popen:
        process = subprocess.Popen(command, env=self.env, process_group=0)
        self.processes.append(process)
        return process

    def run_step(self, command: list[str]) -> int:
        """Run a preparation step (collecting static files); a signal stops it too."""
        step = self.start(command)
        while step.poll() is None:
            if self.signalled:
                self.wait(step)
                break
            self.sleep()
        self.processes.remove(step)
        return step.returncode

    def stop(self) -> None:
        if self.deadline is not None:
            return
        self.deadline = time.monotonic() + STOP_TIMEOUT
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)

    def alive(self) -> list[subprocess.Popen]:
        """Children still running, or whose process group still has a process."""
        for process in self.processes:
            ended = process.pid not in self.gone and process.poll() is not None
            if ended and not group_alive(process.pid):
                self.gone.add(process.pid)  # never asked again: the number may be reused
        return [p for p in self.processes if p.pid not in self.gone]

    def kill_the_rest(self) -> None:
        for process in self.alive():
            module, *rest = process.args[2:]  # [python, -m, module, arguments...]
            self.killed.append(rest[0] if module == "pressroom" else module)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def wait(self, server: subprocess.Popen, ready: Callable[[], bool] | None = None) -> None:
        """Until the server stops (or a signal comes), then until every process is gone.

        ``ready`` is called now and then until it returns True (the server answers)."""
        while self.alive():
            if self.signalled or server.poll() is not None:
                self.stop()
            if self.deadline is not None and time.monotonic() > self.deadline:
                self.kill_the_rest()
                break
            if ready is not None and self.deadline is None and ready():
                ready = None
            self.sleep()

    @staticmethod
    def sleep() -> None:
        time.sleep(0.1)


class Command(BaseCommand):
    help = "Serve the site in production mode (DEBUG off) with its background workers."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("PRESSROOM_WORKERS", str(max(2, os.cpu_count() or 1)))),
        )
        parser.add_argument(
            "--show-login",
            action="store_true",
            help="Once the site answers, print the admin login too (for a laptop: `make run`).",
        )
        parser.add_argument(
            "--password-file",
            type=Path,
            help="Where `pressroom init --password-file` keeps the admin's password.",
        )

    def handle(self, *args, host, port, workers, show_login, password_file, **options):
        node = Node(node_environment(os.environ))
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, node.on_signal)
        if not collected_files_current():  # hashing and compressing all takes half a minute
            collect = [sys.executable, "-m", "pressroom", "collectstatic", "--noinput", "-v0"]
            if node.run_step(collect) != 0 or node.signalled:
                sys.exit(1 if not node.signalled else 0)
        for command in background_commands():
            node.start(command)
        server = node.start(server_command(host, port, workers))
        address = f"http://{display_host(host)}:{port}"
        probe = Probe(address + "/healthz")

        def ready() -> bool:
            if not probe.answers():
                return False
            self.announce(address, show_login, password_file)
            return True

        node.wait(server, ready)
        if node.killed:
            self.stderr.write(
                f"Killed after {STOP_TIMEOUT} s: {', '.join(node.killed)} (did not stop in time)."
            )
        code = server.returncode
        if node.signalled and code == -signal.SIGTERM:
            code = 0  # ended by the signal itself, before it had set up its own handling
        sys.exit(code if code is not None else 1)

    def announce(self, address: str, show_login: bool, password_file: Path | None) -> None:
        """Say where the site answers (and how to sign in), once it does."""
        lines = ["", f"  Pressroom is serving at {address}/", f"  Admin:  {address}/admin/"]
        if show_login:
            try:
                lines.append(f"  Login:  {login_hint(password_file)}")
            except DatabaseError as error:
                lines.append(f"  Login:  (the database did not answer: {error})")
        self.stdout.write("\n".join(lines) + "\n")
        self.stdout.flush()


class Probe:
    """Asks a URL whether the server answers, at most every half second."""

    def __init__(self, url: str):
        self.url = url
        self.next_try = 0.0

    def answers(self) -> bool:
        if time.monotonic() < self.next_try:
            return False
        self.next_try = time.monotonic() + 0.5
        return answers(self.url)


def display_host(host: str) -> str:
    """The host part of an address to reach a server listening on ``host``."""
    if host in ("", "0.0.0.0", "::"):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host
