"""Wagtail permission policies for users and groups that keep non-superusers within reach.

Registered with ``wagtail.permissions.register_permission_policy`` by
``pressroom.security.users_app.PressroomUsersConfig``; Pressroom's user and group views
(``pressroom.security.staff``) ask them about each user or group they open.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from .reach import group_within_reach, groups_within_reach, user_within_reach, users_within_reach


class UserManagementPolicy(ModelPermissionPolicy):
    """Wagtail's user permissions, for users within reach; one's own account: edit, not delete."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        if user.is_active and user.is_superuser:
            return True
        if instance.pk == user.pk:
            return any(action != "delete" for action in actions)
        return user_within_reach(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        users = users_within_reach(user)
        if any(action != "delete" for action in actions):
            users = users | self.model.objects.filter(pk=user.pk)
        return users


class GroupManagementPolicy(ModelPermissionPolicy):
    """Wagtail's group permissions, for groups within reach."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and group_within_reach(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return groups_within_reach(user)
