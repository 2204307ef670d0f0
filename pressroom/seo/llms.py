"""llms.txt (https://llmstxt.org/): a Markdown summary of a site for language models and the
tools that read for them, served at the root like robots.txt.

In the site's default language: the company, its main pages (the main menu) and its news
center with the newest articles, each with a link to its version in the other languages.
"""

import re

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from pressroom.core.models import company_for
from pressroom.news.models import NewsArticlePage, NewsIndexPage

NEWEST_ARTICLES = 20


def markdown_text(text: str) -> str:
    """One line of plain text that cannot break out of a Markdown link or list item."""
    text = re.sub(r"\s+", " ", strip_tags(str(text))).strip()
    return re.sub(r"([\\\[\]()<>*_`#])", r"\\\1", text)


def item(request, page, versions) -> str:
    line = f"- [{markdown_text(page.title)}]({page.get_full_url(request)})"
    others = [
        f"[{markdown_text(other.title)}]({other.get_full_url(request)})"
        for other in versions.get(page.translation_key, [])
    ]
    if others:
        label = _("other languages")
        line += f" ({label}: {', '.join(others)})"
    return line


def translations_of(pages, public) -> dict:
    """translation_key -> the versions of ``pages`` in the other languages found in ``public``
    (what visitors may see of that type), in one query for all of them."""
    keys = [page.translation_key for page in pages]
    locales = {page.locale_id for page in pages}
    found: dict = {}
    if not keys:
        return found
    others = public.filter(translation_key__in=keys).exclude(locale_id__in=locales)
    for other in others.order_by("locale_id"):
        found.setdefault(other.translation_key, []).append(other)
    return found


def llms_text(request) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return build(request)


def build(request) -> str:
    site = Site.find_for_request(request)
    home = site.root_page.specific if site is not None else None
    company = company_for(request)
    lines = [f"# {markdown_text(company.display_name)}", ""]
    summary = strip_tags(company.display_intro or "") or company.display_welcome
    if summary:
        lines += [f"> {markdown_text(summary)}", ""]
    facts = [
        (_("Address"), company.display_address),
        (_("Phone"), company.hotline or company.phone),
        (_("Email"), company.email),
    ]
    lines += [f"- {label}: {markdown_text(value)}" for label, value in facts if value]
    if home is None:
        return "\n".join(lines).rstrip() + "\n"
    lines.append("")

    menu = [home, *home.get_children().live().public().in_menu().specific()]
    versions = translations_of(menu, Page.objects.live().public())
    main_pages = _("Main pages")
    lines += [f"## {main_pages}", ""]
    lines += [item(request, page, versions) for page in menu]

    news_index = NewsIndexPage.objects.child_of(home).live().public().first()
    if news_index is not None:
        articles = list(
            NewsArticlePage.objects.published().descendant_of(news_index)[:NEWEST_ARTICLES]
        )
        versions = translations_of([news_index], Page.objects.live().public())
        versions.update(translations_of(articles, NewsArticlePage.objects.published()))
        lines += ["", f"## {markdown_text(news_index.title)}", ""]
        lines.append(item(request, news_index, versions))
        for article in articles:
            published = article.first_published_at
            date = localdate(published).isoformat() if published else ""
            lines.append(item(request, article, versions) + (f" — {date}" if date else ""))

    optional = _("Optional")  # the llms.txt heading of what a reader may skip
    lines += ["", f"## {optional}", ""]
    lines.append(f"- [sitemap.xml]({site.root_url}/sitemap.xml)")
    return "\n".join(lines).rstrip() + "\n"
