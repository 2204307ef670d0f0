"""Which URLs show a page: the one definition used by cache purges (and exports, CDN purges).

``urls_showing(page)`` answers for the page as it is in the database right now, so callers
ask twice around a change (before and after) when the change can move the page between
lists; ``changes_whole_site(page)`` says when every page shows it (the main menu, the footer).
"""

from math import ceil

from django.conf import settings
from django.utils.module_loading import import_string
from wagtail.models import Page, Site


def path_of(page) -> str | None:
    """The page's path on its site, e.g. ``/en/news/launch/``; None when not routable."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def list_paths(index, articles, **filter_) -> set[str]:
    """Every numbered page of one list, plus the one after (it 404s once the list shrinks)."""
    count = articles.count()
    last = max(1, ceil(count / settings.PRESSROOM_NEWS_PER_PAGE)) + 1
    return {index.list_url(number=n, **filter_) for n in range(1, last + 1)}


def news_index_paths(index, article=None) -> set[str]:
    """The index's list pages that show ``article`` (all of them when it is None)."""
    from pressroom.news.models import NewsCategory

    articles = index.articles()
    paths = list_paths(index, articles)
    if article is not None:
        categories = [article.category] if article.category_id else []
        tags = list(article.tags.all())
    else:
        categories = NewsCategory.objects.filter(articles__in=articles).distinct()
        tags = {item.tag for page in articles.prefetch_related("tagged_items__tag")
                for item in page.tagged_items.all()}  # fmt: skip
    from pressroom.seo.feeds import FEED_TYPES, feed_path

    for category in categories:
        paths |= list_paths(index, articles.filter(category=category), category=category)
    # Feeds list articles too: the news center's and each category's.
    for kind in FEED_TYPES:
        paths.add(feed_path(index, kind))
        paths |= {feed_path(index, kind, category) for category in categories}
    for tag in tags:
        paths |= list_paths(index, articles.filter(tagged_items__tag=tag), tag=tag)
    return paths


def neighbour_paths(article) -> set[str]:
    """The articles whose previous/next links point at ``article``."""
    from django.db.models import Q

    from pressroom.news.models import NewsArticlePage

    if article.first_published_at is None:
        return set()
    when, pk = article.first_published_at, article.pk
    siblings = NewsArticlePage.objects.sibling_of(article, inclusive=False).published()
    older = siblings.filter(Q(first_published_at__lt=when) | Q(first_published_at=when, pk__lt=pk))
    newer = siblings.filter(
        Q(first_published_at__gt=when) | Q(first_published_at=when, pk__gt=pk)
    ).order_by("first_published_at", "pk")
    return {path_of(page) for page in (older.first(), newer.first()) if page is not None}


def own_paths(page) -> set[str]:
    """The page's own address, and every list address when the page is a news index."""
    from pressroom.news.models import NewsIndexPage

    paths = {path_of(page)}
    if isinstance(page, NewsIndexPage):
        paths |= news_index_paths(page)
    return paths


def home_of(page):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    return site.root_page.get_translation_or_none(page.locale)


def site_wide_paths(page) -> set[str]:
    """Pages that list every page of a language: the HTML sitemap; configured feeds, sitemaps."""
    from pressroom.pages.models import SitemapPage

    paths = {path_of(p) for p in SitemapPage.objects.live().filter(locale_id=page.locale_id)}
    paths |= set(getattr(settings, "PRESSROOM_PAGECACHE_PURGE_ALWAYS", ()))
    for dotted in getattr(settings, "PRESSROOM_PAGECACHE_URL_PROVIDERS", ()):
        paths |= set(import_string(dotted)(page))
    return paths


def urls_showing(page) -> set[str]:
    """Every path whose response shows ``page``: itself, its lists (every page of them, in
    every category and tag it is filed under), its neighbours' previous/next links, its
    parent, its language's home page (latest news), the HTML sitemap, the configured feeds
    and sitemaps, the pages below it (their breadcrumbs) and its translations."""
    from pressroom.news.models import NewsArticlePage, NewsIndexPage

    page = page.specific
    paths = own_paths(page)
    parent = page.get_parent().specific if page.depth > 1 else None
    if parent is not None and parent.depth > 1:
        if isinstance(parent, NewsIndexPage) and isinstance(page, NewsArticlePage):
            paths |= news_index_paths(parent, page)
        else:
            paths.add(path_of(parent))
    if isinstance(page, NewsArticlePage):
        paths |= neighbour_paths(page)
    home = home_of(page)
    if home is not None:
        paths.add(path_of(home))
    paths |= site_wide_paths(page)
    if page.depth > 2:  # breadcrumbs below show its title (the home page's reads "Home")
        paths |= {path_of(child) for child in page.get_descendants().live().specific(defer=True)}
    for translation in page.get_translations().live():
        paths.add(path_of(translation))
    paths.discard(None)
    return paths


def changes_whole_site(page) -> bool:
    """True for pages every page shows: main-menu entries, the footer's sitemap link and the
    news center (every page's head links its feeds)."""
    from pressroom.news.models import NewsIndexPage
    from pressroom.pages.models import SitemapPage

    if page.depth <= 1:
        return True  # the root: every site hangs below it
    return page.depth == 3 and (
        page.show_in_menus or isinstance(page.specific, SitemapPage | NewsIndexPage)
    )


def all_page_paths() -> set[str]:
    """Every live page's own address (for exports and for tests)."""
    return {path_of(page) for page in Page.objects.live().filter(depth__gt=1).specific()} - {None}
