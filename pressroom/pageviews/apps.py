from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageviewsConfig(AppConfig):
    name = "pressroom.pageviews"
    label = "pageviews"
    verbose_name = _("Page views")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import atexit

        from pressroom.pageviews.counting import buffer, downloads

        atexit.register(buffer.flush)  # a worker stopping writes what it holds
        atexit.register(downloads.flush)
