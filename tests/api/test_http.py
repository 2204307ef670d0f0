"""What the content API says in its headers: cacheable for everybody, validated with an ETag,
open to other sites' scripts, and limited per client address (429 with Retry-After)."""

import json

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_answers_are_public_cacheable_and_carry_an_etag(client, news_index):
    make_article(news_index, title="缓存测试")
    for url in ["/api/v2/pages/", "/api/v2/pages/?type=news.NewsArticlePage&fields=summary"]:
        response = client.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == "public, max-age=60"
        assert response["ETag"].startswith('"')
        assert "Cookie" not in response.get("Vary", "")
        assert not response.cookies
        assert response["Access-Control-Allow-Origin"] == "*"
        again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304 and again.content == b""


def test_errors_say_the_same_to_everybody(client, news_index):
    response = client.get("/api/v2/pages/", {"limit": "abc"})
    assert response.status_code == 400 and response["Cache-Control"] == "public, max-age=60"
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"


def test_a_change_shows_at_once_with_a_new_etag(client, news_index, settings):
    first = client.get("/api/v2/pages/")
    make_article(news_index, title="刚发布的新闻")
    second = client.get("/api/v2/pages/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and "刚发布的新闻" in second.content.decode()
    assert second["ETag"] != first["ETag"]
    assert "X-Page-Cache" not in second  # the page cache neither stores nor answers it


def test_max_age_and_origin_are_settings(client, news_index, settings):
    settings.PRESSROOM_API_MAX_AGE = 5
    settings.PRESSROOM_API_ALLOW_ORIGIN = ""
    response = client.get("/api/v2/pages/")
    assert response["Cache-Control"] == "public, max-age=5"
    assert "Access-Control-Allow-Origin" not in response


def test_one_address_is_limited_and_told_when_to_come_back(client, news_index, settings):
    settings.PRESSROOM_API_RATE_LIMIT = 3
    settings.PRESSROOM_API_RATE_WINDOW = 3600  # (a window ending mid-test is unlikely)
    for _ in range(3):
        assert client.get("/api/v2/pages/", REMOTE_ADDR="192.0.2.7").status_code == 200
    response = client.get("/api/v2/pages/?limit=abc", REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 3600
    assert response["Cache-Control"] == "no-store"
    message = json.loads(response.content)["message"]
    assert message.endswith(f"try again in {response['Retry-After']} seconds")
    # Refused requests count too, and every endpoint shares the limit.
    assert client.get("/api/v2/pages/find/?id=1", REMOTE_ADDR="192.0.2.7").status_code == 429
    # Another address is not affected; an IPv6 /64 is one address.
    assert client.get("/api/v2/pages/", REMOTE_ADDR="192.0.2.8").status_code == 200
    for host in range(1, 4):
        client.get("/api/v2/pages/", REMOTE_ADDR=f"2001:db8:1:2::{host}")
    assert client.get("/api/v2/pages/", REMOTE_ADDR="2001:db8:1:2::99").status_code == 429


def test_forwarded_addresses_count_only_behind_trusted_proxies(client, news_index, settings):
    settings.PRESSROOM_API_RATE_LIMIT = 2
    settings.PRESSROOM_API_RATE_WINDOW = 3600
    # Without a trusted proxy, a made-up X-Forwarded-For does not give a fresh address.
    for n in range(2):
        client.get("/api/v2/pages/", REMOTE_ADDR="192.0.2.9", HTTP_X_FORWARDED_FOR=f"10.9.0.{n}")
    spoofed = client.get(
        "/api/v2/pages/", REMOTE_ADDR="192.0.2.9", HTTP_X_FORWARDED_FOR="10.9.0.99"
    )
    assert spoofed.status_code == 429
    # Behind a trusted proxy, each client behind it has its own count.
    settings.PRESSROOM_TRUSTED_PROXIES = ["10.0.0.2"]
    for _ in range(2):
        ok = client.get(
            "/api/v2/pages/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1"
        )
        assert ok.status_code == 200
    behind = client.get(
        "/api/v2/pages/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1"
    )
    assert behind.status_code == 429
    other = client.get(
        "/api/v2/pages/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.2"
    )
    assert other.status_code == 200
