from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def compile_catalogs(locale_dirs) -> list[Path]:
    """Write a .mo file beside each .po file that is newer than it; returns those written."""
    written = []
    for locale_dir in locale_dirs:
        for po_path in Path(locale_dir).glob("*/LC_MESSAGES/*.po"):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            written.append(mo_path)
    return written


class Command(BaseCommand):
    help = (
        "Compile the interface translations (.po to .mo) in pure Python, so installing needs "
        "no GNU gettext."
    )

    def handle(self, *args, **options):
        for path in compile_catalogs(settings.LOCALE_PATHS):
            self.stdout.write(f"compiled {path}")
