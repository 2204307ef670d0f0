"""Imports started from the admin: the uploaded file kept privately, the import run in the
background (the ``imports`` task backend), its progress and final report in ``ImportRun``."""

import logging
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from pressroom.importers.base import Options
from pressroom.importers.feed import FeedImporter
from pressroom.importers.models import ImportRun
from pressroom.importers.pbootcms import PbootCMSImporter
from pressroom.importers.report import Report, SourceError
from pressroom.importers.site import SiteImporter
from pressroom.importers.wordpress import WordPressImporter

logger = logging.getLogger(__name__)
IMPORTERS = {
    "wordpress": WordPressImporter,
    "pbootcms": PbootCMSImporter,
    "feed": FeedImporter,
    "site": SiteImporter,
}


def upload_storage() -> FileSystemStorage:
    """Where uploaded exports wait for their import: a private folder, never under MEDIA_ROOT
    (the web server sends that to anyone)."""
    return FileSystemStorage(
        location=settings.PRESSROOM_IMPORT_UPLOAD_DIR,
        file_permissions_mode=0o600,
        directory_permissions_mode=0o700,
    )


def keep_upload(uploaded, suffix: str) -> str:
    """The uploaded file saved under a random name (its own name is not trusted)."""
    return upload_storage().save(f"{uuid.uuid4().hex}{suffix}", uploaded)


def report_data(report: Report) -> dict:
    """The report as JSON: counts per kind, and the lists the report page shows."""
    kinds = sorted(set(report.created) | set(report.updated) | set(report.unchanged), key=str)
    return {
        "dry_run": report.dry_run,
        "kinds": [
            {
                "kind": str(kind),
                "created": report.created[kind],
                "updated": report.updated[kind],
                "unchanged": report.unchanged[kind],
            }
            for kind in kinds
        ],
        "redirects": report.redirects,
        "comments": report.comments,
        "skipped": [[str(part) for part in row] for row in report.skipped],
        "missing_files": [str(name) for name in report.missing_files],
        "removed_links": [[str(part) for part in row] for row in report.removed_links],
        "shortcodes": {str(name): count for name, count in report.shortcodes.items()},
        "warnings": [str(warning) for warning in report.warnings],
    }


def progress_text(done: int, total: int | None, name: str) -> str:
    """What the run's page says while it runs: N of TOTAL and the share, when known."""
    if not total:
        return _("%(count)s items read; the last: %(name)s") % {"count": done, "name": name}
    return _("%(count)s of %(total)s items read (%(percent)s%%); the last: %(name)s") % {
        "count": done,
        "total": total,
        "percent": min(100, done * 100 // total),
        "name": name,
    }


def tracked(importer_class, run: ImportRun):
    """The importer, telling the run which item it is at (after each item's transaction)."""

    class Tracked(importer_class):
        def item(self, kind, name, work):
            result = super().item(kind, name, work)
            ImportRun.objects.filter(pk=run.pk).update(
                progress=progress_text(self.done, self.total, str(name)[:100])
            )
            return result

    return Tracked


def execute(run: ImportRun) -> None:
    options = run.options
    settings_ = Options(
        dry_run=options.get("dry_run", False),
        overwrite=options.get("overwrite", False),
        visits=options.get("visits", False),
        language=options.get("language") or None,
    )
    storage = upload_storage()
    source = storage.path(run.upload) if run.upload else run.source_name
    importer_class = tracked(IMPORTERS[run.format], run)
    extra = {}
    if run.format == "site":
        extra = {"limit": options.get("limit", 500), "delay": settings.PRESSROOM_IMPORT_DELAY}
    source_arg = Path(source) if run.format == "wordpress" else source
    try:
        report = importer_class(source_arg, settings_, **extra).execute()
    except SourceError as error:
        run.state, run.report_text = ImportRun.State.FAILED, str(error)
    else:
        run.state = ImportRun.State.DONE
        run.report, run.report_text = report_data(report), "\n".join(report.lines())
    finally:
        if run.upload:
            storage.delete(run.upload)  # the export holds private data: not kept once read


@task(backend="imports")
def run_import(run_id: int) -> str:
    run = ImportRun.objects.get(pk=run_id)
    ImportRun.objects.filter(pk=run.pk).update(state=ImportRun.State.RUNNING)
    try:
        execute(run)
    except Exception as error:  # noqa: BLE001 - the run must end with a state, never "running"
        logger.exception("import %s failed", run.pk)
        run.state = ImportRun.State.FAILED
        run.report_text = f"{type(error).__name__}: {error}"
    run.finished_at = timezone.now()
    run.progress = ""
    run.save(update_fields=["state", "report", "report_text", "finished_at", "progress"])
    return run.state
