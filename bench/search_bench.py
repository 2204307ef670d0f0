"""Site-search latency on generated bilingual articles (a benchmark, not a test).

    .venv/bin/python bench/search_bench.py [--articles 10000] [--runs 30]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/search_bench.py

Builds a throwaway site (SQLite in a temporary folder unless DATABASE_URL is set; that
database is emptied first), adds half the articles in Chinese and half in English with text
recombined from the demo content, indexes them, then times each query the way /search/
runs it: the count and the first page of results. It prints median and p95 per query kind,
the index size, and the same figures for whole /search/ responses.
"""

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PRESSROOM_DATA_DIR", tempfile.mkdtemp(prefix="pressroom-search-bench-"))
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("PRESSROOM_LOG_LEVEL", "WARNING")
os.environ["DJANGO_SETTINGS_MODULE"] = "pressroom.settings"

QUERIES = {
    "zh 2 chars": ["水泵", "阀门", "节能", "出口", "培训", "污水"],
    "zh 3-4 chars": ["离心泵", "变频改造", "污水处理", "智能制造", "数字孪生", "东南亚"],
    "zh long": ["水泵变频改造", "泵阀企业技能培训", "城镇污水处理提标改造"],
    "en word": ["pump", "valves", "training", "exports", "efficiency", "hydrogen"],
    "en phrase": ["digital twin", "pump station", "energy saving retrofits"],
    "mixed": ["QH系列 离心泵", "ISO 9001 认证", "pump 水泵"],
    "no match": ["朝鲜会谈", "zebra"],
}


def plain_text(articles, language, after_title, between) -> str:
    """Titles, summaries and paragraphs of the demo articles in one language, without tags."""
    text = []
    for item in articles:
        texts = item[language]
        text.append(texts["title"] + after_title + texts["summary"])
        text += [v for kind, v in texts["body"] if kind == "paragraph"]
    return re.sub(r"<[^>]+>", "", between.join(text))


def phrases_zh(articles) -> list[str]:
    joined = plain_text(articles, "zh", "。", "。")
    return [p for p in re.split(r"[，。：；、“”！？\s]+", joined) if len(p) >= 2]


def sentences_en(articles) -> list[str]:
    joined = plain_text(articles, "en", ". ", " ")
    return [s.strip() for s in re.split(r"(?<=[.;:])\s+", joined) if len(s.split()) > 3]


def build_site(count: int, seed: int = 7):
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from pressroom.demo.loader import read_demo
    from pressroom.news.models import NewsArticlePage, NewsIndexPage
    from pressroom.pages.setup import create_site_tree

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0)
    home = create_site_tree()
    en = Locale.objects.get(language_code="en")
    news = NewsIndexPage.objects.child_of(home).get()
    home_en = home.copy_for_translation(en)
    home_en.save_revision().publish()
    news_en = news.copy_for_translation(en)
    news_en.save_revision().publish()

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=OFF")  # a throwaway file: no fsync per page
    rng = random.Random(seed)
    articles = sorted(read_demo()["news"], key=lambda item: item["published"])  # as written
    zh, english = phrases_zh(articles), sentences_en(articles)
    backend = get_search_backend()
    started, batch = time.perf_counter(), []
    for n in range(count):
        if n % 2 == 0:
            parent, locale = news, news.locale
            title = "".join(rng.sample(zh, 2))[:60]
            summary = "，".join(rng.sample(zh, 4)) + "。"
            body = "".join(f"<p>{'，'.join(rng.sample(zh, 6))}。</p>" for _ in range(4))
        else:
            parent, locale = news_en, en
            title = " ".join(rng.choice(english).split()[:9]).rstrip(".,;:")
            summary = " ".join(rng.sample(english, 2))
            body = "".join(f"<p>{' '.join(rng.sample(english, 3))}</p>" for _ in range(4))
        article = NewsArticlePage(
            title=title,
            slug=f"a{n}",
            summary=summary[:500],
            body=[{"type": "paragraph", "value": body}],
            locale=locale,
            live=True,
        )
        # Placed in the tree directly (as treebeard's add_child would), without its per-page
        # locking and checks, so that building 10,000 pages takes minutes, not an hour.
        article.depth = parent.depth + 1
        article.path = parent.path + Page._int2str(n + 1).rjust(Page.steplen, "0")
        article.url_path = f"{parent.url_path}{article.slug}/"
        article.numchild = 0
        batch.append(article)
        if len(batch) == 500:
            add_batch(backend, batch)
            batch = []
            print(f"  {n + 1} articles, {time.perf_counter() - started:.0f} s", flush=True)
    if batch:
        add_batch(backend, batch)
    for parent in (news, news_en):
        Page.objects.filter(pk=parent.pk).update(numchild=parent.get_children().count())
    NewsArticlePage.objects.update(first_published_at=time_now(), last_published_at=time_now())
    return time.perf_counter() - started


def add_batch(backend, articles) -> None:
    from django.db import transaction

    from pressroom.news.models import NewsArticlePage

    with transaction.atomic():
        for article in articles:
            article.save(clean=False)
    backend.add_bulk(NewsArticlePage, articles)


def time_now():
    from django.utils import timezone

    return timezone.now()


def index_size() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_total_relation_size('wagtailsearch_indexentry')")
        else:
            cursor.execute(
                "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'wagtailsearch_indexentry%'"
            )
        size = cursor.fetchone()[0] or 0
    return f"{size / 1024 / 1024:.1f} MB"


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_queries(runs: int):
    from django.conf import settings
    from django.test import Client, override_settings
    from wagtail.models import Locale

    from pressroom.search.query import search_pages

    locales = {code: Locale.objects.get(language_code=code) for code in ("zh-hans", "en")}
    client = Client()
    # The manifest of collected static files is not built for this throwaway site.
    plain_static = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    override = override_settings(STORAGES=plain_static)
    override.enable()
    rows = []
    for kind, queries in QUERIES.items():
        backend_ms, page_ms, hits = [], [], []
        for query in queries:
            locale = locales["en" if kind.startswith("en") else "zh-hans"]
            prefix = "/en" if kind.startswith("en") else ""
            for _ in range(runs):
                start = time.perf_counter()
                results = search_pages(query, locale)
                total = results.count()
                list(results[: settings.PRESSROOM_SEARCH_PER_PAGE])
                backend_ms.append((time.perf_counter() - start) * 1000)
            hits.append(total)
            for _ in range(max(3, runs // 3)):
                start = time.perf_counter()
                response = client.get(f"{prefix}/search/", {"q": query})
                page_ms.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, response.status_code
        rows.append((kind, backend_ms, page_ms, hits))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30, help="timed runs per query")
    parser.add_argument(
        "--reuse", action="store_true", help="time the site already in DATABASE_URL, do not build"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    # Pages are indexed in batches below, not one by one as they are saved.
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
    from django.db import connection

    if not args.reuse:
        print(f"Building {args.articles} articles on {connection.vendor} ...", flush=True)
        build_seconds = build_site(args.articles)
        print(f"built and indexed in {build_seconds:.0f} s; index {index_size()}")
    if connection.vendor == "postgresql":
        # Planner statistics, as autovacuum keeps them on a live site after a bulk load.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    rows = time_queries(args.runs)
    print()
    print(f"{connection.vendor}, {args.articles} articles, {args.runs} runs per query")
    print(
        f"{'query kind':<14}{'hits':>14}{'search median':>15}{'p95':>9}"
        f"{'page median':>13}{'p95':>9}"
    )
    everything, pages = [], []
    for kind, backend_ms, page_ms, hits in rows:
        everything += backend_ms
        pages += page_ms
        print(
            f"{kind:<14}{min(hits):>6}-{max(hits):<7}{statistics.median(backend_ms):>12.1f} ms"
            f"{percentile(backend_ms, 0.95):>6.1f} ms{statistics.median(page_ms):>10.1f} ms"
            f"{percentile(page_ms, 0.95):>6.1f} ms"
        )
    print(
        f"{'all':<14}{'':>14}{statistics.median(everything):>12.1f} ms"
        f"{percentile(everything, 0.95):>6.1f} ms{statistics.median(pages):>10.1f} ms"
        f"{percentile(pages, 0.95):>6.1f} ms"
    )


if __name__ == "__main__":
    main()
