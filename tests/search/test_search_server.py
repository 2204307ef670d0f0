"""The same search on OpenSearch/Elasticsearch, where such a server is at hand.

Runs only when PRESSROOM_TEST_SEARCH_URL names a server (and PRESSROOM_TEST_SEARCH_ENGINE its
Wagtail backend, opensearch3 by default) and its Python client is installed; skips otherwise.
"""

import os

import pytest
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from pressroom.news.models import NewsArticlePage
from pressroom.search.query import search_pages, uses_database
from tests.factories import make_article

URL = os.environ.get("PRESSROOM_TEST_SEARCH_URL", "")
ENGINE = os.environ.get("PRESSROOM_TEST_SEARCH_ENGINE", "opensearch3")
CLIENT = "opensearchpy" if ENGINE.startswith("opensearch") else "elasticsearch"

pytestmark = pytest.mark.django_db


@pytest.fixture
def server_backend():
    pytest.importorskip(CLIENT)
    backend = get_search_backend(
        f"wagtail.search.backends.{ENGINE}",
        URLS=[URL],
        INDEX_PREFIX="pressroom_test_",
        INDEX_SETTINGS={"settings": {"analysis": {"analyzer": {"default": {"type": "cjk"}}}}},
    )
    return backend


def test_the_database_backend_is_not_mistaken_for_a_server():
    assert uses_database(get_search_backend())


@pytest.mark.skipif(not URL, reason="no search server: set PRESSROOM_TEST_SEARCH_URL")
def test_a_search_server_finds_chinese_words_and_english_stems(server_backend, news_index):
    talks = make_article(news_index, title="日本与朝鲜举行秘密会谈")
    pumps = make_article(news_index, title="Pumping stations open", summary="New pumps.")
    server_backend.reset_indexes()
    server_backend.get_index_for_model(NewsArticlePage).add_model(NewsArticlePage)
    server_backend.add_bulk(NewsArticlePage, [talks, pumps])
    server_backend.refresh_indexes()
    zh = Locale.objects.get(language_code="zh-hans")
    assert [p.pk for p in search_pages("朝鲜", zh, backend=server_backend)] == [talks.pk]
    assert [p.pk for p in search_pages("pump", zh, backend=server_backend)] == [pumps.pk]
