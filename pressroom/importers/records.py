"""The imported-item records of one source: what an old id became on the first run."""

from django.contrib.contenttypes.models import ContentType

from pressroom.importers.models import ImportedItem


class Records:
    def __init__(self, source: str):
        self.source = source[:255]

    def get(self, kind: str, key) -> ImportedItem | None:
        return ImportedItem.objects.filter(
            source=self.source, kind=kind, key=str(key)[:255]
        ).first()

    def target(self, kind: str, key):
        """What the item became (a page, an image, a category), or None: never imported,
        or deleted since."""
        record = self.get(kind, key)
        if record is None:
            return None
        model = record.content_type.model_class()
        found = model.objects.filter(pk=record.object_id).first() if model else None
        if found is not None and hasattr(found, "specific"):
            found = found.specific
        return found

    def remember(self, kind: str, key, target, *, fingerprint: str = "", revision_id=None):
        ImportedItem.objects.update_or_create(
            source=self.source,
            kind=kind,
            key=str(key)[:255],
            defaults={
                "content_type": ContentType.objects.get_for_model(target),
                "object_id": target.pk,
                "fingerprint": fingerprint,
                "revision_id": revision_id,
            },
        )
