from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pressroom.operations.backup import BackupError, restore_backup
from pressroom.operations.storage import media_bucket


class Command(BaseCommand):
    help = (
        "Replace the database and media with those in a backup archive. Stop the site first: "
        "the archive is checked whole before anything is replaced."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask; replace the current site."
        )

    def handle(self, *args, archive, yes=False, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"No such backup: {path}")
        if not yes and input("This replaces the site's database and media. Type yes: ") != "yes":
            raise CommandError("Nothing restored.")
        try:
            manifest = restore_backup(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored the backup taken {manifest['created']}.")
        bucket = manifest.get("media_bucket") or media_bucket()
        if bucket:
            self.stdout.write(
                f"Media were left as they are: they live in the S3 bucket {bucket!r}, "
                "not in the archive."
            )
