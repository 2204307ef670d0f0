"""Which pages the site search may list: each page type answers for itself.

A page model with a ``searchable_in(locale)`` class method takes part, with the pages that
method returns (e.g. only published articles); page types without one are never results.
"""

import operator
from functools import reduce

from django.db.models import Q
from wagtail.models import Page, get_page_models


def searchable_models() -> list:
    """The page types that answer ``searchable_in(locale)``."""
    return [model for model in get_page_models() if hasattr(model, "searchable_in")]


def searchable_pages(locale):
    """Pages a visitor may find in ``locale``: what each searchable page type offers."""
    scopes = [Q(pk__in=model.searchable_in(locale).values("pk")) for model in searchable_models()]
    if not scopes:
        return Page.objects.none()
    return Page.objects.filter(reduce(operator.or_, scopes))
