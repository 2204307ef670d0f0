"""Serving page-cache hits at the WSGI layer, before Django builds a request.

The decision is ``rules.may_serve``, the middleware's own; a visitor with a session cookie,
and every request when forwarded host or port headers are in use, goes on to Django, where
the middleware decides with the full request. Misses are rendered and stored there.
"""

from typing import NamedTuple

from django.conf import settings
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http.cookie import parse_cookie
from django.http.request import split_domain_port, validate_host

from pressroom.pagecache import replay, rules, store

REASONS = {200: "200 OK", 304: "304 Not Modified"}


class Settings(NamedTuple):
    forwarded_host: bool  # USE_X_FORWARDED_HOST: Django's own host handling decides
    forwarded_port: bool  # USE_X_FORWARDED_PORT: likewise
    proxy_ssl_header: tuple[str, str] | None
    session_cookie: str
    allowed_hosts: list[str]


_settings: list[Settings] = []


def current_settings() -> Settings:
    """The settings a hit depends on, read once (and again after a test changes them)."""
    if not _settings:
        _settings.append(
            Settings(
                settings.USE_X_FORWARDED_HOST,
                settings.USE_X_FORWARDED_PORT,
                settings.SECURE_PROXY_SSL_HEADER,
                settings.SESSION_COOKIE_NAME,
                rules.allowed_hosts(),
            )
        )
    return _settings[0]


@receiver(setting_changed)
def forget_settings(**kwargs) -> None:
    _settings.clear()
    _hosts.clear()


def secure(environ) -> bool:
    """``request.is_secure()`` from the environ: HTTPS, or the trusted proxy's header says so."""
    if environ.get("wsgi.url_scheme") == "https":
        return True
    header = current_settings().proxy_ssl_header
    if header:
        name, value = header
        return environ.get(name, "").split(",", 1)[0].strip() == value
    return False


# Host headers seen by this process, with their host name when ALLOWED_HOSTS accepts them
# (else ""). Bounded, as the header is the visitor's to choose; emptied with the settings.
_hosts: dict[str, str] = {}
HOSTS_KEPT = 64


def host_name(host: str) -> str:
    """The lower-case host name of a Host header that ALLOWED_HOSTS accepts, as
    ``request.get_host()`` checks it; "" when it does not."""
    known = _hosts.get(host)
    if known is None:
        if len(_hosts) >= HOSTS_KEPT:
            _hosts.clear()
        domain, _port = split_domain_port(host)
        allowed = domain and validate_host(domain, current_settings().allowed_hosts)
        known = _hosts[host] = domain if allowed else ""
    return known


def allowed_host(environ) -> str | None:
    """The Host header when ALLOWED_HOSTS accepts it, as ``request.get_host()`` checks it."""
    host = environ.get("HTTP_HOST", "")
    return host if host_name(host) else None


def session_cookie(environ) -> bool:
    cookies = environ.get("HTTP_COOKIE")
    return bool(cookies) and current_settings().session_cookie in parse_cookie(cookies)


def visit_of(environ) -> rules.Visit | None:
    """The request as the page cache's rule sees it; None when only Django can tell (forwarded
    host or port headers in use)."""
    conf = current_settings()
    if conf.forwarded_host or conf.forwarded_port:
        return None
    return rules.Visit(
        method=environ.get("REQUEST_METHOD", ""),
        path=get_script_name(environ).rstrip("/") + get_path_info(environ),
        query_string=environ.get("QUERY_STRING", ""),
        secure=secure(environ),
        host=allowed_host(environ),
        port=str(environ.get("SERVER_PORT", "")),
        # A session may be an editor's: the middleware reads it.
        maybe_signed_in=lambda: session_cookie(environ),
    )


class CachedPagesApp:
    """Wraps Django's WSGI application; answers page-cache hits itself."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        body = self.hit(environ, start_response)
        if body is not None:
            return body
        return self.application(environ, start_response)

    def hit(self, environ, start_response) -> list[bytes] | None:
        """Answer the request from the page cache when it may and can; else None."""
        visit = visit_of(environ)
        if visit is not None and rules.may_serve(visit):
            hostname = host_name(visit.host)
            try:
                entry = store.find(hostname, visit.port, visit.path).entry
            except Exception:  # the cache is down: Django serves (and logs it)
                entry = None
            if entry is not None:
                status, headers, body = replay.replay(
                    entry,
                    visit.method,
                    environ.get("HTTP_ACCEPT_ENCODING", ""),
                    environ.get("HTTP_IF_NONE_MATCH", ""),
                    "hit",
                    environ.get("HTTP_IF_MODIFIED_SINCE", ""),
                )
                start_response(REASONS.get(status, f"{status} OK"), headers)
                return [body]
        return None
