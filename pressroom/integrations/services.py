"""The analytics and chat services a site owner may turn on, and nothing else.

Each service is known here by what its install code does: the address of its script, the form
of the ID its console gives (checked before it is saved, so an ID can never carry markup or
script), the Content-Security-Policy hosts its script needs (public pages allow exactly these
while the service is on) and, for the privacy page, what it sends where. There is no
free-form script box: a service not listed here cannot be added from the admin.

The hosts are those the vendors' install codes and CSP guides named when this was written
(December 2026). A vendor that moves its script or collector to another host shows up as a
blocked request in the browser's console; the fix is one line here.
"""

import re
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ANALYTICS = "analytics"
CHAT = "chat"


@dataclass(frozen=True)
class Service:
    key: str  # the model field that holds its ID; static/js/integrations.js knows it too
    name: str | Promise
    kind: str  # ANALYTICS or CHAT
    id_pattern: str  # a full match of the ID the vendor's console shows
    id_example: str
    id_help: str | Promise
    csp: dict[str, list[str]] = field(default_factory=dict)
    sends: str | Promise = ""  # for the privacy page: what goes where
    recipient: str | Promise = ""
    policy_url: str = ""

    def accepts(self, value: str) -> bool:
        return re.fullmatch(self.id_pattern, value) is not None


SERVICES: list[Service] = [
    Service(
        key="baidu_tongji",
        name=_("Baidu Tongji (百度统计)"),
        kind=ANALYTICS,
        id_pattern=r"[0-9a-f]{32}",
        id_example="0123456789abcdef0123456789abcdef",
        id_help=_("The 32 characters after “hm.js?” in the code Baidu Tongji gives you."),
        csp={
            "script-src": ["https://hm.baidu.com", "https://hmcdn.baidu.com"],
            "img-src": ["https://hm.baidu.com"],
            "connect-src": ["https://hm.baidu.com"],
        },
        sends=_(
            "The address of each page you visit, the page you came from, your browser, screen"
            " size and language, and a cookie that recognises your browser on later visits."
        ),
        recipient=_("Baidu (百度), on servers in mainland China, for visitor statistics."),
        policy_url="https://www.baidu.com/duty/yinsiquan.html",
    ),
    Service(
        key="la51",
        name=_("51.la statistics"),
        kind=ANALYTICS,
        id_pattern=r"[A-Za-z0-9]{8,24}",
        id_example="3JkLmN0pQrStUvWx",
        id_help=_("The “id” in the LA.init({id: …}) line of the code 51.la gives you."),
        csp={
            "script-src": ["https://sdk.51.la"],
            "img-src": ["https://collect-v6.51.la"],
            "connect-src": ["https://collect-v6.51.la"],
        },
        sends=_(
            "The address of each page you visit, the page you came from, your browser, screen"
            " size and language, and a cookie that recognises your browser on later visits."
        ),
        recipient=_("51.la (要啦网络), on servers in mainland China, for visitor statistics."),
        policy_url="https://www.51.la/privacy",
    ),
    Service(
        key="ga4",
        name=_("Google Analytics 4"),
        kind=ANALYTICS,
        id_pattern=r"G-[A-Z0-9]{4,12}",
        id_example="G-AB12CD34EF",
        id_help=_("The measurement ID, G- and then letters and digits (Admin › Data streams)."),
        csp={
            "script-src": ["https://*.googletagmanager.com"],
            "img-src": ["https://*.google-analytics.com", "https://*.googletagmanager.com"],
            "connect-src": [
                "https://*.google-analytics.com",
                "https://*.analytics.google.com",
                "https://*.googletagmanager.com",
            ],
        },
        sends=_(
            "The address of each page you visit, the page you came from, your browser, screen"
            " size and language, your approximate location from your internet address, and"
            " cookies that recognise your browser on later visits."
        ),
        recipient=_("Google, on servers outside mainland China, for visitor statistics."),
        policy_url="https://policies.google.com/privacy",
    ),
    Service(
        key="kf53",
        name=_("53KF online chat (快服)"),
        kind=CHAT,
        id_pattern=r"[0-9a-f]{32}/[0-9]{1,3}",
        id_example="0123456789abcdef0123456789abcdef/1",
        id_help=_("The end of the script address in 53KF's code: 32 characters, “/” and a number."),
        csp={
            "script-src": ["https://*.53kf.com"],
            "img-src": ["https://*.53kf.com"],
            "connect-src": ["https://*.53kf.com", "wss://*.53kf.com"],
            "frame-src": ["https://*.53kf.com"],
        },
        sends=_(
            "What you type in the chat window, the page you are on, the page you came from,"
            " your browser and a cookie that recognises your browser on later visits."
        ),
        recipient=_("53KF (快服科技), on servers in mainland China, to run the chat."),
        policy_url="https://www.53kf.com/about/privacy",
    ),
    Service(
        key="aifanfan",
        name=_("Baidu Aifanfan / Shangqiao chat (爱番番 / 百度商桥)"),
        kind=CHAT,
        id_pattern=r"[0-9a-f]{32}",
        id_example="0123456789abcdef0123456789abcdef",
        id_help=_("The 32 characters after “hm.js?” in the code Aifanfan gives you."),
        csp={
            "script-src": [
                "https://hm.baidu.com",
                "https://hmcdn.baidu.com",
                "https://*.baidu.com",
            ],
            "img-src": ["https://*.baidu.com", "https://*.bdstatic.com"],
            "connect-src": ["https://*.baidu.com", "wss://*.baidu.com"],
            "frame-src": ["https://*.baidu.com"],
        },
        sends=_(
            "What you type in the chat window, the address of each page you visit, the page you"
            " came from, your browser and a cookie that recognises your browser on later visits."
        ),
        recipient=_("Baidu (百度), on servers in mainland China, to run the chat."),
        policy_url="https://www.baidu.com/duty/yinsiquan.html",
    ),
]

BY_KEY = {service.key: service for service in SERVICES}
