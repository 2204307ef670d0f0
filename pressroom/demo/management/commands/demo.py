from django.core.management.base import BaseCommand

from pressroom.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo company: pages, news articles, pictures and company info (idempotent)."

    def handle(self, *args, **options):
        result = load_demo()
        if result["articles"] or result.get("translations"):
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo loaded: {result['articles']} articles, "
                    f"{result.get('translations', 0)} English pages."
                )
            )
        else:
            self.stdout.write("Demo content is already there; nothing changed.")
