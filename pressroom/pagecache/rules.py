"""Which requests the page cache may answer: one rule for the WSGI fast path and the middleware.

Each layer describes a request as a ``Visit`` (the WSGI layer from the environ, before Django
builds a request; the middleware from Django's request) and asks ``may_serve(visit)``. What
they cannot know alike is said in the visit: the WSGI layer sees a session cookie but not
whose it is, so such a visit counts as maybe signed in and goes on to the middleware.

Shared links carry tracking parameters (``utm_*``, WeChat's ``from`` and ``isappinstalled``,
``spm``, ``gclid`` ...): a query string made only of those is answered as the plain address,
and the middleware drops it before any view sees it, so what it renders and stores is the
plain address's page. Any other parameter sends the request to Django untouched.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from pressroom.pagecache import store

_names: list[tuple[frozenset[str], tuple[str, ...]]] = []


def tracking_names() -> tuple[frozenset[str], tuple[str, ...]]:
    """The configured tracking parameters: exact names, and prefixes (``utm_*``)."""
    if not _names:
        # The list, with the reason for each name, is in settings.py (docs/caching.md).
        listed = store.conf("TRACKING_PARAMETERS", ())
        exact = frozenset(name for name in listed if not name.endswith("*"))
        prefixes = tuple(name[:-1] for name in listed if name.endswith("*"))
        _names.append((exact, prefixes))
    return _names[0]


@receiver(setting_changed)
def forget_names(**kwargs) -> None:
    _names.clear()


def only_tracking(query_string: str) -> bool:
    """True when every parameter of ``query_string`` (none at all included) is a tracking one.

    Names are compared as Django's ``request.GET`` reads them: percent-decoded, ``&``
    separated, case-sensitive (``UTM_SOURCE`` is another parameter). Values do not matter.
    More parameters than ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` go to Django, which refuses them.
    """
    if not query_string:
        return True
    try:
        pairs = parse_qsl(
            query_string,
            keep_blank_values=True,
            max_num_fields=setting("DATA_UPLOAD_MAX_NUMBER_FIELDS"),
        )
    except ValueError:
        return False
    exact, prefixes = tracking_names()
    return all(name in exact or (name and name.startswith(prefixes)) for name, _ in pairs)


def allowed_hosts() -> list[str]:
    """``ALLOWED_HOSTS`` as ``request.get_host()`` applies it (Django's own list in DEBUG)."""
    hosts = settings.ALLOWED_HOSTS
    if settings.DEBUG and not hosts:
        return [".localhost", "127.0.0.1", "[::1]"]
    return hosts


_prefixes: list[tuple[str, ...]] = []


def excluded_prefixes() -> tuple[str, ...]:
    """The admin, documents, media and static files: never looked up, never stored.

    Worked out once per process (and again after a test changes the settings): every hit
    asks."""
    if not _prefixes:
        admin = "/" + getattr(settings, "PRESSROOM_ADMIN_PATH", "admin/")
        default = (admin, "/documents/", settings.MEDIA_URL, settings.STATIC_URL)
        listed = store.conf("EXCLUDE_PREFIXES", default)
        _prefixes.append(tuple(prefix for prefix in listed if prefix))
    return _prefixes[0]


_settings: dict[str, object] = {}


def setting(name: str):
    """A Django setting, read once per process (and again after a test changes settings)."""
    try:
        return _settings[name]
    except KeyError:
        value = _settings[name] = getattr(settings, name)
        return value


@receiver(setting_changed)
def forget_prefixes(**kwargs) -> None:
    _prefixes.clear()
    _settings.clear()


def excluded(path: str) -> bool:
    return path.startswith(excluded_prefixes())


@dataclass
class Visit:
    """What the page cache's decision depends on, however the request arrived."""

    method: str
    path: str
    query_string: str
    secure: bool  # HTTPS, or a trusted proxy says so (request.is_secure())
    host: str | None  # the Host header when ALLOWED_HOSTS accepts it, else None
    port: str
    maybe_signed_in: Callable[[], bool]  # asked last: it may read the session


def may_serve(visit: Visit) -> bool:
    """Whether the cache may answer ``visit`` (and a miss may be stored for everyone).

    Anonymous GET or HEAD of a path outside the excluded prefixes, for an allowed host, whose
    query string holds tracking parameters only; with ``SECURE_SSL_REDIRECT`` only over HTTPS
    (hits are answered before SecurityMiddleware, which redirects the rest).
    """
    return (
        visit.method in ("GET", "HEAD")
        and not (setting("SECURE_SSL_REDIRECT") and not visit.secure)
        and only_tracking(visit.query_string)
        and not excluded(visit.path)
        and visit.host is not None
        and not visit.maybe_signed_in()
    )


def with_query(location: str, query_string: str) -> str:
    """``location`` with ``query_string`` added, unless it has a query of its own."""
    parts = urlsplit(location)
    if parts.query or not query_string:
        return location
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query_string, parts.fragment))
