"""Setting up a new site: languages, the page tree and the first administrator."""

import os
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

ADMIN_USER_ENV = "PRESSROOM_ADMIN_USER"
ADMIN_PASSWORD_ENV = "PRESSROOM_ADMIN_PASSWORD"


def ensure_locales() -> None:
    """One Wagtail locale per configured content language."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def public_address(hostname: str, port: int) -> tuple[str, int]:
    """The site's host and port from PRESSROOM_BASE_URL when it is set, else those given.

    Sitemaps, feeds and canonical links are absolute and built from the Site record, so a new
    site starts with the address it is really served at.
    """
    base_url = os.environ.get("PRESSROOM_BASE_URL")
    if not base_url:
        return hostname, port
    parts = urlsplit(base_url)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or hostname, parts.port or default_port


@transaction.atomic
def create_site_tree() -> Page:
    """The default site's home page with a news center, contact page and HTML sitemap.

    Replaces Wagtail's placeholder welcome page on a new install; leaves an existing
    Pressroom home page and everything under it alone. Returns the home page.
    """
    from pressroom.contact.models import ContactPage
    from pressroom.news.models import NewsIndexPage
    from pressroom.pages.models import HomePage, SitemapPage

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
        site = Site.objects.filter(is_default_site=True).first() or Site(
            is_default_site=True, hostname="localhost", port=80
        )
        site.hostname, site.port = public_address(site.hostname, site.port)
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()

    with translation.override(settings.LANGUAGE_CODE):
        for model, title, slug in [
            (NewsIndexPage, _("News center"), "news"),
            (ContactPage, _("Contact us"), "contact"),
            (SitemapPage, _("Sitemap"), "sitemap"),
        ]:
            if not model.objects.child_of(home).exists():
                page = home.add_child(
                    instance=model(
                        title=title,
                        slug=slug,
                        locale=default_locale,
                        show_in_menus=model is not SitemapPage,
                    )
                )
                page.save_revision().publish()
    contact = ContactPage.objects.child_of(home).first()
    if contact is not None:
        from pressroom.contact.setup import ensure_message_form

        ensure_message_form(contact)
    return home


@dataclass
class AdminAccount:
    username: str
    password: str | None  # None when the account existed already
    created: bool


def ensure_admin() -> AdminAccount:
    """The first superuser, from PRESSROOM_ADMIN_USER/PASSWORD or with a generated password."""
    from pressroom.security.usernames import stored_username  # core imports no app at load

    User = get_user_model()
    username = os.environ.get(ADMIN_USER_ENV) or "admin"
    existing = stored_username(username)  # `Admin` names the account `admin`
    if existing is not None:
        return AdminAccount(username=existing, password=None, created=False)
    password = os.environ.get(ADMIN_PASSWORD_ENV) or secrets.token_urlsafe(12)
    User.objects.create_superuser(username=username, email="", password=password)
    return AdminAccount(username=username, password=password, created=True)
