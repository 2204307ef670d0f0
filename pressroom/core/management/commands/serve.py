import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand


def server_command(host: str, port: int, workers: int) -> list[str]:
    """The app server's command line: granian unless PRESSROOM_SERVER=gunicorn.

    docs/decisions/0007-app-server.md has the measurements behind the choice.
    """
    if os.environ.get("PRESSROOM_SERVER", "granian") == "gunicorn":
        return gunicorn_command(host, port, workers)
    return granian_command(host, port, workers)


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
        "--blocking-threads=1",
        "--workers-kill-timeout=30",
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
        "--threads=4",
        "--keep-alive=5",
        "--graceful-timeout=30",
        "--timeout=60",
        "--access-logfile=-",
        "--forwarded-allow-ips=" + os.environ.get("PRESSROOM_TRUSTED_PROXIES", "127.0.0.1"),
    ]


def background_commands() -> list[list[str]]:
    """Other processes a site needs beside the web server (task workers)."""
    return [list(command) for command in getattr(settings, "PRESSROOM_BACKGROUND_COMMANDS", [])]


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

    def handle(self, *args, host, port, workers, **options):
        env = {**os.environ, "PRESSROOM_DEBUG": "0"}
        if not (settings.STATIC_ROOT / "staticfiles.json").exists():
            subprocess.run(
                [sys.executable, "-m", "pressroom", "collectstatic", "--noinput", "-v0"],
                env=env,
                check=True,
            )
        children = [subprocess.Popen(command, env=env) for command in background_commands()]
        server = subprocess.Popen(server_command(host, port, workers), env=env)
        children.append(server)

        def stop(signum, frame):
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            code = server.wait()
        finally:
            stop(None, None)
            for child in children:
                try:
                    child.wait(timeout=35)
                except subprocess.TimeoutExpired:
                    child.kill()
        sys.exit(code)
