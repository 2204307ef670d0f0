"""The live map the contact page may show: Baidu Maps or AMap (高德), with the owner's own key.

Off by default. While it is on, the contact page (and only that page) loads the vendor's map
script and its Content-Security-Policy allows exactly that vendor's hosts; every other page
keeps the strict policy. The picture and the "open in" links stay underneath, so a visitor
whose browser cannot reach the vendor still sees where the company is.

The hosts are those the vendors' JS API loaders and guides named when this was written
(December 2026): the loader, the scripts and style sheets it fetches, map tiles and the web
workers the WebGL maps start from ``blob:`` addresses. Both vendors' loaders add ``<style>``
elements for their controls, so the page also allows inline styles (never inline script). A
vendor that moves a host shows up as a blocked request in the browser's console; the fix is
one line here.
"""

import re
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class MapProvider:
    key: str
    name: str | Promise
    key_pattern: str  # a full match of the key the vendor's console gives
    key_help: str | Promise
    csp: dict[str, list[str]] = field(default_factory=dict)
    sends: str | Promise = ""
    recipient: str | Promise = ""
    policy_url: str = ""

    def accepts(self, value: str) -> bool:
        return re.fullmatch(self.key_pattern, value) is not None


# Both loaders add <style> elements for their controls.
INLINE_STYLES = ["'unsafe-inline'"]

PROVIDERS: list[MapProvider] = [
    MapProvider(
        key="amap",
        name=_("AMap (高德地图)"),
        key_pattern=r"[0-9a-f]{32}",
        key_help=_("The 32-character key of a “Web端(JS API)” application in AMap's console."),
        csp={
            "script-src": ["https://webapi.amap.com", "https://*.amap.com"],
            "style-src": ["https://*.amap.com"],
            "img-src": ["https://*.amap.com", "https://*.autonavi.com", "blob:"],
            "connect-src": ["https://*.amap.com", "https://*.autonavi.com"],
            "worker-src": ["blob:"],
        },
        sends=_(
            "On the contact page only: your IP address, browser and the map area you look at,"
            " as the map's pictures are loaded from AMap."
        ),
        recipient=_("AMap (高德, Alibaba group), on servers in mainland China."),
        policy_url="https://cache.amap.com/h5/h5/publish/238/index.html",
    ),
    MapProvider(
        key="baidu",
        name=_("Baidu Maps (百度地图)"),
        key_pattern=r"[A-Za-z0-9]{32}",
        key_help=_("The 32-character AK of a “浏览器端” application in Baidu Maps' console."),
        csp={
            "script-src": ["https://api.map.baidu.com", "https://*.bdimg.com"],
            "style-src": ["https://api.map.baidu.com", "https://*.bdimg.com"],
            "img-src": ["https://*.baidu.com", "https://*.bdimg.com", "blob:"],
            "connect-src": ["https://*.baidu.com", "https://*.bdimg.com"],
            "worker-src": ["blob:"],
        },
        sends=_(
            "On the contact page only: your IP address, browser and the map area you look at,"
            " as the map's pictures are loaded from Baidu."
        ),
        recipient=_("Baidu (百度), on servers in mainland China."),
        policy_url="https://map.baidu.com/zt/client/privacy/index.html",
    ),
]
BY_KEY = {provider.key: provider for provider in PROVIDERS}
