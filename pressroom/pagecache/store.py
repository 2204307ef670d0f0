"""Where cached pages live: keys, entries, lookups and purges.

An entry is one dict holding the response headers and the body three times (plain, gzip and,
when the ``brotli`` package is installed, Brotli), so a hit never compresses anything; a body
over 64 KB is kept compressed only. Keys are made from the Wagtail Site (``sites``), the
language and the path; nothing a visitor sends in headers, cookies or the query string
reaches them.

Two ways to invalidate:

- ``purge(addresses)`` replaces the entry of each address (a site and a path) with a
  short-lived tombstone; a render that was already under way when the purge happened sees
  the tombstone and does not store its (stale) result.
- ``purge_all()`` changes the generation token kept in the cache; entries made under another
  generation count as misses. Used for site-wide changes (company info, menus).

With a process-local cache (LocMemCache, the default) no purge reaches the other worker
processes, so every purge also replaces a stamp file; each process compares the stamp with
the one its entries were made under (one ``stat`` per request). On one node this makes every
change empty all workers' page caches; with Redis, purges are exact on every node.
"""

import gzip
import hashlib
import logging
import os
import time
import uuid
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.http import parse_http_date_safe
from django.utils.translation import get_language_from_path

from pressroom.pagecache import sites

logger = logging.getLogger(__name__)

try:  # Optional: Brotli makes HTML smaller than gzip does.
    import brotli
except ImportError:  # pragma: no cover - exercised only without the package
    brotli = None

KEY_PREFIX = "pagecache:"
GENERATION_KEY = KEY_PREFIX + "generation"
# Purges are numbered by this counter (atomic in Redis): no clocks to compare across nodes.
SEQUENCE_KEY = KEY_PREFIX + "purges"
# A token replaced by every purge, of some addresses or of all (``content_version``).
CONTENT_KEY = KEY_PREFIX + "content"
COMPRESSIBLE = ("text/", "application/xml", "application/rss", "application/atom",
                "application/json", "application/javascript", "image/svg")  # fmt: skip
MIN_COMPRESS_SIZE = 200
PLAIN_KEPT_UP_TO = 64 * 1024  # bytes of a body kept uncompressed in an entry


_conf: dict[str, object] = {}


def conf(name: str, default):
    """``settings.PRESSROOM_PAGECACHE_<name>``, remembered: hits read several per request."""
    try:
        return _conf[name]
    except KeyError:
        value = _conf[name] = getattr(settings, f"PRESSROOM_PAGECACHE_{name}", default)
        return value


@receiver(setting_changed)
def forget_settings(**kwargs) -> None:
    _conf.clear()


def cache():
    return caches[conf("ALIAS", "default")]


SITES_KEY = KEY_PREFIX + "sites"


def key_for(site_id: int, path: str) -> str:
    """The cache key of a canonical path such as ``/en/news/`` on one Wagtail Site."""
    language = get_language_from_path(path) or settings.LANGUAGE_CODE
    digest = hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"{KEY_PREFIX}{int(site_id)}:{language}:{digest}"


# --- The cross-process stamp (process-local caches only) -----------------------------------


def stamp_file() -> Path | None:
    path = conf("STAMP_FILE", None)
    return Path(path) if path else None


# The stamp this process saw last: another one means a purge happened somewhere on the node.
_seen_stamp: list[str] = []


def read_stamp() -> str:
    path = conf("STAMP_FILE", None)
    if not path:
        return ""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        touch_stamp()
        st = os.stat(path)
    stamp = f"{st.st_ino}.{st.st_mtime_ns}"
    if _seen_stamp != [stamp]:
        if _seen_stamp:
            forget_earlier_versions()
        _seen_stamp[:] = [stamp]
    return stamp


def forget_earlier_versions() -> None:
    """Empty this process's page cache (and its copies of hits): everything in it was made
    under the stamp before, so it could only be a miss. Kept, such entries would fill the
    cache up to its MAX_ENTRIES, pages of every version since the last cull: memory that
    crept up with every publish (docs/operations.md, "Soak"). Only with a stamp file, which
    is set for a cache each process keeps to itself (settings: LocMemCache)."""
    _memo.clear()
    try:
        cache().clear()
    except Exception:
        logger.warning("Page cache not emptied after a purge", exc_info=True)


def touch_stamp() -> None:
    """Replace the stamp file, so every process on this node sees a new stamp."""
    path = stamp_file()
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{uuid.uuid4().hex}")
    try:
        tmp.write_text(uuid.uuid4().hex)
        os.replace(tmp, path)  # a new inode: the stamp changes even within one clock tick
    except OSError:
        tmp.unlink(missing_ok=True)  # a full disk must not leave one empty file per purge
        raise


# --- Per-process copies of hits (process-local caches only) --------------------------------
#
# A LocMemCache stores pickles, so every hit would unpickle the whole entry (three bodies).
# Each worker keeps its recent hits as objects instead, each with the stamp it was valid
# under. Every purge, in any process on this node, replaces the stamp file, so one ``stat``
# tells whether a copy is still current. Without a stamp file (Redis, or tests) there is no
# such signal and nothing is kept: every hit asks the shared cache.

_memo: dict[tuple[int, str], tuple[str, float, str, dict]] = {}  # stamp, expiry, key, entry


def memo_enabled() -> bool:
    return bool(conf("STAMP_FILE", None)) and conf("MEMO_SIZE", 256) > 0


def memo_get(address: tuple[int, str], stamp: str) -> tuple[str, dict] | None:
    """The copy of ``address``'s entry kept by this process (with its key), if nothing was
    purged since."""
    found = _memo.get(address)
    if found is not None and found[0] == stamp and found[1] > time.time():
        return found[2], found[3]
    return None


def memo_put(address: tuple[int, str], key: str, entry: dict) -> None:
    if len(_memo) >= conf("MEMO_SIZE", 256):
        _memo.clear()  # hot pages come back on their next hit
    stamp = entry["gen"].rpartition(":")[2]
    _memo[address] = (stamp, entry["stored_at"] + lifetime_of(entry), key, entry)


# --- Lookups and stores --------------------------------------------------------------------


def generation(current: object, key: str = GENERATION_KEY) -> str:
    """The generation token (or another token kept under ``key``), creating one when the
    cache has none (first use, eviction): a new random token never repeats an old one."""
    if isinstance(current, str):
        return current
    token = uuid.uuid4().hex
    if not cache().add(key, token, timeout=None):
        token = cache().get(key) or token
    return token


class Found(NamedTuple):
    """What a lookup found: the key (None when the cache cannot answer for this host), the
    live entry, and the state a new entry would be stored under (version, purges so far)."""

    key: str | None
    entry: dict | None
    state: tuple[str, int]
    site_id: int | None = None


# This process's latest table of sites, with the version it was made under.
_sites: list[tuple[str, tuple]] = []


def sites_table(found: dict, version: str, build: bool):
    """The Site rows of the current version: from the cache, else (``build``) the database."""
    table = found.get(SITES_KEY)
    if isinstance(table, dict) and table.get("version") == version:
        rows = table["rows"]
    elif build:
        rows = sites.rows_from_database()
        cache().set(SITES_KEY, {"version": version, "rows": rows}, timeout=conf("TIMEOUT", 86400))
    else:
        return None
    _sites[:] = [(version, rows)]
    return rows


def find(hostname: str, port, path: str, build_sites: bool = False) -> Found:
    """The live entry of ``path`` on the site of ``hostname`` and ``port``.

    One cache read in the usual case (this process guesses the site from the table it saw
    last and checks the guess against the current version); none with a stamp file while
    this process keeps a copy of the entry. Without a current table of sites in the cache
    the answer is "cannot tell" unless ``build_sites`` (the middleware) may read the database.
    """
    stamp = read_stamp()
    known = _sites[0] if _sites else None
    guess = sites.site_for_host(known[1], hostname, port) if known else None
    if guess is not None and memo_enabled() and known[0].rpartition(":")[2] == stamp:
        kept = memo_get((guess, path), stamp)
        if kept is not None:
            key, entry = kept
            return Found(key, entry, (entry["gen"], 0), guess)
    guessed_key = key_for(guess, path) if guess is not None else None
    keys = [GENERATION_KEY, SEQUENCE_KEY, SITES_KEY, *([guessed_key] if guessed_key else [])]
    found = cache().get_many(keys)
    version = generation(found.get(GENERATION_KEY)) + ":" + stamp
    rows = sites_table(found, version, build_sites)
    site_id = sites.site_for_host(rows, hostname, port) if rows is not None else None
    if site_id is None:
        return Found(None, None, (version, 0))
    key = key_for(site_id, path)
    entry = found.get(key) if key == guessed_key else cache().get(key)
    if isinstance(entry, dict) and entry.get("gen") == version and "body" in entry:
        if memo_enabled():
            memo_put((site_id, path), key, entry)
        return Found(key, entry, (version, 0), site_id)
    return Found(key, None, (version, found.get(SEQUENCE_KEY) or 0), site_id)


def compress_variants(body: bytes, content_type: str) -> dict[str, bytes]:
    variants = {}
    if len(body) >= MIN_COMPRESS_SIZE and content_type.startswith(COMPRESSIBLE):
        variants["gzip"] = gzip.compress(body, compresslevel=9, mtime=0)
        if brotli is not None:
            # A window just big enough for the body (from 64 KB): with Brotli's default, 4 MB,
            # quality 9 spent 4-7 ms of CPU on a 7-13 KB page, most of it setting itself up;
            # 0.1-0.3 ms with the window sized, the output the same to within a few bytes.
            window = min(24, max(16, len(body).bit_length()))
            variants["br"] = brotli.compress(body, quality=conf("BROTLI_QUALITY", 9), lgwin=window)
    return variants


def plain_body(entry: dict) -> bytes:
    """The uncompressed body of ``entry``: kept as it is, or (a large one) unzipped."""
    body = entry["body"]
    return gzip.decompress(entry["variants"]["gzip"]) if body is None else body


def lifetime(response, now: float) -> int:
    """Seconds the page cache may keep ``response``: the TIMEOUT setting, or less when the
    page says by its ``Expires`` header that it changes by itself sooner (a job posting
    closing at midnight). 0: not at all."""
    timeout = conf("TIMEOUT", 24 * 3600)
    expires = parse_http_date_safe(response.get("Expires", ""))
    if expires is None:
        return timeout
    return max(0, min(timeout, int(expires - now)))


def lifetime_of(entry: dict) -> int:
    return entry.get("lifetime", conf("TIMEOUT", 24 * 3600))


def make_entry(response, gen: str) -> dict:
    body = response.content
    now = time.time()
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in {"content-length", "vary", "etag", "cache-control", "set-cookie"}
    ]
    variants = compress_variants(body, response.get("Content-Type", ""))
    return {
        "gen": gen,
        "status": response.status_code,
        "headers": headers,
        # A large body is kept compressed only (a sitemap section of 5,000 addresses: 1.9 MB,
        # 71 KB gzipped, 27 KB with Brotli), and unzipped for the rare client asking for it
        # plain (3 ms): each process keeps a copy of what it serves, up to MAX_ENTRIES.
        "body": None if len(body) > PLAIN_KEPT_UP_TO and "gzip" in variants else body,
        "variants": variants,
        "etag": hashlib.sha256(body).hexdigest()[:24],
        "stored_at": now,
        "lifetime": lifetime(response, now),
    }


def store(key: str, response, state: tuple[str, int]) -> dict | None:
    """Save ``response`` unless its path was purged while it was being rendered."""
    gen, purges_before = state
    current = cache().get(key)
    if isinstance(current, dict) and current.get("purge", 0) > purges_before:
        return None
    entry = make_entry(response, gen)
    if entry["lifetime"] <= 0:
        return None  # stale already (it expires this second)
    cache().set(key, entry, timeout=entry["lifetime"])
    return entry


# --- Purges --------------------------------------------------------------------------------


def purge(addresses) -> None:
    """Drop the cached responses of ``addresses``, ``(site id, path)`` pairs (on every node
    sharing the cache)."""
    addresses = {(int(site_id), path) for site_id, path in addresses}
    if not addresses:
        return
    if len(addresses) > conf("PURGE_ALL_ABOVE", 500):
        purge_all()
        return
    tombstone = {"purge": next_purge_number()}
    cache().set_many(
        {key_for(*address): tombstone for address in addresses},
        timeout=conf("TOMBSTONE_TIMEOUT", 120),
    )
    cache().set(CONTENT_KEY, uuid.uuid4().hex, timeout=None)
    touch_stamp()  # this process's copies go at its next look at the stamp, as everyone's


def next_purge_number() -> int:
    try:
        return cache().incr(SEQUENCE_KEY)
    except ValueError:  # no counter yet (or evicted): start one
        cache().add(SEQUENCE_KEY, 0, timeout=None)
        return cache().incr(SEQUENCE_KEY)


def site_version() -> str:
    """The generation and stamp: what versions the values every page shows
    (``PRESSROOM_SITE_VERSION``, read by pressroom.core.sitecache)."""
    return generation(cache().get(GENERATION_KEY)) + ":" + read_stamp()


def content_version() -> str:
    """A token that changes with every purge, of some addresses or of all, on every node:
    what versions values worked out from published content that many pages share, such as
    the length of a news list (``PRESSROOM_CONTENT_VERSION``, read by
    pressroom.core.sitecache). Each purge names what a content change shows, so a value
    kept under this token is current until some page's content changes."""
    found = cache().get_many([GENERATION_KEY, CONTENT_KEY])
    return ":".join(
        (generation(found.get(GENERATION_KEY)), generation(found.get(CONTENT_KEY), CONTENT_KEY),
         read_stamp())
    )  # fmt: skip


def purge_all() -> None:
    """Drop every cached response: a new generation makes all entries misses."""
    cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    touch_stamp()
