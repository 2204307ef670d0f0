"""Translations older than their original: the original changed after the translation was saved."""

from django.db.models import F, OuterRef, QuerySet, Subquery
from wagtail.models import Locale, Page


def original_changed_at() -> Subquery:
    """For each page of a queryset, the time of its original's latest revision (the default
    language's page with the same translation key): an expression to annotate with."""
    default = Locale.get_default()
    original = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=default)
    return Subquery(original.values("latest_revision_created_at")[:1])


def translations_behind() -> QuerySet:
    """Pages in another language whose original (the default language's page with the same
    translation key) has a revision newer than the translation's latest one.

    Saving the translation again takes it off the list. Each page carries
    ``original_changed_at``, the time of the original's latest revision.
    """
    return (
        Page.objects.exclude(locale=Locale.get_default())
        .annotate(original_changed_at=original_changed_at())
        .filter(original_changed_at__gt=F("latest_revision_created_at"))
        .order_by("-original_changed_at")
    )
