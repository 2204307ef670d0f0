"""Renditions kept in each process (pressroom.core.rendition_cache): read without the shared
cache once known, handed out as copies, dropped with site-wide changes and deletions."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache, caches

from pressroom.pagecache import store
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(company, news_index):
    return make_article(news_index, title="有封面的新闻", cover_image=make_image())


def cover_src(client, article, n):
    response = client.get(f"{article.url}?uncached={n}")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".article__cover img")["src"]


def test_a_known_rendition_is_read_without_the_shared_cache(client, article):
    first = cover_src(client, article, 1)
    with (
        mock.patch.object(cache, "get_many", wraps=cache.get_many) as reads,
        mock.patch.object(cache, "set", wraps=cache.set) as writes,
    ):
        assert cover_src(client, article, 2) == first
    rendition_reads = [c for c in reads.call_args_list if "rendition" in str(c)]
    rendition_writes = [c for c in writes.call_args_list if "rendition" in str(c)]
    assert rendition_reads == [] and rendition_writes == []


def test_each_read_is_a_copy(article):
    rendition = article.cover_image.get_rendition("width-960")
    key = rendition.get_cache_key()
    renditions = caches["renditions"]
    one = renditions.get(key)
    one.image = None
    assert renditions.get(key).image is not None
    assert renditions.get(key) is not renditions.get(key)


def test_a_site_wide_change_drops_the_copies(client, article):
    cover_src(client, article, 1)
    store.purge_all()
    with mock.patch.object(cache, "get_many", wraps=cache.get_many) as reads:
        cover_src(client, article, 2)
    assert any("rendition" in str(c) for c in reads.call_args_list)


def test_a_deleted_rendition_is_made_again_by_every_process(client, article):
    first = cover_src(client, article, 1)
    # Another process's copies: the deletion's own removal of the key reaches only this one.
    token, copies = caches["renditions"]._copies
    elsewhere = (token, dict(copies))
    article.cover_image.renditions.all().delete()
    caches["renditions"]._copies = elsewhere
    again = cover_src(client, article, 2)
    rendition = article.cover_image.renditions.get(filter_spec="width-960")
    assert again == rendition.url  # (the name may be the same as before: made again)
    assert rendition.file.storage.exists(rendition.file.name)
    assert first.rsplit("/", 1)[0] == again.rsplit("/", 1)[0]
