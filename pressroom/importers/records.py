"""The imported-item records of one source: what an old id became on the first run."""

from django.contrib.contenttypes.models import ContentType

from pressroom.importers.models import ImportedItem


class Records:
    """The records of ``source``. Which (kind, key) pairs have one is read once, on first use,
    so that an item never imported before (all of them, on a first run) costs no look-up;
    pairs recorded since are added (a rolled-back item's too: then the look-up finds none)."""

    def __init__(self, source: str):
        self.source = source[:255]
        self.recorded: set[tuple[str, str]] | None = None

    def may_have(self, kind: str, key: str) -> bool:
        if self.recorded is None:
            pairs = ImportedItem.objects.filter(source=self.source).values_list("kind", "key")
            self.recorded = set(pairs)
        return (kind, key) in self.recorded

    def get(self, kind: str, key) -> ImportedItem | None:
        key = str(key)[:255]
        if not self.may_have(kind, key):
            return None
        return ImportedItem.objects.filter(source=self.source, kind=kind, key=key).first()

    def target(self, kind: str, key):
        """What the item became (a page, an image, a category), or None: never imported,
        or deleted since."""
        record = self.get(kind, key)
        if record is None:
            return None
        model = ContentType.objects.get_for_id(record.content_type_id).model_class()  # cached
        found = model.objects.filter(pk=record.object_id).first() if model else None
        if found is not None and hasattr(found, "specific"):
            found = found.specific
        return found

    def target_pk(self, kind: str, key):
        """The primary key of what the item became, or None: ``target()`` for a link, which
        needs no more than that (a page is not loaded, with its body, to link to it)."""
        record = self.get(kind, key)
        if record is None:
            return None
        model = ContentType.objects.get_for_id(record.content_type_id).model_class()
        if model is None or not model.objects.filter(pk=record.object_id).exists():
            return None
        return record.object_id

    def remember(self, kind: str, key, target, *, fingerprint: str = "", revision_id=None):
        key = str(key)[:255]
        values = {
            "content_type": ContentType.objects.get_for_model(target),
            "object_id": target.pk,
            "fingerprint": fingerprint,
            "revision_id": revision_id,
        }
        if self.may_have(kind, key):
            ImportedItem.objects.update_or_create(
                source=self.source, kind=kind, key=key, defaults=values
            )
        else:
            ImportedItem.objects.create(source=self.source, kind=kind, key=key, **values)
            self.recorded.add((kind, key))
