"""Videos in a page body: the players of the hosts Chinese companies use, or an uploaded MP4.

Bilibili, Tencent Video and Youku have no oEmbed endpoint, so Wagtail's embed block cannot
show them. An editor pastes the address of the video's page; it is turned into the host's
player address here, from a known pattern per host, and the page shows that player in a
frame. Only these hosts' players are framed, and the Content-Security-Policy allows exactly
them (``VIDEO_PLAYER_ORIGINS``, in ``frame-src``): no other address becomes a frame.
"""

import re
from typing import NamedTuple
from urllib.parse import parse_qs, urlencode, urlsplit

from django.utils.translation import gettext_lazy as _


class Player(NamedTuple):
    host: str  # the name shown to editors and visitors
    url: str  # the player's address, for the frame


VIDEO_PLAYER_ORIGINS = (
    "https://player.bilibili.com",
    "https://v.qq.com",
    "https://player.youku.com",
)

BILIBILI = re.compile(r"^/video/(BV[0-9A-Za-z]{10})/?$")
TENCENT = re.compile(r"^/x/(?:cover/[0-9A-Za-z]+/|page/)([0-9A-Za-z]{11})\.html$")
YOUKU = re.compile(r"^/v_show/id_([0-9A-Za-z=]{8,40})\.html$")

KNOWN_HOSTS = (
    "bilibili.com/video/BV…, v.qq.com/x/cover/… or v.qq.com/x/page/…, v.youku.com/v_show/id_…"
)


def player_for(address: str) -> Player | None:
    """The player of the video at ``address`` (a Bilibili, Tencent Video or Youku video
    page), or None when the address is not one of theirs."""
    parts = urlsplit(address.strip())
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    if host in ("www.bilibili.com", "bilibili.com", "m.bilibili.com"):
        match = BILIBILI.match(parts.path)
        if match:
            query = {"bvid": match.group(1), "autoplay": "0"}
            part = parse_qs(parts.query).get("p", [""])[0]
            if part.isdigit() and 0 < len(part) < 5:
                query["p"] = part
            return Player(
                _("Bilibili"), f"https://player.bilibili.com/player.html?{urlencode(query)}"
            )
    elif host in ("v.qq.com", "m.v.qq.com"):
        match = TENCENT.match(parts.path)
        if match:
            query = urlencode({"vid": match.group(1)})
            return Player(_("Tencent Video"), f"https://v.qq.com/txp/iframe/player.html?{query}")
    elif host in ("v.youku.com", "m.youku.com"):
        match = YOUKU.match(parts.path)
        if match:
            return Player(_("Youku"), f"https://player.youku.com/embed/{match.group(1)}")
    return None
