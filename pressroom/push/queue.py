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
    """``queue()`` for many pages at once (an import's batch): one query for the settings of
    their sites, and per site with a service on, one for the addresses already waiting and one
    to write the new ones; returns how many addresses were queued (each once per service)."""
    urls_by_site: dict[int, list[str]] = defaultdict(list)
    for page in pages:
        parts = page.get_url_parts()  # (no query: the sites' root paths are cached)
        if parts is not None and parts[1] is not None and parts[2] is not None:
            site_id, root_url, page_path = parts
            urls_by_site[site_id].append(root_url + page_path)  # as get_full_url() gives it
    wanted: list[tuple[Site, list[str], list[str]]] = []
    settings_of = PushSettings.objects.filter(site_id__in=urls_by_site).select_related("site")
    for settings in settings_of:
        engines = settings.engines()
        if engines:
            urls = list(dict.fromkeys(urls_by_site[settings.site_id]))
            wanted.append((settings.site, engines, urls))
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
