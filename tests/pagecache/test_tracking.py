"""Shared links with tracking parameters are answered from the page cache; any other query
string still goes to Django."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import make_article
from tests.pagecache.test_serving import wsgi_get

pytestmark = pytest.mark.django_db

WECHAT = "utm_source=x&from=singlemessage"


def state(response):
    return response.headers.get("X-Page-Cache")


@pytest.fixture
def article(company, news_index):
    return make_article(news_index, title="分享出去的新闻", slug="shared")


def test_a_shared_link_with_tracking_parameters_is_a_hit(
    client, article, django_assert_num_queries
):
    page = client.get(article.url)
    with django_assert_num_queries(0):
        shared = client.get(f"{article.url}?{WECHAT}")
    assert (shared.status_code, state(shared)) == (200, "hit")
    assert shared.content == page.content


def test_the_wsgi_layer_answers_the_shared_link_too(client, article, django_assert_num_queries):
    page = client.get(article.url)
    with django_assert_num_queries(0):
        status, headers, body = wsgi_get(article.url, QUERY_STRING=WECHAT)
    assert (status, headers["X-Page-Cache"]) == ("200 OK", "hit")
    assert body == page.content


def test_the_first_visit_by_a_shared_link_fills_the_cache_for_everyone(article):
    first = Client().get(f"{article.url}?from=timeline&isappinstalled=0")
    assert (first.status_code, state(first)) == (200, "miss")
    plain = Client().get(article.url)
    assert state(plain) == "hit" and plain.content == first.content
    status, headers, _body = wsgi_get(article.url, QUERY_STRING="spm=a2c4g.11186623&gclid=abc")
    assert headers["X-Page-Cache"] == "hit"


def canonical(response) -> tuple[str, str]:
    html = BeautifulSoup(response.content, "html.parser")
    return (
        html.select_one('link[rel="canonical"]')["href"],
        html.select_one('meta[property="og:url"]')["content"],
    )


def test_canonical_links_never_carry_the_query(client, article):
    expected = article.get_full_url()
    for query in [WECHAT, "utm_campaign=spring&fbclid=x", "other=1", "utm_source=x&other=1"]:
        response = client.get(f"{article.url}?{query}")
        assert response.status_code == 200, query
        assert canonical(response) == (expected, expected), query
        assert b"utm_source" not in response.content and b"other=1" not in response.content


@pytest.mark.parametrize(
    "query",
    [
        "from=",  # an empty value
        "utm_source=a&utm_source=b",  # repeated
        "utm%5Fsource=x",  # a percent-encoded name is the same name (as Django reads it)
        "utm_source",  # no value at all
        "utm_content=%E4%B8%AD%E6%96%87&bd_vid=1&share_token=t",
        "&&utm_medium=x&",  # empty pairs
        "utm_source=x;page=2",  # ";" is not a separator (for Django either): one tracking pair
    ],
)
def test_odd_but_tracking_only_queries_are_hits(client, article, query):
    page = client.get(article.url)
    response = client.get(f"{article.url}?{query}")
    assert (state(response), response.content) == ("hit", page.content), query
    status, headers, body = wsgi_get(article.url, QUERY_STRING=query)
    assert (headers.get("X-Page-Cache"), body) == ("hit", page.content), query


@pytest.mark.parametrize(
    "query",
    [
        "UTM_SOURCE=x",  # names are case-sensitive, as in request.GET: another parameter
        "From=timeline",
        "utm=1",  # not utm_*
        "fromage=1",
        "=x",  # an empty name
        "utm_source=x&page=2",  # any other parameter: the whole request goes to Django
        "x=1",
        "%FF=1",
    ],
)
def test_any_other_parameter_bypasses_the_cache(client, article, query):
    client.get(article.url)
    response = client.get(f"{article.url}?{query}")
    assert response.status_code in (200, 301, 404) and state(response) is None, query
    status, headers, _body = wsgi_get(article.url, QUERY_STRING=query)
    assert "X-Page-Cache" not in headers, query


def test_a_bypassing_query_never_fills_the_cache(client, article):
    client.get("/news/?utm_source=x&other=1")
    assert state(client.get("/news/")) == "miss"


def test_redirects_keep_the_tracking_parameters(client, article):
    # What Django and Pressroom answer without the page cache: the query goes along.
    response = client.get(f"/news?{WECHAT}")
    assert (response.status_code, response["Location"]) == (301, f"/news/?{WECHAT}")
    response = client.get(f"/zh-hans/news/?{WECHAT}")
    assert (response.status_code, response["Location"]) == (301, f"/news/?{WECHAT}")
    response = client.get(f"/news/page/1/?{WECHAT}")
    assert (response.status_code, response["Location"]) == (301, f"/news/?{WECHAT}")


def test_the_list_of_tracking_parameters_is_a_setting(client, article, settings):
    settings.PRESSROOM_PAGECACHE_TRACKING_PARAMETERS = ["ref", "mc_*"]
    client.get(article.url)
    assert state(client.get(f"{article.url}?ref=newsletter&mc_cid=1")) == "hit"
    assert state(client.get(f"{article.url}?utm_source=x")) is None


def test_editors_and_posts_with_tracking_parameters_are_not_served_from_the_cache(client, article):
    client.get(article.url)
    assert state(client.post(f"{article.url}?{WECHAT}")) is None
    client.force_login(get_user_model().objects.create_superuser("editor", "", "pw"))
    response = client.get(f"{article.url}?{WECHAT}")
    assert response.status_code == 200 and state(response) is None
