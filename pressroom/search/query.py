"""What the site search looks through, and how it asks Wagtail's search backend."""

from django.db.models import Q
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from .text import query_terms


def searchable_pages(locale):
    """Pages a visitor may find in ``locale``: published articles and live public pages."""
    from pressroom.news.models import NewsArticlePage
    from pressroom.pages.models import StandardPage

    articles = NewsArticlePage.objects.published().filter(locale=locale).values("pk")
    pages = StandardPage.objects.live().public().filter(locale=locale).values("pk")
    return Page.objects.filter(Q(pk__in=articles) | Q(pk__in=pages))


def uses_database(backend) -> bool:
    return type(backend).__module__.startswith(
        ("modelsearch.backends.database", "wagtail.search.backends.database", __package__)
    )


def search_pages(query: str, locale, backend=None):
    """Results for a visitor's query, best first (specific pages), or None without a word.

    Every word of the query must match; CJK runs count as their character pairs.
    """
    terms = query_terms(query)
    if not terms:
        return None
    backend = backend or get_search_backend()
    pages = searchable_pages(locale)
    if not uses_database(backend):
        # A search server cannot run the subqueries: it filters on a list of ids instead.
        pages = Page.objects.filter(pk__in=list(pages.values_list("pk", flat=True)))
    return backend.search(" ".join(terms), pages.specific(), operator="and")
