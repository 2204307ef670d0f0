"""Translating pages: a page's copy in another language, made and published once.

The skeleton a new site starts with in every language is ``pressroom.pages.setup``'s.
"""

from django.conf import settings
from wagtail.models import Locale, Page


def other_locales() -> list[Locale]:
    """Every content language but the default one, as Wagtail locales."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return [
        Locale.objects.get_or_create(language_code=code)[0]
        for code in codes
        if code != settings.LANGUAGE_CODE
    ]


def translate_page(page: Page, locale: Locale, exclude_fields=(), **fields) -> tuple[Page, bool]:
    """The page's translation into ``locale``, created and published when missing.

    Returns ``(translation, created)``. An existing translation is left exactly as it is,
    so editors' work is never overwritten and running twice changes nothing. ``fields``
    are set on a new translation before its first publication (the translated texts);
    ``exclude_fields`` start blank instead of as a copy of the original's.
    """
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    copy = page.specific.copy_for_translation(locale, exclude_fields=list(exclude_fields))
    for name, value in fields.items():
        if name == "tags":
            copy.tags.set(value)
        else:
            setattr(copy, name, value)
    if "title" in fields:
        copy.draft_title = fields["title"]
    copy.save()
    copy.save_revision().publish()
    copy.refresh_from_db()  # publishing saved a fresh copy of the page: live, live_revision
    return copy, True
