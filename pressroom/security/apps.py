from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "pressroom.security"
    label = "security"
    verbose_name = _("Security")

    def ready(self):
        from . import signals  # noqa: F401  (login logging)
