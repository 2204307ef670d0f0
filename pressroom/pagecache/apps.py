from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pressroom.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from pressroom.pagecache import signals

        signals.connect()
