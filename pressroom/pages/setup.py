"""The page tree a new site starts with, in every language (``pressroom init``).

The default language's home page with a news center, contact page, HTML sitemap and privacy
page under it, and a translation of each into every other content language.
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from pressroom.contact.models import ContactPage
from pressroom.contact.setup import ensure_message_form
from pressroom.core.setup import address_of, base_url, ensure_locales
from pressroom.i18n.tree import other_locales, translate_page
from pressroom.news.models import NewsIndexPage
from pressroom.pages.models import HomePage, PrivacyPage, SitemapPage

# Page types a new site starts with, and the title each gets in every language.
SKELETON_TITLES = {
    "pages.homepage": "Home",
    "news.newsindexpage": "News center",
    "contact.contactpage": "Contact us",
    "pages.sitemappage": "Sitemap",
    "pages.privacypage": "Privacy policy",
}


# Texts a skeleton translation starts without: a copy would put Chinese on an English page.
UNTRANSLATED_TEXT = ("headline", "intro", "body", "seo_title", "search_description")


@transaction.atomic
def create_site_tree() -> Page:
    """The default site's home page with a news center, contact page, HTML sitemap and privacy
    page.

    Replaces Wagtail's placeholder welcome page on a new install; leaves an existing
    Pressroom home page and everything under it alone. Returns the home page.
    """
    ensure_locales()
    default_locale = Locale.get_default()
    home = HomePage.objects.filter(depth=2, locale=default_locale).first()
    if home is None:
        # Wagtail's own "welcome" placeholder goes (with the site that points at it).
        for placeholder in Page.objects.filter(depth=2):
            if type(placeholder.specific) is Page:
                placeholder.delete()
        root = Page.get_first_root_node()
        with translation.override(settings.LANGUAGE_CODE):
            home = root.add_child(
                instance=HomePage(title=_("Home"), slug="home", locale=default_locale)
            )
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port = address_of(base_url())
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()

    with translation.override(settings.LANGUAGE_CODE):
        for model, title, slug in [
            (NewsIndexPage, _("News center"), "news"),
            (ContactPage, _("Contact us"), "contact"),
            (SitemapPage, _("Sitemap"), "sitemap"),
            (PrivacyPage, _("Privacy policy"), "privacy"),
        ]:
            if not model.objects.child_of(home).exists():
                page = home.add_child(
                    instance=model(
                        title=title,
                        slug=slug,
                        locale=default_locale,
                        show_in_menus=model not in (SitemapPage, PrivacyPage),
                    )
                )
                page.save_revision().publish()
    contact = ContactPage.objects.child_of(home).first()
    if contact is not None:
        ensure_message_form(contact)
    return home


def text_fields(page) -> list[str]:
    names = {field.name for field in page._meta.get_fields()}
    return [name for name in UNTRANSLATED_TEXT if name in names]


@transaction.atomic
def translate_site_tree(home: Page) -> list[Page]:
    """Give the home page and its skeleton pages (news, contact, sitemap, privacy) a translation.

    Returns the translated home pages. Pages other than the skeleton are left for
    editors (or the demo) to translate.
    """
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
                text_fields(home),
                title=_(SKELETON_TITLES["pages.homepage"]),
            )
            for page in skeleton:
                label = f"{page._meta.app_label}.{page._meta.model_name}"
                copy, _created = translate_page(
                    page, locale, text_fields(page), title=_(SKELETON_TITLES[label])
                )
                if isinstance(copy.specific, ContactPage):
                    # The copy carries the Chinese form; give it the form in its own language.
                    ensure_message_form(copy.specific)
        homes.append(translated_home)
    # Wagtail caches which home page serves which language.
    Site.clear_site_root_paths_cache()
    return homes
