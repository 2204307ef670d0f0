"""A moderator's change to a question purges the board's cached pages; a visitor's new
(pending) question changes nothing visible, so a flood of them purges nothing."""

from django.db.models.signals import post_delete, post_save

from pressroom.pagecache.signals import purge_for


def after_save(sender, instance, created=False, raw=False, **kwargs):
    if created and not instance.is_shown or raw:
        return
    purge_for(instance.page)


def after_delete(sender, instance, **kwargs):
    if not instance.is_shown:
        return
    try:
        page = instance.page
    except Exception:  # the board itself is being deleted: its own delete purges
        return
    purge_for(page)


def connect() -> None:
    from pressroom.board.models import Question

    post_save.connect(after_save, sender=Question, dispatch_uid="board-question-saved")
    post_delete.connect(after_delete, sender=Question, dispatch_uid="board-question-deleted")
