"""What a site collects about its visitors, asked of the apps that collect it.

The privacy page lists ``collected(request)``. Each dotted path in
``PRESSROOM_PRIVACY_SECTIONS`` names a function ``f(request) -> list[PrivacyItem]``: the
contact form answers what its message form keeps, the integrations what the services the
owner turned on send where. An app with nothing turned on answers ``[]`` and the page says
nothing about it; a feature added later (view counts) adds its own path.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class PrivacyItem:
    """One thing the site collects or passes on, in the visitor's language."""

    name: str  # what it is: "Message form", "百度统计"
    collects: str  # what is collected or sent, in plain words
    recipient: str  # who gets it and where it is kept
    policy_url: str = ""  # the recipient's own privacy policy, when it is someone else


@functools.cache
def _provider(dotted: str):
    return import_string(dotted)


def collected(request) -> list[PrivacyItem]:
    """Everything the site's features say they collect, in the order of the setting."""
    items: list[PrivacyItem] = []
    for dotted in getattr(settings, "PRESSROOM_PRIVACY_SECTIONS", []):
        items.extend(_provider(dotted)(request))
    return items
