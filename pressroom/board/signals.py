"""A moderator's change to a question purges the board's own cached pages (its numbered
list pages); a visitor's new (pending) question changes nothing visible, so a flood of them
purges nothing. Nothing else shows questions, so nothing else is purged: a board in the main
menu does not empty the whole site's cache at every reply."""

from django.db.models.signals import post_delete, post_save

from pressroom.pagecache.showing import Address, own_paths
from pressroom.pagecache.signals import purge_on_commit


def purge_board(page) -> None:
    parts = page.get_url_parts()
    if parts:
        purge_on_commit({Address(parts[0], path) for path in own_paths(page)})


def after_save(sender, instance, created=False, raw=False, **kwargs):
    if raw or (created and not instance.is_shown):
        return
    purge_board(instance.page)


def after_delete(sender, instance, **kwargs):
    if not instance.is_shown:
        return
    try:
        page = instance.page
    except Exception:  # the board itself is being deleted: its own delete purges
        return
    purge_board(page)


def connect() -> None:
    from pressroom.board.models import Question

    post_save.connect(after_save, sender=Question, dispatch_uid="board-question-saved")
    post_delete.connect(after_delete, sender=Question, dispatch_uid="board-question-deleted")
