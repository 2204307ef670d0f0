"""Whom a signed-in user may manage, and which groups they may hand out.

A user who is not a superuser may hand out only powers they hold themselves (model permissions,
and page and collection permissions on the same page or collection or below one where they hold
them; per-site settings permissions for a site where, or for every site as, they hold them), and
never the power to manage users or groups. A group is *within reach* when every permission it
carries passes that test; another user is within reach when they are not a superuser and every
group and permission they have is within reach. So an Administrator manages Editors and
Moderators, and no one with user or group management (other Administrators), and no superuser;
superusers manage everyone.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.functional import cached_property
from wagtail.models import GroupCollectionPermission, GroupPagePermission, GroupSitePermission


def is_superuser(user) -> bool:
    return user.is_active and user.is_superuser


def management_permissions():
    """The permissions that manage users and groups: never handed out by non-superusers."""
    types = ContentType.objects.get_for_models(get_user_model(), Group).values()
    return Permission.objects.filter(content_type__in=types)


class Reach:
    """What one non-superuser holds and may hand out, read once from the permission tables."""

    def __init__(self, actor):
        self.actor = actor
        names = actor.get_all_permissions() if actor.is_active else set()
        managing = set(management_permissions().values_list("pk", flat=True))
        self.held = {
            pk
            for pk, app, codename in Permission.objects.values_list(
                "pk", "content_type__app_label", "codename"
            )
            if f"{app}.{codename}" in names and pk not in managing
        }
        own = {"group__user": actor}
        self.pages = set(
            GroupPagePermission.objects.filter(**own).values_list("page__path", "permission")
        )
        self.collections = set(
            GroupCollectionPermission.objects.filter(**own).values_list(
                "collection__path", "permission"
            )
        )
        self.sites = set(
            GroupSitePermission.objects.filter(**own).values_list("site", "permission")
        )

    def holds_on_tree(self, grants, path, permission) -> bool:
        # Held on this node or one above it: a tree path starts with its ancestors' paths.
        return any(path.startswith(p) and permission == perm for p, perm in grants)

    def beyond(self, groups):
        """The ids among ``groups`` (a queryset) that carry something beyond reach."""
        ids = set(groups.values_list("pk", flat=True))
        beyond = set(
            Group.permissions.through.objects.filter(group__in=ids)
            .exclude(permission__in=self.held)
            .values_list("group", flat=True)
        )
        for group, path, permission in GroupPagePermission.objects.filter(
            group__in=ids
        ).values_list("group", "page__path", "permission"):
            if not self.holds_on_tree(self.pages, path, permission):
                beyond.add(group)
        for group, path, permission in GroupCollectionPermission.objects.filter(
            group__in=ids
        ).values_list("group", "collection__path", "permission"):
            if not self.holds_on_tree(self.collections, path, permission):
                beyond.add(group)
        for group, site, permission in GroupSitePermission.objects.filter(
            group__in=ids
        ).values_list("group", "site", "permission"):
            if permission not in self.held and (site, permission) not in self.sites:
                beyond.add(group)
        return beyond

    @cached_property
    def beyond_any(self):
        """Every group beyond reach (as the tables were when first asked, in this request)."""
        return self.beyond(Group.objects.all())

    def groups(self):
        return Group.objects.exclude(pk__in=self.beyond_any)

    def users(self):
        User = get_user_model()
        return (
            User.objects.filter(is_superuser=False)
            .exclude(groups__in=self.beyond_any)
            .exclude(user_permissions__in=Permission.objects.exclude(pk__in=self.held))
            .exclude(pk=self.actor.pk)
        )


def reach_of(actor) -> Reach:
    """``actor``'s reach, computed once per user object (one request's ``request.user``)."""
    if getattr(actor, "pressroom_reach", None) is None:
        actor.pressroom_reach = Reach(actor)
    return actor.pressroom_reach


def held_permissions(actor):
    """The model permissions ``actor`` holds that they may hand out."""
    if is_superuser(actor):
        return Permission.objects.all()
    return Permission.objects.filter(pk__in=reach_of(actor).held)


def groups_within_reach(actor):
    """The groups ``actor`` may give to a user, edit or delete."""
    if is_superuser(actor):
        return Group.objects.all()
    if not actor.is_authenticated or not actor.is_active:
        return Group.objects.none()
    return reach_of(actor).groups()


def group_within_reach(actor, group) -> bool:
    if is_superuser(actor):
        return True
    if not actor.is_authenticated or not actor.is_active:
        return False
    return not reach_of(actor).beyond(Group.objects.filter(pk=group.pk))


def users_within_reach(actor):
    """The users ``actor`` may edit, deactivate or delete (``actor`` themselves aside)."""
    User = get_user_model()
    if is_superuser(actor):
        return User.objects.all()
    if not actor.is_authenticated or not actor.is_active:
        return User.objects.none()
    return reach_of(actor).users()


def user_within_reach(actor, target) -> bool:
    return users_within_reach(actor).filter(pk=target.pk).exists()
