"""搜索引擎推送: publishing, unpublishing and deleting tell IndexNow and Baidu, through a queue
that survives a service that times out, answers 429 or fails, and recovers."""

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from pressroom.push import sending
from pressroom.push.models import PushedUrl, PushSettings
from pressroom.scheduling.runner import run_jobs
from tests.browser.conftest import ensure_root_page
from tests.factories import make_article
from tests.sockets import SilentServer

# Addresses are queued when the change commits: these tests commit (and put back the root
# page that the flush between them removes).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _root_page(transactional_db):
    ensure_root_page()


class StandIn:
    """A search engine on 127.0.0.1 answering from a script: (status, body, headers) per
    request, the last one repeated; it records what it was sent."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.requests: list[dict] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                stand_in.requests.append(
                    {
                        "path": self.path,
                        "body": self.rfile.read(length).decode(),
                        "type": self.headers.get("Content-Type", ""),
                    }
                )
                status, body, headers = (
                    stand_in.answers.pop(0) if len(stand_in.answers) > 1 else stand_in.answers[0]
                )
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/submit"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stand_in():
    servers = []

    def start(*answers):
        servers.append(StandIn(*answers))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def push_on(site):
    options = PushSettings.for_site(site)
    options.indexnow = True
    options.baidu_token = "AbCd1234EfGh"
    options.save()
    return options


def pass_at(minutes_later: float = 0):
    return sending.send_due(now=timezone.now() + timedelta(minutes=minutes_later))


def test_nothing_is_queued_until_the_owner_turns_a_service_on(news_index, company):
    make_article(news_index, title="无人知晓")
    assert not PushedUrl.objects.exists()


def test_publish_unpublish_and_delete_are_told_to_both_services(
    news_index, company, push_on, stand_in, settings
):
    indexnow = stand_in((200, "", {}))
    baidu = stand_in((200, json.dumps({"remain": 2999, "success": 2}), {}))
    settings.PRESSROOM_INDEXNOW_ENDPOINT = indexnow.url
    settings.PRESSROOM_BAIDU_PUSH_ENDPOINT = baidu.url
    article = make_article(news_index, title="新品发布", slug="new-pump")
    gone = make_article(news_index, title="旧闻", slug="old-news")
    assert PushedUrl.objects.filter(state="waiting").count() == 4  # 2 addresses × 2 services
    assert pass_at() == "baidu: 2 sent. indexnow: 2 sent."

    sent = json.loads(indexnow.requests[0]["body"])
    assert sent["host"] == "localhost" and sent["key"] == push_on.indexnow_key
    assert sent["keyLocation"] == f"http://localhost/{push_on.indexnow_key}.txt"
    assert sorted(sent["urlList"]) == [
        "http://localhost/news/new-pump/",
        "http://localhost/news/old-news/",
    ]
    assert "token=AbCd1234EfGh" in baidu.requests[0]["path"]
    assert "site=http%3A%2F%2Flocalhost" in baidu.requests[0]["path"]
    assert sorted(baidu.requests[0]["body"].split("\n")) == sorted(sent["urlList"])

    article.unpublish()
    gone.delete()
    reasons = PushedUrl.objects.filter(state="waiting").values_list("engine", "url", "reason")
    assert sorted(reasons) == [
        ("baidu", "http://localhost/news/new-pump/", "unpublished"),
        ("baidu", "http://localhost/news/old-news/", "unpublished"),
        ("indexnow", "http://localhost/news/new-pump/", "unpublished"),
        ("indexnow", "http://localhost/news/old-news/", "unpublished"),
    ]
    pass_at()
    assert not PushedUrl.objects.filter(state="waiting").exists()


def test_a_failing_service_is_retried_until_it_recovers_and_nothing_is_lost(
    news_index, company, site, stand_in, settings
):
    options = PushSettings.for_site(site)
    options.indexnow = True
    options.save()
    service = stand_in(
        (429, "Too Many Requests", {"Retry-After": "120"}),
        (503, "down for maintenance", {}),
        (202, "", {}),
    )
    settings.PRESSROOM_INDEXNOW_ENDPOINT = service.url
    for n in range(3):
        make_article(news_index, slug=f"retry-{n}")

    assert "wait" in pass_at()  # 429: waits the two minutes it was told
    row = PushedUrl.objects.first()
    assert row.attempts == 1 and row.answer.startswith("429")
    assert pass_at(1) == ""  # not due yet
    assert "wait" in pass_at(2.5)  # 503: waits again
    assert "3 sent" in pass_at(10)  # recovered
    assert len(service.requests) == 3
    assert all(len(json.loads(r["body"])["urlList"]) == 3 for r in service.requests)
    assert set(PushedUrl.objects.values_list("state", flat=True)) == {"sent"}


def test_a_service_that_hangs_times_out_and_the_address_waits(
    news_index, company, site, settings, monkeypatch
):
    options = PushSettings.for_site(site)
    options.indexnow = True
    options.save()
    monkeypatch.setattr(sending, "TIMEOUT", 0.5)
    with SilentServer() as silent:
        settings.PRESSROOM_INDEXNOW_ENDPOINT = silent.url + "/indexnow"
        make_article(news_index, slug="hanging")
        assert "wait" in pass_at()
        assert silent.connections() == 1  # one try, no storm
    row = PushedUrl.objects.get()
    assert row.state == "waiting" and "timed out" in row.answer.lower()


def test_a_wrong_key_is_reported_not_retried(news_index, company, push_on, stand_in, settings):
    settings.PRESSROOM_INDEXNOW_ENDPOINT = stand_in((403, "Key not valid", {})).url
    settings.PRESSROOM_BAIDU_PUSH_ENDPOINT = stand_in(
        (400, json.dumps({"error": 400, "message": "over quota"}), {})
    ).url
    make_article(news_index, slug="quota")
    pass_at()
    indexnow = PushedUrl.objects.get(engine="indexnow")
    assert indexnow.state == "failed" and indexnow.answer == "403 Key not valid"
    baidu = PushedUrl.objects.get(engine="baidu")  # over today's quota: tomorrow
    assert baidu.state == "waiting" and timezone.localtime(baidu.next_attempt_at).hour == 0


def test_the_daily_bound_holds(news_index, company, site, stand_in, settings, monkeypatch):
    options = PushSettings.for_site(site)
    options.indexnow = True
    options.save()
    service = stand_in((200, "", {}))
    settings.PRESSROOM_INDEXNOW_ENDPOINT = service.url
    monkeypatch.setitem(sending.DAILY_LIMITS, "indexnow", 2)
    for n in range(3):
        make_article(news_index, slug=f"bound-{n}")
    pass_at()
    assert PushedUrl.objects.filter(state="sent").count() == 2
    assert "tomorrow" in pass_at()
    assert len(service.requests) == 1


def test_the_key_file_proves_the_site_is_ours(client, push_on, company):
    answer = client.get(f"/{push_on.indexnow_key}.txt")
    assert answer.status_code == 200 and answer.content.decode() == push_on.indexnow_key
    assert client.get("/0123456789abcdef.txt").status_code == 404


def test_the_scheduler_runs_the_push(news_index, company, site, stand_in, settings):
    options = PushSettings.for_site(site)
    options.indexnow = True
    options.save()
    service = stand_in((200, "", {}))
    settings.PRESSROOM_INDEXNOW_ENDPOINT = service.url
    make_article(news_index, slug="scheduled-push")
    assert run_jobs() == ["indexnow: 1 sent."]


def test_the_settings_refuse_a_bad_token_naming_the_field(admin_client, site):
    url = f"/admin/settings/push/pushsettings/{site.pk}/"
    response = admin_client.post(
        url, {"indexnow": "on", "indexnow_key": "<script>", "baidu_token": "x y", "baidu_site": ""}
    )
    html = BeautifulSoup(response.content, "html.parser")
    errors = " ".join(e.get_text(" ", strip=True) for e in html.select(".error-message"))
    assert response.status_code == 200
    assert "字母" in errors
    assert not PushSettings.objects.filter(site=site, indexnow=True).exists()


def test_the_report_lists_what_was_sent(admin_client, news_index, company, site):
    options = PushSettings.for_site(site)
    options.indexnow = True
    options.save()
    make_article(news_index, slug="in-the-report")
    html = BeautifulSoup(
        admin_client.get("/admin/reports/search-engine-push/").content, "html.parser"
    )
    assert html.select_one("h1, h2").get_text(strip=True) == "搜索引擎推送"
    row = html.select_one("tbody tr").get_text(" ", strip=True)
    assert "http://localhost/news/in-the-report/" in row and "等待" in row
