"""Deleting a page that is, or has been, published is for Administrators and superusers.

Wagtail lets anyone with edit and publish rights (Moderators) delete a live page, and anyone with
edit rights delete an unpublished one, which a Moderator gets by unpublishing it first. Deleting
takes the page, its revisions and its history with it, so a page that visitors have seen (live
now, or ever published), or a parent of one, is deleted only by someone who holds "bulk delete"
on it (the Administrators) or a superuser. Editors and Moderators still unpublish, and delete
drafts that were never published.
"""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .refusal import refused


def pages_deleted_with(page):
    """``page`` and the translations Wagtail deletes with it (when its page trees are synced)."""
    pages = [page]
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        for cascade in hooks.get_hooks("construct_translated_pages_to_cascade_actions"):
            for more in (cascade([page], "delete") or {}).values():
                pages.extend(more)
    return pages


def has_been_published(page) -> bool:
    """Whether ``page`` or a page below it is live, or has ever been published."""
    published = Q(live=True) | Q(first_published_at__isnull=False)
    return Page.objects.descendant_of(page, inclusive=True).filter(published).exists()


def may_delete(user, page) -> bool:
    """Wagtail's rule (checked before this), narrowed for pages that have been published."""
    if user.is_active and user.is_superuser:
        return True
    policy = policy_registry.get_by_type(Page)
    return all(
        policy.user_has_permission_for_instance(user, "bulk_delete", p) or not has_been_published(p)
        for p in pages_deleted_with(page)
    )


def refusal(request, pages):
    titles = ", ".join(f"“{page.get_admin_display_title()}”" for page in pages)
    return refused(
        request,
        _(
            "Only an administrator can delete a page that is live, has been published, or has "
            "such a page below it: %(pages)s. You can unpublish it instead."
        )
        % {"pages": titles},
    )


def before_delete_page(request, page):
    if not may_delete(request.user, page):
        return refusal(request, [page])
    return None


def before_bulk_delete_pages(request, action_type, objects, action):
    if action_type != "delete" or not issubclass(action.model, Page):
        return None
    beyond = [page for page in objects if not may_delete(request.user, page)]
    return refusal(request, beyond) if beyond else None
