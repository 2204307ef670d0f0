"""Many articles, fast: for measuring Pressroom with a big news center.

``add_child`` per article costs about 40 ms (a tree lookup, two inserts, a search index
update and a log line each): 100,000 articles would take over an hour. Here each batch is a
few bulk inserts that leave the same rows behind: page rows with treebeard paths appended
after the news center's last child, the article rows, the parent's ``numchild`` and the
search index entries. 100,000 articles take about two minutes on SQLite.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import router, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from pressroom.pagecache import store


def _new_article(model, index, content_type, number: int, step: int, when):
    slug = f"seed-{number}"
    title = f"样例新闻 {number}"
    return model(
        title=title,
        draft_title=title,
        slug=slug,
        summary=f"第 {number} 篇样例新闻的摘要。",
        body=[{"type": "paragraph", "value": f"<p>第 {number} 篇样例新闻。</p>"}],
        content_type=content_type,
        locale_id=index.locale_id,
        path=Page._get_path(index.path, index.depth + 1, step),
        depth=index.depth + 1,
        numchild=0,
        url_path=f"{index.url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=when,
        last_published_at=when,
    )


def _bulk_insert(model, articles) -> None:
    """Insert multi-table rows: Django's ``bulk_create`` refuses child models, so the page rows
    go first (their ids come back) and the article rows reuse them."""
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    pages = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(a, f.attname) for f in page_fields}) for a in articles]
    )
    for article, page in zip(articles, pages, strict=True):
        article.id = article.page_ptr_id = page.id
    model._base_manager._insert(
        articles,
        fields=list(model._meta.local_concrete_fields),
        using=router.db_for_write(model),
    )


def seed_articles(count: int, batch: int = 500) -> int:
    """Add ``count`` live articles under the default-language news center; returns how many.

    Each batch is one transaction, kept short: on SQLite it holds the write lock, and the
    running site's own writes (visitors' messages, editors' saves) wait for it. Inserted one
    by one, batches of 200 held it for 20 s on a busy 2-core machine; bulk inserts of 500
    hold it for a fraction of that.

    Pages are created live without revisions (what publishing leaves behind for a visitor),
    one hour apart and each older than the one before (样例新闻 1 is the newest); the page
    cache is emptied once at the end.
    """
    from pressroom.news.models import NewsArticlePage, NewsIndexPage

    index = NewsIndexPage.objects.order_by("path").first()
    if index is None:
        raise ValueError("No news center: run `pressroom init` first.")
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    start = NewsArticlePage.objects.count()
    oldest = (
        NewsArticlePage.objects.filter(first_published_at__isnull=False)
        .order_by("first_published_at")
        .first()
    )  # (drafts and scheduled articles have no date yet)
    now = min(timezone.now(), oldest.first_published_at) if oldest else timezone.now()
    backends = list(get_search_backends(with_auto_update=True))
    made = 0
    while made < count:
        size = min(batch, count - made)
        with transaction.atomic():
            last = (
                Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            step = Page._str2int(last[-Page.steplen :]) if last else 0
            articles = [
                _new_article(
                    NewsArticlePage,
                    index,
                    content_type,
                    number=start + made + i + 1,
                    step=step + i + 1,
                    # Each new article is older than the last, so numbers rise with age.
                    when=now - timedelta(hours=made + i + 1),
                )
                for i in range(size)
            ]
            _bulk_insert(NewsArticlePage, articles)
            Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + size)
            for backend in backends:
                backend.add_bulk(NewsArticlePage, articles)
        made += size
    from pressroom.scheduling.runner import refresh_sqlite_statistics

    refresh_sqlite_statistics()  # the planner must know the page table is now big
    store.purge_all()
    return made
