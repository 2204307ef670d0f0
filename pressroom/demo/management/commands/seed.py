from django.core.management.base import BaseCommand, CommandError

from pressroom.demo.seed import seed_articles


class Command(BaseCommand):
    help = (
        "Add N published articles to the news center in each language, for benchmarks at "
        "scale: N Chinese articles and their N English translations (Chinese only on a site "
        "without an English news center)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, required=True, help="articles to add in each language"
        )

    def handle(self, *args, articles, **options):
        if not 0 < articles <= 1_000_000:
            raise CommandError("--articles must be between 1 and 1,000,000.")
        try:
            seeded = seed_articles(articles)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        count = len(seeded.languages)
        languages = ", ".join(seeded.languages)
        self.stdout.write(
            f"Added {seeded.articles} articles in {count} "
            f"{'language' if count == 1 else 'languages'} ({languages})."
        )
        if count == 1:
            self.stdout.write(
                "There is no English news center, so the articles have no English translation."
            )
