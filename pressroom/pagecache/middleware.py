"""The page cache middleware: serves hits before sessions, auth or the database are touched.

Place it right after SecurityMiddleware and WhiteNoiseMiddleware (see docs/caching.md), so
HTTPS redirects and static files keep working while everything below is skipped on a hit.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers

from pressroom.pagecache import store

NEVER_CACHED_CONTROL = ("private", "no-store", "no-cache")


def excluded(path: str) -> bool:
    prefixes = store.conf("EXCLUDE_PREFIXES", ("/admin/", "/documents/", "/media/", "/static/"))
    return any(path.startswith(prefix) for prefix in prefixes)


def logged_in(request) -> bool:
    """True when the request carries the session of a signed-in user (editors skip the cache)."""
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return False
    engine = import_module(settings.SESSION_ENGINE)
    return SESSION_KEY in engine.SessionStore(session_key)


def allowed_host(request) -> bool:
    try:
        request.get_host()  # hits must not skip Django's ALLOWED_HOSTS check
    except DisallowedHost:
        return False
    return True


def may_use_cache(request) -> bool:
    """Anonymous GET or HEAD of a public path without a query string, for an allowed host."""
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and not excluded(request.path)
        and allowed_host(request)
        and not logged_in(request)
    )


def may_store(request, response) -> bool:
    """Only what is the same for every anonymous visitor is stored."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if not (getattr(request, "pagecache_public_page", False) or getattr(response, "pagecache", 0)):
        return False  # only Wagtail pages without view restrictions, or views that opted in
    if response.cookies or request.META.get("CSRF_COOKIE_USED"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in NEVER_CACHED_CONTROL):
        return False
    vary = response.get("Vary", "").lower()
    return "cookie" not in vary and "*" not in vary


def accepted_encodings(header: str) -> set[str]:
    """The content codings an Accept-Encoding header allows (those not given q=0)."""
    accepted = set()
    for part in header.split(","):
        name, _, params = part.partition(";")
        quality = params.strip().lower().removeprefix("q=") if params else "1"
        try:
            if float(quality) > 0:
                accepted.add(name.strip().lower())
        except ValueError:
            continue
    return accepted


def choose_encoding(request, entry) -> str | None:
    accepted = accepted_encodings(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    for encoding in ("br", "gzip"):
        if encoding in accepted and encoding in entry["variants"]:
            return encoding
    return None


SUFFIX = {None: "", "gzip": "-gz", "br": "-br"}


def etag_for(entry, encoding) -> str:
    return f'"{entry["etag"]}{SUFFIX[encoding]}"'


def not_modified(request, entry) -> bool:
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    if header.strip() == "*":
        return True
    ours = {etag_for(entry, encoding) for encoding in SUFFIX}
    theirs = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return bool(ours & theirs)


def common_headers(response, entry, encoding) -> None:
    response["ETag"] = etag_for(entry, encoding)
    response["Cache-Control"] = f"public, max-age={store.conf('MAX_AGE', 60)}"
    patch_vary_headers(response, ("Accept-Encoding",))


def respond(request, entry, state: str) -> HttpResponse:
    """The stored response, compressed as the client accepts, or a 304."""
    encoding = choose_encoding(request, entry)
    if not_modified(request, entry):
        response = HttpResponseNotModified()
        common_headers(response, entry, encoding)
        response["X-Page-Cache"] = state
        return response
    body = entry["variants"][encoding] if encoding else entry["body"]
    response = HttpResponse(b"" if request.method == "HEAD" else body, status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    response["Content-Length"] = str(len(body))
    if encoding:
        response["Content-Encoding"] = encoding
    common_headers(response, entry, encoding)
    response["X-Page-Cache"] = state
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        key = store.key_for(request.path)
        entry, state = store.lookup(key)
        if entry is not None:
            return respond(request, entry, "hit")
        response = self.get_response(request)
        if may_store(request, response):
            entry = store.store(key, response, state)
            if entry is not None:
                return respond(request, entry, "miss")
        return response
