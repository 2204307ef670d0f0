"""Which language versions of a page exist, and where the language switcher should lead."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

# BCP 47 tags for <html lang> and hreflang; Django's codes are lower case.
BCP47 = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}


def bcp47(code: str) -> str:
    return BCP47.get(code, code)


def active_content_language() -> str:
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


# What a page's address is made of: only these are read for a translation's link.
URL_FIELDS = ("url_path", "path", "depth", "locale", "translation_key", "live")


def public_translations(page) -> list[Page]:
    """The live translations of a page (itself included) that anyone may see, with what
    their links need. A translation behind a sign-in or a password is never linked.

    A plain queryset on purpose: ``public()`` writes the site's current view restrictions
    into the query, so it must be built anew each time.
    """
    from pressroom.core.sitecache import any_view_restrictions

    # As plain pages: a link needs no field of the page type (no join with its table).
    versions = Page.objects.filter(translation_key=page.translation_key).live()
    if any_view_restrictions():
        versions = versions.public()
    return list(versions.select_related("locale").only(*URL_FIELDS, "locale__language_code"))


@dataclass
class LanguageVersion:
    code: str  # Django's language code, e.g. "zh-hans"
    name: str  # the language's own name, e.g. "中文"
    url: str  # where the switcher leads
    full_url: str | None  # absolute address of the translation, None when it is missing
    is_current: bool

    @property
    def tag(self) -> str:
        return bcp47(self.code)

    @property
    def is_translation(self) -> bool:
        return self.full_url is not None


def _subpath(request, page, page_url: str) -> str | None:
    """The part of the request path below the page (a RoutablePage route), if it translates.

    "" for the page itself; None when the route has no equivalent in other languages.
    """
    path = request.path if request is not None else ""
    if not page_url or not path.startswith(page_url) or path == page_url:
        return ""
    translate = getattr(page.specific_deferred, "translated_subpath", None)
    return translate(path[len(page_url) :]) if translate else None


def _homes(request) -> dict[str, Page]:
    """Each language's live, public home page (kept until the next site-wide change)."""
    from pressroom.core.sitecache import remember

    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {}

    def compute():
        homes = (
            site.root_page.get_translations(inclusive=True).live().public().select_related("locale")
        )
        return {home.locale.language_code: home for home in homes}

    return remember(f"homes:{site.pk}", compute, request)


def language_versions(request, page=None) -> list[LanguageVersion]:
    """One entry per site language: the page's live translation, else that language's home.

    Languages with neither are left out. On a page the request reached by one of its
    routes (e.g. a news category), translations keep the route when the page says it
    means the same in every language, and otherwise lead to the translated page itself.
    """
    current = active_content_language()
    translations: dict[str, Page] = {}
    subpath = ""
    if isinstance(page, Page) and page.pk:
        own_url = page.get_url(request) or ""
        subpath = _subpath(request, page, own_url)
        translations = {p.locale.language_code: p for p in public_translations(page)}
    homes = None
    versions = []
    names = dict(settings.LANGUAGES)  # each language in itself
    for code, _label in settings.WAGTAIL_CONTENT_LANGUAGES:
        name = names.get(code, _label)
        target = translations.get(code)
        if target is not None:
            url = (target.get_url(request) or "") + (subpath or "")
            base = target.get_full_url(request)
            full_url = base + subpath if base is not None and subpath is not None else None
        else:
            if homes is None:
                homes = _homes(request)
            home = homes.get(code)
            if home is None:
                continue
            url, full_url = home.get_url(request), None
        versions.append(LanguageVersion(code, name, url, full_url, code == current))
    return versions


def alternates(versions: list[LanguageVersion]) -> list[tuple[str, str]]:
    """``(hreflang, absolute URL)`` pairs for the head, ending with x-default, or nothing.

    Only pages that exist in more than one language get them.
    """
    pairs = [(v.tag, v.full_url) for v in versions if v.is_translation]
    if len(pairs) < 2:
        return []
    default = next((v for v in versions if v.code == settings.LANGUAGE_CODE), None)
    if default is not None and default.is_translation:
        pairs.append(("x-default", default.full_url))
    return pairs


def page_language_matches(page) -> bool:
    """True when the page is in the language its URL promises (/en/... is English).

    Read from Wagtail's cached list of site root paths (one per home page and language), so
    serving a page costs no query; the page's locale is the fallback.
    """
    language = active_content_language()
    for root in Site.get_site_root_paths():
        if page.url_path.startswith(root.root_path):
            return root.language_code == language
    return Locale.objects.filter(pk=page.locale_id, language_code=language).exists()
