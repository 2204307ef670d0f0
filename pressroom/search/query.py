"""What the site search looks through, and how it asks Wagtail's search backend.

Each page type answers for itself whether visitors may find it: a page model with a
``searchable_in(locale)`` class method takes part, with the pages that method returns
(e.g. only published articles); page types without one are never results.
"""

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from .lookup import SiteSearchResults
from .scope import searchable_models, searchable_pages
from .text import query_terms

__all__ = ["search_pages", "searchable_models", "searchable_pages", "uses_database"]


def uses_database(backend) -> bool:
    return type(backend).__module__.startswith(
        ("modelsearch.backends.database", "wagtail.search.backends.database", __package__)
    )


def search_pages(query: str, locale, backend=None):
    """Results for a visitor's query, best first (specific pages), or None without a word.

    Every word of the query must match; CJK runs count as their character pairs. With the
    database backend (the default) the site search's own index answers (lookup.py); with a
    search server, Wagtail's backend for it.
    """
    terms = query_terms(query)
    if not terms:
        return None
    backend = backend or get_search_backend()
    if uses_database(backend):
        return SiteSearchResults(terms, locale)
    # A search server cannot run the subqueries: it filters on a list of ids instead.
    pages = Page.objects.filter(pk__in=list(searchable_pages(locale).values_list("pk", flat=True)))
    return backend.search(" ".join(terms), pages.specific(), operator="and")
