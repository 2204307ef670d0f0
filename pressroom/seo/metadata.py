"""What a page tells search engines and link previews about itself: <head> tags and JSON-LD."""

from django.utils.encoding import escape_uri_path
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.images.models import Filter
from wagtail.models import Page

from pressroom.core.links import absolute_url

# Filters made once: a filter given as text is parsed again at every use.
SHARE_RENDITION = Filter("fill-1200x630")  # Open Graph / Twitter large card: 1.91:1
LOGO_SHARE_RENDITION = Filter("max-1200x630")  # a logo is shown whole, never cropped
DESCRIPTION_LENGTH = 160
OG_LOCALES = {"zh-hans": "zh_CN", "en": "en_US"}


def description_of(page, company) -> str:
    """search_description, else the page's summary, else the company's introduction or name."""
    for text in (
        getattr(page, "search_description", ""),
        getattr(page, "summary", ""),
        strip_tags(company.display_intro or ""),
        company.display_name,
    ):
        text = " ".join((text or "").split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def title_of(page, company) -> str:
    """seo_title, else the page title; a home page is shared under the company's name."""
    if page is not None and page.seo_title:
        return page.seo_title
    if page is None or page.depth <= 2:
        return company.display_name
    return page.title


def is_page_itself(request, page) -> bool:
    """False on a RoutablePage's sub-route (e.g. page 2 of the news list)."""
    return not isinstance(page, RoutablePageMixin) or request.path == page.get_url(request)


def canonical_url(request, page) -> str | None:
    """The absolute address search engines should index for what ``request`` shows."""
    if page is None or not isinstance(page, Page):
        return None
    source = getattr(page, "source_url", "")
    if source and getattr(page, "canonical_to_source", False):
        return source
    parts = page.get_url_parts(request)
    if not parts or parts[1] is None:
        return None
    root_url = parts[1]
    if is_page_itself(request, page):
        return root_url + parts[2]
    return root_url + escape_uri_path(request.path)


def share_image(request, page, company) -> dict | None:
    """The picture link previews show: the page's cover (a product's main picture) at
    1200x630, else the company logo."""
    image = getattr(page, "cover_image", None) or getattr(page, "main_image", None)
    spec = SHARE_RENDITION
    if image is None:
        image, spec = company.logo, LOGO_SHARE_RENDITION
    if image is None:
        return None
    try:
        rendition = image.get_rendition(spec)
    except (OSError, ValueError):
        return None  # a missing or unreadable file must not break the page
    return {
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": getattr(image, "default_alt_text", "") or image.title,
        "large": spec is SHARE_RENDITION,
    }


def og_locale(language_code: str) -> str:
    return OG_LOCALES.get(language_code, language_code.replace("-", "_"))
