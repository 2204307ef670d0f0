"""Pressroom with a big news center: render time and queries of the pages that list articles.

    .venv/bin/python bench/scale.py [--articles 100000] [--runs 15] [--data bench/.data-100k]

The first run makes the site once (`pressroom init`, then `pressroom seed --articles N`: N
articles in Chinese and their N English translations, several minutes for 100,000 on
SQLite) in the data folder and reuses it afterwards; delete the folder to start again. The
pages measured are the Chinese news center's. Every page is rendered with the page cache
bypassed (what a visitor gets just after a purge): the median and p95 wall-clock
milliseconds of ``--runs`` renders in this process and the median CPU time of this process
(SQLite included; steadier than wall time on a busy machine), the number of queries, and
whether any query read an article body.
Results go to stdout and, with --out, to a markdown file.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BODY_COLUMN = '"news_newsarticlepage"."body"'


def prepare(data_dir: Path, articles: int) -> None:
    env = {**os.environ, "PRESSROOM_DATA_DIR": str(data_dir), "PRESSROOM_LOG_LEVEL": "WARNING"}
    if (data_dir / "seeded").exists():
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "check": True, "env": env}
    print(f"Making a site with {articles:,} articles in {data_dir} (once)...", flush=True)
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "pressroom", "init"], **quiet)
    subprocess.run(
        [sys.executable, "-m", "pressroom", "seed", "--articles", str(articles)], **quiet
    )
    (data_dir / "seeded").write_text(f"{articles}\n")
    print(f"  made in {time.monotonic() - started:.0f} s", flush=True)


def measure(client, path: str, runs: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)  # also warms per-process caches
    assert response.status_code == 200, (path, response.status_code)
    captured = list(queries.captured_queries)  # the next request empties Django's log
    sql = [query["sql"] for query in captured]
    times, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    times.sort()
    return {
        "median": statistics.median(times),
        "p95": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
        # CPU time of this process (SQLite runs in it): steadier than wall time on a busy host.
        "cpu": statistics.median(cpu),
        "queries": len(sql),
        "bodies": sum(BODY_COLUMN in statement for statement in sql),
        "slowest_sql": max(captured, key=lambda query: float(query["time"])),
        "bytes": len(response.content),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--show-sql", action="store_true", help="print each page's slowest query")
    args = parser.parse_args()
    data_dir = (args.data or ROOT / "bench" / f".data-{args.articles // 1000}k").resolve()
    prepare(data_dir, args.articles)

    os.environ["PRESSROOM_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("PRESSROOM_LOG_LEVEL", "WARNING")
    os.environ["DJANGO_SETTINGS_MODULE"] = "pressroom.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from pressroom.news.models import NewsArticlePage, NewsIndexPage

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PRESSROOM_PAGECACHE_EXCLUDE_PREFIXES = ("/",)  # every request renders
    news = NewsIndexPage.objects.order_by("path").first()
    count = NewsArticlePage.objects.child_of(news).published().count()
    last_page = -(-count // settings.PRESSROOM_NEWS_PER_PAGE)
    newest = NewsArticlePage.objects.child_of(news).published().first()
    middle = NewsArticlePage.objects.child_of(news).published()[count // 2]
    public = {
        "news list, page 1": "/news/",
        "news list, page 3000": "/news/page/3000/",
        f"news list, last page ({last_page})": f"/news/page/{last_page}/",
        "article (newest)": newest.url,
        "article (middle)": middle.url,
        "home": "/",
        "HTML sitemap": "/sitemap/",
        "sitemap index": "/sitemap.xml",
        "sitemap section 2": "/sitemap-2.xml",
        "RSS feed": "/news/feed/rss/",
    }
    admin = {
        "admin explorer, news center": f"/admin/pages/{news.pk}/",
        "admin explorer, page 1000": f"/admin/pages/{news.pk}/?p=1000",
        "admin explorer, by title": f"/admin/pages/{news.pk}/?ordering=title",
    }
    visitor = Client()
    editor = Client()
    editor.force_login(get_user_model().objects.filter(is_superuser=True).first())
    lines = [
        f"{count:,} published articles, SQLite, {args.runs} renders per page, page cache off",
        "",
        "| page | median ms | p95 ms | median CPU ms | queries | article bodies read | KB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    print("\n".join(lines), flush=True)
    for pages, client in ((public, visitor), (admin, editor)):
        for name, path in pages.items():
            runs = 2 if "sitemap section" in name else args.runs
            result = measure(client, path, runs)
            line = (
                f"| {name} | {result['median']:.1f} | {result['p95']:.1f} | {result['cpu']:.1f} "
                f"| {result['queries']} "
                f"| {result['bodies']} | {result['bytes'] / 1024:.0f} |"
            )
            lines.append(line)
            print(line, flush=True)
            if args.show_sql:
                slow = result["slowest_sql"]
                print(f"    slowest ({slow['time']} s): {slow['sql'][:400]}", flush=True)
    if args.out:
        args.out.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
