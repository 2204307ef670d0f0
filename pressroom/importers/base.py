"""What every importer shares: one transaction per item, pages created once and updated on
the next run, drafts kept drafts, redirects from the old addresses, and the report."""

import hashlib
import json
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Locale, Page, Site

from pressroom.core.slugs import free_slug, readable_slug
from pressroom.importers.indexing import Indexing
from pressroom.importers.language import detect_language, item_text
from pressroom.importers.media import Media
from pressroom.importers.records import Records
from pressroom.importers.redirects import OldPaths, ensure_redirect
from pressroom.importers.report import Report, SourceError
from pressroom.news.models import NewsIndexPage
from pressroom.pagecache.signals import purges_suspended
from pressroom.pages.models import HomePage
from pressroom.push.queue import queue_many

PUBLISH, SCHEDULE, DRAFT = "publish", "schedule", "draft"
TITLE_LENGTH = 255


@dataclass
class Options:
    media: Path | None = None
    allow_local: bool = False
    dry_run: bool = False
    overwrite: bool = False
    language: str | None = None
    site: Site | None = None
    visits: bool = False  # PbootCMS: the old visit counts as the starting view counts
    progress: Callable[[str], None] | None = None  # told of each item (the console's bar)
    batch_items: int = 100  # items written in one transaction, at most
    batch_seconds: float = 2.0  # and for at most this long (other writers wait meanwhile)


@dataclass
class PageItem:
    """One page to make or update, as an importer read it from the old site."""

    kind: str  # "post", "page", "entry" ...
    key: str  # its id on the old site
    title: str
    fields: dict
    status: str = PUBLISH
    when: datetime | None = None  # publication date (or the scheduled one)
    updated: datetime | None = None
    tags: list[str] = field(default_factory=list)
    old_urls: list[str] = field(default_factory=list)
    slug: str = ""
    digest: str = ""  # of the item as the source gives it: unchanged there, skipped here
    incomplete: bool = False  # a picture was missing: the next run tries the item again


class Rollback(Exception):
    """Raised at the end of a dry run, so that its one transaction writes nothing."""


class Batch:
    """Items written in shared transactions: one commit per ``size`` items or ``seconds``,
    whichever comes first, each item in a savepoint of its own inside it, the batch's pages
    indexed and its newly published pages queued for the search-engine push just before it
    commits. An item that fails is rolled back alone; an interrupted
    import loses at most the items of the open batch, which the next run (keyed by
    ``ImportedItem``) makes again."""

    def __init__(self, size: int, seconds: float, indexing: Indexing, dry_run: bool = False):
        self.size, self.seconds = max(size, 1), seconds
        self.indexing = indexing
        self.dry_run = dry_run
        self.born_live: list[Page] = []  # made live without publishing's signal (see page())
        self.stack: ExitStack | None = None
        self.count, self.started = 0, 0.0

    def open(self) -> None:
        if self.stack is None:
            self.stack = ExitStack()
            self.stack.enter_context(transaction.atomic())
            self.count, self.started = 0, time.monotonic()

    def done_one(self) -> None:
        self.count += 1
        if self.count >= self.size or time.monotonic() - self.started >= self.seconds:
            self.commit()

    def commit(self) -> None:
        stack, self.stack = self.stack, None
        if stack is not None:
            with stack:
                self.indexing.flush()  # inside the batch's transaction, committed with it
                self.push()

    def push(self) -> None:
        """Queue the batch's new live pages for the search engines, as publishing them would
        have (the rows are written when the batch commits; a dry run never commits)."""
        pages, self.born_live = self.born_live, []
        if self.dry_run or not pages:
            return
        kept = set(
            Page.objects.filter(pk__in=[page.pk for page in pages]).values_list("pk", flat=True)
        )
        queue_many([page for page in pages if page.pk in kept], "published")

    def abandon(self, error: BaseException) -> None:
        """Roll the open batch back (the import stopped in the middle of it)."""
        stack, self.stack = self.stack, None
        self.indexing.forget()
        self.born_live.clear()
        if stack is not None:
            stack.__exit__(type(error), error, error.__traceback__)


def fingerprint(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, default=str, sort_keys=True).encode()).hexdigest()


class Importer:
    """The base of each source's importer: ``run()`` reads the source and calls ``page()``."""

    source_name = "import"
    relinking = False  # True while pages are saved again for their links only
    batch_items: int | None = None  # an importer's own batch size (the crawl's is 1)

    def __init__(self, options: Options):
        self.options = options
        self.report = Report(dry_run=options.dry_run)
        self.indexing = Indexing()
        size = self.batch_items or options.batch_items
        self.batch = Batch(size, options.batch_seconds, self.indexing, options.dry_run)
        self.done, self.total = 0, None
        self.site = options.site or Site.objects.filter(is_default_site=True).first()
        if self.site is None:
            raise SourceError("There is no site yet: run `pressroom init` first.")
        auto = options.language in (None, "auto")
        locale_code = Locale.get_default().language_code if auto else options.language
        self.locale = Locale.objects.filter(language_code=locale_code).first()
        if self.locale is None:
            raise SourceError(f"The site has no {locale_code!r} language.")
        home = self.site.root_page.specific
        if home.locale_id != self.locale.pk:
            home = home.get_translation_or_none(self.locale)
        if home is None or not isinstance(home, HomePage):
            raise SourceError(f"The site has no home page in {locale_code!r}: translate it first.")
        self.home = home
        self.news_index = NewsIndexPage.objects.child_of(home).first()
        self.old_paths = OldPaths(self.site)

    def start(self, source_key: str, base_url: str = "") -> None:
        self.records = Records(f"{self.source_name}:{source_key}")
        self.media = Media(
            self.records,
            self.report,
            folder=self.options.media,
            base_url=base_url,
            allow_local=self.options.allow_local,
            dry_run=self.options.dry_run,
        )

    def execute(self) -> Report:
        """Run the import in batches (a dry run: in one transaction rolled back at the end),
        with the page cache's per-page purges left out and everything purged once after."""
        with purges_suspended(), self.indexing.batched():
            if not self.options.dry_run:
                self.run_in_batches()
                return self.report
            try:
                with transaction.atomic():
                    self.run_in_batches()
                    raise Rollback
            except Rollback:
                pass
        return self.report

    def run_in_batches(self) -> None:
        try:
            self.run()
        except BaseException as error:
            self.batch.abandon(error)
            raise
        self.batch.commit()

    def run(self) -> None:
        raise NotImplementedError

    def expect(self, total: int) -> None:
        """How many items the source holds, when that can be known (progress shows a share)."""
        self.total = max(total, 0)
        tell = getattr(self.options.progress, "expect", None)
        if tell is not None:
            tell(self.total)

    def item(self, kind: str, name: str, work):
        """``work()`` in its own savepoint of the open batch: a failure skips the item (and
        only it) and is reported."""
        if self.options.progress is not None and not self.relinking:
            self.options.progress(kind)
        if not self.relinking:
            self.done += 1
        self.batch.open()
        result = self.attempt(kind, name, work)  # (an interruption leaves the batch open)
        self.batch.done_one()
        return result

    def attempt(self, kind: str, name: str, work):
        try:
            with transaction.atomic():
                return work()
        except ValidationError as error:
            messages = "; ".join(error.messages)
            self.report.skip(kind, name, f"not valid: {messages}")
        except (DatabaseError, ValueError) as error:
            self.report.skip(kind, name, f"could not be saved: {error}")
        except Exception as error:  # noqa: BLE001 - one odd item must not stop the others
            self.report.skip(kind, name, f"failed: {type(error).__name__}: {error}")
        return None

    # --- pages -----------------------------------------------------------------------------
    def unchanged(self, item: PageItem) -> Page | None:
        """The page a previous run made from this very item (same source data), if any: it
        is counted as unchanged and its redirects kept, and need not be built again."""
        if self.options.overwrite or self.relinking or not item.digest:
            return None
        record = self.records.get(item.kind, item.key)
        if record is None or record.fingerprint != item.digest:
            return None
        page = self.records.target(item.kind, item.key)
        if page is not None:
            self.report.unchanged[item.kind] += 1
            self.redirects(item, page)
        return page

    def page(self, item: PageItem, parent: Page, model: type[Page]) -> Page | None:
        """Create the item's page under ``parent`` or update the one a previous run made
        (unless an editor changed it since, and ``--overwrite`` was not given)."""
        digest = item.digest or fingerprint(item.title, item.status, item.when, item.tags)
        record = self.records.get(item.kind, item.key)
        page = self.records.target(item.kind, item.key) if record else None
        if page is not None and not self.options.overwrite:
            if record.fingerprint == digest and not self.relinking:
                self.report.unchanged[item.kind] += 1
                self.redirects(item, page)
                return page
            if page.latest_revision_id != record.revision_id:
                self.report.skip(
                    item.kind, item.title, "changed by an editor since the last import"
                )
                return page
        if item.status == PUBLISH and item.when and item.when > timezone.now():
            item.status = SCHEDULE  # a publication date ahead: published then, not before
        created = page is None
        locale = self.locale
        if created and self.options.language == "auto":
            locale, parent = self.by_language(item, parent)
        if created:
            page = model(locale=locale)
        page.title = item.title[:TITLE_LENGTH]
        for name, value in item.fields.items():
            setattr(page, name, value)
        if item.status == DRAFT and item.when and item.when < timezone.now():
            page.first_published_at = item.when  # kept for when an editor publishes it
        elif item.status == PUBLISH:
            page.first_published_at = item.when or timezone.now()
        page.go_live_at = item.when if item.status == SCHEDULE else None
        # A new published page is created live (Wagtail's documented default for pages made
        # in code) with its revision marked live: what publishing leaves behind, without a
        # third save and publishing's signals (decision 0026).
        born_live = created and item.status == PUBLISH
        if hasattr(page, "tags"):
            page.tags.set(item.tags)  # (a new page's are saved with it, by add_child)
        if created:
            base = readable_slug(item.slug or item.title) or f"{item.kind}-{item.key}"
            page.slug = free_slug(base, parent.get_children())
            page.live = born_live
            if born_live:
                page.last_published_at = item.updated or page.first_published_at
            parent.add_child(instance=page)
        # A new page was validated by add_child's save just now, and is unchanged since.
        revision = page.save_revision(clean=not created)
        self.indexing.add(page)
        if born_live:
            Page.objects.filter(pk=page.pk).update(
                live_revision=revision, has_unpublished_changes=False
            )
            page.live_revision, page.has_unpublished_changes = revision, False
            log(instance=page, action="wagtail.publish", revision=revision)
            self.batch.born_live.append(page)  # (an update's publish() queues it itself)
        elif item.status in (PUBLISH, SCHEDULE):
            revision.publish()
            if item.status == PUBLISH and item.updated:
                Page.objects.filter(pk=page.pk).update(last_published_at=item.updated)
        elif page.live:
            self.report.warnings.append(
                f"{item.kind} {item.title}: no longer published on the old site; "
                "the page stays published here until an editor unpublishes it"
            )
        self.records.remember(
            item.kind,
            item.key,
            page,
            fingerprint="" if item.incomplete else digest,
            revision_id=revision.pk,
        )
        (self.report.created if created else self.report.updated)[item.kind] += 1
        self.redirects(item, page)
        return page

    def by_language(self, item: PageItem, parent: Page) -> tuple[Locale, Page]:
        """``--language auto``: the item's language, told from its text, and the parent
        page in that language's tree (the default's when the site has no such tree)."""
        code = detect_language(item_text(item.title, item.fields))
        locale = Locale.objects.filter(language_code=code).first() if code else None
        if locale is None or locale.pk == self.locale.pk:
            return self.locale, parent
        home = self.home.get_translation_or_none(locale)
        if home is None:
            self.report.warnings.append(
                f"{item.kind} {item.title[:60]}: in {code}, but the site has no home page in "
                f"{code}; imported into {self.locale.language_code}"
            )
            return self.locale, parent
        if parent.pk == self.home.pk:
            found = home
        elif self.news_index is not None and parent.pk == self.news_index.pk:
            found = NewsIndexPage.objects.child_of(home).first()
        else:
            found = parent.get_translation_or_none(locale) or home
        if found is None:
            return self.locale, parent
        return locale, found

    def redirects(self, item: PageItem, page: Page) -> None:
        if item.status != PUBLISH:
            return  # the old address of a draft showed nothing either
        for url in item.old_urls:
            if ensure_redirect(url, page, self.site, known=self.old_paths):
                self.report.redirects += 1
