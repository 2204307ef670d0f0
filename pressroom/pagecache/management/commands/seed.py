from django.core.management.base import BaseCommand, CommandError

from pressroom.pagecache.seed import seed_articles


class Command(BaseCommand):
    help = "Add N plain published articles to the news center (for benchmarks at scale)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True)

    def handle(self, *args, articles, **options):
        if not 0 < articles <= 1_000_000:
            raise CommandError("--articles must be between 1 and 1,000,000.")
        made = seed_articles(articles)
        self.stdout.write(f"Added {made} articles.")
