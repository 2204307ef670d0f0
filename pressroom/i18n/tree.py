"""Translations of the site's page tree: the English skeleton `pressroom init` makes."""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

# Texts a skeleton translation starts without: a copy would put Chinese on an English page.
UNTRANSLATED_TEXT = ("headline", "intro", "body", "seo_title", "search_description")

# Page types a new site starts with, and the title each gets in every language.
SKELETON_TITLES = {
    "pages.homepage": "Home",
    "news.newsindexpage": "News center",
    "contact.contactpage": "Contact us",
    "pages.sitemappage": "Sitemap",
}


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


def _text_fields(page) -> list[str]:
    names = {field.name for field in page._meta.get_fields()}
    return [name for name in UNTRANSLATED_TEXT if name in names]


@transaction.atomic
def translate_site_tree(home: Page) -> list[Page]:
    """Give the home page and its skeleton pages (news, contact, sitemap) a translation.

    Returns the translated home pages. Pages other than the skeleton are left for
    editors (or the demo) to translate.
    """
    from pressroom.contact.models import ContactPage
    from pressroom.contact.setup import ensure_message_form

    homes = []
    skeleton = [
        child.specific
        for child in home.get_children().select_related("content_type")
        if f"{child.content_type.app_label}.{child.content_type.model}" in SKELETON_TITLES
    ]
    for locale in other_locales():
        with translation.override(locale.language_code):
            translated_home, _created = translate_page(
                home,
                locale,
                _text_fields(home),
                title=_(SKELETON_TITLES["pages.homepage"]),
            )
            for page in skeleton:
                label = f"{page._meta.app_label}.{page._meta.model_name}"
                copy, _created = translate_page(
                    page, locale, _text_fields(page), title=_(SKELETON_TITLES[label])
                )
                if isinstance(copy.specific, ContactPage):
                    # The copy carries the Chinese form; give it the form in its own language.
                    ensure_message_form(copy.specific)
        homes.append(translated_home)
    # Wagtail caches which home page serves which language.
    Site.clear_site_root_paths_cache()
    return homes
