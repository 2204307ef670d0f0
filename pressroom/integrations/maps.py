"""The contact page's live map as a request sees it: on or off, its CSP hosts, its privacy line.

The vendors and what each needs are in ``map_providers``; the owner's choice in ``MapSettings``.
"""

from dataclasses import dataclass

from pressroom.core.navigation import current_site
from pressroom.core.privacy import PrivacyItem
from pressroom.core.sitecache import remember
from pressroom.integrations.map_providers import BY_KEY, INLINE_STYLES, MapProvider
from pressroom.integrations.models import MapSettings

# Set by the contact page on the request it serves while a live map is on: the CSP additions
# below widen that response's policy only.
REQUEST_MARK = "pressroom_live_map"


@dataclass(frozen=True)
class LiveMap:
    """What the contact page's map script needs: all of it checked before it was saved."""

    provider: MapProvider
    api_key: str
    security_code: str
    longitude: str  # "" when the map should look the address up
    latitude: str
    zoom: int


def live_map_for(request) -> LiveMap | None:
    """The request's site's live map, or None while it is off; read once per site-wide
    change (saving the setting is one: it purges every cached page)."""
    site = current_site(request)
    if site is None:
        return None

    def compute():
        # Not for_site(): that would create the row, and a save purges the page cache.
        row = MapSettings.objects.filter(site=site).first()
        return row.live_map_values() if row else None

    values = remember(f"live-map:{site.pk}", compute, request)
    if values is None:
        return None
    provider_key, *rest = values
    return LiveMap(BY_KEY[provider_key], *rest)


def csp_additions(request) -> dict[str, list[str]]:
    """``PRESSROOM_CSP_ADDITIONS``: the map vendor's hosts, on the response of a page that
    shows the live map and on no other."""
    live_map = getattr(request, REQUEST_MARK, None)
    if live_map is None:
        return {}
    additions = {key: list(hosts) for key, hosts in live_map.provider.csp.items()}
    additions.setdefault("style-src", []).extend(INLINE_STYLES)
    return additions


def privacy_items(request) -> list[PrivacyItem]:
    """The privacy page's line for the live map while it is on (``PRESSROOM_PRIVACY_SECTIONS``)."""
    live_map = live_map_for(request)
    if live_map is None:
        return []
    provider = live_map.provider
    return [
        PrivacyItem(
            name=str(provider.name),
            collects=str(provider.sends),
            recipient=str(provider.recipient),
            policy_url=provider.policy_url,
        )
    ]
