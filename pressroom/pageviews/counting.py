"""What counts as a view, and how counts reach the database without slowing anyone down.

A view is a beacon the article's or product's page sends once it has loaded in a browser
(``static/js/views.js``): pages stay cached for everyone, and no cookie is set. A beacon does
not count when
- its user agent is a robot's (search engines and link previews mostly never run the script;
  those that do say who they are), or it names no user agent at all;
- it comes from another site (an ``Origin`` header naming another host);
- the same address counted this page within the last ``WINDOW`` (reloads, back and forth);
- the same address sent more than ``PER_ADDRESS_PER_MINUTE`` counted beacons this minute
  (a flood from one address moves nothing).
Addresses are only kept, hashed, in the cache for that window; nothing about the visitor is
stored with the counts.

Counted views wait in this process's ``buffer`` and are written in one transaction when it
holds ``FLUSH_AT`` pages or ``FLUSH_EVERY`` seconds have passed since the last write, and when
the process stops. A write that fails (the database busy or down) keeps them for the next one.
"""

import hashlib
import logging
import re
import threading
import time

from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from pressroom.pageviews.models import DocumentDownloads, PageViews
from pressroom.security.throttle import client_ip

logger = logging.getLogger(__name__)

WINDOW = 30 * 60  # seconds in which one address counts once per page
PER_ADDRESS_PER_MINUTE = 30
FLUSH_AT = 200
FLUSH_EVERY = 10.0

ROBOTS = re.compile(
    r"bot|crawl|spider|slurp|fetch|preview|monitor|headless|lighthouse|curl|wget|python|"
    r"java/|go-http|okhttp|scrapy|httpclient|libwww|phantom|selenium|playwright|puppeteer|"
    r"facebookexternalhit|embedly|quora link|whatsapp|telegram|bytespider|yisouspider",
    re.IGNORECASE,
)


def is_robot(user_agent: str) -> bool:
    return not user_agent.strip() or ROBOTS.search(user_agent) is not None


def from_elsewhere(request) -> bool:
    origin = request.headers.get("Origin", "")
    if not origin or origin == "null":
        return bool(origin)
    return origin.split("://", 1)[-1].rstrip("/") != request.get_host()


def first_from_address(request, page_id: int, kind: str = "pv") -> bool:
    """True the first time in ``WINDOW`` this address views this page, within its minute's
    allowance. A cache that cannot be reached counts nothing (a view is not worth an error)."""
    address = hashlib.blake2b(client_ip(request).encode(), digest_size=12).hexdigest()
    minute = int(time.time() // 60)
    try:
        if not cache.add(f"{kind}:seen:{page_id}:{address}", 1, WINDOW):
            return False
        allowance_key = f"pv:rate:{address}:{minute}"
        cache.add(allowance_key, 0, 120)
        return cache.incr(allowance_key) <= PER_ADDRESS_PER_MINUTE
    except Exception:
        logger.warning("View not counted: the cache is unavailable", exc_info=True)
        return False


class Buffer:
    """Counted views (or downloads) not yet written: ``{(page or document id, day): count}``,
    handed to ``writer`` in batches."""

    def __init__(self, writer):
        self.writer = writer
        self.lock = threading.Lock()
        self.pending: dict[tuple[int, object], int] = {}
        self.last_write = time.monotonic()

    def add(self, page_id: int) -> None:
        key = (page_id, timezone.localdate())
        with self.lock:
            self.pending[key] = self.pending.get(key, 0) + 1
            due = len(self.pending) >= FLUSH_AT or time.monotonic() - self.last_write >= FLUSH_EVERY
        if due:
            self.flush()

    def waiting_for(self, page_id: int) -> int:
        with self.lock:
            return sum(n for (pid, _day), n in self.pending.items() if pid == page_id)

    def flush(self) -> int:
        """Write what is waiting; returns the views written."""
        with self.lock:
            taken, self.pending = self.pending, {}
            self.last_write = time.monotonic()
        if not taken:
            return 0
        try:
            self.writer(taken)
        except DatabaseError:
            logger.warning("View counts kept for the next write", exc_info=True)
            with self.lock:
                for key, n in taken.items():
                    self.pending[key] = self.pending.get(key, 0) + n
            return 0
        return sum(taken.values())


def write_counts(model, key: str, existing: set, counts: dict) -> None:
    """Add ``counts`` to ``model``'s daily rows (``key``: the counted object's field), for the
    ids in ``existing`` only, in one transaction."""
    with transaction.atomic():
        for (object_id, day), n in sorted(counts.items()):
            if object_id not in existing:
                continue  # deleted or unpublished since, or never there
            rows = model.objects.filter(**{key: object_id, "day": day})
            if rows.update(count=F("count") + n):
                continue
            try:
                with transaction.atomic():
                    model.objects.create(**{key: object_id, "day": day, "count": n})
            except IntegrityError:  # another process made the day's row meanwhile
                rows.update(count=F("count") + n)


def write(counts: dict) -> None:
    ids = {object_id for object_id, _day in counts}
    live = set(Page.objects.filter(pk__in=ids, live=True).values_list("pk", flat=True))
    write_counts(PageViews, "page_id", live, counts)


def write_downloads(counts: dict) -> None:
    ids = {object_id for object_id, _day in counts}
    there = set(get_document_model().objects.filter(pk__in=ids).values_list("pk", flat=True))
    write_counts(DocumentDownloads, "document_id", there, counts)


buffer = Buffer(write)
downloads = Buffer(write_downloads)


def count_view(request, page_id: int) -> bool:
    """Count one view of ``page_id`` if the beacon is a visitor's first in the window."""
    if is_robot(request.headers.get("User-Agent", "")) or from_elsewhere(request):
        return False
    if not first_from_address(request, page_id):
        return False
    buffer.add(page_id)
    return True


def views_of(page_id: int) -> int:
    return PageViews.total_for(page_id) + buffer.waiting_for(page_id)


def count_download(request, document_id: int) -> bool:
    """Count one download of a document (Wagtail's document view, ``before_serve_document``),
    by the same rules as a view: no robots, once per address and file in the window."""
    if is_robot(request.headers.get("User-Agent", "")):
        return False
    if not first_from_address(request, document_id, kind="dl"):
        return False
    downloads.add(document_id)
    return True
