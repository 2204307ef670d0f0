from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pressroom.export.export import export_site


class Command(BaseCommand):
    help = "Write the public site (both languages) as static files under DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--changed",
            action="store_true",
            help="Re-export only what changed since the last export into DIR.",
        )

    def handle(self, *args, directory, changed, **options):
        if directory.exists() and not directory.is_dir():
            raise CommandError(f"{directory} is a file, not a folder: give a folder to export to.")
        directory.mkdir(parents=True, exist_ok=True)
        report = export_site(directory, changed_only=changed)
        kind = "full export" if report.full else "changes only"
        self.stdout.write(
            f"Wrote {len(report.written)} files to {directory} ({kind}); "
            f"removed {len(report.removed)}."
        )
        for path, status in sorted(report.skipped.items()):
            if status != 404:  # past-the-end list pages 404 by design
                self.stderr.write(f"Skipped {path}: HTTP {status}")
