"""Sitemap and feed cost as the site grows: `pytest tests/seo/bench_seo.py -s -p no:cacheprovider`.

Builds N articles (N from PRESSROOM_BENCH_ARTICLES, default 300) with factories, then times
sitemap.xml sections, the RSS feed and a feed 304, counting queries. Prints one table.
"""

import os
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db
SIZES = [int(n) for n in os.environ.get("PRESSROOM_BENCH_ARTICLES", "30,300").split(",")]


def measure(client, url, headers=None, repeat=5):
    client.get(url, headers=headers or {})  # warm caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers or {})
    count = len(queries.captured_queries)  # the next request clears Django's query log
    started = time.perf_counter()
    for _ in range(repeat):
        client.get(url, headers=headers or {})
    elapsed = (time.perf_counter() - started) / repeat * 1000
    return response, count, elapsed


def test_bench(client, company, news_index):
    image = make_image(size=(1600, 1000))
    rows, made = [], 0
    for size in SIZES:
        while made < size:
            make_article(news_index, cover_image=image if made % 2 else None)
            made += 1
        sitemap, sq, st = measure(client, "/sitemap-1.xml")
        feed, fq, ft = measure(client, "/news/feed/rss/")
        _, cq, ct = measure(client, "/news/feed/rss/", {"if-none-match": feed["ETag"]})
        article = news_index.get_children().live().last().specific
        _, aq, at = measure(client, article.url)
        rows.append((size, sq, st, len(sitemap.content), fq, ft, cq, ct, aq, at))
    print("\narticles | sitemap q  ms  bytes | rss q  ms | rss 304 q  ms | article q  ms")
    for r in rows:
        print(
            f"{r[0]:8} | {r[1]:9} {r[2]:4.0f} {r[3]:6} | {r[4]:5} {r[5]:3.0f} |"
            f" {r[6]:9} {r[7]:3.0f} | {r[8]:9} {r[9]:3.0f}"
        )


def test_bench_url_building(rf, company, news_index):
    """Building sitemap URLs from url_path vs Page.get_full_url(), side by side."""
    from wagtail.models import Page

    from pressroom.seo.sitemaps import PageUrls, site_roots

    for _ in range(SIZES[-1]):
        make_article(news_index)
    pages = list(Page.objects.live().filter(depth__gt=1).only("id", "url_path"))
    request = rf.get("/sitemap-1.xml")
    timings = {"get_full_url": [], "PageUrls": []}
    for _ in range(5):
        started = time.perf_counter()
        slow = [page.get_full_url(request) for page in pages]
        timings["get_full_url"].append(time.perf_counter() - started)
        started = time.perf_counter()
        urls = PageUrls(site_roots(None))
        fast = [urls.full_url(page.url_path) for page in pages]
        timings["PageUrls"].append(time.perf_counter() - started)
        assert fast == slow
    for name, runs in timings.items():
        per_page = min(runs) / len(pages) * 1e6
        print(f"\n{name:>12}: {len(pages)} pages, best of 5 {min(runs) * 1000:.1f} ms", end="")
        print(f" ({per_page:.1f} µs/page, 50,000 pages ≈ {per_page * 50_000 / 1e6:.2f} s)", end="")
