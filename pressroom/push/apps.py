from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PushConfig(AppConfig):
    name = "pressroom.push"
    label = "push"
    verbose_name = _("Search engine push")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from pressroom.push.queue import on_published, on_unpublished

        page_published.connect(on_published, dispatch_uid="push-published")
        page_unpublished.connect(on_unpublished, dispatch_uid="push-unpublished")
