"""Where cached pages live: keys, entries, lookups and purges.

An entry is one dict holding the response headers and the body three times (plain, gzip and,
when the ``brotli`` package is installed, Brotli), so a hit never compresses anything. Keys
are made from the path alone (the language is part of the path); nothing a visitor sends in
headers, cookies or the query string reaches them.

Two ways to invalidate:

- ``purge(paths)`` replaces each path's entry with a short-lived tombstone; a render that was
  already under way when the purge happened sees the tombstone and does not store its (stale)
  result.
- ``purge_all()`` changes the generation token kept in the cache; entries made under another
  generation count as misses. Used for site-wide changes (company info, menus).

With a process-local cache (LocMemCache, the default) no purge reaches the other worker
processes, so every purge also replaces a stamp file; each process compares the stamp with
the one its entries were made under (one ``stat`` per request). On one node this makes every
change empty all workers' page caches; with Redis, purges are exact on every node.
"""

import gzip
import hashlib
import os
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.translation import get_language_from_path

try:  # Optional: Brotli is ~20% smaller than gzip for HTML.
    import brotli
except ImportError:  # pragma: no cover - exercised only without the package
    brotli = None

KEY_PREFIX = "pagecache:"
GENERATION_KEY = KEY_PREFIX + "generation"
# Purges are numbered by this counter (atomic in Redis): no clocks to compare across nodes.
SEQUENCE_KEY = KEY_PREFIX + "purges"
COMPRESSIBLE = ("text/", "application/xml", "application/rss", "application/atom",
                "application/json", "application/javascript", "image/svg")  # fmt: skip
MIN_COMPRESS_SIZE = 200


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


def key_for(path: str) -> str:
    """The cache key of a canonical path such as ``/en/news/``."""
    language = get_language_from_path(path) or settings.LANGUAGE_CODE
    digest = hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"{KEY_PREFIX}{language}:{digest}"


# --- The cross-process stamp (process-local caches only) -----------------------------------


def stamp_file() -> Path | None:
    path = conf("STAMP_FILE", None)
    return Path(path) if path else None


def read_stamp() -> str:
    path = conf("STAMP_FILE", None)
    if not path:
        return ""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        touch_stamp()
        st = os.stat(path)
    return f"{st.st_ino}.{st.st_mtime_ns}"


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

_memo: dict[str, tuple[str, float, dict]] = {}


def memo_enabled() -> bool:
    return bool(conf("STAMP_FILE", None)) and conf("MEMO_SIZE", 256) > 0


def memo_get(path: str, stamp: str) -> dict | None:
    """The copy of ``path``'s entry kept by this process, if nothing was purged since."""
    found = _memo.get(path)
    if found is not None and found[0] == stamp and found[1] > time.time():
        return found[2]
    return None


def memo_put(path: str, entry: dict) -> None:
    if len(_memo) >= conf("MEMO_SIZE", 256):
        _memo.clear()  # hot pages come back on their next hit
    stamp = entry["gen"].rpartition(":")[2]
    _memo[path] = (stamp, entry["stored_at"] + conf("TIMEOUT", 24 * 3600), entry)


def lookup_path(path: str) -> dict | None:
    """The live entry for ``path``, from this process's copies when they are current."""
    if not memo_enabled():
        return lookup(key_for(path))[0]
    entry = memo_get(path, read_stamp())
    if entry is None:
        entry = lookup(key_for(path))[0]
        if entry is not None:
            memo_put(path, entry)
    return entry


# --- Lookups and stores --------------------------------------------------------------------


def generation(current: object) -> str:
    """The generation token, creating one when the cache has none (first use, eviction)."""
    if isinstance(current, str):
        return current
    token = uuid.uuid4().hex
    if not cache().add(GENERATION_KEY, token, timeout=None):
        token = cache().get(GENERATION_KEY) or token
    return token


def lookup(key: str) -> tuple[dict | None, tuple[str, int]]:
    """The live entry under ``key`` (or None), and the state a new entry would be made under:
    the generation and the number of purges so far."""
    found = cache().get_many([key, GENERATION_KEY, SEQUENCE_KEY])
    gen = generation(found.get(GENERATION_KEY)) + ":" + read_stamp()
    entry = found.get(key)
    if isinstance(entry, dict) and entry.get("gen") == gen and "body" in entry:
        return entry, (gen, 0)
    return None, (gen, found.get(SEQUENCE_KEY) or 0)


def compress_variants(body: bytes, content_type: str) -> dict[str, bytes]:
    variants = {}
    if len(body) >= MIN_COMPRESS_SIZE and content_type.startswith(COMPRESSIBLE):
        variants["gzip"] = gzip.compress(body, compresslevel=9, mtime=0)
        if brotli is not None:
            variants["br"] = brotli.compress(body, quality=conf("BROTLI_QUALITY", 9))
    return variants


def make_entry(response, gen: str) -> dict:
    body = response.content
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in {"content-length", "vary", "etag", "cache-control", "set-cookie"}
    ]
    return {
        "gen": gen,
        "status": response.status_code,
        "headers": headers,
        "body": body,
        "variants": compress_variants(body, response.get("Content-Type", "")),
        "etag": hashlib.sha256(body).hexdigest()[:24],
        "stored_at": time.time(),
    }


def store(key: str, response, state: tuple[str, int]) -> dict | None:
    """Save ``response`` unless its path was purged while it was being rendered."""
    gen, purges_before = state
    current = cache().get(key)
    if isinstance(current, dict) and current.get("purge", 0) > purges_before:
        return None
    entry = make_entry(response, gen)
    cache().set(key, entry, timeout=conf("TIMEOUT", 24 * 3600))
    return entry


# --- Purges --------------------------------------------------------------------------------


def purge(paths) -> None:
    """Drop the cached responses of ``paths`` (on every node sharing the cache)."""
    paths = set(paths)
    if not paths:
        return
    if len(paths) > conf("PURGE_ALL_ABOVE", 500):
        purge_all()
        return
    tombstone = {"purge": next_purge_number()}
    cache().set_many(
        {key_for(path): tombstone for path in paths}, timeout=conf("TOMBSTONE_TIMEOUT", 120)
    )
    touch_stamp()
    for path in paths:
        _memo.pop(path, None)


def next_purge_number() -> int:
    try:
        return cache().incr(SEQUENCE_KEY)
    except ValueError:  # no counter yet (or evicted): start one
        cache().add(SEQUENCE_KEY, 0, timeout=None)
        return cache().incr(SEQUENCE_KEY)


def purge_all() -> None:
    """Drop every cached response: a new generation makes all entries misses."""
    cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    touch_stamp()
    _memo.clear()
