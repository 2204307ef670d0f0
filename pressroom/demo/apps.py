from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo company (`pressroom demo`) and many generated articles (`pressroom seed`)."""

    name = "pressroom.demo"
    label = "demo"
