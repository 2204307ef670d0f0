"""Uploaded media, when the app serves it itself (PRESSROOM_SERVE_MEDIA, the default).

Which files may go out and with which headers is security's decision
(``pressroom.security.media``); this is the route that reads them from MEDIA_ROOT.
"""

from django.conf import settings
from django.http import Http404
from django.views.static import serve

from pressroom.security.media import is_public_media_path, make_inert


def serve_media(request, path):
    """Serve one file under MEDIA_ROOT; never a listing, never HTML or SVG inline.

    Only a path in normal form outside the private folders is served (``is_public_media_path``);
    anything else answers 404.
    """
    if not is_public_media_path(path):
        raise Http404
    return make_inert(serve(request, path, document_root=settings.MEDIA_ROOT, show_indexes=False))
