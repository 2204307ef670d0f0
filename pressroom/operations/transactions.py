"""Admin writes are all-or-nothing: a crash or error mid-request leaves no half-made page."""

import logging

from django.conf import settings
from django.db import DatabaseError, transaction

from .faults import disk_full, is_disk_full

logger = logging.getLogger("pressroom.operations")

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
FAILED = "pressroom_view_failed"  # set on the request by process_exception


def is_admin_write(request) -> bool:
    """A request that may write (POST, PUT, DELETE…) to an address under the admin."""
    return request.method not in SAFE_METHODS and request.path_info.startswith(
        "/" + settings.PRESSROOM_ADMIN_PATH
    )


class AdminWritesMiddleware:
    """Runs every admin request that may write in one transaction.

    Wagtail's "create and publish" adds the page row, then its first revision, then publishes
    that revision, each committed on its own: a worker killed in between (kill -9, OOM, a
    deploy) left a live page without a revision. In one transaction a lost process or an
    exception rolls back everything the request wrote. Reads stay outside any transaction:
    on SQLite every transaction takes the write lock (transaction_mode IMMEDIATE), so
    Django's ATOMIC_REQUESTS would make every page view queue behind the editors.

    Last in MIDDLEWARE, so the transaction holds the view and little else. Django turns a
    view's exception into a response before it reaches a middleware's ``__call__``: the
    exception is noted in ``process_exception`` (called before any earlier middleware's,
    such as the disk-full page's), and the transaction rolls back once the error page is
    made (the 404 page reads the database); so does it after any 5xx answer.

    SQLite may only find at COMMIT that the disk cannot hold what the request wrote. That
    error leaves this ``__call__``, past the disk-full page's ``process_exception``, so it is
    answered here with the same 507 page: the commit failed, nothing was saved.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_admin_write(request):
            return self.get_response(request)
        try:
            with transaction.atomic():
                response = self.get_response(request)
                if getattr(request, FAILED, False) or response.status_code >= 500:
                    transaction.set_rollback(True)
        except DatabaseError as error:  # the view's own errors became responses: the commit
            if not is_disk_full(error, request):
                raise
            logger.error(
                "disk full at commit: %s", error, extra={"path": request.path, "status_code": 507}
            )
            return disk_full(request)
        return response

    def process_exception(self, request, exception):
        setattr(request, FAILED, True)
        return None
