"""Response headers and fault answers that apply to every request."""

import logging
import time

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import InterfaceError, OperationalError, connections

from .views import database_unavailable

logger = logging.getLogger("pressroom.security")


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


class DatabaseUnavailableMiddleware:
    """A view that meets a dead database answers a quick static 503, not a 500 traceback.

    The page it renders needs no database (no site settings, no menu), tells the visitor to try
    again, and carries Retry-After. Faults raised outside views reach handler500, which makes the
    same decision (pressroom.security.views.server_error).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            logger.error(
                "database unavailable: %s",
                exception,
                extra={"path": request.path, "status_code": 503},
            )
            return database_unavailable(request)
        return None


class DatabaseTimeBudgetMiddleware:
    """A public request that has spent PRESSROOM_DB_REQUEST_BUDGET seconds runs no more queries.

    A slow database (a saturated link, a failing disk) would otherwise keep every worker busy
    for as long as its pages take, query after query, until the load balancer gives up and
    the queue behind it grows. Past the budget the next query raises OperationalError, which
    becomes the static 503 page: the visitor waits at most the budget plus one query. The admin
    has no budget (an editor's bulk action may be legitimately slow). 0 switches it off.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        budget = float(getattr(settings, "PRESSROOM_DB_REQUEST_BUDGET", 0) or 0)
        if not budget or is_admin_path(request.path_info):
            return self.get_response(request)
        deadline = time.monotonic() + budget

        def within_budget(execute, sql, params, many, context):
            if time.monotonic() > deadline:
                raise OperationalError("the request used up its database time budget")
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(within_budget):
            return self.get_response(request)
