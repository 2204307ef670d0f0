from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BoardConfig(AppConfig):
    name = "pressroom.board"
    label = "board"
    verbose_name = _("Question board")

    def ready(self):
        from pressroom.board import signals

        signals.connect()
