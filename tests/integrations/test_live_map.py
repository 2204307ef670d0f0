"""The contact page's live map: off by default; on, it loads the owner's chosen vendor on the
contact page only, whose policy alone allows that vendor's hosts; the privacy page says so."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from pressroom.integrations.map_providers import PROVIDERS
from pressroom.integrations.models import MapSettings
from pressroom.pages.setup import translate_site_tree
from tests.integrations.test_integrations import policy

pytestmark = pytest.mark.django_db

AMAP_KEY = "0123456789abcdef0123456789abcdef"
AMAP_CODE = "fedcba9876543210fedcba9876543210"
BAIDU_AK = "AbCdEfGhIjKlMnOpQrStUvWxYz012345"
EMPTY = {
    "provider": "",
    "api_key": "",
    "security_code": "",
    "longitude": "",
    "latitude": "",
    "zoom": "16",
}


def settings_url(site):
    return f"/admin/settings/integrations/mapsettings/{site.pk}/"


def turn_on(site, provider, api_key, security_code="", longitude=None, latitude=None, zoom=16):
    row = MapSettings.for_site(site)
    row.provider, row.api_key, row.security_code = provider, api_key, security_code
    row.longitude, row.latitude, row.zoom = longitude, latitude, zoom
    row.full_clean()
    row.save()
    return row


def live_map(response):
    return BeautifulSoup(response.content, "html.parser").select_one("figure.live-map")


def hosts(response) -> set[str]:
    return set().union(*policy(response).values())


def test_off_by_default_the_contact_page_loads_no_map_and_keeps_the_strict_policy(
    client, contact_page, company
):
    response = client.get(contact_page.url)
    assert response.status_code == 200
    assert live_map(response) is None
    assert "live-map.js" not in response.content.decode()
    assert not {h for h in hosts(response) if "amap" in h or "baidu" in h or h == "blob:"}
    assert "'unsafe-inline'" not in policy(response)["style-src"]
    assert not MapSettings.objects.exists()  # reading it did not make a row


def test_amap_on_widens_the_contact_page_policy_and_no_other(
    client, site, contact_page, news_index, company
):
    turn_on(
        site,
        provider="amap",
        api_key=AMAP_KEY,
        security_code=AMAP_CODE,
        longitude="120.153576",
        latitude="30.287459",
        zoom=15,
    )
    response = client.get(contact_page.url)
    figure = live_map(response)
    assert figure is not None
    assert figure["data-provider"] == "amap" and figure["data-key"] == AMAP_KEY
    assert figure["data-security-code"] == AMAP_CODE
    assert (figure["data-lng"], figure["data-lat"], figure["data-zoom"]) == (
        "120.153576",
        "30.287459",
        "15",
    )
    assert figure["data-address"] == company.address
    csp = policy(response)
    assert "https://webapi.amap.com" in csp["script-src"]
    assert csp["worker-src"] == {"blob:"}
    assert "'unsafe-inline'" in csp["style-src"] and "'unsafe-inline'" not in csp["script-src"]
    assert not {h for h in hosts(response) if "baidu" in h}
    for other in ("/", news_index.url, "/privacy/"):
        answer = client.get(other)
        assert answer.status_code == 200
        assert not {h for h in hosts(answer) if "amap" in h or h == "blob:"}, other


def test_baidu_without_coordinates_looks_the_address_up(client, site, contact_page, company):
    turn_on(site, provider="baidu", api_key=BAIDU_AK)
    response = client.get(contact_page.url)
    figure = live_map(response)
    assert figure["data-provider"] == "baidu"
    assert figure["data-lng"] == "" and figure["data-lat"] == ""
    assert figure["data-security-code"] == ""
    assert "https://api.map.baidu.com" in policy(response)["script-src"]
    assert not {h for h in hosts(response) if "amap" in h}


def test_the_english_contact_page_shows_it_too(client, site, home, company):
    translate_site_tree(home)
    turn_on(site, provider="baidu", api_key=BAIDU_AK, longitude="116.4", latitude="39.9")
    response = client.get("/en/contact/")
    assert response.status_code == 200
    figure = live_map(response)
    assert figure["data-title"] == company.name_en
    assert "https://api.map.baidu.com" in policy(response)["script-src"]


@pytest.mark.parametrize(
    "values, field",
    [
        ({"provider": "amap", "api_key": ""}, "api_key"),
        ({"provider": "amap", "api_key": AMAP_KEY.upper(), "security_code": AMAP_CODE}, "api_key"),
        ({"provider": "amap", "api_key": AMAP_KEY + '"><script>'}, "api_key"),
        ({"provider": "amap", "api_key": AMAP_KEY, "security_code": "x"}, "security_code"),
        ({"provider": "baidu", "api_key": "short"}, "api_key"),
        ({"provider": "baidu", "api_key": BAIDU_AK, "longitude": "120.1"}, "latitude"),
        ({"provider": "baidu", "api_key": BAIDU_AK, "latitude": "30.2"}, "longitude"),
        (
            {"provider": "baidu", "api_key": BAIDU_AK, "longitude": "181", "latitude": "0"},
            "longitude",
        ),
        ({"provider": "baidu", "api_key": BAIDU_AK, "zoom": "40"}, "zoom"),
        ({"provider": "google", "api_key": BAIDU_AK}, "provider"),
    ],
)
def test_bad_values_get_a_message_naming_the_field_and_nothing_is_saved(
    editor_client, site, values, field
):
    response = editor_client.post(settings_url(site), {**EMPTY, **values})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not MapSettings.objects.filter(provider=values["provider"]).exists()


def test_the_admin_form_in_chinese_turns_it_on(editor_client, site, contact_page, company):
    page = editor_client.get(settings_url(site)).content.decode()
    assert "在线地图" in page and "高德地图" in page and "百度地图" in page
    response = editor_client.post(
        settings_url(site),
        {**EMPTY, "provider": "amap", "api_key": AMAP_KEY, "security_code": AMAP_CODE},
    )
    assert response.status_code == 302
    assert live_map(Client().get(contact_page.url))["data-key"] == AMAP_KEY


def test_a_key_that_got_into_the_database_otherwise_is_never_rendered(
    client, site, contact_page, company
):
    MapSettings.objects.create(site=site, provider="baidu", api_key='x"><script>alert(1)')
    response = client.get(contact_page.url)
    assert live_map(response) is None
    assert "alert(1)" not in response.content.decode()
    assert not {h for h in hosts(response) if "baidu" in h}


def test_the_privacy_page_says_what_the_map_sends_while_it_is_on(client, site, home, company):
    translate_site_tree(home)
    privacy = client.get("/privacy/")
    assert privacy["X-Page-Cache"] == "miss" and "高德" not in privacy.content.decode()
    assert client.get("/privacy/")["X-Page-Cache"] == "hit"
    turn_on(site, provider="amap", api_key=AMAP_KEY, security_code=AMAP_CODE)
    chinese = client.get("/privacy/")  # saving the setting purged the cached page
    assert chinese["X-Page-Cache"] == "miss"
    text = BeautifulSoup(chinese.content, "html.parser").get_text(" ", strip=True)
    assert "高德地图" in text and "仅在联系页面" in text
    english = BeautifulSoup(client.get("/en/privacy/").content, "html.parser")
    assert "On the contact page only" in english.get_text(" ", strip=True)


def test_every_vendor_names_https_hosts_and_what_it_sends():
    for provider in PROVIDERS:
        assert provider.sends and provider.recipient and provider.policy_url.startswith("https://")
        for directive, listed in provider.csp.items():
            assert directive in {"script-src", "style-src", "img-src", "connect-src", "worker-src"}
            assert all(host.startswith("https://") or host == "blob:" for host in listed)
