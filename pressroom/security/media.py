"""What may leave /media/, and how a browser may treat it: the access rules for uploaded files.

The serving itself (the route, reading the file) is ``pressroom.operations.media``; these rules
are security's: which names are public (documents are private: they go through
/documents/<id>/<name>, where Wagtail checks the collection's privacy), and which files a
browser may show inline.
"""

import re
import unicodedata

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


def make_inert(response):
    """Headers for a file sent from /media/: never HTML or SVG inline, nothing it could run.

    Anything but a raster image goes as an ``application/octet-stream`` attachment; even a
    file that slipped through could not run script or load anything.
    """
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type not in INLINE_TYPES:
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response
