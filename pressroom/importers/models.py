"""What an import brought in, so that running it again updates instead of duplicating."""

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
