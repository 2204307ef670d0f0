import logging
import threading

from django.db import DatabaseError, close_old_connections
from django_tasks_db.management.commands import db_worker

from pressroom.contact.delivery import sweep

logger = logging.getLogger(__name__)


def sweep_forever(every: float, stop: threading.Event) -> None:
    """Run the contact sweep every ``every`` seconds until ``stop`` is set."""
    while not stop.wait(every):
        try:
            result = sweep()
        except DatabaseError:  # database briefly away: try again next round
            logger.warning("Contact sweep failed; retrying in %s s", every, exc_info=True)
        else:
            if any(result.values()):
                logger.warning("Contact sweep: %s", result)
        finally:
            close_old_connections()


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
            super().handle(*args, **options)
        finally:
            stop.set()
            thread.join(timeout=15)
