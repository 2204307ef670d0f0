"""Media the live site shows: only Moderators and up delete it or replace its file.

Editors hold only "add" and "choose" on the collections, so by Wagtail's ownership rule they edit
and delete their own uploads and no one else's. On top of that rule, an upload that a live page
uses (Wagtail's reference index: the cover, a StreamField block, an image or link in rich text)
or that is a site's logo keeps its file and stays until someone who may change every item in its
collection (a Moderator or Administrator) replaces or deletes it: an owner's change would reach
the live site at once, without review.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import GroupCollectionPermission, Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from pressroom.core.models import CompanyInfo


def live_uses(obj) -> list[str]:
    """What on the live site shows ``obj``: live pages that use it, and the logo setting."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    pages = Page.objects.filter(pk__in=[int(pk) for pk in page_ids], live=True)
    uses = [f"“{title}”" for title in pages.values_list("title", flat=True)]
    if isinstance(obj, get_image_model()) and CompanyInfo.objects.filter(logo=obj).exists():
        uses.append(_("the site logo"))
    return uses


class LiveMediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's ownership rule, except that deleting what the live site shows takes "change"
    on its collection, not only owning it."""

    def may_change_everyones(self, user, instance) -> bool:
        """Whether ``user`` may change every item in ``instance``'s collection, not just theirs."""
        if user.is_active and user.is_superuser:
            return True
        content_type = ContentType.objects.get_for_model(self.auth_model)
        return GroupCollectionPermission.objects.filter(
            group__user=user,
            permission__content_type=content_type,
            permission__codename=f"change_{content_type.model}",
            collection__in=instance.collection.get_ancestors(inclusive=True),
        ).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        allowed = super().user_has_any_permission_for_instance(user, actions, instance)
        if allowed and set(actions) == {"delete"} and not self.may_change_everyones(user, instance):
            return not live_uses(instance)
        return allowed


def refuse_live_file_replacement(form, user):
    """A form error on ``file`` when ``user`` may not replace the file of ``form.instance``."""
    instance = form.instance
    if instance.pk is None or "file" not in form.changed_data:
        return
    if user is not None and form.permission_policy.may_change_everyones(user, instance):
        return
    uses = live_uses(instance)
    if not uses:
        return
    if isinstance(instance, get_image_model()):
        message = _(
            "This image is shown on the live site (%(uses)s). A new file would change those "
            "pages at once, without review, so only a moderator can replace it. Upload the new "
            "picture as a new image instead."
        )
    else:
        message = _(
            "This document is offered on the live site (%(uses)s). A new file would change "
            "those pages at once, without review, so only a moderator can replace it. Upload "
            "the new file as a new document instead."
        )
    raise ValidationError(message % {"uses": ", ".join(uses)}, code="live_file")
