"""Site-search latency at scale, on SQLite and on PostgreSQL, side by side (a benchmark).

    .venv/bin/python bench/search_bench.py [--articles 10000] [--runs 20] [--out FILE]
    make bench-search                         # writes bench/results/search-<stamp>.md
    make bench-search SEARCH_ARTICLES=100000  # the issue's figure (the first build: ~30 min)

For each database it makes a site once with `pressroom init` and `pressroom seed --articles N`
(N Chinese articles and their N English translations, indexed for the site search as they
are added) and reuses it on later runs: SQLite under bench/.data-search-N/, PostgreSQL in the
database pressroom_search_bench_N on BENCH_POSTGRES (default
postgres://postgres@127.0.0.1:5432/postgres; skipped when that server is down). Delete the
folder or drop the database to start again.

Each query is timed the way /search/ runs it, in the benchmark's process: the count and the
first page of results ("search"), then whole /search/ responses through Django's test client
("page"). It prints and writes the median (p50) and p95 per query kind, the hits, the size of
the index, the build time, and the load average before and after.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"

# Words of the seeded articles (pressroom/demo/data/seed-phrases.toml), from very common to
# rare, and words found nowhere.
QUERIES = {
    "zh 2 chars": ["水泵", "阀门", "认证", "上海", "培训", "节能"],
    "zh 3-4 chars": ["离心泵", "防爆认证", "污水处理", "精益生产", "山区小学", "数控加工"],
    "en word": ["pump", "valves", "certification", "Shanghai", "welding", "volunteers"],
    "en words": ["centrifugal pump", "butterfly valve", "lean production", "quality inspection"],
    "mixed": ["QH 离心泵", "CE认证", "LV 蝶阀", "QS系列 水泵"],
    "no match": ["朝鲜会谈", "zebra"],
}


def load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# --- one database, in a process of its own (settings are per process) -----------------------


def prepare(articles: int) -> float:
    """Make the site once; returns the seconds it took (0 when it was there already)."""
    from django.core.management import call_command
    from django.db import connection

    from pressroom.search.models import SearchEntry

    call_command("migrate", verbosity=0)
    if SearchEntry.objects.exists():
        return 0.0
    print(f"  making {articles:,} articles per language on {connection.vendor} ...", flush=True)
    started = time.perf_counter()
    call_command("init", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from pressroom.demo.seed import seed_articles

    seed_articles(articles)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return time.perf_counter() - started


def index_size() -> float:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_total_relation_size('sitesearch_entry')")
        else:
            cursor.execute(
                "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'sitesearch%' "
                "OR name LIKE 'sqlite_autoindex_sitesearch%'"
            )
        return (cursor.fetchone()[0] or 0) / 1024 / 1024


def time_queries(runs: int) -> list[dict]:
    from django.conf import settings
    from django.test import Client, override_settings
    from wagtail.models import Locale

    from pressroom.search.query import search_pages

    locales = {code: Locale.objects.get(language_code=code) for code in ("zh-hans", "en")}
    client = Client()
    plain_static = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    rows = []
    with override_settings(STORAGES=plain_static, ALLOWED_HOSTS=["testserver"]):
        for kind, queries in QUERIES.items():
            english = kind.startswith("en")
            search_ms, page_ms, hits = [], [], []
            for query in queries:
                locale, prefix = (locales["en"], "/en") if english else (locales["zh-hans"], "")
                for _ in range(runs):
                    start = time.perf_counter()
                    results = search_pages(query, locale)
                    total = results.count()
                    list(results[: settings.PRESSROOM_SEARCH_PER_PAGE])
                    search_ms.append((time.perf_counter() - start) * 1000)
                hits.append(f"{total}{'+' if results.more else ''}")
                for _ in range(max(3, runs // 3)):
                    start = time.perf_counter()
                    response = client.get(f"{prefix}/search/", {"q": query})
                    page_ms.append((time.perf_counter() - start) * 1000)
                    assert response.status_code == 200, response.status_code
            rows.append({"kind": kind, "search": search_ms, "page": page_ms, "hits": hits})
    return rows


def run_one(articles: int, runs: int) -> None:
    import django

    django.setup()
    from django.db import connection

    build = prepare(articles)
    before = load()
    rows = time_queries(runs)
    result = {
        "vendor": connection.vendor,
        "build_seconds": build,
        "index_mb": index_size(),
        "load_before": before,
        "load_after": load(),
        "rows": rows,
    }
    print("RESULT " + json.dumps(result), flush=True)


# --- the two databases side by side ------------------------------------------------------------


def postgres_database(server: str, name: str) -> str | None:
    """The URL of database ``name`` on ``server`` (created when missing), or None when down."""
    try:
        import psycopg

        with psycopg.connect(server, connect_timeout=3, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # noqa: BLE001 (any failure: the server is not there for us)
        print(f"PostgreSQL skipped: {exc}", flush=True)
        return None
    return server.rsplit("/", 1)[0] + "/" + name


def measure(vendor: str, articles: int, runs: int) -> dict | None:
    data = ROOT / "bench" / f".data-search-{articles}" / vendor
    data.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PRESSROOM_DATA_DIR": str(data),
        "PRESSROOM_LOG_LEVEL": "WARNING",
        "SECRET_KEY": "bench-only-secret-key",
        "DJANGO_SETTINGS_MODULE": "pressroom.settings",
    }
    env.pop("DATABASE_URL", None)
    if vendor == "postgresql":
        url = postgres_database(
            os.environ.get("BENCH_POSTGRES", DEFAULT_POSTGRES), f"pressroom_search_bench_{articles}"
        )
        if url is None:
            return None
        env["DATABASE_URL"] = url
    command = [sys.executable, __file__, "--one", "--articles", str(articles), "--runs", str(runs)]
    out = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line.removeprefix("RESULT "))
        print(line, flush=True)
    return None


def report(results: list[dict], articles: int, runs: int) -> str:
    lines = [
        f"# Site search at {articles:,} articles per language",
        "",
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, `bench/search_bench.py --articles {articles} "
        f'--runs {runs}`; {os.cpu_count()} cores. "search": the count and the first page of '
        'results as /search/ asks for them; "page": the whole /search/ response. Milliseconds.',
        "",
    ]
    for result in results:
        lines += [
            f"## {result['vendor']}",
            "",
            f"Index {result['index_mb']:.0f} MB; site made in {result['build_seconds']:.0f} s "
            "(0: reused); load average "
            f"{result['load_before']} before, {result['load_after']} after.",
            "",
            "| query kind | hits | search p50 | search p95 | page p50 | page p95 |",
            "|---|---|---|---|---|---|",
        ]
        every, pages = [], []
        for row in result["rows"]:
            every += row["search"]
            pages += row["page"]
            lines.append(
                f"| {row['kind']} | {', '.join(row['hits'])} "
                f"| {statistics.median(row['search']):.1f} | {percentile(row['search'], 0.95):.1f} "
                f"| {statistics.median(row['page']):.1f} | {percentile(row['page'], 0.95):.1f} |"
            )
        lines.append(
            f"| **all** | | **{statistics.median(every):.1f}** | "
            f"**{percentile(every, 0.95):.1f}** | **{statistics.median(pages):.1f}** | "
            f"**{percentile(pages, 0.95):.1f}** |"
        )
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles per language")
    parser.add_argument("--runs", type=int, default=20, help="timed runs per query")
    parser.add_argument("--out", help="also write the report to this markdown file")
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="one database only")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run_one(args.articles, args.runs)
        return
    results = []
    for vendor in [args.only] if args.only else ["sqlite", "postgresql"]:
        print(f"{vendor}:", flush=True)
        result = measure(vendor, args.articles, args.runs)
        if result:
            results.append(result)
    text = report(results, args.articles, args.runs)
    print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text + "\n")


if __name__ == "__main__":
    main()
