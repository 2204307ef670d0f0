"""``{% seo_head %}``: description, canonical, alternates, feeds, Open Graph, Twitter, JSON-LD."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Page

from pressroom.core.feeds import FEED_MIME_TYPES, FEED_TYPES
from pressroom.core.links import hreflang
from pressroom.core.models import company_for
from pressroom.core.navigation import child_page, home_for
from pressroom.news.feeds import feed_path
from pressroom.seo import metadata, structured_data

register = template.Library()


@register.inclusion_tag("seo/head.html", takes_context=True)
def seo_head(context):
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    company = company_for(request)
    language = get_language() or ""
    home = home_for(request)
    home_url = home.get_full_url(request) if home is not None else ""
    canonical = metadata.canonical_url(request, page)
    image = metadata.share_image(request, page, company)
    description = metadata.description_of(page, company)
    title = metadata.title_of(page, company)
    data = {
        "description": description,
        "canonical": canonical,
        "feeds": feed_links(context, company, page),
        "og_type": "article" if _is_article(page) else "website",
        "og_title": title,
        "og_locale": metadata.og_locale(language),
        "site_name": company.display_name,
        "image": image,
        "article": page if _is_article(page) else None,
        "json_ld": [],
    }
    if page is not None and request is not None:
        data["json_ld"] = json_ld_blocks(
            request, page, company, home, home_url, canonical, description, image, language
        )
        data["json_ld"] += listing_blocks(request, page, context)
    return data


def _is_article(page) -> bool:
    from pressroom.news.models import NewsArticlePage

    return isinstance(page, NewsArticlePage)


def feed_links(context, company, page=None) -> list[dict]:
    """The RSS and Atom feeds of this language's news center (and of the category shown),
    and those of the page shown when it has feeds of its own (its ``feed_path(kind)``: the
    product center's new products)."""
    links = []
    index = child_page(context.get("request"), "news.NewsIndexPage")
    if index is not None:
        category = context.get("category") if context.get("page") == index else None
        for cat in [None, category] if category is not None else [None]:
            parts = [company.display_name, index.title, cat.display_name if cat else ""]
            name = " - ".join(part for part in parts if part)
            links += [feed_link(feed_path(index, kind, cat), kind, name) for kind in FEED_TYPES]
    own_feed = getattr(page, "feed_path", None)
    if own_feed is not None:
        name = f"{company.display_name} - {page.title}"
        links += [feed_link(own_feed(kind), kind, name) for kind in FEED_TYPES]
    return links


def feed_link(href: str, kind: str, name: str) -> dict:
    label = "RSS" if kind == "rss" else "Atom"
    return {"href": href, "type": FEED_MIME_TYPES[kind], "title": f"{name} ({label})"}


def json_ld_blocks(request, page, company, home, home_url, canonical, description, image, lang):
    from pressroom.careers.models import JobPostingPage
    from pressroom.pages.models import HomePage
    from pressroom.products.models import ProductPage

    page_url = page.get_full_url(request) or canonical
    blocks = []
    if isinstance(page, HomePage):
        blocks.append(structured_data.organization(request, company, home_url))
        blocks.append(structured_data.website(company, home_url, lang))
    if _is_article(page):
        describe = structured_data.news_article
    elif isinstance(page, ProductPage):
        describe = structured_data.product
    elif isinstance(page, JobPostingPage) and page.is_open():
        describe = structured_data.job_posting  # a closed posting's page is a 410
    else:
        describe = None
    if describe is not None:
        blocks.append(
            describe(
                request,
                page,
                company=company,
                home_url=home_url,
                url=page_url,
                description=description,
                image=image if image and image["large"] else None,
            )
        )
    if page.depth > 2 and home is not None:
        blocks.append(structured_data.breadcrumb_list(request, page, page_url))
    return [structured_data.json_ld(block) for block in blocks]


def listing_blocks(request, page, context) -> list:
    """A list page as an ItemList of the pages it shows (positions going on across its
    numbered pages); an honours page as an ImageGallery of its certificates.

    A list page names the context variable holding its listed pages in its type's
    ``listed_items_context`` (the news center's "articles", the product lists' "products").
    """
    from pressroom.showcase.models import HonourIndexPage

    key = getattr(page, "listed_items_context", None)
    if key and context.get(key):
        page_obj = context.get("page_obj")
        first = page_obj.start_index() if page_obj is not None else 1
        block = structured_data.item_list(request, context[key], first=first)
    elif isinstance(page, HonourIndexPage) and context.get("honours"):
        block = structured_data.image_gallery(request, page, context["honours"])
    else:
        return []
    return [structured_data.json_ld(block)]


@register.filter
def bcp47(language_code: str) -> str:
    return hreflang(language_code or "")
