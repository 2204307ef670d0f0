"""Who is asking: the client's address, read through trusted proxies only.

One list of proxies, ``PRESSROOM_TRUSTED_PROXIES``, for HTTPS, sign-in throttling and the
contact form's rate limit (docs/security.md).
"""

import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def _networks(values) -> list:
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            logger.warning("Ignoring invalid trusted proxy %r", value)
    return networks


def parse_address(value: str):
    """The IP address written in ``value``, or None."""
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def trusted_proxies() -> list[str]:
    """``PRESSROOM_TRUSTED_PROXIES``; the deprecated ``PRESSROOM_CONTACT_TRUSTED_PROXIES``
    only while that is empty."""
    return list(
        getattr(settings, "PRESSROOM_TRUSTED_PROXIES", None)
        or getattr(settings, "PRESSROOM_CONTACT_TRUSTED_PROXIES", None)
        or []
    )


def client_address(request) -> str:
    """The visitor's IP address: REMOTE_ADDR, or the first untrusted hop behind trusted proxies.

    X-Forwarded-For is read only when the direct peer is a configured trusted proxy, so a
    visitor cannot choose their own address by sending the header.
    """
    remote = parse_address(request.META.get("REMOTE_ADDR", "")) or ipaddress.ip_address("0.0.0.0")
    trusted = _networks(trusted_proxies())
    if not any(remote in net for net in trusted):
        return str(remote)
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        address = parse_address(hop)
        if address is None:
            break
        if not any(address in net for net in trusted):
            return str(address)
    return str(remote)
