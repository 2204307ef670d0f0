"""Admin writes are all-or-nothing: a crash or error mid-request leaves no half-made page."""

import functools

from django.db import transaction
from django.urls import URLPattern, URLResolver

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def atomic_writes(view):
    """Run the view in one transaction when the request may write (POST, PUT, DELETE…).

    Wagtail's "create and publish" adds the page row, then its first revision, then publishes
    that revision, each committed on its own: a worker killed in between (kill -9, OOM, a
    deploy) left a live page without a revision. In one transaction a lost process or an
    exception rolls back everything the request wrote. Reads stay outside any transaction:
    on SQLite every transaction takes the write lock (transaction_mode IMMEDIATE), so
    Django's ATOMIC_REQUESTS would make every page view queue behind the editors.
    """
    if getattr(view, "_pressroom_atomic_writes", False):
        return view

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method in SAFE_METHODS:
            return view(request, *args, **kwargs)
        with transaction.atomic():
            return view(request, *args, **kwargs)

    wrapper._pressroom_atomic_writes = True
    return wrapper


def atomic_writes_for(patterns):
    """Wrap every view under these URL patterns (in place) with atomic_writes."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            atomic_writes_for(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            pattern.callback = atomic_writes(pattern.callback)
    return patterns
