from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    name = "pressroom.search"
    # "search" alone reads like Wagtail's own search app (label "wagtailsearch"); this one is
    # the visitor's site search.
    label = "sitesearch"
    verbose_name = _("Site search")

    def ready(self):
        from . import signals

        signals.connect()
