"""Uploaded media, when the app serves it itself (PRESSROOM_SERVE_MEDIA, the default)."""

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Types a browser may show inline from /media/. Everything else is sent as a download.
INLINE_TYPES = {"image/avif", "image/gif", "image/jpeg", "image/png", "image/webp"}


def private_folders() -> set[str]:
    """Folders under MEDIA_ROOT that are never served from /media/ (case-folded)."""
    return {folder.casefold() for folder in settings.PRESSROOM_PRIVATE_MEDIA_FOLDERS}


def normal_segments(path: str) -> list[str] | None:
    """The path's segments when it is already in normal form, else None.

    Normal: no empty, ``.`` or ``..`` segment (so no double, leading or trailing slash), no
    dot-file, no backslash and no NUL. Every other spelling of an address is refused rather
    than normalised, so what is checked is exactly what would be opened.
    """
    if "\\" in path or "\x00" in path:
        return None
    segments = path.split("/")
    if any(not segment or segment.startswith(".") for segment in segments):
        return None
    return segments


def serve_media(request, path):
    """Serve one file under MEDIA_ROOT; never a listing, never HTML or SVG inline.

    Documents are only reachable through /documents/<id>/<name>, where Wagtail checks the
    collection's privacy; their storage folder under /media/ answers 404, in every spelling.
    """
    segments = normal_segments(path)
    if segments is None or segments[0].casefold() in private_folders():
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
