"""The answers given when something behind the site has failed: the database or the disk.

Each page here renders without the database, and a last static fallback stands in when even
the template cannot be rendered (e.g. the static files manifest is missing).
"""

import errno
import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from pressroom.core import views as core_views

logger = logging.getLogger("pressroom.operations")

FALLBACK_503 = (
    '<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><title>503</title>'
    "<h1>暂时无法访问 / Temporarily unavailable</h1>"
    "<p>请稍后再试。Please try again in a minute.</p>"
)

DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})

FALLBACK_507 = (
    '<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><title>507</title>'
    "<h1>服务器磁盘已满 / The server's disk is full</h1>"
    "<p>没有保存任何内容。Nothing was saved.</p>"
)


def database_unavailable(request=None):
    """A static 503 page rendered without the database, with Retry-After."""
    try:
        body = loader.render_to_string("operations/503.html")
    except Exception:  # this page must never fail in turn (e.g. static manifest missing)
        logger.exception("could not render the 503 page")
        body = FALLBACK_503
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


def is_disk_full(exception, request=None) -> bool:
    """ENOSPC and friends from the media or temporary folder, SQLITE_FULL from the database.

    Also true once any query of this request met SQLITE_FULL, even when the code that ran it
    swallowed the error (the search index does) and what reaches us is its aftermath
    (``DiskFullMiddleware`` marks the request).
    """
    if getattr(request, "_pressroom_disk_full", False):
        return True
    if isinstance(exception, OperationalError):
        return "database or disk is full" in str(exception)
    return isinstance(exception, OSError) and exception.errno in DISK_FULL_ERRNOS


def disk_full(request=None):
    """507 Insufficient Storage with a page that needs neither the database nor the disk."""
    try:
        body = loader.render_to_string("operations/disk_full.html", request=request)
    except Exception:  # this page must never fail in turn
        logger.exception("could not render the disk-full page")
        body = FALLBACK_507
    response = HttpResponse(body, status=507)
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
