from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "pressroom.contact"
    label = "contact"
    verbose_name = _("Contact")

    def ready(self):
        from pressroom.contact import tasks  # noqa: F401  (queues delivery on message_received)

        checks.register(deprecated_proxy_setting)


def deprecated_proxy_setting(app_configs=None, **kwargs):
    if not getattr(settings, "PRESSROOM_CONTACT_TRUSTED_PROXIES", None):
        return []
    if getattr(settings, "PRESSROOM_TRUSTED_PROXIES", None):
        hint = "It is ignored: PRESSROOM_TRUSTED_PROXIES is set. Remove it."
    else:
        hint = "Rename it to PRESSROOM_TRUSTED_PROXIES (it then also covers HTTPS and sign-in)."
    return [
        checks.Warning(
            "PRESSROOM_CONTACT_TRUSTED_PROXIES is deprecated.", hint=hint, id="contact.W001"
        )
    ]
