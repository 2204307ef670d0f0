"""WSGI entry point for application servers (``pressroom.wsgi:application``)."""

import os
import signal
import sys
import threading

STOPPING_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class StopWhileLoading:
    """A worker told to stop while it loads the site leaves once loaded, serving nothing.

    granian forks its workers with its main process's signal handler in place, and installs
    the worker's own only after the site has loaded: a SIGTERM that came meanwhile (a restart
    soon after a start; loading takes seconds on a busy machine) only set a flag in the forked
    copy of the main process, and the worker then served on until killed 30 s later. gunicorn
    installs its handlers before loading; they are put back the same way. Only the standard
    library is imported before (Django's WSGI handler alone takes a third of a second).
    """

    def __init__(self):
        self.signalled = False
        self.previous = {}

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():  # where signals are handled
            for signum in STOPPING_SIGNALS:
                if signal.getsignal(signum) is not None:  # None: a handler set outside Python
                    self.previous[signum] = signal.signal(signum, self.on_signal)
        return self

    def on_signal(self, signum, frame) -> None:
        self.signalled = True  # only a flag: the interrupted import runs to its end

    def __exit__(self, *exc_info) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)
        if self.signalled and exc_info[0] is None:
            sys.exit(0)


with StopWhileLoading():
    from django.core.wsgi import get_wsgi_application

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressroom.settings")
    application = get_wsgi_application()

    # Page-cache hits are answered before Django builds a request (docs/caching.md); what is
    # left takes one of the worker's few render slots or gets a fast 503 (docs/operations.md,
    # Overload).
    from pressroom.operations.admission import AdmissionApp
    from pressroom.pagecache.wsgi import CachedPagesApp

    admission = AdmissionApp(application)
    application = CachedPagesApp(admission)
    # A request refused a render slot looks in the page cache once more: the page it waited
    # for may have been stored meanwhile, and a cached page is never refused.
    admission.second_look = application.hit
