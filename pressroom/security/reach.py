"""Whom a signed-in user may manage, and which groups they may hand out.

A user who is not a superuser may hand out only powers they hold themselves (model permissions,
and page and collection permissions on the same page or collection or below one where they hold
them; per-site settings permissions for a site where, or for every site as, they hold them), and
never the power to manage users or groups. A group is *within reach* when every
permission it carries passes that test; another user is within reach when they are not a
superuser and every group and permission they have is within reach. So an Administrator manages
Editors and Moderators, and no one with user or group management (other Administrators), and no
superuser; superusers manage everyone.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupCollectionPermission, GroupPagePermission, GroupSitePermission


def management_permissions():
    """The permissions that manage users and groups: never handed out by non-superusers."""
    types = ContentType.objects.get_for_models(get_user_model(), Group).values()
    return Permission.objects.filter(content_type__in=types)


def held_permissions(actor):
    """The model permissions ``actor`` holds that a non-superuser may hand out."""
    held = [
        p.pk
        for p in Permission.objects.select_related("content_type")
        if actor.has_perm(f"{p.content_type.app_label}.{p.codename}")
    ]
    return Permission.objects.filter(pk__in=held).exclude(pk__in=management_permissions())


def _tree_grants_beyond(actor, rows, node_field):
    """Group ids among ``rows`` (page or collection grants) that ``actor`` does not hold."""
    model = rows.model
    held = set(
        model.objects.filter(group__user=actor).values_list(f"{node_field}__path", "permission")
    )
    beyond = set()
    for group_id, path, permission in rows.values_list(
        "group", f"{node_field}__path", "permission"
    ):
        # Held on this node or on one above it (a tree path starts with its ancestors' paths).
        if not any(path.startswith(p) and permission == perm for p, perm in held):
            beyond.add(group_id)
    return beyond


def _site_grants_beyond(actor):
    """Group ids with a per-site grant (site settings) that ``actor`` holds neither for every
    site (a model permission) nor for that site."""
    held = held_permissions(actor)
    own = set(
        GroupSitePermission.objects.filter(group__user=actor).values_list("site", "permission")
    )
    return {
        group_id
        for group_id, site_id, permission_id in GroupSitePermission.objects.exclude(
            permission__in=held
        ).values_list("group", "site", "permission")
        if (site_id, permission_id) not in own
    }


def groups_within_reach(actor):
    """The groups ``actor`` may give to a user, edit or delete."""
    if actor.is_active and actor.is_superuser:
        return Group.objects.all()
    if not actor.is_authenticated or not actor.is_active:
        return Group.objects.none()
    beyond = set(
        Group.objects.filter(
            permissions__in=Permission.objects.exclude(pk__in=held_permissions(actor))
        ).values_list("pk", flat=True)
    )
    beyond |= _tree_grants_beyond(actor, GroupPagePermission.objects.all(), "page")
    beyond |= _tree_grants_beyond(actor, GroupCollectionPermission.objects.all(), "collection")
    beyond |= _site_grants_beyond(actor)
    return Group.objects.exclude(pk__in=beyond)


def group_within_reach(actor, group) -> bool:
    return groups_within_reach(actor).filter(pk=group.pk).exists()


def users_within_reach(actor):
    """The users ``actor`` may edit, deactivate or delete (``actor`` themselves aside)."""
    User = get_user_model()
    if actor.is_active and actor.is_superuser:
        return User.objects.all()
    if not actor.is_authenticated or not actor.is_active:
        return User.objects.none()
    return (
        User.objects.filter(is_superuser=False)
        .exclude(groups__in=Group.objects.exclude(pk__in=groups_within_reach(actor)))
        .exclude(user_permissions__in=Permission.objects.exclude(pk__in=held_permissions(actor)))
        .exclude(pk=actor.pk)
    )


def user_within_reach(actor, target) -> bool:
    return users_within_reach(actor).filter(pk=target.pk).exists()
