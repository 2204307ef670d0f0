"""``pressroom update_index``: Wagtail's command, then the site search's own index."""

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from pressroom.search.indexing import rebuild


class Command(WagtailUpdateIndex):
    help = "Rebuild Wagtail's search index and the site search index."

    def handle(self, **options):
        super().handle(**options)
        rebuild(stdout=self.stdout)
