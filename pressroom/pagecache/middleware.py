"""The page cache middleware: serves hits before sessions, auth or the database are touched.

It comes first in MIDDLEWARE, so an entry keeps every header the other middleware add
(security headers included) and ``pressroom.pagecache.wsgi`` can replay it without Django.
Requests that SecurityMiddleware would redirect to HTTPS are left to it.
"""

import logging
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, QueryDict
from django.http.request import split_domain_port
from wagtail.models import Site

from pressroom.pagecache import replay, rules, store

logger = logging.getLogger(__name__)

NEVER_CACHED_CONTROL = ("private", "no-store", "no-cache")
# A WSGI environ key that no HTTP header can set (headers arrive as HTTP_*): `pressroom
# export` renders each page fresh and has no use for storing it (docs/caching.md).
BYPASS = "pressroom.pagecache.bypass"


def logged_in(request) -> bool:
    """True when the request carries the session of a signed-in user (editors skip the cache)."""
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return False
    engine = import_module(settings.SESSION_ENGINE)
    return SESSION_KEY in engine.SessionStore(session_key)


def allowed_host(request) -> str | None:
    try:
        return request.get_host()  # hits must not skip Django's ALLOWED_HOSTS check
    except DisallowedHost:
        return None


def visit_of(request) -> rules.Visit:
    return rules.Visit(
        method=request.method,
        path=request.path,
        query_string=request.META.get("QUERY_STRING", ""),
        secure=request.is_secure(),
        host=allowed_host(request),
        port=request.get_port(),
        maybe_signed_in=lambda: logged_in(request),
    )


def drop_query(request) -> str:
    """Remove the (tracking-only) query string before any view reads it; returns it."""
    query_string = request.META.get("QUERY_STRING", "")
    if query_string:
        request.META["QUERY_STRING"] = ""
        request.GET = QueryDict()
    return query_string


def keep_query_on_redirect(response, query_string: str):
    """A redirect keeps the tracking parameters: a campaign's link to an old address counts."""
    if query_string and response.has_header("Location") and 300 <= response.status_code < 400:
        response["Location"] = rules.with_query(response["Location"], query_string)
    return response


def may_store(request, response) -> bool:
    """Only what is the same for every anonymous visitor is stored."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if not (getattr(request, "pagecache_public_page", False) or getattr(response, "pagecache", 0)):
        return False  # only Wagtail pages without view restrictions, or views that opted in
    if response.cookies or request.META.get("CSRF_COOKIE_USED"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # a session may unlock content (a page password): never share it
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in NEVER_CACHED_CONTROL):
        return False
    vary = response.get("Vary", "").lower()
    return "cookie" not in vary and "*" not in vary


def rendered_for(request, site_id: int) -> bool:
    """Whether the page was rendered for the site its key names (Wagtail's own answer; they
    differ only while a Site change is being committed)."""
    site = Site.find_for_request(request)
    return site is not None and site.pk == site_id


def respond(request, entry, state: str) -> HttpResponse:
    """The stored response, compressed as the client accepts, or a 304."""
    status, headers, body = replay.replay(
        entry,
        request.method,
        request.META.get("HTTP_ACCEPT_ENCODING", ""),
        request.META.get("HTTP_IF_NONE_MATCH", ""),
        state,
        request.META.get("HTTP_IF_MODIFIED_SINCE", ""),
    )
    response = HttpResponse(body, status=status)
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get(BYPASS):
            return self.get_response(request)
        visit = visit_of(request)
        if not rules.may_serve(visit):
            return self.get_response(request)
        try:
            found = store.find(split_domain_port(visit.host)[0], visit.port, visit.path, True)
        except Exception:  # the cache is down: serve from the database meanwhile
            logger.warning("Page cache unavailable for lookups", exc_info=True)
            return self.get_response(request)
        if found.key is None:
            return self.get_response(request)  # no Wagtail site for this host
        if found.entry is not None:
            return respond(request, found.entry, "hit")
        query_string = drop_query(request)
        response = keep_query_on_redirect(self.get_response(request), query_string)
        if may_store(request, response) and rendered_for(request, found.site_id):
            try:
                entry = store.store(found.key, response, found.state)
            except Exception:
                logger.warning("Page cache unavailable for storing", exc_info=True)
                return response
            if entry is not None:
                return respond(request, entry, "miss")
        return response
