import logging
import signal
import threading
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from pressroom.scheduling.runner import publish_scheduled, refresh_sqlite_statistics

logger = logging.getLogger("pressroom.scheduler")


class Command(BaseCommand):
    help = "Publish and unpublish scheduled pages every --interval seconds (run by `serve`)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=settings.PRESSROOM_SCHEDULER_INTERVAL)
        parser.add_argument("--once", action="store_true", help="Run once and exit.")

    def handle(self, *args, interval, once, **options):
        stopping = threading.Event()
        if not once:
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: stopping.set())
        analyzed_at = None
        while True:
            every = getattr(settings, "PRESSROOM_SQLITE_ANALYZE_INTERVAL", 24 * 3600)
            if every and (analyzed_at is None or time.monotonic() - analyzed_at >= every):
                try:
                    refresh_sqlite_statistics()
                except Exception:
                    logger.exception("Refreshing the database statistics failed")
                analyzed_at = time.monotonic()
            try:
                report = publish_scheduled()
                if report is None:
                    logger.info("Another process is publishing scheduled pages; skipped.")
                elif report.strip():
                    logger.info("%s", report.strip())
            except Exception:  # keep the schedule going; the next run retries
                logger.exception("Scheduled publishing failed")
            finally:
                close_old_connections()
            if once or stopping.wait(interval):
                return
