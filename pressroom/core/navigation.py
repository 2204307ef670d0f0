"""What every page shows of its site: its home page, main menu and the home page's children.

Each answer only changes with a site-wide change, so it is worked out once per such change
(``pressroom.core.sitecache``). Views, models and template tags (``core_tags``) call these.
"""

from django.apps import apps
from django.utils.translation import get_language
from wagtail.models import Locale, Site

from pressroom.core.sitecache import remember


def current_site(request):
    return Site.find_for_request(request) if request is not None else None


def site_key(request) -> str:
    """The request's site and language: what the answers below depend on."""
    site = current_site(request)
    return f"{site.pk if site else 0}:{get_language() or ''}"


def home_for(request):
    """The home page of the request's site in the active language (or the default one)."""

    def compute():
        site = current_site(request)
        if site is None:
            return None
        root = site.root_page
        try:
            return root.get_translation(Locale.get_active())
        except (root.DoesNotExist, Locale.DoesNotExist):
            return root

    return remember(f"home:{site_key(request)}", compute, request)


def in_language(page, locale_id: int | None):
    """``page`` in the language ``locale_id`` when that translation is live, else ``page``:
    Wagtail's ``Page.localized`` for a language known beforehand (a home page's own), which
    saves ``localized``'s look-up of the active language's locale."""
    if page is None or locale_id is None or page.locale_id == locale_id:
        return page
    translation = page.get_translation_or_none(locale_id)
    return translation if translation is not None and translation.live else page


def menu_for(request):
    """The home page followed by its live children marked "show in menus"."""

    def compute():
        home = home_for(request)
        if home is None:
            return []
        return [home, *home.get_children().live().public().in_menu()]

    return remember(f"menu:{site_key(request)}", compute, request)


def is_active_for(item, page) -> bool:
    """True when ``page`` is ``item`` or lies below it (the home page only matches itself)."""
    if page is None or not hasattr(page, "path"):
        return False
    if item.depth <= 2:
        return item.pk == page.pk
    return page.path.startswith(item.path)


def child_page(request, model_label: str):
    """The first live child of the home page of the given type, e.g. the HTML sitemap."""

    def compute():
        home = home_for(request)
        if home is None:
            return None
        model = apps.get_model(model_label)
        return model.objects.child_of(home).live().public().first()

    return remember(f"child:{model_label}:{site_key(request)}", compute, request)
