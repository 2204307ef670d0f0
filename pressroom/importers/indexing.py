"""The search indexes (Wagtail's and the site search's entries) and Wagtail's reference
index of an import, updated once per batch.

Every save of a page normally updates both indexes at once (a page saved twice while it is
made and published is indexed twice, and the SQLite search backend works out its average
title length again each time). During an import the pages' own updates are left out and
each batch's pages are indexed together just before the batch commits, in the same
transaction: what a search finds and what "usage" shows are never behind the committed pages.
Images and documents keep their usual updates (there are few of them). Decision 0026.
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from django.db.models.signals import post_save
from modelcluster.models import get_all_child_relations
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.search.index import get_indexed_models
from wagtail.signal_handlers import disable_reference_index_auto_update

from pressroom.search import indexing as site_search
from pressroom.search.fields import each_value_once


def page_models() -> list[type[Page]]:
    return [model for model in get_indexed_models() if issubclass(model, Page)]


@contextmanager
def search_updates_left_out() -> Iterator[None]:
    """The search backend's own update on each page save, left out while the block runs
    (the import indexes its pages per batch instead) and put back after it, however it ends."""
    disconnected = [
        model
        for model in page_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


class Indexing:
    """The pages saved in the open batch, indexed together by ``flush()``."""

    def __init__(self):
        self.saved: dict[type[Page], set[int]] = defaultdict(set)

    @contextmanager
    def batched(self) -> Iterator[None]:
        with ExitStack() as stack:
            stack.enter_context(search_updates_left_out())
            stack.enter_context(disable_reference_index_auto_update())
            stack.enter_context(site_search.refreshes_deferred())
            yield

    def add(self, page: Page) -> None:
        self.saved[page.specific_class].add(page.pk)

    def forget(self) -> None:
        self.saved.clear()
        site_search.forget_deferred()

    def flush(self) -> None:
        """Index the batch's pages (those still there: a failed item's page was rolled back)."""
        saved, self.saved = self.saved, defaultdict(set)
        backends = list(get_search_backends(with_auto_update=True))
        for model, keys in saved.items():
            # Their child objects (comments, tags ...) read once for the batch, not a query
            # per relation for each page by the reference index.
            relations = [
                relation.get_accessor_name() for relation in get_all_child_relations(model)
            ]
            found = model.get_indexed_objects().filter(pk__in=keys)
            pages = list(found.prefetch_related(*relations))
            with each_value_once():  # nothing changes the pages while they are indexed
                for backend in backends:
                    backend.add_bulk(model, pages)
            for page in pages:
                ReferenceIndex.create_or_update_for_object(page)
        site_search.refresh_deferred()  # the site search's entries of every page saved
