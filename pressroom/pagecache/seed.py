"""Many articles, fast: for measuring Pressroom with a big news center."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from pressroom.pagecache import store


def seed_articles(count: int, batch: int = 20) -> int:
    """Add ``count`` live articles under the default-language news center; returns how many.

    Each batch is one transaction, kept short: on SQLite it holds the write lock, and the
    running site's own writes (visitors' messages, editors' saves) wait for it. Batches of 200
    held it for 20 s on a busy 2-core machine, a visitor's message with it.

    Pages are created live without revisions (what publishing leaves behind for a visitor),
    and the page cache is emptied once at the end rather than purged per article.
    """
    from pressroom.news.models import NewsArticlePage, NewsIndexPage

    index = NewsIndexPage.objects.order_by("path").first()
    if index is None:
        raise ValueError("No news center: run `pressroom init` first.")
    start = NewsArticlePage.objects.count()
    now = timezone.now()
    made = 0
    while made < count:
        with transaction.atomic():
            for n in range(start + made, start + min(count, made + batch)):
                when = now - timedelta(hours=n + 1)
                index.add_child(
                    instance=NewsArticlePage(
                        title=f"样例新闻 {n + 1}",
                        slug=f"seed-{n + 1}",
                        summary=f"第 {n + 1} 篇样例新闻的摘要。",
                        body=[{"type": "paragraph", "value": f"<p>第 {n + 1} 篇样例新闻。</p>"}],
                        live=True,
                        first_published_at=when,
                        last_published_at=when,
                    )
                )
                index.refresh_from_db()
        made = min(count, made + batch)
    store.purge_all()
    return made
