"""The analytics and chat services the owner turns on: IDs checked, CSP widened by exactly
their hosts, scripts loaded from our static file, cached pages purged."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from pressroom.integrations.models import IntegrationSettings
from pressroom.integrations.services import BY_KEY, SERVICES

pytestmark = pytest.mark.django_db

EMPTY = {service.key: "" for service in SERVICES}
BAIDU = "0123456789abcdef0123456789abcdef"


def policy(response) -> dict[str, set[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = set(sources)
    return directives


def settings_url(site):
    return f"/admin/settings/integrations/integrationsettings/{site.pk}/"


def turn_on(site, **ids):
    row = IntegrationSettings.for_site(site)
    for key, value in {**EMPTY, **ids}.items():
        setattr(row, key, value)
    row.full_clean()
    row.save()
    return row


@pytest.mark.parametrize(
    "field, value",
    [
        ("baidu_tongji", "0123"),
        ("baidu_tongji", BAIDU.upper()),
        ("baidu_tongji", BAIDU + '"><script>alert(1)</script>'),
        ("ga4", "UA-12345-1"),
        ("ga4", "G-abc def"),
        ("ga4", "G-AB12');alert(1);//"),
        ("la51", "abc"),
        ("kf53", BAIDU),
        ("kf53", BAIDU + "/1?x=https://evil.test"),
        ("aifanfan", "https://hm.baidu.com/hm.js?" + BAIDU),
    ],
)
def test_a_bad_id_gets_a_form_error_naming_the_field_and_nothing_is_saved(
    editor_client, site, field, value
):
    response = editor_client.post(settings_url(site), {**EMPTY, field: value})
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert "ID" in form.errors[field][0]
    assert not IntegrationSettings.objects.filter(**{field: value}).exists()
    assert "alert(1)" not in Client().get("/").content.decode()


def test_two_chats_at_once_are_refused(editor_client, site):
    response = editor_client.post(
        settings_url(site), {**EMPTY, "kf53": BAIDU + "/1", "aifanfan": BAIDU}
    )
    assert response.status_code == 200
    assert "aifanfan" in response.context["form"].errors


def test_good_ids_are_saved_from_the_admin_in_chinese(editor_client, site):
    page = editor_client.get(settings_url(site)).content.decode()
    assert "统计与客服" in page and "百度统计" in page and "最多只能" not in page
    response = editor_client.post(settings_url(site), {**EMPTY, "ga4": "G-AB12CD34EF"})
    assert response.status_code == 302
    assert IntegrationSettings.for_site(site).ga4 == "G-AB12CD34EF"


def test_off_by_default_the_policy_is_the_strict_one_and_no_script_loads(client, company):
    response = client.get("/")
    assert policy(response)["script-src"] == {"'self'"}
    assert policy(response)["connect-src"] == {"'self'"}
    assert "integrations.js" not in response.content.decode()


@pytest.mark.parametrize("service", SERVICES, ids=lambda service: service.key)
def test_a_service_turned_on_adds_exactly_its_hosts_to_public_pages(client, site, service):
    off = policy(client.get("/"))
    turn_on(site, **{service.key: service.id_example})
    for path in ("/", "/en/", "/no-such-page/"):
        response = client.get(path)
        on = policy(response)
        added = {name: on[name] - off.get(name, set()) for name in on}
        assert {name: hosts for name, hosts in added.items() if hosts} == {
            name: set(hosts) for name, hosts in service.csp.items()
        }, path
        assert all(off[name] <= on[name] for name in off)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        # The page names the service and its ID for our static loader; no inline script.
        html = BeautifulSoup(response.content, "html.parser")
        [tag] = html.select("script[data-service]")
        assert tag["data-service"] == service.key and tag["data-id"] == service.id_example
        assert tag["src"].endswith("js/integrations.js")
        code = html.select("script:not([type='application/ld+json'])")
        assert all(script.get("src") and not script.string for script in code)


def test_the_policy_of_other_answers_does_not_change(client, site, editor_client):
    turn_on(site, ga4="G-AB12CD34EF")
    assert "googletagmanager" not in client.get("/robots.txt")["Content-Security-Policy"]
    admin = editor_client.get("/admin/")["Content-Security-Policy"]
    assert "googletagmanager" not in admin


def test_an_id_that_got_into_the_database_otherwise_is_never_rendered(client, site):
    row = IntegrationSettings.for_site(site)
    IntegrationSettings.objects.filter(pk=row.pk).update(ga4='G-X"><script>alert(1)</script>')
    response = client.get("/")
    assert "alert(1)" not in response.content.decode()
    assert "googletagmanager" not in response["Content-Security-Policy"]


def test_saving_the_setting_purges_cached_pages(site, company):
    Client().get("/")
    assert Client().get("/")["X-Page-Cache"] == "hit"
    turn_on(site, baidu_tongji=BAIDU)
    response = Client().get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "https://hm.baidu.com" in policy(response)["script-src"]
    assert f'data-id="{BAIDU}"' in response.content.decode()
    turn_on(site)
    response = Client().get("/")
    assert "https://hm.baidu.com" not in response["Content-Security-Policy"]


def test_every_service_says_what_it_sends_where():
    for service in SERVICES:
        assert service.sends and service.recipient and service.policy_url.startswith("https://")
        assert service.accepts(service.id_example)
        for directive, hosts in service.csp.items():
            assert directive in {"script-src", "connect-src", "img-src", "frame-src"}
            assert all(host.startswith(("https://", "wss://")) for host in hosts)
    assert BY_KEY["ga4"].accepts("G-AB12CD34EF")
