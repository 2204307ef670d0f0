from django.http import HttpResponsePermanentRedirect


def default_language_prefix_redirect(request, rest: str):
    """``/zh-hans/<path>`` to ``/<path>``: Chinese lives at the root, links with a prefix work.

    Leading slashes and backslashes are dropped so ``/zh-hans//evil.example`` cannot become
    a protocol-relative redirect to another site.
    """
    target = "/" + rest.lstrip("/\\")
    if request.META.get("QUERY_STRING"):
        target += "?" + request.META["QUERY_STRING"]
    return HttpResponsePermanentRedirect(target)
