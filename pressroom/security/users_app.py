"""Wagtail's users app, configured with Pressroom's user and group views and policies.

Listed in ``INSTALLED_APPS`` in place of ``wagtail.users`` (Wagtail's documented way to use
custom user and group viewsets); the app keeps Wagtail's label, models and templates.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class PressroomUsersConfig(WagtailUsersAppConfig):
    user_viewset = "pressroom.security.staff.UserViewSet"
    group_viewset = "pressroom.security.staff.GroupViewSet"

    def ready(self):
        super().ready()
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from wagtail.permissions import register_permission_policy

        from .policies import GroupManagementPolicy, UserManagementPolicy

        User = get_user_model()
        register_permission_policy(User, UserManagementPolicy(User))
        register_permission_policy(Group, GroupManagementPolicy(Group))
