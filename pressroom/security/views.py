"""The health check and the answers given when something behind the site has failed."""

import logging
import secrets
import sys

from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe
from wagtail.admin.views.account import LogoutView as WagtailLogoutView

from pressroom.core import views as core_views
from pressroom.core.middleware import disk_full, is_disk_full

logger = logging.getLogger("pressroom.security")


def _database_ok() -> bool:
    try:
        connection = connections["default"]
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone()[0] == 1
    except Exception:  # any failure means "not healthy"; the reason goes to the log
        logger.exception("health check: database unreachable")
        return False


def _cache_ok() -> bool:
    key = "pressroom:healthz"
    token = secrets.token_hex(8)
    try:
        if hasattr(cache, "probe"):  # Redis, failing open: ask it directly
            return cache.probe(key, token)
        cache.set(key, token, 10)
        return cache.get(key) == token
    except Exception:
        logger.exception("health check: cache unreachable")
        return False


@require_safe
@never_cache
def healthz(request):
    """200 while the site can serve, 503 when it cannot (the database is gone). Never cached.

    A cache that does not answer makes the site slower, not unavailable (every cache call is
    a miss): 200 with ``"status": "degraded"``, so a load balancer does not take every node out
    of rotation because their shared Redis stopped. Monitoring alerts on "degraded".
    """
    checks = {
        "database": "ok" if _database_ok() else "unavailable",
        "cache": "ok" if _cache_ok() else "unavailable",
    }
    if checks["database"] != "ok":
        status = "unavailable"
    elif checks["cache"] != "ok":
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse(
        {"status": status, "checks": checks}, status=503 if status == "unavailable" else 200
    )


FALLBACK_503 = (
    '<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><title>503</title>'
    "<h1>暂时无法访问 / Temporarily unavailable</h1>"
    "<p>请稍后再试。Please try again in a minute.</p>"
)


def database_unavailable(request=None):
    """A static 503 page rendered without the database, with Retry-After."""
    try:
        body = loader.render_to_string("security/503.html")
    except Exception:  # this page must never fail in turn (e.g. static manifest missing)
        logger.exception("could not render the 503 page")
        body = FALLBACK_503
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request):
    """handler500: a database fault anywhere becomes the 503 page, anything else the 500 page."""
    exc = sys.exc_info()[1]
    if is_disk_full(exc, request):  # e.g. the temporary folder filled while an upload arrived
        return disk_full(request)
    if isinstance(exc, OperationalError | InterfaceError):
        return database_unavailable(request)
    return core_views.server_error(request)


class LogoutView(WagtailLogoutView):
    """Wagtail's sign-out, for POST only.

    Wagtail's view deletes the session cookie in every answer it gives, including the 405 for a
    GET, so a link or an image on another site could sign an editor out of their browser.
    """

    def dispatch(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)
