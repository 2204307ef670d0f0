import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from pressroom.export.export import export_site


def find_site(spec: str | None):
    """The Site named ``host`` or ``host:port``; the default site when None."""
    if spec is None:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site: name one with --site.")
        return site
    hostname, _, port = spec.lower().partition(":")
    found = Site.objects.filter(hostname=hostname, **({"port": port} if port.isdigit() else {}))
    if len(found) != 1:
        known = ", ".join(f"{s.hostname}:{s.port}" for s in Site.objects.all())
        raise CommandError(f"No single site is {spec!r}; the sites are: {known}.")
    return found[0]


class Command(BaseCommand):
    help = "Write the public site (both languages) as static files under DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--changed",
            action="store_true",
            help="Re-export only what changed since the last export into DIR.",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=os.cpu_count() or 1,
            metavar="N",
            help="Render in N processes (default: one per CPU; 1 renders in this one).",
        )
        parser.add_argument(
            "--site",
            metavar="HOST[:PORT]",
            help="The Wagtail site to export when there are several (default: the default site).",
        )

    def handle(self, *args, directory, changed, site, workers, **options):
        if directory.exists() and not directory.is_dir():
            raise CommandError(f"{directory} is a file, not a folder: give a folder to export to.")
        if workers < 1:
            raise CommandError("--workers must be 1 or more.")
        chosen = find_site(site)
        directory.mkdir(parents=True, exist_ok=True)
        try:
            report = export_site(directory, changed_only=changed, site=chosen, workers=workers)
        except ValueError as error:
            raise CommandError(str(error)) from error
        kind = "full export" if report.full else "changes only"
        self.stdout.write(
            f"Wrote {len(report.written)} files to {directory} ({kind}); "
            f"removed {len(report.removed)}."
        )
        for path, status in sorted(report.skipped.items()):
            if status != 404:  # past-the-end list pages 404 by design
                self.stderr.write(f"Skipped {path}: HTTP {status}")
