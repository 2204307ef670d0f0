"""CPU time and queries of one uncached render, in-process and repeatable: `make profile`.

Builds the demo site once in a data directory (bench/.data, or PRESSROOM_BENCH_DATA_DIR),
then asks Django's test client for an article, the home page and the news list with a query
string (so the page cache is bypassed, as `bench/run.py`'s uncached case does) N times each,
and prints the median CPU milliseconds (``time.process_time``) and the queries of one render.
CPU time is far less noisy than wall time on a shared machine.

    python bench/profile_render.py [-n 200] [--profile article] [--lang en]
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def setup(data_dir: Path) -> None:
    from run import bench_env, prepare_data  # bench/run.py: `pressroom init` + `demo`

    env = bench_env(data_dir)
    prepare_data(data_dir, env)
    os.environ.update({k: env[k] for k in ("PRESSROOM_DATA_DIR", "PRESSROOM_DEBUG")})
    os.environ["PRESSROOM_LOG_LEVEL"] = "WARNING"
    os.environ.pop("REDIS_URL", None)
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "pressroom.settings"
    import django

    django.setup()


def targets(lang: str) -> dict[str, str]:
    from pressroom.news.models import NewsArticlePage, NewsIndexPage
    from pressroom.pages.models import HomePage

    def first(model):
        return model.objects.live().filter(locale__language_code=lang).first()

    article = NewsArticlePage.objects.published().filter(locale__language_code=lang).first()
    return {
        "article": article.url,
        "home": first(HomePage).url,
        "news list": first(NewsIndexPage).url,
    }


@contextmanager
def recording():
    """The SQL run meanwhile (a wrapper: request signals cannot reset it)."""
    from django.db import connection

    queries = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield queries


def measure(client, path: str, n: int) -> tuple[float, int, int]:
    url = path + "?bench=uncached"
    for _ in range(5):  # warm: templates, translations, Site/Locale caches
        assert client.get(url).status_code == 200
    with recording() as queries:
        response = client.get(url)
    samples = []
    for _ in range(n):
        start = time.process_time()
        client.get(url)
        samples.append((time.process_time() - start) * 1000)
    return statistics.median(samples), len(queries), len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="renders per page (default 200)")
    parser.add_argument("--lang", default="zh-hans", choices=["zh-hans", "en"])
    parser.add_argument("--profile", help="cProfile this page (article, home, news list)")
    parser.add_argument("--queries", action="store_true", help="print the SQL of each page")
    args = parser.parse_args()
    data_dir = Path(os.environ.get("PRESSROOM_BENCH_DATA_DIR", ROOT / "bench" / ".data"))
    setup(data_dir)

    from django.conf import settings
    from django.test import Client

    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost"
    client = Client(HTTP_HOST=host)
    pages = targets(args.lang)
    print(f"{args.n} uncached renders each, language {args.lang}, median CPU ms per render")
    print("| page | path | CPU ms | queries | bytes |\n|---|---|---|---|---|")
    for name, path in pages.items():
        cpu, count, size = measure(client, path, args.n)
        print(f"| {name} | `{path}` | {cpu:.2f} | {count} | {size} |", flush=True)
        if args.queries:
            with recording() as queries:
                client.get(path + "?bench=uncached")
            for sql in queries:
                print("   ", sql[:220])
    if args.profile:
        path = pages[args.profile] + "?bench=uncached"
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.n):
            client.get(path)
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats("cumulative")
        stats.print_stats(45)
        stats.sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
