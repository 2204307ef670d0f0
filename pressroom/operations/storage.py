"""Media in a bucket: an unreachable or refusing S3 endpoint is a clear 503, never a 500.

An upload to the admin writes the file before the database row is inserted, so when the
bucket does not answer nothing is left behind; the editor is told the file was not saved.
"""

import logging

from django.core.files.storage import FileSystemStorage, storages
from django.http import HttpResponse
from django.utils.html import escape
from django.utils.translation import gettext as _

logger = logging.getLogger("pressroom.operations")


def media_bucket() -> str:
    """The bucket holding uploads, or "" when they are files under MEDIA_ROOT."""
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        return ""
    return getattr(storage, "bucket_name", None) or type(storage).__name__


def storage_errors() -> tuple[type[BaseException], ...]:
    try:
        from boto3.exceptions import Boto3Error
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:  # pragma: no cover - only with the s3 extra missing
        return ()
    return (BotoCoreError, ClientError, Boto3Error)


def storage_unavailable(request) -> HttpResponse:
    title = _("Media storage unavailable")
    message = _(
        "The media storage did not answer, so the file was not saved. "
        "Please try again in a few minutes."
    )
    body = (
        f"<!doctype html><meta charset=utf-8><title>{escape(title)}</title>"
        f"<h1>{escape(title)}</h1><p>{escape(message)}</p>"
    )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


class StorageUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.errors = storage_errors()

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if self.errors and isinstance(exception, self.errors):
            logger.error(
                "media storage unavailable: %s",
                exception,
                extra={"path": request.path, "status_code": 503},
            )
            return storage_unavailable(request)
        return None
