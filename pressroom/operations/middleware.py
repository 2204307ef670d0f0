"""Fault answers that apply to every request: a dead or slow database, a full disk.

(An unreachable media bucket has its own, in ``pressroom.operations.storage``.)
"""

import logging
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, connections

from pressroom.security.middleware import is_admin_path

from .faults import database_unavailable, disk_full, is_disk_full

logger = logging.getLogger("pressroom.operations")


class DatabaseUnavailableMiddleware:
    """A view that meets a dead database answers a quick static 503, not a 500 traceback.

    The page it renders needs no database (no site settings, no menu), tells the visitor to try
    again, and carries Retry-After. Faults raised outside views reach handler500, which makes the
    same decision (pressroom.operations.faults.server_error).
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


class DiskFullMiddleware:
    """Turns a full disk met by a view into the 507 page (the rest goes on as before).

    Admin writes run in one transaction (pressroom.operations.transactions), so the database has
    already rolled back the image or document row; the storage removed its partial file.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        def watch(execute, sql, params, many, context):
            try:
                return execute(sql, params, many, context)
            except OperationalError as error:
                if is_disk_full(error):
                    request._pressroom_disk_full = True
                raise

        with connection.execute_wrapper(watch):
            return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_disk_full(exception, request):
            return None
        logger.error("disk full: %s", exception, extra={"path": request.path, "status_code": 507})
        return disk_full(request)
