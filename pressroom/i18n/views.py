from django.conf import settings
from django.http import HttpResponsePermanentRedirect


def default_language_prefix_redirect(request, rest: str):
    """``/zh-hans/<path>`` to ``/<path>``: Chinese lives at the root, links with a prefix work.

    The target is built from the still percent-encoded path, so encoded line breaks stay
    encoded; leading slashes and backslashes are dropped so ``/zh-hans//evil.example`` cannot
    become a protocol-relative redirect to another site.
    """
    full_path = request.get_full_path()
    prefix = f"/{settings.LANGUAGE_CODE}/"
    encoded_rest = full_path[len(prefix) :] if full_path.startswith(prefix) else ""
    return HttpResponsePermanentRedirect("/" + encoded_rest.lstrip("/\\"))
