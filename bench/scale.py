"""Pressroom with a big news center: render time and queries of the pages that list articles.

    .venv/bin/python bench/scale.py [--articles 100000] [--images 10000] [--runs 15]
                                    [--data bench/.data-100k] [--serve] [--out FILE]

The first run makes the site once (`pressroom init`, then `pressroom seed --articles N`: N
articles in Chinese and their N English translations, several minutes for 100,000 on
SQLite; then ``bench/seed_images.py``: small generated pictures for the image chooser) in
the data folder and reuses it afterwards; delete the folder to start again. A folder counts
as made once it holds the file ``seeded`` (and ``images-<N>`` for the pictures). The pages
measured are the Chinese news center's and the admin's. Every page is rendered with the
page cache bypassed: the median and p95 wall-clock milliseconds of ``--runs`` renders in
this process and the median CPU time of this process (SQLite included; steadier than wall
time on a busy machine), the number of queries, and whether any query read an article body.

Each news list is measured twice: "after a change" is the first render after a content
change (the page cache's purge also renews the lists' kept lengths and page starts, so
those are worked out again: what a visitor gets just after an editor publishes), the
plain row is every later render of a page that is not in the page cache (the lengths kept).

With --serve it also starts `pressroom serve` (2 workers) on the site, asks it for every
page measured and more (article pages, deep list pages, feeds, sitemaps) and reports the
resident memory of each worker (the issue's "memory per worker at 100,000 articles").
Results go to stdout and, with --out, to a markdown file, with the machine's load.
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


def prepare(data_dir: Path, articles: int, images: int) -> None:
    env = {**os.environ, "PRESSROOM_DATA_DIR": str(data_dir), "PRESSROOM_LOG_LEVEL": "WARNING"}
    if not (data_dir / "seeded").exists():
        seed(data_dir, articles, env)
    if images and not (data_dir / f"images-{images}").exists():
        script = ROOT / "bench" / "seed_images.py"
        subprocess.run([sys.executable, str(script), "--images", str(images)], env=env, check=True)


def seed(data_dir: Path, articles: int, env: dict) -> None:
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


def measure(client, path: str, runs: int, before_each=None) -> dict:
    """Render ``path`` once to warm this process's caches, then ``runs`` times (each after
    ``before_each()`` when given); the queries are those of the first measured render."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(path)  # warms per-process caches (and makes renditions)
    if response.status_code != 200:
        return {"status": response.status_code}
    times, cpu, captured = [], [], None
    for _ in range(runs):
        if before_each is not None:
            before_each()
        with CaptureQueriesContext(connection) as queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(path)
            cpu.append((time.process_time() - started_cpu) * 1000)
            times.append((time.perf_counter() - started) * 1000)
        if captured is None:
            captured = list(queries.captured_queries)  # the next request empties Django's log
    sql = [query["sql"] for query in captured]
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


CATEGORIES = (("公司新闻", "Company news", "company"), ("行业动态", "Industry", "industry"),
              ("产品发布", "Products", "products"), ("展会活动", "Trade fairs", "fairs"),
              ("技术文章", "Technical notes", "technical"))  # fmt: skip


def add_categories() -> None:
    """Five categories, every fifth article in each, when the site has none (``seed`` files
    its articles under none)."""
    from django.db.models.functions import Mod

    from pressroom.news.models import NewsArticlePage, NewsCategory

    if NewsCategory.objects.exists():
        return
    print("Filing the articles under five categories (once)...", flush=True)
    for number, (name, name_en, slug) in enumerate(CATEGORIES):
        category = NewsCategory.objects.create(
            name=name, name_en=name_en, slug=slug, sort_order=number
        )
        NewsArticlePage.objects.alias(slot=Mod("page_ptr_id", len(CATEGORIES))).filter(
            slot=number
        ).update(category=category)


def content_change() -> None:
    """What an editor's publishing does to what is kept: the page cache purges the addresses
    showing the change, which renews the content version (here an address nobody visits)."""
    from wagtail.models import Site

    from pressroom.pagecache import store

    store.purge({(Site.objects.get(is_default_site=True).pk, "/bench-scale-change/")})


def load() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 3)[:3]


def pages(news, count: int, per_page: int) -> tuple[dict, dict]:
    from pressroom.news.models import NewsArticlePage, NewsCategory

    last_page = -(-count // per_page)
    published = NewsArticlePage.objects.child_of(news).published()
    newest = published.first()
    middle = published[count // 2]
    category = NewsCategory.objects.order_by("sort_order", "name").first()
    deep = min(3000, max(2, last_page * 3 // 10))  # 3000 at 100,000 articles
    public = {
        "news list, page 1": "/news/",
        f"news list, page {deep}": f"/news/page/{deep}/",
        f"news list, last page ({last_page})": f"/news/page/{last_page}/",
    }
    if category is not None:
        in_category = published.filter(category=category).count()
        deep = min(500, max(2, -(-in_category // per_page) // 2))
        public[f"category list ({category.slug}), page 1"] = f"/news/category/{category.slug}/"
        public[f"category list ({category.slug}), page {deep}"] = (
            f"/news/category/{category.slug}/page/{deep}/"
        )
    lists = list(public)
    for name in lists:
        public[f"{name}, after a change"] = public[name]
    public.update(
        {
            "article (newest)": newest.url,
            "article (middle)": middle.url,
            "home": "/",
            "HTML sitemap": "/sitemap/",
            "sitemap index": "/sitemap.xml",
            "sitemap section 1": "/sitemap-1.xml",
            "RSS feed": "/news/feed/rss/",
        }
    )
    admin = {
        "admin explorer, news center": f"/admin/pages/{news.pk}/",
        "admin explorer, page 1000": f"/admin/pages/{news.pk}/?p=1000",
        "admin explorer, by title": f"/admin/pages/{news.pk}/?ordering=title",
        "admin explorer, search in news center (泵)": f"/admin/pages/{news.pk}/?q=泵",
        "admin search (泵)": "/admin/pages/search/?q=泵",
        "admin search (pump)": "/admin/pages/search/?q=pump",
        "admin images": "/admin/images/",
        "image chooser": "/admin/images/chooser/",
        "image chooser, page 200": "/admin/images/chooser/results/?p=200",
        "image chooser, search (展会)": "/admin/images/chooser/results/?q=展会",
    }
    return public, admin


def serve_memory(
    data_dir: Path, paths: list[str], rounds: int = 3, port: int = 8765, python: str = ""
) -> list[float]:
    """Resident MB of each worker of `pressroom serve --workers=2` after it served ``paths``
    (each with and without a query string, so both cached and rendered pages)."""
    import urllib.parse
    import urllib.request

    sys.path.insert(0, str(ROOT / "bench"))
    from run import children_of, rss_mb, start, stop, wait_ready  # bench/run.py's helpers

    env = {**os.environ, "PRESSROOM_DATA_DIR": str(data_dir), "PRESSROOM_LOG_LEVEL": "WARNING"}
    env["ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    base = f"http://127.0.0.1:{port}"
    process = start([python or sys.executable, "-m", "pressroom", "serve", f"--port={port}",
                     "--workers=2"], env)  # fmt: skip
    try:
        wait_ready(base + "/healthz", timeout=900)  # (it collects static files first)
        for round_ in range(rounds):
            for path in paths:
                for query in ("", f"?bench=scale{round_}"):
                    try:
                        address = urllib.parse.quote(path + query, safe="/?=&")
                        urllib.request.urlopen(base + address, timeout=120).read()
                    except OSError as exc:
                        print(f"    {path}{query}: {exc}", flush=True)
        workers = [pid for pid in children_of(process.pid) if rss_mb(pid) > 20]
        return sorted(rss_mb(pid) for pid in workers)
    finally:
        stop(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--images", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--serve", action="store_true", help="also measure memory per worker")
    parser.add_argument("--serve-rounds", type=int, default=3, help="times each page is asked for")
    parser.add_argument(
        "--serve-python",
        default="",
        help="the interpreter of a production install (make install: no test tools, no "
        "PostgreSQL driver) to measure memory with; this one by default",
    )
    parser.add_argument("--only", default="", help="measure only pages whose name has this")
    parser.add_argument("--show-sql", action="store_true", help="print each page's slowest query")
    args = parser.parse_args()
    data_dir = (args.data or ROOT / "bench" / f".data-{args.articles // 1000}k").resolve()
    prepare(data_dir, args.articles, args.images)

    os.environ["PRESSROOM_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("PRESSROOM_LOG_LEVEL", "WARNING")
    os.environ["DJANGO_SETTINGS_MODULE"] = "pressroom.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.images import get_image_model

    from pressroom.news.models import NewsArticlePage, NewsIndexPage

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PRESSROOM_PAGECACHE_EXCLUDE_PREFIXES = ("/",)  # every request renders
    add_categories()
    news = NewsIndexPage.objects.order_by("path").first()
    count = NewsArticlePage.objects.child_of(news).published().count()
    public, admin = pages(news, count, settings.PRESSROOM_NEWS_PER_PAGE)
    visitor = Client()
    editor = Client()
    editor.force_login(get_user_model().objects.filter(is_superuser=True).first())
    images = get_image_model().objects.count()
    started_load = load()
    lines = [
        f"{count:,} published articles (and as many translations), {images:,} images, SQLite,"
        f" {args.runs} renders per page, page cache off; load average at the start"
        f" {' '.join(started_load)}",
        "",
        "| page | median ms | p95 ms | median CPU ms | queries | article bodies read | KB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    print("\n".join(lines), flush=True)
    for group, client in ((public, visitor), (admin, editor)):
        for name, path in group.items():
            if args.only and args.only not in name:
                continue
            runs = 2 if "sitemap section" in name else args.runs
            before_each = content_change if name.endswith("after a change") else None
            result = measure(client, path, runs, before_each)
            if "status" in result:
                lines.append(f"| {name} | status {result['status']} | | | | | |")
                print(lines[-1], flush=True)
                continue
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
    table_end = len(lines)  # the rows are printed as they come; the rest once at the end
    lines += ["", f"Load average at the end: {' '.join(load())}"]
    if args.serve:
        paths = sorted(set(public.values())) + ["/en/news/", "/search/?q=泵"]
        rss = serve_memory(data_dir, paths, args.serve_rounds, python=args.serve_python)
        lines += [
            "",
            f"`pressroom serve --workers=2` after serving the pages above {args.serve_rounds}"
            " times (cached and not),"
            f" with {'a production install' if args.serve_python else 'this interpreter'},"
            " resident memory of its processes over 20 MB (workers and background jobs): "
            + ", ".join(f"{mb:.0f} MB" for mb in rss),
        ]
    print("\n".join(lines[table_end:]), flush=True)
    if args.out:
        args.out.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
