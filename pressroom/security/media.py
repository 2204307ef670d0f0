"""Uploaded media, when the app serves it itself (PRESSROOM_SERVE_MEDIA, the default)."""

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Types a browser may show inline from /media/. Everything else is sent as a download.
INLINE_TYPES = {"image/avif", "image/gif", "image/jpeg", "image/png", "image/webp"}


def serve_media(request, path):
    """Serve one file under MEDIA_ROOT; never a listing, never HTML or SVG inline.

    Documents are only reachable through /documents/<id>/<name>, where Wagtail checks the
    collection's privacy; their storage path under /media/documents/ answers 404.
    """
    if path.startswith("documents/") or path.split("/")[-1].startswith("."):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT, show_indexes=False)
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type not in INLINE_TYPES:
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    # Even a file that slipped through could not run script or load anything.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response
