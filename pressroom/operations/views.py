"""The health check for load balancers and monitoring."""

import logging
import secrets

from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("pressroom.operations")


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
