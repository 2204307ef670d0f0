"""The content API's rate limit per client address: the contact form's fixed-window counter
(``pressroom.security.ratelimit``) behind Django REST framework's throttle hook, which answers
429 with ``Retry-After``."""

from django.conf import settings
from rest_framework.throttling import BaseThrottle

from pressroom.security import ratelimit
from pressroom.security.proxies import client_address


def rate_limit() -> tuple[int, int]:
    """(requests, seconds): how many requests one address may make in a window."""
    return (
        int(getattr(settings, "PRESSROOM_API_RATE_LIMIT", 120)),
        int(getattr(settings, "PRESSROOM_API_RATE_WINDOW", 60)),
    )


class AddressThrottle(BaseThrottle):
    """At most ``PRESSROOM_API_RATE_LIMIT`` requests per address (an IPv6 /64 counts as one)
    in each fixed window of ``PRESSROOM_API_RATE_WINDOW`` seconds; refused ones count too."""

    def allow_request(self, request, view) -> bool:
        requests, window = rate_limit()
        if not requests:
            return True
        key = ratelimit.address_key("api:requests", client_address(request))
        alias = getattr(settings, "PRESSROOM_API_CACHE", "contact")
        return ratelimit.count(key, window, alias) <= requests

    def wait(self) -> int:
        return ratelimit.retry_after(rate_limit()[1])
