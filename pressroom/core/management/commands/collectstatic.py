from django.contrib.staticfiles.management.commands import collectstatic

from pressroom.core.static import record_collected


class Command(collectstatic.Command):
    """Django's collectstatic; afterwards it records what the files were collected from, so
    `pressroom init` and `pressroom serve` collect again only when something changed."""

    def handle(self, **options):
        result = super().handle(**options)
        if not options["dry_run"]:
            record_collected()
        return result
