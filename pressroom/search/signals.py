"""Keeping the site search index in step: what changes which pages visitors may find."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move


def page_saved(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    from .indexing import refresh, refresh_later

    if not refresh_later(instance.pk):
        refresh([instance.pk])


def restriction_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .indexing import refresh_tree

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        refresh_tree(page)


def page_moved(sender, instance, **kwargs):
    from .indexing import refresh_tree

    refresh_tree(instance)


def connect() -> None:
    post_save.connect(page_saved, dispatch_uid="sitesearch_page_saved")
    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="sitesearch_restriction"
    )
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="sitesearch_unrestriction"
    )
    post_page_move.connect(page_moved, dispatch_uid="sitesearch_page_moved")
