from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """The admin as the company's editors meet it: the company's name and logo in place of
    Wagtail's, a dashboard of the work waiting for them, company info at the top of the menu."""

    name = "pressroom.dashboard"
    label = "dashboard"
    verbose_name = _("Dashboard")
