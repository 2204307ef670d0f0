"""Many articles, fast: for measuring Pressroom with a big news center, in both languages.

Adding them one by one with ``add_child`` (a tree lookup, two inserts, a search index update
and a log line each) is far too slow for 100,000. Here each batch is a few bulk inserts that
leave the same rows behind: page rows with treebeard paths appended after the news center's
last child, the article rows, the parent's ``numchild`` and the search index entries. What
it costs is measured in docs/operations.md ("Many articles").
"""

import copy
import uuid
from datetime import timedelta
from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections, router, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from pressroom.demo.seed_texts import seed_texts
from pressroom.pagecache import store
from pressroom.search import indexing as site_search
from pressroom.search.fields import each_value_once


def _prototype(model, index, content_type):
    """An article under ``index`` with what every seeded one there shares, to be copied."""
    return model(
        title="",
        slug="",
        content_type=content_type,
        locale_id=index.locale_id,
        depth=index.depth + 1,
        numchild=0,
        live=True,
        has_unpublished_changes=False,
    )


def _new_article(prototype, index, number, step, when, text, key, category_id):
    slug = f"seed-{number}"
    # A copy of the prototype: a fifth of the time of building a page instance.
    article = copy.copy(prototype)
    article.__dict__.update(
        title=text.title,
        draft_title=text.title,
        slug=slug,
        summary=text.summary,
        author=text.author,
        source_name=text.source_name,
        source_url=text.source_url,
        category_id=category_id,
        translation_key=key,
        path=index.path + tree_step(step),
        url_path=f"{index.url_path}{slug}/",
        first_published_at=when,
        last_published_at=when,
    )
    article.body = text.body  # (through the field, which makes it a StreamValue)
    return article


def tree_step(number: int) -> str:
    """The ``number``th step of a treebeard path (``0001``...), from the page model's public
    ``alphabet`` and ``steplen``: a child's path is its parent's followed by its step."""
    alphabet, digits = Page.alphabet, ""
    while number:
        number, digit = divmod(number, len(alphabet))
        digits = alphabet[digit] + digits
    return digits.rjust(Page.steplen, alphabet[0])


def step_number(step: str) -> int:
    """The number of a treebeard path step (the inverse of ``tree_step``)."""
    number = 0
    for char in step:
        number = number * len(Page.alphabet) + Page.alphabet.index(char)
    return number


def _bulk_insert(model, articles) -> None:
    """Insert multi-table rows: Django's ``bulk_create`` refuses child models, so the page rows
    go first (their ids come back) and the article rows reuse them, written with one
    ``executemany`` of plain SQL (values prepared by each field's ``get_db_prep_save``).

    The page rows are read from the articles themselves (an article has every field of a
    page): no second set of objects to build.
    """
    Page.objects.bulk_create(articles)
    connection = connections[router.db_for_write(model)]
    fields = list(model._meta.local_concrete_fields)
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = []
    for article in articles:
        article.page_ptr_id = article.id
        rows.append(
            [
                field.get_db_prep_save(getattr(article, field.attname), connection)
                for field in fields
            ]
        )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


class Seeded(NamedTuple):
    articles: int  # added in each language
    languages: list[str]  # the languages written, the default one first


def news_centers():
    """The default language's news center and its English translation (None without one)."""
    from pressroom.news.models import NewsIndexPage

    centers = NewsIndexPage.objects.order_by("path")
    index = centers.filter(locale__language_code=settings.LANGUAGE_CODE).first() or centers.first()
    if index is None:
        raise ValueError("No news center: run `pressroom init` first.")
    english = centers.filter(locale__language_code="en").exclude(pk=index.pk)
    return index, english.filter(translation_key=index.translation_key).first() or english.first()


def _last_number(indexes) -> int:
    """The highest N of the ``seed-N`` articles already there: new ones continue after it."""
    highest = 0
    for index in indexes:
        slugs = Page.objects.filter(
            path__startswith=index.path, depth=index.depth + 1, slug__startswith="seed-"
        ).values_list("slug", flat=True)
        for slug in slugs.iterator():
            tail = slug.removeprefix("seed-")
            if tail.isdigit():
                highest = max(highest, int(tail))
    return highest


def _last_step(index) -> int:
    last = (
        Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return step_number(last[-Page.steplen :]) if last else 0


def seed_articles(count: int, batch: int = 500) -> Seeded:
    """Add ``count`` live articles to the news center in each language; returns what was added.

    Each article is written in Chinese under the default-language news center and, when the
    site has an English news center, in English under that one too: the two share a
    ``translation_key``, so each links to the other (language switcher, hreflang). Their
    texts come from ``seed_texts``: article N is always the same.

    Each batch of ``batch`` pages (both languages counted) is one transaction, kept short:
    on SQLite it holds the write lock, and the running site's own writes (visitors'
    messages, editors' saves) wait for it (docs/security.md measures how long).

    Pages are created live without revisions (what publishing leaves behind for a visitor),
    one hour apart and each older than the one before (article 1 is the newest); the page
    cache is emptied once at the end.
    """
    from pressroom.news.models import NewsArticlePage, NewsCategory

    index, english = news_centers()
    indexes = [index] if english is None else [index, english]
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    prototypes = [_prototype(NewsArticlePage, center, content_type) for center in indexes]
    categories = list(NewsCategory.objects.order_by("pk").values_list("pk", flat=True))
    start = _last_number(indexes)
    oldest = (
        NewsArticlePage.objects.filter(first_published_at__isnull=False)
        .order_by("first_published_at")
        .first()
    )  # (drafts and scheduled articles have no date yet)
    now = min(timezone.now(), oldest.first_published_at) if oldest else timezone.now()
    backends = list(get_search_backends(with_auto_update=True))
    per_batch = max(1, batch // len(indexes))
    made = 0
    while made < count:
        size = min(per_batch, count - made)
        with transaction.atomic():
            steps = [_last_step(center) for center in indexes]
            rows = [[] for _center in indexes]
            for i in range(size):
                number = start + made + i + 1
                texts = seed_texts(number)
                key = uuid.uuid4()
                category = categories[number % len(categories)] if categories else None
                # Each new article is older than the last, so numbers rise with age.
                when = now - timedelta(hours=made + i + 1)
                # (no English news center: the English texts are left unused)
                for center, prototype, step, text, added in zip(
                    indexes, prototypes, steps, texts, rows, strict=False
                ):
                    added.append(
                        _new_article(
                            prototype, center, number, step + i + 1, when, text, key, category
                        )
                    )
            for center, added in zip(indexes, rows, strict=True):
                _bulk_insert(NewsArticlePage, added)
                Page.objects.filter(pk=center.pk).update(numchild=F("numchild") + size)
            made_now = [a for added in rows for a in added]
            with each_value_once():
                for backend in backends:
                    backend.add_bulk(NewsArticlePage, made_now)
            site_search.add_pages(made_now)  # live and public, as the site search wants them
        made += size
    from pressroom.scheduling.runner import refresh_sqlite_statistics

    refresh_sqlite_statistics()  # the planner must know the page table is now big
    store.purge_all()
    return Seeded(made, [center.locale.language_code for center in indexes])
