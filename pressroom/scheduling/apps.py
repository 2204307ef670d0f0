from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    name = "pressroom.scheduling"
    label = "scheduling"
    verbose_name = "Scheduled publishing"
