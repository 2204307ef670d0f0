"""Uploaded media, when the app serves it itself (PRESSROOM_SERVE_MEDIA, the default)."""

import re
import unicodedata

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Types a browser may show inline from /media/. Everything else is sent as a download.
INLINE_TYPES = {"image/avif", "image/gif", "image/jpeg", "image/png", "image/webp"}

# A name as Django's storage writes it (get_valid_filename keeps word characters, "-" and
# "."): segments that do not start with a dot, one "/" between them, nothing before or after.
NORMAL_PATH = re.compile(r"[\w-][\w.-]*(?:/[\w-][\w.-]*)*")
# Longer than any stored name (Wagtail's file fields hold 100 characters) and within the
# file system's limit for one name, so a long address is a 404, never an OSError.
MAX_PATH_BYTES = 255
# Folders of MEDIA_ROOT never sent from /media/: documents go through /documents/<id>/<name>,
# where Wagtail checks the collection's privacy.
PRIVATE_FOLDERS = {"documents"}


def is_public_media_path(path: str) -> bool:
    """True when ``path`` (relative to MEDIA_ROOT) is in normal form and not in a private folder.

    Other spellings (``//``, ``.`` or ``..`` segments, backslashes, a ``%`` left after
    decoding, control characters, a trailing slash, dot-files) are refused, not normalised:
    the name that is checked is the name that is read.
    """
    if not NORMAL_PATH.fullmatch(path) or len(path.encode()) > MAX_PATH_BYTES:
        return False
    # Compared as a case-insensitive file system would (macOS, Windows, some mounts).
    folder = unicodedata.normalize("NFKC", path.split("/", 1)[0]).casefold()
    return folder not in PRIVATE_FOLDERS


def serve_media(request, path):
    """Serve one file under MEDIA_ROOT; never a listing, never HTML or SVG inline.

    Only a path in normal form outside the private folders is served (``is_public_media_path``);
    anything else answers 404.
    """
    if not is_public_media_path(path):
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
