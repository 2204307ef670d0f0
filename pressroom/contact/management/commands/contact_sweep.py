import signal
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from pressroom.contact.delivery import sweep


class Command(BaseCommand):
    help = "Deliver contact messages whose retry is due and delete expired ones."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=float, default=0, help="Repeat every N seconds (0: run once)."
        )

    def handle(self, *args, every, **options):
        if not every:
            self.report(sweep())
            return
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        while not stopping:
            try:
                result = sweep()
            except DatabaseError as exc:  # database briefly away: try again next round
                self.stderr.write(f"contact_sweep: {exc}")
            else:
                if any(result.values()):
                    self.report(result)
            deadline = time.monotonic() + every
            while not stopping and time.monotonic() < deadline:
                time.sleep(min(1.0, every))

    def report(self, result: dict) -> None:
        self.stdout.write(
            "Contact messages: {sent} sent, {retry} to retry, {failed} given up, "
            "{held_summaries} summaries of held messages sent, "
            "{purged} deleted as expired.".format(**result)
        )
