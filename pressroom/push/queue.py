"""Queue the addresses a publish, unpublish or delete changed (Wagtail's page signals; a
deleted live page is unpublished first, so it arrives as unpublished)."""

from django.db import transaction
from wagtail.models import Page

from pressroom.push.models import PushedUrl, PushSettings


def on_published(sender, instance: Page, **kwargs) -> None:
    queue(instance, "published")


def on_unpublished(sender, instance: Page, **kwargs) -> None:
    queue(instance, "unpublished")


def queue(page: Page, reason: str) -> int:
    """Queue ``page``'s address for each service its site's owner turned on; returns how many.

    The rows are written when the change commits: a publish that rolls back tells no one.
    An address already waiting for a service is not queued twice.
    """
    site = page.get_site()
    if site is None:
        return 0
    settings = PushSettings.objects.filter(site=site).first()
    engines = settings.engines() if settings else []
    url = page.get_full_url() if engines else None
    if not url:
        return 0

    def write():
        for engine in engines:
            waiting = PushedUrl.objects.filter(
                site=site, engine=engine, url=url, state=PushedUrl.WAITING
            )
            if waiting.exists():
                waiting.update(reason=reason)
            else:
                PushedUrl.objects.create(site=site, engine=engine, url=url, reason=reason)

    transaction.on_commit(write)
    return len(engines)
