import logging
import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from pressroom.scheduling.runner import publish_scheduled, refresh_sqlite_statistics, run_jobs

logger = logging.getLogger("pressroom.scheduler")


class Command(BaseCommand):
    help = "Publish and unpublish scheduled pages every --interval seconds (run by `serve`)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=settings.PRESSROOM_SCHEDULER_INTERVAL)
        parser.add_argument("--once", action="store_true", help="Run once and exit.")

    stopping = False

    def stop(self, signum, frame) -> None:
        # Only a flag: a signal handler must take no lock (an Event's could be held already).
        self.stopping = True

    def handle(self, *args, interval, once, **options):
        if not once:
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, self.stop)
        analyzed_at = None
        while not self.stopping:
            every = getattr(settings, "PRESSROOM_SQLITE_ANALYZE_INTERVAL", 24 * 3600)
            if every and (analyzed_at is None or time.monotonic() - analyzed_at >= every):
                try:
                    refresh_sqlite_statistics()
                except Exception:
                    logger.exception("Refreshing the database statistics failed")
                analyzed_at = time.monotonic()
            try:
                report = publish_scheduled(should_stop=lambda: self.stopping)
                if report is None:
                    logger.info("Another process is publishing scheduled pages; skipped.")
                elif report.strip():
                    logger.info("%s", report.strip())
            except Exception:  # keep the schedule going; the next run retries
                logger.exception("Scheduled publishing failed")
            try:
                for report in run_jobs(should_stop=lambda: self.stopping):
                    logger.info("%s", report.strip())
            finally:
                close_old_connections()
            if once:
                return
            self.sleep(interval)

    def sleep(self, seconds: float) -> None:
        """Wait until the next run, waking at once when a stop signal comes."""
        until = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < until:
            time.sleep(min(0.2, max(until - time.monotonic(), 0)))
