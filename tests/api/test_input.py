"""Bad input gets a 400 with a JSON message naming the problem, never a 500."""

import pytest

from tests.api.conftest import get
from tests.factories import make_article

pytestmark = pytest.mark.django_db

HUGE = "100000000000000000000"

BAD = [
    {"limit": "-1"},
    {"limit": "abc"},
    {"limit": "1.5"},
    {"limit": "1e9"},
    {"limit": HUGE},
    {"limit": "51"},  # above WAGTAILAPI_LIMIT_MAX
    {"limit": ""},
    {"limit": "1\x00"},
    {"offset": "-1"},
    {"offset": "abc"},
    {"offset": HUGE},
    {"offset": "10001"},
    {"offset": ""},
    {"fields": ","},
    {"fields": "title("},
    {"fields": "(((("},
    {"fields": "title,unknown"},
    {"fields": "_,nope"},
    {"fields": "x" * 2000},
    {"fields": "title(id)"},
    {"search": ""},
    {"search": "   "},
    {"search": '"'},
    {"search": "((((("},
    {"search": "*"},
    {"search": "a" * 101},
    {"search": "新" * 100_000},
    {"search": "水泵\x00"},
    {"search": "水泵", "search_operator": "xor"},
    {"search": "水泵", "order": "body"},
    {"type": "x"},
    {"type": "news"},
    {"type": "news.Nope"},
    {"type": "...."},
    {"type": "news.NewsArticlePage,nope.Nope"},
    {"type": "news.NewsCategory"},
    {"child_of": "-1"},
    {"child_of": "abc"},
    {"child_of": HUGE},
    {"child_of": ""},
    {"child_of": "root", "descendant_of": "root"},
    {"descendant_of": "999999"},
    {"ancestor_of": "root"},
    {"translation_of": "abc"},
    {"locale": "xx"},
    {"locale": ""},
    {"locale": "EN"},
    {"order": "nope"},
    {"order": "-"},
    {"order": "title,-"},
    {"order": "id desc,(select 1)"},
    {"order": "random", "offset": "1"},
    {"order": "random,title"},
    {"limit": "1", "offset": "2", "extra": "1"},
    {"_connector": "OR"},
    {"title__regex": "(a+)+$"},
    {"type": "news.NewsArticlePage", "first_published_at": "yesterday"},
    {"type": "news.NewsArticlePage", "category": "abc"},
    {"type": "news.NewsArticlePage", "id": "abc"},
    {"id": "1\x00"},
    {"slug": "x" * 5000},
    {"format": "xml"},
    {"format": "api"},
    {"type": "news.NewsArticlePage", "category": HUGE},
    {"type": "news.NewsArticlePage", "id": HUGE},
    {"id": "-" + HUGE},
]


def query_string(params) -> str:
    from urllib.parse import urlencode

    return urlencode(params)


def test_bad_listing_parameters_get_a_400_with_a_message(client, news_index):
    make_article(news_index, title="水泵新品")
    wrong = []
    for params in BAD:
        response, data = get(client, "/api/v2/pages/", **params)
        if not (
            response.status_code == 400
            and response["Content-Type"] == "application/json"
            and isinstance(data["message"], str)
            and data["message"]
        ):
            wrong.append((query_string(params)[:80], response.status_code, data))
    assert not wrong


def test_repeated_parameters_get_a_400(client, news_index):
    response = client.get("/api/v2/pages/?limit=1&limit=2")
    assert response.status_code == 400
    response = client.get("/api/v2/pages/?page[]=1")
    assert response.status_code == 400


FINE = [
    {"limit": "0"},
    {"limit": "50"},
    {"offset": "10000"},
    {"child_of": "root"},
    {"order": "random"},
    {"order": "-first_published_at,title"},
    {"type": "wagtailcore.Page"},
    {"type": "news.NewsArticlePage,products.ProductPage"},
    {"type": "news.NewsArticlePage", "category": "999999999"},
    {"type": "news.NewsArticlePage", "id": "999999999"},
    {"type": "news.NewsArticlePage", "tags": "x", "search": "水泵"},
    {"fields": ""},
    {"search": "' OR 1=1--"},
    {"search": "💙 fire 💙"},
    {"search": "title:x NEAR( foo AND"},
    {"search": "水泵", "search_operator": "or"},
    {"search": "水泵", "order": "title"},
    {"fields": "*"},
    {"fields": "_,title"},
    {"fields": "-title"},
    {"format": "json"},
]


def test_odd_but_valid_parameters_get_an_answer(client, news_index):
    make_article(news_index, title="水泵新品")
    wrong = []
    for params in FINE:
        response, data = get(client, "/api/v2/pages/", **params)
        if response.status_code != 200 or not isinstance(data["items"], list):
            wrong.append((query_string(params)[:80], response.status_code, data))
    assert not wrong


FIND = ["", "/", "/../../etc/passwd", "/%2e%2e/", "/news/" + "x" * 900, "/news/\x00", "//", "/en/"]


def test_find_never_fails(client, news_index):
    for html_path in FIND:
        response = client.get("/api/v2/pages/find/", {"html_path": html_path})
        assert response.status_code in (302, 400, 404), html_path
        if response.status_code != 302:
            assert response["Content-Type"] == "application/json"
    for value in ["abc", HUGE, "-1", ""]:
        response = client.get("/api/v2/pages/find/", {"id": value})
        assert response.status_code in (400, 404), value


def test_odd_detail_addresses_are_not_found(client, news_index):
    for path in [HUGE + "/", "abc/", "-1/", "0/", "1.5/", "999999/"]:
        assert client.get(f"/api/v2/pages/{path}").status_code == 404, path
