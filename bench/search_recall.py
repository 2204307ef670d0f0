"""Recall and index size of three ways to index Chinese, on the demo articles (not a test).

    .venv/bin/python bench/search_recall.py          # jieba is measured when installed

Modes: "wagtail" (Wagtail's own splitting: the text as it is, the query as typed), "bigram"
(what Pressroom does) and "jieba" (words from the jieba segmenter instead of pairs). For each:
the share of labelled queries (tests/search/test_recall.py) whose articles are all in the top
10, the share of 2- and 3-character title runs that find their article, the index size and
the time to build it.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PRESSROOM_DATA_DIR", tempfile.mkdtemp(prefix="pressroom-search-recall-"))
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
os.environ.setdefault("PRESSROOM_LOG_LEVEL", "WARNING")
os.environ["DJANGO_SETTINGS_MODULE"] = "pressroom.settings"


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def modes():
    from pressroom.search import text

    def wagtail_index(value):
        return ""

    def wagtail_query(query):
        return [word for word in query.split() if word.isalnum()]

    yield "wagtail", wagtail_index, wagtail_query
    yield "bigram", text.index_terms, text.query_terms
    try:
        import jieba
    except ImportError:
        print("jieba is not installed: skipped")
        return
    before = rss_mb()
    jieba.setLogLevel(60)
    jieba.initialize()
    print(f"jieba dictionary: +{rss_mb() - before:.0f} MB resident")

    def jieba_words(value, cut):
        words = []
        for token in text.tokens(value):
            if text.is_cjk(token):
                words.extend(w for w in cut(token) if w.strip())
            else:
                words.append(text.stem(token))
        return words

    def jieba_index(value):
        return " ".join(jieba_words(value, jieba.cut_for_search))

    def jieba_query(query):
        return list(dict.fromkeys(jieba_words(query, jieba.cut)))[: text.MAX_QUERY_TERMS]

    yield "jieba", jieba_index, jieba_query


def main() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Locale
    from wagtail.search.backends import get_search_backend

    from pressroom.demo.loader import load_demo, read_demo
    from pressroom.news.models import NewsArticlePage
    from pressroom.pages.models import HomePage, StandardPage
    from pressroom.search import fields, query
    from tests.search.conftest import english_tree, load_english_articles
    from tests.search.test_recall import CHINESE, ENGLISH, MIXED, title_substrings

    call_command("migrate", verbosity=0)
    load_demo()
    _home_en, news_en = english_tree(HomePage.objects.get(depth=2, locale__language_code="zh-hans"))
    load_english_articles(news_en)
    zh, en = (Locale.objects.get(language_code=c) for c in ("zh-hans", "en"))
    backend = get_search_backend()

    print(
        f"{connection.vendor}; {len(CHINESE) + len(MIXED)} Chinese and mixed, "
        f"{len(ENGLISH)} English labelled queries"
    )
    print(
        f"{'mode':<9}{'zh+mixed top10':>16}{'en top10':>10}{'title runs':>12}"
        f"{'index':>10}{'build':>8}"
    )
    for name, index_terms, query_terms in modes():
        fields.index_terms = index_terms
        query.query_terms = query_terms
        started = time.perf_counter()
        backend.reset_indexes()
        for model in (NewsArticlePage, StandardPage):
            backend.add_bulk(model, list(model.objects.all().specific()))
        build = time.perf_counter() - started

        def top(q, locale):
            results = query.search_pages(q, locale)
            return set() if results is None else {p.slug for p in results[:10]}

        zh_ok = sum(set(slugs) <= top(q, zh) for q, slugs in CHINESE + MIXED)
        en_ok = sum(set(slugs) <= top(q, en) for q, slugs in ENGLISH)
        runs = found = 0
        for item in read_demo()["news"]:
            for piece in title_substrings(item["zh"]["title"]):
                runs += 1
                results = query.search_pages(piece, zh)
                found += results is not None and item["slug"] in {p.slug for p in results}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'wagtailsearch_indexentry%'"
            )
            size = cursor.fetchone()[0] / 1024
        print(
            f"{name:<9}{zh_ok:>9}/{len(CHINESE) + len(MIXED):<6}{en_ok:>4}/{len(ENGLISH):<5}"
            f"{100 * found / runs:>10.0f} %{size:>7.0f} kB{build:>6.1f} s"
        )


if __name__ == "__main__":
    main()
