from pathlib import Path

from django.core.management.base import BaseCommand

from pressroom.export.export import export_site


class Command(BaseCommand):
    help = "Write the public site (both languages) as static files under DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory, **options):
        directory.mkdir(parents=True, exist_ok=True)
        report = export_site(directory)
        self.stdout.write(f"Wrote {len(report.written)} pages to {directory}.")
        for path, status in sorted(report.skipped.items()):
            if status != 404:  # past-the-end list pages 404 by design
                self.stderr.write(f"Skipped {path}: HTTP {status}")
