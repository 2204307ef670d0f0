"""Request middleware of the core app.

- ``DiskFullMiddleware``: a full disk gets its own answer, 507 and a message saying nothing
  was saved.
"""

import errno
import logging

from django.db import OperationalError, connection
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger("pressroom.core")

DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})

FALLBACK_507 = (
    '<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><title>507</title>'
    "<h1>服务器磁盘已满 / The server's disk is full</h1>"
    "<p>没有保存任何内容。Nothing was saved.</p>"
)


def is_disk_full(exception, request=None) -> bool:
    """ENOSPC and friends from the media or temporary folder, SQLITE_FULL from the database.

    Also true once any query of this request met SQLITE_FULL, even when the code that ran it
    swallowed the error (the search index does) and what reaches us is its aftermath.
    """
    if getattr(request, "_pressroom_disk_full", False):
        return True
    if isinstance(exception, OperationalError):
        return "database or disk is full" in str(exception)
    return isinstance(exception, OSError) and exception.errno in DISK_FULL_ERRNOS


def disk_full(request=None):
    """507 Insufficient Storage with a page that needs neither the database nor the disk."""
    try:
        body = loader.render_to_string("disk_full.html", request=request)
    except Exception:  # this page must never fail in turn
        logger.exception("could not render the disk-full page")
        body = FALLBACK_507
    response = HttpResponse(body, status=507)
    response["Cache-Control"] = "no-store"
    return response


class DiskFullMiddleware:
    """Turns a full disk met by a view into the 507 page (the rest goes on as before).

    Admin writes run in one transaction (pressroom.core.transactions), so the database has
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
