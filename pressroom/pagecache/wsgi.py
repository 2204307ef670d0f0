"""Serving page-cache hits at the WSGI layer, before Django builds a request.

A hit costs a cookie check, a host check, a scheme check and one cache read; everything else
(sessions, editors, misses, plain-HTTP requests that must be redirected to HTTPS, forwarded
hosts) goes to Django, where the middleware makes the same decisions with the full request.
"""

from typing import NamedTuple

from django.conf import settings
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http.cookie import parse_cookie
from django.http.request import split_domain_port, validate_host

from pressroom.pagecache import replay, store
from pressroom.pagecache.middleware import excluded

REASONS = {200: "200 OK", 304: "304 Not Modified"}


def allowed_hosts() -> list[str]:
    hosts = settings.ALLOWED_HOSTS
    if settings.DEBUG and not hosts:
        return [".localhost", "127.0.0.1", "[::1]"]
    return hosts


class Settings(NamedTuple):
    forwarded_host: bool  # USE_X_FORWARDED_HOST: Django's own host handling decides
    https_only: bool  # SECURE_SSL_REDIRECT
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
                settings.SECURE_SSL_REDIRECT,
                settings.SECURE_PROXY_SSL_HEADER,
                settings.SESSION_COOKIE_NAME,
                allowed_hosts(),
            )
        )
    return _settings[0]


@receiver(setting_changed)
def forget_settings(**kwargs) -> None:
    _settings.clear()


def secure(environ) -> bool:
    """``request.is_secure()`` from the environ: HTTPS, or the trusted proxy's header says so."""
    if environ.get("wsgi.url_scheme") == "https":
        return True
    header = current_settings().proxy_ssl_header
    if header:
        name, value = header
        return environ.get(name, "").split(",", 1)[0].strip() == value
    return False


def simple_anonymous_get(environ) -> bool:
    """True for requests whose answer needs nothing but the path (the cache's key)."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or environ.get("QUERY_STRING"):
        return False
    conf = current_settings()
    if conf.forwarded_host:
        return False  # Django's own host handling decides
    if conf.https_only and not secure(environ):
        return False  # SecurityMiddleware redirects it to HTTPS
    cookies = environ.get("HTTP_COOKIE")
    if cookies and conf.session_cookie in parse_cookie(cookies):
        return False  # maybe an editor: the middleware checks the session
    domain, _port = split_domain_port(environ.get("HTTP_HOST", ""))
    return bool(domain) and validate_host(domain, conf.allowed_hosts)


class CachedPagesApp:
    """Wraps Django's WSGI application; answers page-cache hits itself."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if simple_anonymous_get(environ):
            path = get_script_name(environ).rstrip("/") + get_path_info(environ)
            if not excluded(path):
                try:
                    entry = store.lookup_path(path)
                except Exception:  # the cache is down: Django serves (and logs it)
                    entry = None
                if entry is not None:
                    status, headers, body = replay.replay(
                        entry,
                        environ["REQUEST_METHOD"],
                        environ.get("HTTP_ACCEPT_ENCODING", ""),
                        environ.get("HTTP_IF_NONE_MATCH", ""),
                        "hit",
                        environ.get("HTTP_IF_MODIFIED_SINCE", ""),
                    )
                    start_response(REASONS.get(status, f"{status} OK"), headers)
                    return [body]
        return self.application(environ, start_response)
