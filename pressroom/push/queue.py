"""Queue the addresses a publish, unpublish or delete changed (Wagtail's page signals; a
deleted live page is unpublished first, so it arrives as unpublished)."""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from wagtail.models import Page, Site

from pressroom.push.models import PushedUrl, PushSettings


def on_published(sender, instance: Page, **kwargs) -> None:
    if instance.live:  # Wagtail also sends it for a page scheduled to go live later
        queue(instance, "published")


def on_unpublished(sender, instance: Page, **kwargs) -> None:
    queue(instance, "unpublished")


def queue(page: Page, reason: str) -> int:
    """Queue ``page``'s address for each service its site's owner turned on; returns how many.

    The rows are written when the change commits: a publish that rolls back tells no one.
    An address already waiting for a service is not queued twice.
    """
    return queue_many([page], reason)


def queue_many(pages: Iterable[Page], reason: str) -> int:
    """``queue()`` for many pages at once (an import's batch): per site, one query for its
    settings, one for the addresses already waiting, one to write the new ones; returns how
    many addresses were queued (each once per service)."""
    by_site: dict[Site, list[Page]] = defaultdict(list)
    for page in pages:
        site = page.get_site()
        if site is not None:
            by_site[site].append(page)
    wanted: list[tuple[Site, list[str], list[str]]] = []
    for site, site_pages in by_site.items():
        settings = PushSettings.objects.filter(site=site).first()
        engines = settings.engines() if settings else []
        if not engines:
            continue
        urls = list(dict.fromkeys(url for page in site_pages if (url := page.get_full_url())))
        if urls:
            wanted.append((site, engines, urls))
    if not wanted:
        return 0

    def write():
        for site, engines, urls in wanted:
            waiting = PushedUrl.objects.filter(
                site=site, engine__in=engines, url__in=urls, state=PushedUrl.WAITING
            )
            known = set(waiting.values_list("engine", "url"))
            if known:
                waiting.update(reason=reason)
            PushedUrl.objects.bulk_create(
                PushedUrl(site=site, engine=engine, url=url, reason=reason)
                for engine in engines
                for url in urls
                if (engine, url) not in known
            )

    transaction.on_commit(write)
    return sum(len(engines) * len(urls) for _site, engines, urls in wanted)
