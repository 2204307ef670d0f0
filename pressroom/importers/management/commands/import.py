from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from pressroom.importers.base import Options
from pressroom.importers.dedecms import DedeCMSImporter
from pressroom.importers.feed import FeedImporter
from pressroom.importers.pbootcms import PbootCMSImporter
from pressroom.importers.progress import Progress
from pressroom.importers.report import SourceError
from pressroom.importers.site import SiteImporter
from pressroom.importers.wordpress import WordPressImporter

FORMATS = {
    "wordpress": "a WordPress export (WXR file)",
    "feed": "an RSS or Atom feed",
    "pbootcms": "a PbootCMS database (its SQLite file)",
    "dedecms": "a DedeCMS database (mysql://…) or its mysqldump file",
    "site": "any other old site, crawled from its address",
}


def find_site(spec: str | None) -> Site | None:
    if spec is None:
        return None
    hostname, _, port = spec.lower().partition(":")
    found = Site.objects.filter(hostname=hostname, **({"port": port} if port.isdigit() else {}))
    if len(found) != 1:
        raise CommandError(f"No single site is {spec!r}.")
    return found[0]


class Command(BaseCommand):
    help = (
        "Bring an old site's content in: `import wordpress FILE.xml`, `import feed FILE-or-URL`"
        " or `import pbootcms FILE.db`."
        " Old addresses answer 301 to the new pages; running it again updates, never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("format", choices=sorted(FORMATS), help="What the source is.")
        parser.add_argument("source", help="The export file, or the feed's file or address.")
        parser.add_argument(
            "--media",
            type=Path,
            metavar="DIR",
            help="A copy of the old site's uploads folder: pictures are read from it, never "
            "fetched.",
        )
        parser.add_argument(
            "--allow-local",
            action="store_true",
            help="Allow fetching from loopback and private addresses (refused by default).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; write nothing."
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Also update pages an editor changed since the last import.",
        )
        parser.add_argument(
            "--language",
            choices=["zh-hans", "en", "auto"],
            help="Language of the content (default: the site's default language; auto: told "
            "from each item's text, Chinese or English).",
        )
        parser.add_argument("--site", metavar="HOST[:PORT]", help="Import into this site.")
        parser.add_argument(
            "--encoding",
            metavar="NAME",
            help="DedeCMS: the old text's encoding, e.g. gbk (default: UTF-8 if it is, else "
            "GB18030).",
        )
        parser.add_argument(
            "--visits",
            action="store_true",
            help="pbootcms: start each page's view count from the old site's visit count "
            "(off by default: those counts are not ours).",
        )
        parser.add_argument("--report", type=Path, metavar="FILE", help="Also save the report.")
        parser.add_argument(
            "--delay",
            type=float,
            default=1.0,
            metavar="SECONDS",
            help="site: seconds between two requests to the old site (default 1).",
        )
        parser.add_argument(
            "--limit",
            type=int,
            default=500,
            metavar="N",
            help="site: fetch at most N pages in this run (default 500); the next run continues.",
        )

    def handle(self, *args, format, source, **options):
        media = options["media"]
        if media is not None and not media.is_dir():
            raise CommandError(f"--media {media}: not a folder.")
        settings = Options(
            media=media,
            allow_local=options["allow_local"],
            dry_run=options["dry_run"],
            overwrite=options["overwrite"],
            language=options["language"],
            site=find_site(options["site"]),
            visits=options["visits"],
            progress=Progress(self.stderr),
        )
        try:
            if format == "wordpress":
                importer = WordPressImporter(Path(source), settings)
            elif format == "dedecms":
                importer = DedeCMSImporter(source, settings, encoding=options["encoding"])
            elif format == "pbootcms":
                importer = PbootCMSImporter(source, settings)
            elif format == "site":
                importer = SiteImporter(
                    source, settings, delay=options["delay"], limit=options["limit"]
                )
            else:
                importer = FeedImporter(source, settings)
            report = importer.execute()
            settings.progress.finish()
        except SourceError as error:
            raise CommandError(str(error)) from error
        text = "\n".join(report.lines())
        if options["report"] is not None:
            options["report"].write_text(text + "\n", encoding="utf-8")
        self.stdout.write(text)
        return None
