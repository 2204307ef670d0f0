"""How fast old sites come in: a 10,000-post WordPress export, and a 1,000-page crawl.

    .venv/bin/python bench/import_bench.py [--posts 10000] [--pages 1000] [--rate 5]
                                           [--out bench/results/import-STAMP.md]

1. **WordPress.** Writes a made-up export (`bench/wxr_maker.py`: posts with categories, tags,
   links between them, 20 pictures, 5 PDFs) and imports it with `pressroom import wordpress
   --media` into a fresh SQLite site (made once with `pressroom init` under
   `bench/.data-import/` and copied for each run). Reports the wall time, posts per second,
   the importer's peak RSS and its RSS at 10 %, 50 % and 100 % of the items (read from
   /proc while it runs), which shows whether memory stays flat.
2. **Crawl.** Serves an old site of `--pages` dated pages (with a sitemap and links between
   them) on 127.0.0.1 and crawls it with `pressroom import site --allow-local --delay 1/rate`.
   The time should be about pages / rate: the rate limit, not the importer, bounds it.

The machine's load (`uptime`) is written with the figures: it is shared, so compare figures
of one run only.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from wxr_maker import write_wxr  # noqa: E402

TEMPLATE = ROOT / "bench" / ".data-import"
PROGRESS = re.compile(r"… (\d+) of (\d+) items")


def env_for(data: Path) -> dict:
    return {
        **os.environ,
        "PRESSROOM_DATA_DIR": str(data),
        "PRESSROOM_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def fresh_site(into: Path) -> None:
    """A new site's database in ``into``: `pressroom init` once, then copies of it."""
    if not (TEMPLATE / "ready").exists():
        shutil.rmtree(TEMPLATE, ignore_errors=True)
        TEMPLATE.mkdir(parents=True)
        print("Making a fresh site once (pressroom init)...", flush=True)
        subprocess.run(
            [sys.executable, "-m", "pressroom", "init"],
            env=env_for(TEMPLATE),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (TEMPLATE / "ready").write_text("ok\n")
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    for name in ("pressroom.sqlite3", "secret_key"):
        shutil.copy(TEMPLATE / name, into / name)


def memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak) of ``pid`` in kB, from /proc."""
    found = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0])
    except OSError:
        pass
    return found


def run_watched(command: list[str], env: dict) -> dict:
    """Run an import, reading its progress lines (stderr) and its memory as it goes."""
    started = time.monotonic()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    marks: dict[int, int] = {}
    peak = {"VmHWM": 0}
    last = {"count": 0, "total": 0}

    def sample() -> None:
        while process.poll() is None:
            peak["VmHWM"] = max(peak["VmHWM"], memory(process.pid).get("VmHWM", 0))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    for line in process.stderr:
        found = PROGRESS.search(line)
        if not found:
            continue
        count, total = int(found.group(1)), int(found.group(2))
        last.update(count=count, total=total)
        rss = memory(process.pid).get("VmRSS", 0)
        for share in (10, 50, 100):
            if share not in marks and count * 100 >= share * total:
                marks[share] = rss
    report = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)  # its CPU time: steadier than wall time
    seconds = time.monotonic() - started
    sampler.join()
    return {
        "seconds": seconds,
        "cpu": usage.ru_utime + usage.ru_stime,
        "returncode": os.waitstatus_to_exitcode(status),
        "marks": marks,
        "peak_kb": peak["VmHWM"],
        "items": last,
        "report": report,
    }


def wordpress(posts: int, work: Path) -> dict:
    export, uploads = work / "export.xml", work / "uploads"
    write_wxr(export, posts, uploads)
    data = work / "site"
    fresh_site(data)
    command = [sys.executable, "-m", "pressroom", "import", "wordpress", str(export)]
    result = run_watched([*command, "--media", str(uploads)], env_for(data))
    result["posts"] = posts
    result["export_mb"] = export.stat().st_size / 1e6
    return result


# --- the crawl ---------------------------------------------------------------------------
def old_page(number: int, pages: int) -> bytes:
    day = (datetime(2024, 1, 1, tzinfo=UTC) - timedelta(days=number)).date().isoformat()
    links = "".join(
        f'<li><a href="/news/{other}.html">新闻 {other}</a></li>'
        for other in (number - 1, number + 1, (number * 7) % pages + 1)
        if 1 <= other <= pages
    )
    body = "".join(
        f"<p>第 {number} 篇新闻的第 {paragraph} 段：阀门厂的新生产线投产，产品质量稳定。</p>"
        for paragraph in range(1, 6)
    )
    return (
        '<!doctype html><html lang="zh"><head><meta charset="utf-8">'
        f"<title>旧站新闻 {number}</title>"
        f'<meta name="date" content="{day}"></head><body><nav><a href="/">首页</a></nav>'
        f"<article><h1>旧站新闻 {number}</h1><p>发布时间：{day} 来源：本站</p>{body}</article>"
        f"<aside><ul>{links}</ul></aside></body></html>"
    ).encode()


class OldSite:
    """An old site of ``pages`` news pages on loopback, with a sitemap listing them all."""

    def __init__(self, pages: int):
        self.requests = 0
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests += 1
                path = self.path.split("?")[0]
                kind, body = "text/html; charset=utf-8", None
                if path == "/sitemap.xml":
                    kind = "application/xml"
                    urls = "".join(
                        f"<url><loc>{site.url}/news/{n}.html</loc></url>"
                        for n in range(1, pages + 1)
                    )
                    body = (
                        '<?xml version="1.0"?><urlset '
                        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
                    ).encode()
                elif path == "/":
                    body = '<html><body><a href="/news/1.html">新闻</a></body></html>'.encode()
                elif found := re.fullmatch(r"/news/(\d+)\.html", path):
                    number = int(found.group(1))
                    body = old_page(number, pages) if 1 <= number <= pages else None
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def crawl(pages: int, rate: float, work: Path) -> dict:
    data = work / "crawl-site"
    fresh_site(data)
    old = OldSite(pages)
    try:
        command = [
            sys.executable, "-m", "pressroom", "import", "site", old.url + "/",
            "--allow-local", "--delay", str(1 / rate), "--limit", str(pages + 1),
        ]  # fmt: skip
        result = run_watched(command, env_for(data))
    finally:
        old.close()
    result.update(pages=pages, rate=rate, requests=old.requests)
    return result


# --- the report --------------------------------------------------------------------------
def load() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def mb(kb: int | None) -> str:
    return f"{kb / 1024:.0f} MB" if kb else "n/a"


def imported_line(report: str, kind: str) -> str:
    found = re.search(rf"^\s*{kind}: .*$", report, re.MULTILINE)
    return found.group(0).strip() if found else f"{kind}: none"


def describe_wordpress(result: dict) -> list[str]:
    seconds, posts = result["seconds"], result["posts"]
    marks = result["marks"]
    return [
        f"## WordPress: {posts:,} posts ({result['export_mb']:.1f} MB export)",
        "",
        "| figure | value |",
        "|---|---|",
        f"| wall time | {seconds:.1f} s (target ≤ 120 s) |",
        f"| posts per second | {posts / seconds:.1f} |",
        f"| CPU time of the import (user + system) | {result['cpu']:.1f} s, "
        f"{result['cpu'] / posts * 1000:.1f} ms a post |",
        f"| RSS at 10 % / 50 % / 100 % of the items | {mb(marks.get(10))} / "
        f"{mb(marks.get(50))} / {mb(marks.get(100))} |",
        f"| peak RSS | {mb(result['peak_kb'])} |",
        f"| exit code | {result['returncode']} |",
        "",
        "Report: "
        + "; ".join(
            imported_line(result["report"], k) for k in ("post", "image", "document", "category")
        ),  # noqa: E501
        "",
    ]


def describe_crawl(result: dict) -> list[str]:
    bound = result["pages"] / result["rate"]
    return [
        f"## Crawl: {result['pages']:,} pages at {result['rate']:g} requests/s",
        "",
        "| figure | value |",
        "|---|---|",
        f"| wall time | {result['seconds']:.1f} s |",
        f"| pages / rate (the bound) | {bound:.1f} s |",
        f"| ratio (time / bound) | {result['seconds'] / bound:.2f} |",
        f"| CPU time of the crawl (user + system) | {result['cpu']:.1f} s |",
        f"| requests served | {result['requests']} |",
        f"| peak RSS | {mb(result['peak_kb'])} |",
        f"| exit code | {result['returncode']} |",
        "",
        "Report: " + "; ".join(imported_line(result["report"], k) for k in ("article", "page")),
        "",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--pages", type=int, default=1_000, help="crawl: pages (0: no crawl)")
    parser.add_argument("--rate", type=float, default=5.0, help="crawl: requests per second")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    out = args.out or ROOT / "bench" / "results" / f"import-{stamp}.md"
    lines = [f"# Imports: {stamp} UTC", "", f"Load before: `{load()}`", ""]
    with tempfile.TemporaryDirectory(prefix="pressroom-import-bench-") as folder:
        work = Path(folder)
        if args.posts:
            print(f"Importing {args.posts:,} WordPress posts...", flush=True)
            lines += describe_wordpress(wordpress(args.posts, work))
            lines += [f"Load after: `{load()}`", ""]
        if args.pages:
            print(f"Crawling {args.pages:,} pages at {args.rate:g}/s...", flush=True)
            lines += describe_crawl(crawl(args.pages, args.rate, work))
            lines += [f"Load after: `{load()}`", ""]
    text = "\n".join(lines)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
    print(text)
    print(f"Written to {out}")


if __name__ == "__main__":
    main()
