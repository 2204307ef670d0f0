"""What an import brought in, so that running it again updates instead of duplicating."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """One item of an old site (a post, a page, a category, a picture) and what it became.

    Keyed by the source (e.g. ``wordpress:https://old.example.com``) and the item's id there,
    so a second run finds the page it made the first time. ``revision_id`` is the page
    revision the import wrote: a later revision means an editor changed the page since.
    """

    source = models.CharField(_("source"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20)
    key = models.CharField(_("old id"), max_length=255)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    fingerprint = models.CharField(max_length=64, blank=True)
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "key"], name="one_record_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.key}"


class CrawledAddress(models.Model):
    """An address of an old site a crawl (``import site``) found: fetched or still to fetch.
    The next run continues with the ones not fetched yet, and fetches none twice."""

    source = models.CharField(_("source"), max_length=255)
    url = models.CharField(_("address"), max_length=500)
    fetched_at = models.DateTimeField(_("fetched at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("crawled address")
        verbose_name_plural = _("crawled addresses")
        constraints = [
            models.UniqueConstraint(fields=["source", "url"], name="one_record_per_address")
        ]

    def __str__(self) -> str:
        return self.url


class ImportRun(models.Model):
    """One import started from the admin: who, what, its state and, at the end, its report."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    format = models.CharField(_("format"), max_length=20)
    source_name = models.CharField(_("source"), max_length=500)
    upload = models.CharField(max_length=500, blank=True)  # the private file's name, if any
    options = models.JSONField(default=dict)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.QUEUED)
    progress = models.CharField(_("progress"), max_length=200, blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)
    report_text = models.TextField(_("report"), blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.format} {self.source_name}"

    @property
    def in_progress(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)
