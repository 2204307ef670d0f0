"""The Content-Security-Policy header, with the admin on its own policy."""

import functools
import logging

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def is_admin_path(path: str) -> bool:
    return path.startswith("/" + settings.PRESSROOM_ADMIN_PATH)


@functools.cache
def addition_provider(dotted: str):
    return import_string(dotted)


def public_additions(request) -> dict[str, list[str]]:
    """The hosts that ``PRESSROOM_CSP_ADDITIONS`` add to public pages' policy for this request
    (the analytics and chat services a site's owner turned on). Anything that fails (a
    database that is down) adds nothing: the policy stays at its strictest."""
    additions: dict[str, list[str]] = {}
    for dotted in getattr(settings, "PRESSROOM_CSP_ADDITIONS", []):
        try:
            extra = addition_provider(dotted)(request)
        except Exception:
            logger.warning("CSP additions from %s failed; none added", dotted, exc_info=True)
            continue
        for directive, hosts in extra.items():
            listed = additions.setdefault(directive, [])
            listed.extend(host for host in hosts if host not in listed)
    return additions


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with Wagtail's admin on its own looser policy.

    Public pages get CONTENT_SECURITY_POLICY (no inline script or style). The admin's
    editors, choosers and preview need inline handlers and same-origin framing, so paths under
    PRESSROOM_ADMIN_PATH get PRESSROOM_ADMIN_CSP instead. A view that sets its own header
    (document downloads: ``default-src 'none'``) keeps it. Public HTML pages get the hosts of
    ``PRESSROOM_CSP_ADDITIONS`` on top (django-csp's ``update`` part, as its ``csp_update``
    decorator sets): the analytics and chat services turned on, and only those.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # Wagtail renders a preview through the middleware with a request for the page's own
        # address (is_preview set): it is shown framed in the editor, so it gets the admin's
        # policy too.
        in_admin = is_admin_path(request.path_info) or getattr(request, "is_preview", False)
        if report_only:
            return parts
        if parts.config is None and in_admin:
            parts.config = settings.PRESSROOM_ADMIN_CSP
        elif (
            not in_admin
            and response.status_code < 500  # error pages load no service (and skip the DB)
            and response.get("Content-Type", "").startswith("text/html")
        ):
            additions = public_additions(request)
            if additions:
                update = {key: list(value) for key, value in (parts.update or {}).items()}
                for directive, hosts in additions.items():
                    update[directive] = [*update.get(directive, []), *hosts]
                parts.update = update
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if is_admin_path(request.path_info) and response.get("X-Frame-Options") == "DENY":
            # The page editor frames its own preview.
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
