"""Admin writes are all-or-nothing: a crash or error mid-request leaves no half-made page."""

from django.conf import settings
from django.db import transaction

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class AtomicAdminWritesMiddleware:
    """Run each admin POST (create, edit, publish, delete, upload…) in one transaction.

    Wagtail's "create and publish" adds the page row, then its first revision, then publishes
    that revision, each committed on its own: a worker killed in between (kill -9, OOM, a
    deploy) left a live page without a revision. Here a lost process or an exception rolls
    back everything the request wrote. Reads are left alone: on SQLite every transaction
    takes the write lock (transaction_mode IMMEDIATE), so Django's ATOMIC_REQUESTS would
    make every page view queue behind editors.

    Must be the last middleware: it calls the view itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/" + settings.PRESSROOM_ADMIN_PATH

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS or not request.path_info.startswith(self.prefix):
            return None
        with transaction.atomic():
            return view_func(request, *view_args, **view_kwargs)
