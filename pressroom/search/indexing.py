"""Keeping the site search index (``SearchEntry``) in step with the pages.

A page has an entry while its type takes part in the search (``searchable_in``) and it is among
what that method offers in its locale (published, public, ...). The entry is refreshed from the
database whenever a page is saved (publishing and unpublishing save it), whenever a view
restriction or a move may change who can see a subtree, and removed with the page (a cascade);
an import defers the refreshes of its saves to one per batch (``refreshes_deferred()``).
``rebuild()`` makes it anew (``pressroom update_index``). Anything that changes pages without
saving them (a queryset ``update()``, an expiry date passing) is caught at query time: every
listed result is checked against ``searchable_in`` again (query.py).
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail.search import index

from .fields import TextSearchField, flatten
from .models import SearchEntry, lang_word
from .scope import searchable_models
from .text import index_words

BATCH = 500


def page_text(page) -> tuple[str, str]:
    """A page's (title, rest) as plain text, from its model's search fields."""
    title, rest = page.title or "", []
    for field in type(page).get_search_fields():
        if not isinstance(field, index.SearchField) or field.field_name == "title":
            continue
        if isinstance(field, TextSearchField):
            rest.append(field.plain_value(page))
        else:
            rest.append(flatten(field.get_value(page)))
    return title, "\n".join(text for text in rest if text)


def entry_for(page) -> SearchEntry:
    title, rest = page_text(page)
    return SearchEntry(
        page_id=page.pk,
        locale_id=page.locale_id,
        lang=lang_word(page.locale_id),
        title=index_words(title),
        body=index_words(rest),
    )


def add_pages(pages: Iterable) -> None:
    """Add (or replace) the entries of ``pages``, specific pages known to be searchable (bulk
    loads such as ``pressroom seed``)."""
    entries = [entry_for(page) for page in pages]
    SearchEntry.objects.filter(page_id__in=[entry.page_id for entry in entries]).delete()
    SearchEntry.objects.bulk_create(entries, batch_size=BATCH)


def refresh(page_ids: Iterable[int]) -> None:
    """Make the entries of these pages match what visitors may find now."""
    page_ids = list(page_ids)
    if not page_ids:
        return
    wanted = {model: [] for model in searchable_models()}
    groups: dict = {}  # (model, locale id) -> page ids
    rows = Page.objects.filter(pk__in=page_ids).values_list("pk", "content_type", "locale")
    for pk, content_type, locale_id in rows:
        model = ContentType.objects.get_for_id(content_type).model_class()
        if model in wanted:
            groups.setdefault((model, locale_id), []).append(pk)
    found = []
    for (model, locale_id), ids in groups.items():
        locale = Locale.objects.get(pk=locale_id)
        found += model.searchable_in(locale).filter(pk__in=ids)
    with transaction.atomic():
        SearchEntry.objects.filter(page_id__in=page_ids).delete()
        SearchEntry.objects.bulk_create([entry_for(page) for page in found], batch_size=BATCH)


# The pages saved while ``refreshes_deferred()`` runs, waiting for ``refresh_deferred()``.
_deferred: ContextVar[set[int] | None] = ContextVar("deferred_search_refreshes", default=None)


@contextmanager
def refreshes_deferred() -> Iterator[None]:
    """Within: a saved page's entry is not refreshed at once (an import saves each page two or
    three times) but by the next ``refresh_deferred()``, which the caller runs before its
    transaction commits; pages still waiting when the block ends are refreshed then."""
    token = _deferred.set(set())
    try:
        yield
        refresh_deferred()
    finally:
        _deferred.reset(token)


def refresh_later(page_id: int) -> bool:
    """Keep ``page_id`` for ``refresh_deferred()`` if refreshes are deferred; False if not."""
    waiting = _deferred.get()
    if waiting is None:
        return False
    waiting.add(page_id)
    return True


def refresh_deferred() -> None:
    """Refresh the entries of the pages saved since the last call, all at once."""
    waiting = _deferred.get()
    if waiting:
        page_ids = sorted(waiting)
        waiting.clear()
        for start in range(0, len(page_ids), BATCH):
            refresh(page_ids[start : start + BATCH])


def forget_deferred() -> None:
    """Drop the waiting pages (their saves were rolled back, and their entries with them)."""
    waiting = _deferred.get()
    if waiting is not None:
        waiting.clear()


def refresh_tree(page: Page) -> None:
    """Refresh a page and everything below it (its visibility passes down)."""
    ids = Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    batch = []
    for pk in ids.iterator(chunk_size=BATCH):
        batch.append(pk)
        if len(batch) == BATCH:
            refresh(batch)
            batch = []
    refresh(batch)


def rebuild(stdout=None) -> int:
    """Empty the index and fill it with every page visitors may find; returns the count."""
    total = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for model in searchable_models():
            for locale in Locale.objects.all():
                pages = model.searchable_in(locale).order_by("pk")
                batch = []
                for page in pages.iterator(chunk_size=BATCH):
                    batch.append(entry_for(page))
                    if len(batch) == BATCH:
                        SearchEntry.objects.bulk_create(batch)
                        total += len(batch)
                        batch = []
                SearchEntry.objects.bulk_create(batch)
                total += len(batch)
    if stdout is not None:
        stdout.write(f"Site search: {total} pages indexed.")
    return total
