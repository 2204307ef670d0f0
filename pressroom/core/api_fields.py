"""Serializer fields that page types name in their ``api_fields`` (the content API, docs/api.md).

Each turns a page's value into what a visitor of the page may see, and nothing more: rendered
HTML rather than database HTML (which names pages and files by id), rendition addresses
rather than image records, downloads only from collections without a view restriction.
"""

from django.db.models import Q
from django.utils import translation
from rest_framework.fields import DateTimeField, Field
from wagtail.api.utils import get_full_url
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Collection, CollectionViewRestriction

__all__ = [
    "AttributesField",
    "DateTimeField",
    "ImageRenditionField",
    "PublicDownloadsField",
    "RenderedStreamField",
    "RenditionListField",
]

# The picture sizes the API offers: a large one for detail views, a list thumbnail.
LARGE = "max-1200x1200"
THUMBNAIL = "fill-480x300"


class RenderedStreamField(Field):
    """A StreamField as the page shows it: its blocks rendered to HTML by their templates,
    in the page's language (the API's address has none)."""

    def get_attribute(self, instance):
        return instance.locale.language_code, super().get_attribute(instance)

    def to_representation(self, value) -> str:
        language, stream = value
        with translation.override(language):
            return str(stream.render_as_block())


class RenditionListField(Field):
    """A list of images (a method or property returning them) as rendition dicts."""

    def __init__(self, filter_spec: str = LARGE, **kwargs):
        self.rendition = ImageRenditionField(filter_spec)
        super().__init__(**kwargs)

    def to_representation(self, images) -> list:
        if callable(images):
            images = images()
        return [self.rendition.to_representation(image) for image in images]


class AttributesField(Field):
    """Some attributes of a related object (a snippet such as a news category), or None."""

    def __init__(self, attributes: list[str], **kwargs):
        self.attributes = attributes
        super().__init__(**kwargs)

    def to_representation(self, obj):
        if obj is None:
            return None
        return {name: getattr(obj, name) for name in self.attributes}


def private_collection_ids() -> set[int]:
    """Every collection under a view restriction (password, sign-in or groups), for anyone:
    the API serves strangers only, whatever session a request carries."""
    paths = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection")
    ).values_list("path", flat=True)
    if not paths:
        return set()
    below = Q()
    for path in paths:
        below |= Q(path__startswith=path)
    return set(Collection.objects.filter(below).values_list("pk", flat=True))


class PublicDownloadsField(Field):
    """A StreamField of download blocks (``document``, ``title``) as the files a visitor may
    fetch: title, address (Wagtail's document view, which checks privacy again), file type
    and size. Documents in private collections are left out."""

    def to_representation(self, value) -> list:
        request = self.context.get("request")
        hidden = private_collection_ids()
        files = []
        for block in value:
            document = block.value.get("document")
            if document is None or document.collection_id in hidden:
                continue
            url = document.url
            files.append(
                {
                    "title": block.value.get("title") or document.title,
                    "url": url,
                    "full_url": get_full_url(request, url),
                    "file_extension": document.file_extension,
                    "file_size": document.get_file_size(),
                }
            )
        return files
