from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale, Site

from pressroom.importers.wxr import WXRWriter


def find_site(spec: str | None) -> Site | None:
    if spec is None:
        return Site.objects.filter(is_default_site=True).first()
    hostname, _, port = spec.lower().partition(":")
    found = Site.objects.filter(hostname=hostname, **({"port": port} if port.isdigit() else {}))
    if len(found) != 1:
        raise CommandError(f"No single site is {spec!r}.")
    return found[0]


class Command(BaseCommand):
    help = (
        "Write the site's articles, pages, categories, tags and pictures' addresses as a "
        "WordPress export (WXR 1.2) that WordPress and `pressroom import wordpress` read."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["wxr"], default="wxr", help="Only wxr for now.")
        parser.add_argument("file", type=Path, help="The file to write (- for the console).")
        parser.add_argument(
            "--language",
            default="all",
            help="zh-hans, en or all (default; each item names its language in the "
            "`language` taxonomy).",
        )
        parser.add_argument("--site", metavar="HOST[:PORT]", help="Export this site.")

    def handle(self, *args, file, language, **options):
        site = find_site(options["site"])
        if site is None:
            raise CommandError("There is no site yet: run `pressroom init` first.")
        languages = None
        if language != "all":
            if not Locale.objects.filter(language_code=language).exists():
                raise CommandError(f"--language {language}: the site has no such language.")
            languages = [language]
        try:
            out = self.stdout if str(file) == "-" else file.open("w", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write {file}: {error.strerror or error}.") from error
        try:
            with transaction.atomic():  # one consistent view of the site while writing
                counts = WXRWriter(out, site, languages).write()
        finally:
            if out is not self.stdout:
                out.close()
        if out is not self.stdout:
            summary = ", ".join(f"{count} {kind}s" for kind, count in counts.items())
            self.stdout.write(f"Wrote {file}: {summary}.")
