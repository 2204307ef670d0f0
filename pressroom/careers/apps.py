from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareersConfig(AppConfig):
    name = "pressroom.careers"
    label = "careers"
    verbose_name = _("Jobs")
