"""What the site search looks through, and how it asks Wagtail's search backend.

Each page type answers for itself whether visitors may find it: a page model with a
``searchable_in(locale)`` class method takes part, with the pages that method returns
(e.g. only published articles); page types without one are never results.
"""

import operator
from functools import reduce

from django.db.models import Q
from wagtail.models import Page, get_page_models
from wagtail.search.backends import get_search_backend

from .text import query_terms


def searchable_models() -> list:
    """The page types that answer ``searchable_in(locale)``."""
    return [model for model in get_page_models() if hasattr(model, "searchable_in")]


def searchable_pages(locale):
    """Pages a visitor may find in ``locale``: what each searchable page type offers."""
    scopes = [Q(pk__in=model.searchable_in(locale).values("pk")) for model in searchable_models()]
    if not scopes:
        return Page.objects.none()
    return Page.objects.filter(reduce(operator.or_, scopes))


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
