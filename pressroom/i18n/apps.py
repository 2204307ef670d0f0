from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class I18nConfig(AppConfig):
    name = "pressroom.i18n"
    label = "pressroom_i18n"
    verbose_name = _("Languages")

    def ready(self):
        from pressroom.i18n import signals

        signals.connect()
