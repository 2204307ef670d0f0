"""Admission control: a worker renders a few uncached pages at once and refuses the rest fast.

Under a flood of uncached requests (searches, pages with a query string) a worker that takes
everything builds a queue of seconds, and cached pages and ``/healthz`` wait in it too. Here
each worker process renders at most ``PRESSROOM_RENDER_SLOTS`` requests at a time; a few more
(``PRESSROOM_RENDER_QUEUE``) may wait up to ``PRESSROOM_RENDER_WAIT`` seconds for a slot, and
every other one gets a small bilingual 503 page with ``Retry-After`` at once. While fewer than
``PRESSROOM_RENDER_CALM_LINE`` wait, the line is ordinary traffic (a burst of renders after a
publish) and they wait up to ``PRESSROOM_RENDER_CALM_WAIT`` seconds instead. A form sent
(a POST: a customer's message, a comment) may wait longer, ``PRESSROOM_RENDER_POST_WAIT``
seconds, in the same line: it is rare, cheap and what the site is for, and its sender would
have to type it again.

The gate sits below the page cache's WSGI layer (pressroom.wsgi): a hit is answered before it
and never waits for a slot. Paths in ``PRESSROOM_ADMISSION_EXEMPT`` (the health check, static
files, media) and the admin pass untouched. Decision 0048 and docs/operations.md.
"""

import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.signals import setting_changed
from django.db import connections
from django.template import loader
from django.utils import translation

from pressroom.security.middleware import is_admin_path

FALLBACK_BUSY = (
    '<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><title>503</title>'
    "<h1>访问人数过多 / Too many visitors</h1>"
    "<p>请稍后再试。Please try again in a few seconds.</p>"
)


class Gate:
    """At most ``slots`` holders at once; at most ``queue`` callers waiting for a slot.

    A line of fewer than ``calm_line`` callers is ordinary traffic: a burst of renders after
    an editor's publish purged the pages showing an article, a few slow renders at once. A
    caller that joins it waits up to ``calm_wait`` seconds, for as long as the line stays that
    short. A longer line means more requests than the worker renders in time (a flood): there
    a caller waits ``wait`` seconds at most, and a fast refusal is the better answer.
    """

    def __init__(
        self,
        slots: int,
        queue: int,
        wait: float,
        calm_wait: float | None = None,
        calm_line: int | None = None,
    ):
        self.slots = max(1, slots)
        self.queue = max(0, queue)
        self.wait = max(0.0, wait)
        self.calm_wait = self.wait if calm_wait is None else max(self.wait, calm_wait)
        self.calm_line = self.slots if calm_line is None else max(0, calm_line)
        self.free = threading.Semaphore(self.slots)
        self.lock = threading.Lock()
        self.waiting = 0
        self.taken = 0

    def enter(self, wait: float | None = None) -> bool:
        """Take a slot: at once, or after a bounded wait in a bounded line; False: refused.

        ``wait`` (seconds) is the caller's own bound, kept however long the line grows (a form
        sent); without it the caller's place in the line decides, as above."""
        if self.free.acquire(blocking=False):
            with self.lock:
                self.taken += 1
            return True
        patient = wait is not None
        with self.lock:
            if wait is None:
                wait = self.calm_wait if self.waiting < self.calm_line else self.wait
            if self.waiting >= self.queue or wait <= 0:
                return False
            self.waiting += 1
        deadline = time.monotonic() + wait
        step = wait if patient else (self.wait or wait)  # a timed-out step loses its place
        admitted = False
        try:
            while (left := deadline - time.monotonic()) > 0:
                admitted = self.free.acquire(timeout=min(step, left))
                if admitted or (not patient and self.waiting > self.calm_line):
                    break  # a slot, or a long line formed behind this caller: a flood
        finally:
            with self.lock:
                self.waiting -= 1
                if admitted:
                    self.taken += 1
        return admitted

    def leave(self) -> None:
        with self.lock:
            self.taken -= 1
        self.free.release()

    def crowded(self) -> bool:
        """Whether every slot is taken or someone waits for one."""
        return self.waiting > 0 or self.taken >= self.slots


@dataclass(frozen=True)
class Conf:
    slots: int
    queue: int
    wait: float
    calm_wait: float
    calm_line: int
    post_wait: float
    retry_after: int
    exempt: tuple[str, ...]


def current_conf() -> Conf:
    exempt = getattr(settings, "PRESSROOM_ADMISSION_EXEMPT", None)
    if exempt is None:
        exempt = ["/healthz", settings.STATIC_URL, settings.MEDIA_URL]
    return Conf(
        slots=int(getattr(settings, "PRESSROOM_RENDER_SLOTS", 2)),
        queue=int(getattr(settings, "PRESSROOM_RENDER_QUEUE", 60)),
        wait=float(getattr(settings, "PRESSROOM_RENDER_WAIT", 0.1)),
        calm_wait=float(getattr(settings, "PRESSROOM_RENDER_CALM_WAIT", 1)),
        calm_line=int(getattr(settings, "PRESSROOM_RENDER_CALM_LINE", 8)),
        post_wait=float(getattr(settings, "PRESSROOM_RENDER_POST_WAIT", 5)),
        retry_after=int(getattr(settings, "PRESSROOM_RETRY_AFTER", 5)),
        exempt=tuple(path for path in exempt if path),
    )


def busy_page() -> bytes:
    """The 503 page, in both languages: a refused visitor has no language chosen yet."""
    try:
        with translation.override(settings.LANGUAGE_CODE):
            return loader.render_to_string("operations/busy.html").encode()
    except Exception:  # this page must never fail in turn (a broken template, a bad catalogue)
        return FALLBACK_BUSY.encode()


def busy_headers(body: bytes, retry_after: int) -> list[tuple[str, str]]:
    """Headers of the 503: never stored (page cache, CDN, browser), no scripts, no framing."""
    return [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(len(body))),
        ("Retry-After", str(retry_after)),
        ("Cache-Control", "no-store"),
        ("Content-Security-Policy", "default-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "same-origin"),
    ]


class AdmissionApp:
    """Wraps Django's WSGI application: uncached requests take a slot or get the 503 page."""

    def __init__(self, application, second_look=None):
        self.application = application
        # Asked before a refusal: the page may have been stored while this request waited
        # (many visitors asking for one page that was just purged). It answers the request
        # and returns the body, or returns None (pressroom.pagecache.wsgi.CachedPagesApp.hit).
        self.second_look = second_look
        self.conf: Conf | None = None
        self.gate: Gate | None = None
        self.busy: tuple[bytes, list[tuple[str, str]]] | None = None
        self.setup_lock = threading.Lock()
        setting_changed.connect(self.forget)

    def forget(self, **kwargs) -> None:
        """A test changed a setting: read them again (a new gate, a new page)."""
        self.conf = self.gate = self.busy = None

    def setup(self) -> tuple[Conf, Gate]:
        with self.setup_lock:
            if self.conf is None or self.gate is None:
                self.conf = conf = current_conf()
                self.gate = Gate(conf.slots, conf.queue, conf.wait, conf.calm_wait, conf.calm_line)
            return self.conf, self.gate

    def exempt(self, path: str, conf: Conf) -> bool:
        return path.startswith(conf.exempt) or is_admin_path(path)

    def refuse(self, start_response, conf: Conf):
        if self.busy is None:
            body = busy_page()
            self.busy = (body, busy_headers(body, conf.retry_after))
        body, headers = self.busy
        start_response("503 Service Unavailable", headers)
        return [body]

    def __call__(self, environ, start_response):
        conf, gate = self.setup()
        if self.exempt(environ.get("PATH_INFO", ""), conf):
            try:
                return self.application(environ, start_response)
            finally:
                let_go_of_connections(gate)
        wait = conf.post_wait if environ.get("REQUEST_METHOD") == "POST" else None
        if not gate.enter(wait):
            if self.second_look is not None:
                body = self.second_look(environ, start_response)
                if body is not None:
                    return body
            return self.refuse(start_response, conf)
        try:
            # Django renders the whole response here; a streamed body (a download) is sent
            # after the slot is given back.
            return self.application(environ, start_response)
        finally:
            let_go_of_connections(gate)
            gate.leave()


def let_go_of_connections(gate: Gate) -> None:
    """Under pressure, close this thread's database connections after its request.

    Django keeps a connection per thread (CONN_MAX_AGE), and in a flood every one of the
    worker's threads may take a turn at rendering: kept, that is a connection (PostgreSQL's
    max_connections) and an SQLite page cache per thread. Closed, the worker holds about as
    many connections as it renders pages at once; the next render opens one again.
    """
    if gate.crowded():
        connections.close_all()
