from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Keeping the site running: health check, fault answers, backups, media files, logs."""

    name = "pressroom.operations"
    label = "operations"
    verbose_name = _("Operations")
