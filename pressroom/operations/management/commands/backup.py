from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pressroom.operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and media into one archive with a checksum manifest."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Archive to write (default: DATA_DIR/backups/pressroom-<time>.tar.gz).",
        )

    def handle(self, *args, output=None, **options):
        if output is None:
            folder = Path(settings.DATA_DIR) / "backups"
            folder.mkdir(parents=True, exist_ok=True)
            output = folder / f"pressroom-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"
        try:
            manifest = create_backup(Path(output))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["tables"].values())
        self.stdout.write(f"Backup written: {output} ({len(manifest['files'])} files, {rows} rows)")
        if manifest.get("media_bucket"):
            self.stdout.write(
                f"Media are in the S3 bucket {manifest['media_bucket']!r} and are not in this "
                "archive: keep them with the bucket's versioning or replication."
            )
