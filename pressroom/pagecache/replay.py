"""Turning a stored entry into a response: the encoding, the ETag, a 304 when it matches."""

import time

from django.utils.http import parse_http_date_safe

from pressroom.pagecache import store

SUFFIX = {None: "", "gzip": "-gz", "br": "-br"}


# Browsers send a handful of different Accept-Encoding headers: each is read once per
# process. Bounded, as the header is the visitor's to choose.
_accepted: dict[str, frozenset[str]] = {}
ACCEPTED_KEPT = 64


def accepted_encodings(header: str) -> frozenset[str]:
    """The content codings an Accept-Encoding header allows (those not given q=0)."""
    known = _accepted.get(header)
    if known is None:
        if len(_accepted) >= ACCEPTED_KEPT:
            _accepted.clear()
        known = _accepted[header] = frozenset(read_accept_encoding(header))
    return known


def read_accept_encoding(header: str) -> set[str]:
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


def choose_encoding(accept_encoding: str, entry) -> str | None:
    accepted = accepted_encodings(accept_encoding)
    for encoding in ("br", "gzip"):
        if encoding in accepted and encoding in entry["variants"]:
            return encoding
    return None


def etag_for(entry, encoding) -> str:
    return f'"{entry["etag"]}{SUFFIX[encoding]}"'


def not_modified(if_none_match: str, entry) -> bool:
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    ours = {etag_for(entry, encoding) for encoding in SUFFIX}
    theirs = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return bool(ours & theirs)


def unchanged_since(if_modified_since: str, entry) -> bool:
    """True when the stored response's Last-Modified is no later than the client's copy."""
    if not if_modified_since:
        return False
    last_modified = next(
        (value for name, value in entry["headers"] if name.lower() == "last-modified"), None
    )
    if not last_modified:
        return False
    theirs, ours = parse_http_date_safe(if_modified_since), parse_http_date_safe(last_modified)
    return theirs is not None and ours is not None and ours <= theirs


def cache_control(entry=None) -> str:
    """Browsers keep a page MAX_AGE seconds; a CDN that is purged on publish, SHARED_MAX_AGE;
    neither beyond the moment the entry itself goes stale (its page's ``Expires``)."""
    left = None
    if entry is not None and "lifetime" in entry:
        left = max(0, int(entry["stored_at"] + entry["lifetime"] - time.time()))
    max_age = store.conf("MAX_AGE", 60)
    value = f"public, max-age={max_age if left is None else min(max_age, left)}"
    shared = store.conf("SHARED_MAX_AGE", 0)
    if shared and left is not None:
        shared = min(shared, left) or 1  # 0 would mean "no s-maxage" below; 1 s is harmless
    return f"{value}, s-maxage={shared}" if shared else value


def replay(entry, method, accept_encoding, if_none_match, state, if_modified_since=""):
    """``(status, headers, body)`` answering one request from ``entry``.

    If-None-Match decides when present; otherwise If-Modified-Since does (RFC 9110 13.2.2).
    """
    encoding = choose_encoding(accept_encoding, entry)
    headers = [
        ("ETag", etag_for(entry, encoding)),
        ("Cache-Control", cache_control(entry)),
        ("Vary", "Accept-Encoding"),
        ("X-Page-Cache", state),
    ]
    if not_modified(if_none_match, entry) or (
        not if_none_match and unchanged_since(if_modified_since, entry)
    ):
        return 304, headers, b""
    body = entry["variants"][encoding] if encoding else store.plain_body(entry)
    headers = [*entry["headers"], ("Content-Length", str(len(body))), *headers]
    if encoding:
        headers.append(("Content-Encoding", encoding))
    return entry["status"], headers, b"" if method == "HEAD" else body
