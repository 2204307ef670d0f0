import logging
import threading
import time

from django.conf import settings
from django.db import DatabaseError, close_old_connections
from django_tasks_db.management.commands import db_worker

from pressroom.contact.delivery import sweep

logger = logging.getLogger(__name__)


def sweep_forever(every: float, stop: threading.Event) -> None:
    """Run the contact sweep at once and then every ``every`` seconds until ``stop`` is set.

    A sweep stops between messages when ``stop`` is set: each attempt may wait EMAIL_TIMEOUT
    on a mail server that does not answer, and a stopping worker must not try them all.
    """
    while not stop.is_set():
        try:
            result = sweep(should_stop=stop.is_set)
        except DatabaseError:  # database briefly away: try again next round
            logger.warning("Contact sweep failed; retrying in %s s", every, exc_info=True)
        else:
            if any(result.values()):
                logger.warning("Contact sweep: %s", result)
        finally:
            close_old_connections()
        if stop.wait(every):
            return


class Command(db_worker.Command):
    help = (
        "Run the contact task worker (db_worker --backend contact) with the retry and "
        "retention sweep in the same process."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(backend_name="contact", queue_name="*", reload=False)
        parser.add_argument(
            "--sweep-every", type=float, default=30, help="Seconds between sweeps (default 30)."
        )

    def handle(self, *args, sweep_every, **options):
        stop = threading.Event()
        thread = threading.Thread(
            target=sweep_forever, args=(sweep_every, stop), name="contact-sweep", daemon=True
        )
        thread.start()
        try:
            self.work_through_outages(*args, **options)
        finally:
            # The sweep finishes the attempt at hand (at most EMAIL_TIMEOUT) and stops.
            stop.set()
            thread.join(timeout=settings.EMAIL_TIMEOUT + 5)

    def work_through_outages(self, *args, **options):
        """db_worker's loop, started again after the database went away: the worker's poll
        raises on a refused connection, and a mail worker that exits with the database would
        leave every message after the outage unsent. SIGTERM still ends it (db_worker's own
        handler exits at once while no task runs, during this wait too)."""
        retry = settings.PRESSROOM_CONTACT_WORKER_RETRY
        while True:
            try:
                super().handle(*args, **options)
                return
            except DatabaseError:
                logger.warning(
                    "Contact worker: database unavailable; trying again in %s s",
                    retry,
                    exc_info=True,
                )
                close_old_connections()
                time.sleep(retry)
