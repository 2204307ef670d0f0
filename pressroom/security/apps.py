from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class SecurityConfig(AppConfig):
    name = "pressroom.security"
    label = "security"
    verbose_name = _("Security")

    def ready(self):
        from . import signals, throttle, usernames  # noqa: F401  (signal receivers)


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, whose create and edit forms refuse look-alike usernames."""

    user_viewset = "pressroom.security.users.UserViewSet"
