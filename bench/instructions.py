"""Instructions one uncached render costs, counted by valgrind's callgrind: `make instructions`.

CPU time on a shared machine moves with whatever else runs; callgrind counts instructions,
which stay the same run after run for the same code and data. This runs the WSGI application
(the page cache's wrapper around Django, as the app server calls it) in two processes under
callgrind, one with WARM renders and one with WARM + N, and prints the difference divided
by N: the instructions of one render, without start-up.

    python bench/instructions.py [--page article|home|news list] [--lang en|zh-hans] [-n 30]
"""

import argparse
import io
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM = 5


def render(page: str, lang: str, count: int) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from profile_render import setup, targets

    setup(Path(os.environ.get("PRESSROOM_BENCH_DATA_DIR", ROOT / "bench" / ".data")))
    from django.conf import settings

    from pressroom.wsgi import application

    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost"
    path = targets(lang)[page]

    def start_response(status, headers, exc_info=None):
        assert status.startswith("200"), status

    for _ in range(WARM + count):
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "bench=uncached",
            "SERVER_NAME": host, "SERVER_PORT": "80", "HTTP_HOST": host,
            "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr,
            "wsgi.version": (1, 0), "wsgi.multithread": False, "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }  # fmt: skip
        body = application(environ, start_response)
        b"".join(body)
        getattr(body, "close", lambda: None)()


def counted(args, count: int) -> int:
    command = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
        sys.executable, __file__, "--inside", str(count), "--page", args.page, "--lang", args.lang,
    ]  # fmt: skip
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stderr
    return int(re.search(r"Collected : (\d+)", out).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", default="article", choices=["article", "home", "news list"])
    parser.add_argument("--lang", default="en", choices=["en", "zh-hans"])
    parser.add_argument("-n", type=int, default=30, help="renders counted (default 30)")
    parser.add_argument("--inside", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside is not None:
        render(args.page, args.lang, args.inside)
        return
    base, more = counted(args, 0), counted(args, args.n)
    per_render = (more - base) / args.n
    print(f"{args.page} ({args.lang}), uncached: {per_render / 1e6:.2f} M instructions a render")


if __name__ == "__main__":
    main()
