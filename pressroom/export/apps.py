from django.apps import AppConfig


class ExportConfig(AppConfig):
    name = "pressroom.export"
    label = "export"
    verbose_name = "Static export"
