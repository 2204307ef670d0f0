"""Which services a request's site has turned on, and what that asks of the page: the
scripts in the head, the CSP hosts, the privacy page's lines."""

from django.utils.translation import gettext as _

from pressroom.core.models import company_for
from pressroom.core.navigation import current_site
from pressroom.core.privacy import PrivacyItem
from pressroom.core.sitecache import remember
from pressroom.integrations.models import IntegrationSettings
from pressroom.integrations.services import BY_KEY, Service


def services_for(request) -> list[tuple[Service, str]]:
    """(service, ID) pairs the request's site has on, read once per site-wide change (saving
    the setting is one: it purges every cached page)."""
    site = current_site(request)
    if site is None:
        return []

    def compute():
        # Not for_site(): that would create the row, and a save purges the page cache.
        row = IntegrationSettings.objects.filter(site=site).first()
        return [(service.key, value) for service, value in row.enabled()] if row else []

    pairs = remember(f"integrations:{site.pk}", compute, request)
    return [(BY_KEY[key], value) for key, value in pairs]


def csp_additions(request) -> dict[str, list[str]]:
    """The CSP hosts the turned-on services need (``PRESSROOM_CSP_ADDITIONS``), each once."""
    additions: dict[str, list[str]] = {}
    for service, _id in services_for(request):
        for directive, hosts in service.csp.items():
            listed = additions.setdefault(directive, [])
            listed.extend(host for host in hosts if host not in listed)
    return additions


def privacy_items(request) -> list[PrivacyItem]:
    """The privacy page's lines (``PRESSROOM_PRIVACY_SECTIONS``): each service turned on, then
    the chat links of the company info, which send nothing until a visitor follows them."""
    items = [
        PrivacyItem(
            name=str(service.name),
            collects=str(service.sends),
            recipient=str(service.recipient),
            policy_url=service.policy_url,
        )
        for service, _id in services_for(request)
    ]
    company = company_for(request)
    tencent = _("Tencent (腾讯), on servers in mainland China.")
    link_note = _(
        "A link only: nothing is sent until you follow it; then %(service)s receives what you"
        " send in the chat."
    )
    if company.qq:
        items.append(
            PrivacyItem(
                name=_("QQ chat link"),
                collects=link_note % {"service": "QQ"},
                recipient=tencent,
                policy_url="https://privacy.qq.com/",
            )
        )
    if company.wecom_url:
        items.append(
            PrivacyItem(
                name=_("WeCom customer-service link"),
                collects=link_note % {"service": _("WeCom")},
                recipient=tencent,
                policy_url="https://privacy.qq.com/",
            )
        )
    return items
