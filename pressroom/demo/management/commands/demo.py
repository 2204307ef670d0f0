from django.core.management.base import BaseCommand, CommandError

from pressroom.demo.data import DemoDataError
from pressroom.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo company: pages, news articles, pictures and company info (idempotent)."

    def handle(self, *args, **options):
        try:
            result = load_demo()
        except DemoDataError as exc:
            raise CommandError(f"The demo's data is wrong, nothing was loaded: {exc}") from exc
        if result["articles"] or result["translations"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo loaded: {result['articles']} articles, "
                    f"{result['translations']} English pages."
                )
            )
        else:
            self.stdout.write("Demo content is already there; nothing changed.")
