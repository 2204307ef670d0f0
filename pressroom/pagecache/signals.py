"""Purge exactly what a content change affects, once the change is committed.

Paths are worked out inside the transaction (before and after the change, since a change can
move a page between lists) and purged at once and again on commit, so no request can re-cache
the old content between the purge and the commit.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from pressroom.pagecache import cdn, store
from pressroom.pagecache.showing import changes_whole_site, site_wide_models, urls_showing

logger = logging.getLogger(__name__)
# True inside ``purges_suspended()``: a bulk import purges everything once, at its end.
SUSPENDED: ContextVar[bool] = ContextVar("pagecache_purges_suspended", default=False)


@contextmanager
def purges_suspended() -> Iterator[None]:
    """Leave out the per-change purges of this thread while the block runs, and purge every
    cached page once when it ends (also when it fails): for a bulk change such as an import
    of thousands of pages, where working out each page's addresses would cost more than the
    writes, and one full purge at the end leaves every page as fresh as exact purges would."""
    token = SUSPENDED.set(True)
    try:
        yield
    finally:
        SUSPENDED.reset(token)
        purge_on_commit(everything=True)


def safely(purge, *args) -> None:
    """Run a purge; an unreachable cache must not stop an editor from publishing."""
    try:
        purge(*args)
    except Exception:
        logger.error("Page cache purge failed; cached pages may be stale", exc_info=True)


def purge_on_commit(addresses=None, everything=False) -> None:
    """Purge now (pages rendering meanwhile will not be stored) and again after the commit
    (pages rendered from the old data between the two are dropped)."""
    if SUSPENDED.get():
        return
    if everything:
        safely(store.purge_all)
        transaction.on_commit(lambda: safely(store.purge_all))
        cdn.purge_after_commit(everything=True)
    elif addresses:
        frozen = frozenset(addresses)
        safely(store.purge, frozen)
        transaction.on_commit(lambda: safely(store.purge, frozen))
        # A CDN in front (when configured) drops the same addresses, once, after the commit.
        cdn.purge_after_commit(frozen)


def purge_for(page) -> None:
    """Purge every address showing ``page`` (or everything when every page shows it)."""
    if SUSPENDED.get():
        return
    try:
        if changes_whole_site(page):
            purge_on_commit(everything=True)
        else:
            purge_on_commit(urls_showing(page))
    except Exception:  # a purge must never break publishing: fall back to a full purge
        logger.exception("Working out the paths to purge for page %s failed", page.pk)
        purge_on_commit(everything=True)


def on_publish_change(sender, instance, **kwargs):
    if instance.depth == 2 and not instance.live:
        # A home page taken offline: every page's language switcher offered it.
        purge_on_commit(everything=True)
    else:
        purge_for(instance)


def before_page_save(sender, instance, update_fields=None, **kwargs):
    """A full save of a live page (publish, move) may change its slug, lists or title."""
    if SUSPENDED.get():
        return
    if not isinstance(instance, Page) or instance.pk is None or update_fields is not None:
        return
    before = Page.objects.filter(pk=instance.pk, live=True).first()
    if before is not None:
        purge_for(before)
    elif instance.live and instance.depth == 2:
        # A home page going live: every page's language switcher and menu may lead to it.
        purge_on_commit(everything=True)


def after_page_create(sender, instance, created=False, raw=False, **kwargs):
    """A home page or menu entry created live (by `pressroom init`, the demo, a script; the
    editor creates drafts) shows at once in every page's menu and language switcher."""
    if not (created and not raw and isinstance(instance, Page) and instance.live):
        return
    if instance.depth == 2 or changes_whole_site(instance):
        purge_on_commit(everything=True)


def before_page_delete(sender, instance, **kwargs):
    if SUSPENDED.get():
        return
    if isinstance(instance, Page) and sender is Page:
        before = Page.objects.filter(pk=instance.pk, live=True).first()
        if before is not None:
            purge_for(before)


def on_page_move(sender, instance, **kwargs):
    if SUSPENDED.get():
        return
    purge_for(Page.objects.get(pk=instance.pk))


def purge_everything(sender, instance=None, update_fields=None, **kwargs):
    # Wagtail fills in an image's size and hash lazily while rendering: not a content change.
    if update_fields is not None and set(update_fields) <= {"file_size", "file_hash"}:
        return
    purge_on_commit(everything=True)


def after_cache_outage(sender, **kwargs):
    """Redis answers again after dropping writes: a purge may have been lost, start afresh."""
    safely(store.purge_all)


def connect() -> None:
    from pressroom.core.cache import cache_recovered

    page_published.connect(on_publish_change, dispatch_uid="pagecache-published")
    page_unpublished.connect(on_publish_change, dispatch_uid="pagecache-unpublished")
    pre_save.connect(before_page_save, dispatch_uid="pagecache-pre-save")
    post_save.connect(after_page_create, dispatch_uid="pagecache-post-create")
    pre_delete.connect(before_page_delete, sender=Page, dispatch_uid="pagecache-pre-delete")
    pre_page_move.connect(on_page_move, dispatch_uid="pagecache-pre-move")
    cache_recovered.connect(after_cache_outage, dispatch_uid="pagecache-cache-recovered")
    post_page_move.connect(on_page_move, dispatch_uid="pagecache-post-move")
    # Shown on every page (header, footer, menus, filters, robots.txt): purge everything.
    for model in site_wide_models():
        for signal in (post_save, post_delete):
            signal.connect(purge_everything, sender=model, dispatch_uid=f"pagecache-{model}")
    # A rendition deleted while its image stays the same (a purge of renditions) leaves
    # pages pointing at a file that is gone.
    # (A new rendition changes nothing that is shown.)
    post_delete.connect(
        purge_everything,
        sender=get_image_model().get_rendition_model(),
        dispatch_uid="pagecache-rendition-deleted",
    )
