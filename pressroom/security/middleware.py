"""The Content-Security-Policy header, with the admin on its own policy."""

from csp.middleware import CSPMiddleware
from django.conf import settings


def is_admin_path(path: str) -> bool:
    return path.startswith("/" + settings.PRESSROOM_ADMIN_PATH)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with Wagtail's admin on its own looser policy.

    Public pages get CONTENT_SECURITY_POLICY (no inline script or style). The admin's
    editors, choosers and preview need inline handlers and same-origin framing, so paths under
    PRESSROOM_ADMIN_PATH get PRESSROOM_ADMIN_CSP instead. A view that sets its own header
    (document downloads: ``default-src 'none'``) keeps it.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # Wagtail renders a preview through the middleware with a request for the page's own
        # address (is_preview set): it is shown framed in the editor, so it gets the admin's
        # policy too.
        in_admin = is_admin_path(request.path_info) or getattr(request, "is_preview", False)
        if not report_only and parts.config is None and in_admin:
            parts.config = settings.PRESSROOM_ADMIN_CSP
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if is_admin_path(request.path_info) and response.get("X-Frame-Options") == "DENY":
            # The page editor frames its own preview.
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
