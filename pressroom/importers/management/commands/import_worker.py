import logging
import time

from django.conf import settings
from django.db import DatabaseError, close_old_connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger(__name__)


class Command(db_worker.Command):
    help = (
        "Run the imports started in the admin (db_worker --backend imports), starting again "
        "after the database went away."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(backend_name="imports", queue_name="*", reload=False)

    def handle(self, *args, **options):
        """db_worker's loop, started again after an outage, as the contact worker's is: the
        worker's poll raises on a refused connection, and a worker that exits with the
        database would leave the admin's imports waiting until the next restart. SIGTERM
        still ends it."""
        retry = settings.PRESSROOM_CONTACT_WORKER_RETRY
        while True:
            try:
                super().handle(*args, **options)
                return
            except DatabaseError:
                logger.warning(
                    "Import worker: database unavailable; trying again in %s s",
                    retry,
                    exc_info=True,
                )
                close_old_connections()
                time.sleep(retry)
