"""The contact page's live map in a real browser, under the real Content-Security-Policy.

The vendors' servers are out of reach here, so the browser is given a stand-in for each
vendor's loader at the vendor's own address: a script that records what the page asks of the
map API. The policy is the browser's to enforce either way: a host it did not allow would be
refused before the stand-in is asked.
"""

import json

import pytest

from tests.browser import checks
from tests.browser.conftest import VIEWPORTS, ensure_root_page, screenshot
from tests.report import REPORT

pytestmark = pytest.mark.browser

AMAP_KEY = "0123456789abcdef0123456789abcdef"
AMAP_CODE = "fedcba9876543210fedcba9876543210"
BAIDU_AK = "AbCdEfGhIjKlMnOpQrStUvWxYz012345"

# The vendors' APIs as the page uses them, recording each call in window.mapCalls, then
# calling the callback the loader's address names, as the real loaders do.
STAND_IN = """
window.mapCalls = [];
function record() { window.mapCalls.push(Array.prototype.slice.call(arguments)); }
window.AMap = {
  Map: function (el, options) {
    record("map", el.className, options.zoom, window._AMapSecurityConfig.securityJsCode);
    var canvas = document.createElement("canvas");
    canvas.width = 300; canvas.height = 200;
    el.appendChild(canvas);
    this.setZoomAndCenter = function (zoom, at) { record("center", zoom, at); };
  },
  Marker: function (options) { record("marker", options.position, options.title); },
  plugin: function (name, done) { record("plugin", name); done(); },
  Geocoder: function () {
    this.getLocation = function (address, done) {
      record("geocode", address);
      done("complete", {geocodes: [{location: [120.5, 30.5]}]});
    };
  }
};
window.BMapGL = {
  Map: function (el) {
    record("map", el.className);
    this.centerAndZoom = function (point, zoom) { record("center", zoom, [point.lng, point.lat]); };
    this.addOverlay = function () { record("marker"); };
  },
  Point: function (lng, lat) { this.lng = lng; this.lat = lat; },
  Marker: function (point) { this.point = point; },
  Geocoder: function () {
    this.getPoint = function (address, done) { record("geocode", address); done(null); };
  }
};
var callback = new URL(document.currentScript.src).searchParams.get("callback");
window[callback]();
"""


@pytest.fixture
def contact(transactional_db):
    from pressroom.contact.models import ContactPage
    from pressroom.core.models import CompanyInfo
    from pressroom.pages.setup import create_site_tree, translate_site_tree

    ensure_root_page()
    home = create_site_tree()
    translate_site_tree(home)
    company = CompanyInfo.for_site(home.get_site())
    company.name, company.name_en = "远帆阀门有限公司", "Yuanfan Valves"
    company.address = "测试市滨江路 88 号"
    company.phone = "0571-0000-1111"
    company.save()
    return ContactPage.objects.child_of(home).get(), home.get_site()


def turn_on(site, **values):
    from pressroom.integrations.models import MapSettings

    row = MapSettings.for_site(site)
    for key, value in values.items():
        setattr(row, key, value)
    row.full_clean()
    row.save()


@pytest.fixture
def open_contact(browser, problems):
    """Opens the contact page, CSP enforced (unlike ``new_page``, which bypasses it for axe),
    with the vendors' hosts answered by the stand-in; gives the page and the loader
    addresses it asked for."""
    contexts = []

    def open_page(url, viewport):
        context = browser.new_context(viewport=VIEWPORTS[viewport], locale="zh-CN")
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = problems.watch(context.new_page())
        asked = []

        def stand_in(route):
            asked.append(route.request.url)
            route.fulfill(status=200, content_type="application/javascript", body=STAND_IN)

        page.route("https://webapi.amap.com/**", stand_in)
        page.route("https://api.map.baidu.com/**", stand_in)
        page.goto(url, wait_until="load")
        return page, asked

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_amap_draws_the_marker_at_the_company_under_the_pages_policy(
    open_contact, new_page, problems, live_server, contact, axe_source, viewport
):
    contact_page, site = contact
    turn_on(
        site,
        provider="amap",
        api_key=AMAP_KEY,
        security_code=AMAP_CODE,
        longitude="120.153576",
        latitude="30.287459",
        zoom=15,
    )
    page, asked = open_contact(live_server.url + contact_page.url, viewport)
    page.wait_for_function("window.mapCalls && window.mapCalls.length >= 3")
    assert len(asked) == 1 and f"key={AMAP_KEY}" in asked[0] and "callback=" in asked[0]
    calls = json.loads(page.evaluate("JSON.stringify(window.mapCalls)"))
    assert calls == [
        ["map", "live-map__canvas", 15, AMAP_CODE],
        ["center", 15, [120.153576, 30.287459]],
        ["marker", [120.153576, 30.287459], "远帆阀门有限公司"],
    ]
    canvas = page.locator(".live-map__canvas").bounding_box()
    assert canvas and canvas["height"] >= 250 and canvas["width"] <= page.viewport_size["width"]
    assert page.locator("figure.live-map.live-map--on").count() == 1
    assert problems.console == []  # no CSP refusal, no script error
    screenshot(page, f"contact-live-map-{viewport}")
    # axe is injected as a script: run it where the policy is bypassed, on the same page.
    audited = new_page(viewport)
    audited.route(
        "https://webapi.amap.com/**",
        lambda route: route.fulfill(
            status=200, content_type="application/javascript", body=STAND_IN
        ),
    )
    audited.goto(live_server.url + contact_page.url, wait_until="load")
    audited.wait_for_function("window.mapCalls && window.mapCalls.length >= 3")
    violations = checks.run_axe(audited, axe_source)
    failing = [v for v in violations if v["impact"] in checks.AXE_FAILING_IMPACTS]
    REPORT.append(f"axe contact page with live map {viewport}: serious/critical={len(failing)}")
    assert [(v["id"], v["help"]) for v in failing] == []


def test_baidu_in_english_looks_the_address_up_and_keeps_the_links_when_it_is_not_found(
    open_contact, problems, live_server, contact
):
    contact_page, site = contact
    turn_on(site, provider="baidu", api_key=BAIDU_AK)
    page, asked = open_contact(live_server.url + "/en/contact/", "desktop")
    page.wait_for_function("window.mapCalls && window.mapCalls.length >= 2")
    assert len(asked) == 1 and f"ak={BAIDU_AK}" in asked[0]
    calls = json.loads(page.evaluate("JSON.stringify(window.mapCalls)"))
    assert calls == [["map", "live-map__canvas"], ["geocode", "测试市滨江路 88 号"]]
    # Nothing was found, so no empty map replaces the rest: the links are still there.
    assert page.locator("figure.live-map--on").count() == 0
    assert page.locator(".map-links a").count() >= 3
    assert problems.console == []


def test_a_host_the_policy_does_not_name_is_refused(open_contact, problems, live_server, contact):
    """The stand-in's proof: the same page asking another map host is blocked by the CSP."""
    contact_page, site = contact
    turn_on(site, provider="baidu", api_key=BAIDU_AK, longitude="116.4", latitude="39.9")
    page, asked = open_contact(live_server.url + contact_page.url, "desktop")
    page.wait_for_function("window.mapCalls && window.mapCalls.length >= 3")
    refused = page.evaluate(
        """() => new Promise(done => {
            const script = document.createElement("script");
            script.src = "https://webapi.amap.com/maps?v=2.0";
            script.onload = () => done("loaded");
            script.onerror = () => done("refused");
            document.head.appendChild(script);
        })"""
    )
    assert refused == "refused"
    assert len(asked) == 1  # the refused address never left the browser
    problems.console.clear()  # the refusal's own console line was the point


def test_off_no_vendor_is_asked(open_contact, problems, live_server, contact):
    contact_page, _site = contact
    page, asked = open_contact(live_server.url + contact_page.url, "phone")
    assert asked == []
    assert page.locator("figure.live-map").count() == 0
    assert problems.console == []
