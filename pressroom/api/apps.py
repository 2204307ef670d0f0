from django.apps import AppConfig


class ContentAPIConfig(AppConfig):
    name = "pressroom.api"
    label = "contentapi"
    verbose_name = "Content API"
