"""The news center: its index page, articles, categories and tags."""

import functools
from datetime import timedelta
from math import ceil
from typing import NamedTuple
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.db import connection, models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, PageViewRestriction, Site
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pressroom.core import api_fields
from pressroom.core.blocks import BodyBlock
from pressroom.core.feeds import FEED_TYPES
from pressroom.core.models import BasePage, is_english
from pressroom.core.page_forms import SchedulingPageForm
from pressroom.core.panels import TwinFieldPanel
from pressroom.news.feeds import NewsFeed, feed_subpath
from pressroom.news.listing import NEWEST_FIRST, PagedArticles, shape_of, start_of
from pressroom.search.fields import with_word_splitting

LIST_RENDITION = "fill-480x300"


class Neighbour(NamedTuple):
    """An article beside another in its news center, as its previous/next link shows it."""

    title: str
    slug: str

    def link(self, news_url: str) -> "NeighbourLink":
        """The link below the news center at ``news_url`` (a child's address is its
        parent's followed by its slug)."""
        return NeighbourLink(self.title, f"{news_url}{self.slug}/")


class NeighbourLink(NamedTuple):
    title: str
    url: str


# Siblings (same parent: path prefix and depth) that are published (live, not expired; with
# PUBLIC_SQL, under no view restriction), one on each side of an article in list order. Each
# side is one range on the (first_published_at, path) index, walked in order: an OR of two
# ranges makes SQLite collect and sort every older article (docs/scale.md).
NEIGHBOURS_SQL = """
SELECT 'older', title, slug FROM (
    SELECT p.title, p.slug FROM "{page}" p
    WHERE p.path LIKE %s AND p.depth = %s AND p.live = %s
        AND (p.expire_at IS NULL OR p.expire_at > %s)
        AND p.first_published_at <= %s AND NOT (p.first_published_at = %s AND p.path >= %s)
        {public}
    ORDER BY p.first_published_at DESC, p.path DESC LIMIT 1
) older
UNION ALL
SELECT 'newer', title, slug FROM (
    SELECT p.title, p.slug FROM "{page}" p
    WHERE p.path LIKE %s AND p.depth = %s AND p.live = %s
        AND (p.expire_at IS NULL OR p.expire_at > %s)
        AND p.first_published_at >= %s AND NOT (p.first_published_at = %s AND p.path <= %s)
        {public}
    ORDER BY p.first_published_at, p.path LIMIT 1
) newer
"""
PUBLIC_SQL = """AND NOT EXISTS (
            SELECT 1 FROM "{restriction}" r JOIN "{page}" a ON a.id = r.page_id
            WHERE p.path LIKE a.path || '%%'
        )"""


class NewsCategory(models.Model):
    """A section of the news center, e.g. 公司新闻 or 行业动态."""

    name = models.CharField(_("name"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Used in the address: /news/category/<slug>/. Latin letters and hyphens."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        TwinFieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return (self.name_en or self.name) if is_english() else self.name


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    # Wagtail 8.0.1's generic copy view saves its form over the category it copies (the
    # original is renamed, nothing is added); categories are added with "Add".
    copy_view_enabled = False


register_snippet(NewsCategoryViewSet)


def categories(request=None) -> list[NewsCategory]:
    """Every category, in order (kept until the next site-wide change: saving one is one)."""
    from pressroom.core.sitecache import remember

    return remember("categories", lambda: list(NewsCategory.objects.all()), request)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


def site_path(page) -> str | None:
    """The page's address on its site (``/en/news/``); None when it has none."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


# The order of every list of articles (NEWEST_FIRST, from listing); migration 0004 adds the
# index that serves it.


def unexpired(now=None) -> Q:
    """Pages not past their expiry at ``now`` (the current time unless given): a condition on
    the page row itself, so a query of many page types can ask it of articles alone."""
    now = now or timezone.now()
    return Q(expire_at__isnull=True) | Q(expire_at__gt=now)


class ArticleQuerySet(PageQuerySet):
    def published(self, now=None):
        """Articles a visitor may see: live, not private, not past their expiry; newest first.

        The one definition of "public" for lists, feeds, sitemaps, search and export.
        Ties are broken by the place in the page tree (the article added last comes first, as
        editors see them in the admin): an index on the page table's ``(first_published_at,
        path)`` gives this order, so a list page walks the index instead of sorting every
        article (docs/scale.md). ``now`` is the moment the expiry is checked against (the
        current time unless given).
        """
        return self.live().public().filter(unexpired(now)).order_by(*NEWEST_FIRST)

    def public(self):
        """Wagtail's ``public()``, without its query while no page has a view restriction."""
        from pressroom.core.sitecache import any_view_restrictions

        return super().public() if any_view_restrictions() else self

    def for_listing(self):
        """What a list of articles shows, without loading their bodies."""
        return (
            self.defer_streamfields()
            .select_related("category", "cover_image", "locale")
            .prefetch_related("cover_image__renditions")
        )


ArticleManager = PageManager.from_queryset(ArticleQuerySet)


def check_attribution(article) -> None:
    """An article republished from another site names its source; only then may it point there."""
    errors = {}
    if article.source_url and not article.source_name.strip():
        host = (urlsplit(article.source_url).hostname or "").lower()
        if host not in {name.lower() for name in Site.objects.values_list("hostname", flat=True)}:
            errors["source_name"] = _(
                "Name the publisher of the original article: its link points to another site."
            )
    if article.canonical_to_source and not article.source_url:
        errors["canonical_to_source"] = _("Give the source link of the original article first.")
    if errors:
        raise ValidationError(errors)


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news center (新闻中心): articles newest first, by category or tag, paginated."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    # Chinese titles found by any word in the admin's search (docs/search.md).
    search_fields = with_word_splitting(Page.search_fields)
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1
    template = "news/news_index_page.html"
    # The content API (docs/api.md): its articles are listed with ?child_of=<its id>.
    api_fields = [APIField("intro")]
    # The head's protocol (seo_head): the context variable holding the articles listed.
    listed_items_context = "articles"

    class Meta:
        verbose_name = _("news center")
        verbose_name_plural = _("news centers")

    def articles(self):
        return NewsArticlePage.objects.child_of(self).published().for_listing()

    def paginate(self, articles, number: int, kept_as: str, request=None):
        """Page ``number`` of ``articles``; its length and page starts are kept until the
        content changes under the name ``kept_as`` (pressroom.news.listing)."""
        paginator = Paginator(
            self.paged(articles, kept_as, request),
            settings.PRESSROOM_NEWS_PER_PAGE,
            allow_empty_first_page=True,
        )
        try:
            return paginator.page(number)
        except EmptyPage as exc:
            raise Http404(_("No such page.")) from exc

    def paged(self, articles, kept_as: str, request=None) -> PagedArticles:
        from pressroom.core.sitecache import remember_until_content_changes as remember

        name = f"news-list:{self.pk}:{kept_as}"
        shape = remember(f"{name}:shape", lambda: shape_of(articles), request)
        if not shape.is_current():  # an expiry passed; the scheduler has not unpublished yet
            shape = shape_of(articles)
            return PagedArticles(articles, shape, lambda n: start_of(articles, n, shape.newest))

        def kept_start_of(block: int):
            def find():
                return start_of(articles, block, shape.newest)

            return remember(f"{name}:start:{block}", find, request)

        return PagedArticles(articles, shape, kept_start_of)

    def render_list(self, request, articles, number=1, category=None, tag=None):
        if category is not None:
            kept_as = f"category:{category.pk}"
        elif tag is not None:
            kept_as = f"tag:{tag.pk}"
        else:
            kept_as = "all"
        page_obj = self.paginate(articles, number, kept_as, request)
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "articles": page_obj.object_list,
                "page_range": page_obj.paginator.get_elided_page_range(number, on_each_side=2),
                "category": category,
                "tag": tag,
                "categories": categories(request),
            },
        )

    def list_url(self, category=None, tag=None, number=1) -> str:
        """The canonical address of one page of the list, with no query string."""
        return self.url + self.list_subpath(category, tag, number)

    @staticmethod
    def list_subpath(category=None, tag=None, number=1) -> str:
        """One page of the list below the news center's address: ``category/x/page/2/``."""
        if category is not None:
            parts = ["category", category.slug]
        elif tag is not None:
            parts = ["tag", tag.slug]
        else:
            parts = []
        if number > 1:
            parts += ["page", str(number)]
        return "".join(f"{part}/" for part in parts)

    # --- Which addresses show it (the page cache's protocol, docs/caching.md) -------------

    def get_cached_paths(self):
        """Wagtail's hook for frontend-cache purges: every list page (numbered, by category,
        by tag, and one past the end) and every feed, below the news center's address."""
        return ["/" + subpath for subpath in sorted(self.list_subpaths())]

    def list_subpaths(self, article=None, in_place: bool = False) -> set[str]:
        """The sub-paths of the lists and feeds that show ``article`` (all of them when None).

        Publishing shifts every page of a list, so all its numbered pages count, and the one
        after the last (it 404s once the list shrinks). ``in_place``: the article kept its
        place in every list (an edit of its text), so only the page of each list holding it.
        """
        articles = self.articles()
        if article is None:
            categories = list(NewsCategory.objects.all())  # an empty category's list too
            tags = Tag.objects.filter(
                news_articletag_items__content_object__in=articles.order_by().values("pk")
            ).distinct()
        else:
            categories = [article.category] if article.category_id else []
            tags = article.tags.all()
        numbered = self.numbered_subpaths
        if in_place and article is not None:
            numbered = functools.partial(self.subpath_holding, article)
        subpaths = numbered(articles)
        subpaths |= {feed_subpath(self, kind) for kind in FEED_TYPES}
        for category in categories:
            subpaths |= numbered(articles.filter(category=category), category)
            subpaths |= {feed_subpath(self, kind, category) for kind in FEED_TYPES}
        for tag in tags:
            subpaths |= numbered(articles.filter(tagged_items__tag=tag), tag=tag)
        return subpaths

    def numbered_subpaths(self, articles, category=None, tag=None) -> set[str]:
        last = max(1, ceil(articles.count() / settings.PRESSROOM_NEWS_PER_PAGE)) + 1
        return {self.list_subpath(category, tag, n) for n in range(1, last + 1)}

    def subpath_holding(self, article, articles, category=None, tag=None) -> set[str]:
        """The numbered page of the list ``articles`` that shows ``article`` (lists are
        newest first, then by place in the tree: ``NEWEST_FIRST``)."""
        when = article.first_published_at
        before = articles.filter(
            Q(first_published_at__gt=when) | Q(first_published_at=when, path__gt=article.path)
        ).count()
        return {self.list_subpath(category, tag, before // settings.PRESSROOM_NEWS_PER_PAGE + 1)}

    def changes_whole_site(self) -> bool:
        """The page cache's protocol: every page's head links its site's news center's feeds."""
        return self.depth == 3

    def legacy_redirect(self, request):
        """Turn ``?page=N&category=slug`` links into the canonical path, or a 404."""
        number, category = request.GET.get("page"), request.GET.get("category")
        if number is None and category is None:
            return None
        if number is not None and not (number.isdigit() and 0 < len(number) < 10 and int(number)):
            raise Http404(_("No such page."))
        found = get_object_or_404(NewsCategory, slug=category) if category else None
        return redirect(self.list_url(category=found, number=int(number or 1)), permanent=True)

    def translated_subpath(self, subpath: str) -> str | None:
        """The route to keep when switching language: a category (shared by both languages).

        Page numbers and tags differ between languages, so those lead to the list's start.
        """
        parts = subpath.strip("/").split("/")
        return f"category/{parts[1]}/" if len(parts) >= 2 and parts[0] == "category" else None

    def route(self, request, path_components):
        """Wagtail's routing, with an article read in one query with what its page shows
        (cover picture, category, locale) instead of a page row, then its article row, then
        one query for each of those."""
        if len(path_components) == 1:  # (every list and feed route has none or several)
            articles = NewsArticlePage.objects.child_of(self).select_related(
                "cover_image", "category", "locale"
            )
            try:
                article = articles.get(slug=path_components[0])
            except NewsArticlePage.DoesNotExist:
                pass  # another kind of child, or none: Wagtail's routing answers
            else:
                article.routed_parent = self
                return article.route(request, [])
        return super().route(request, path_components)

    @path("")
    def index_view(self, request):
        return self.legacy_redirect(request) or self.render_list(request, self.articles())

    @path("page/<int:number>/")
    def page_view(self, request, number):
        if number == 1:
            return redirect(self.list_url(), permanent=True)
        return self.render_list(request, self.articles(), number)

    @path("category/<slug:slug>/")
    @path("category/<slug:slug>/page/<int:number>/")
    def category_view(self, request, slug, number=1):
        category = get_object_or_404(NewsCategory, slug=slug)
        articles = self.articles().filter(category=category)
        return self.render_list(request, articles, number, category=category)

    @path("tag/<str:slug>/")
    @path("tag/<str:slug>/page/<int:number>/")
    def tag_view(self, request, slug, number=1):
        # Tag slugs may be Chinese; refuse what no slug can be (PostgreSQL rejects NUL).
        if len(slug) > 100 or not slug.isprintable():
            raise Http404(_("No such page."))
        tag = get_object_or_404(Tag, slug=slug)
        articles = self.articles().filter(tagged_items__tag=tag)
        return self.render_list(request, articles, number, tag=tag)

    @path("feed/<str:kind>/", name="feed")
    def feed_view(self, request, kind):
        return self.serve_feed(request, kind)

    @path("category/<slug:slug>/feed/<str:kind>/", name="category_feed")
    def category_feed_view(self, request, slug, kind):
        return self.serve_feed(request, kind, get_object_or_404(NewsCategory, slug=slug))

    def serve_feed(self, request, kind, category=None):
        """The RSS or Atom feed of this news center, or of one of its categories."""
        if kind not in FEED_TYPES:
            raise Http404("No such feed.")
        articles = NewsArticlePage.objects.child_of(self).published()
        if category is not None:
            articles = articles.filter(category=category)
        return NewsFeed(self, kind, articles, category)(request)


# How far ahead of the server's clock a typed publication date may be (the editor's clock).
PUBLICATION_DATE_LEEWAY = timedelta(minutes=10)


def check_publication_date(article) -> None:
    """A publication date may lie in the past, not in the future: lists, feeds and the
    previous/next links would show a future date as published already."""
    when = article.first_published_at
    if when is not None and when > timezone.now() + PUBLICATION_DATE_LEEWAY:
        raise ValidationError(
            {
                "first_published_at": _(
                    "This date is in the future. To publish the article later, leave it empty"
                    " and give the time under “Schedule publishing”."
                )
            }
        )


class NewsArticlePage(BasePage):
    """One news article, with its source (来源), author and update time (更新时间)."""

    summary = models.TextField(
        _("summary"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author = models.CharField(_("author"), max_length=100, blank=True)
    source_name = models.CharField(
        _("source"),
        max_length=150,
        blank=True,
        help_text=_("The publisher this article comes from. Empty: the article is our own."),
    )
    source_url = models.URLField(
        _("source link"), blank=True, help_text=_("Address of the original article.")
    )
    canonical_to_source = models.BooleanField(
        _("original is the canonical version"),
        default=False,
        help_text=_(
            "Tell search engines that the source link is the original of this article, "
            "so the original ranks instead of this copy."
        ),
    )
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("tags"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    objects = ArticleManager()
    base_form_class = SchedulingPageForm  # 定时发布 in the form, beside 发布日期

    # Category and publication date under the title, where an editor filing news looks first.
    content_panels = Page.content_panels + [
        FieldPanel("category", widget=forms.Select),  # a handful of categories: one click
        FieldPanel(
            "first_published_at",
            heading=_("Publication date"),
            help_text=_(
                "Empty: the moment it is first published. A past date files an older article"
                " among the news of its time. To publish later, schedule it instead."
            ),
        ),
        FieldPanel("publish_at"),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("source_name"),
                FieldPanel("source_url"),
                FieldPanel("canonical_to_source"),
                FieldPanel("tags"),
            ],
            heading=_("Source and tags"),
        ),
    ]
    search_fields = with_word_splitting(
        Page.search_fields
        + [
            index.SearchField("summary"),
            index.SearchField("body"),
            index.SearchField("author"),
            index.FilterField("category"),
            index.FilterField("first_published_at"),
        ]
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "news/news_article_page.html"
    # The content API (docs/api.md): what a reader of the page sees, nothing an editor keeps.
    api_fields = [
        APIField("updated_at", serializer=api_fields.DateTimeField(read_only=True)),
        APIField("author"),
        APIField("source_name"),
        APIField("source_url"),
        APIField("summary"),
        APIField("category", serializer=api_fields.AttributesField(["slug", "name", "name_en"])),
        APIField("tags"),
        APIField("cover_image", serializer=api_fields.ImageRenditionField(api_fields.LARGE)),
        APIField(
            "cover_thumbnail",
            serializer=api_fields.ImageRenditionField(LIST_RENDITION, source="cover_image"),
        ),
        APIField("body", serializer=api_fields.RenderedStreamField()),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def clean(self):
        super().clean()
        check_attribution(self)
        check_publication_date(self)

    @classmethod
    def searchable_in(cls, locale):
        """The site search's protocol (pressroom.search.query): published articles."""
        return cls.objects.published().filter(locale=locale)

    # The picture lists of pages show for it (a home page section, search results).
    listing_image_field = "cover_image"

    @property
    def listing_image(self):
        return self.cover_image

    @property
    def updated_at(self):
        """When the live version was last published: the 更新时间 shown to readers."""
        return self.last_published_at or self.first_published_at

    def neighbours(self) -> tuple["Neighbour | None", "Neighbour | None"]:
        """The next older and the next newer published article in the same news center, in
        the order of its lists (newest first, then by place in the tree): what a previous/next
        link shows, its title and slug (its address is the news center's plus the slug).

        One plain SQL statement (NEIGHBOURS_SQL) for both: every uncached article render
        reads them, and two ORM queries cost more to build than to run. "Published" means
        what ``ArticleQuerySet.published()`` means; tests/news/test_neighbours.py holds the
        two to the same answer on trees with drafts, expired and private articles."""
        if not self.first_published_at or not self.path:
            return None, None
        table = Page._meta.db_table
        when = Page._meta.get_field("first_published_at").get_db_prep_value(
            self.first_published_at, connection
        )
        now = Page._meta.get_field("expire_at").get_db_prep_value(timezone.now(), connection)
        from pressroom.core.sitecache import any_view_restrictions

        public = ""
        if any_view_restrictions():
            public = PUBLIC_SQL.format(page=table, restriction=PageViewRestriction._meta.db_table)
        sql = NEIGHBOURS_SQL.format(page=table, public=public)
        siblings = [self.path[: -Page.steplen] + "%", self.depth, True, now]
        params = [*siblings, when, when, self.path, *siblings, when, when, self.path]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = {side: Neighbour(title, slug) for side, title, slug in cursor.fetchall()}
        return rows.get("older"), rows.get("newer")

    def get_tags(self, request=None) -> list:
        """The article's tags in the order the editor gave them (a preview shows the draft's)."""
        if getattr(request, "is_preview", False) or not self.pk:
            return list(self.tags.all())
        through = ArticleTag._meta.db_table
        return list(
            Tag.objects.raw(
                f'SELECT t.* FROM "{Tag._meta.db_table}" t JOIN "{through}" i ON i.tag_id = t.id '
                "WHERE i.content_object_id = %s ORDER BY i.id",
                [self.pk],
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The news center's address, for the category, tag, previous and next links.
        context["news_url"] = news_url = self.parent_page().get_url(request) or ""
        older, newer = self.neighbours()
        context["previous_article"] = older.link(news_url) if older else None
        context["next_article"] = newer.link(news_url) if newer else None
        context["article_tags"] = self.get_tags(request)
        return context

    # --- Which addresses show it (the page cache's protocol, docs/caching.md) -------------

    def paths_showing_me(self, in_place: bool = False) -> set[str]:
        """Its news center's lists and feeds (its own, its category's, its tags'), and the
        articles beside it, whose previous/next links show its title. ``in_place``: only the
        page of each list that holds it (it kept its place: see ``paths_showing_edit``)."""
        index = self.get_parent().specific
        paths = set()
        if (base := site_path(index)) and hasattr(index, "list_subpaths"):
            paths |= {base + subpath for subpath in index.list_subpaths(self, in_place)}
        if base:
            paths |= {neighbour.link(base).url for neighbour in self.neighbours() if neighbour}
        return paths

    def list_place(self) -> tuple:
        """What decides which lists show it and where: its date, its place in the tree, its
        category and its tags."""
        tags = sorted(item.tag_id for item in self.tagged_items.all())
        when = self.first_published_at
        if when is not None:  # a revision keeps it to the millisecond (JSON)
            when = when.replace(microsecond=when.microsecond // 1000 * 1000)
        return (when, self.path, self.category_id, tags)

    def paths_showing_edit(self, since) -> set[str]:
        """The page cache's protocol: what shows it after an edit from ``since`` (the article
        at an earlier revision). An edit that kept its place in the lists changes one page
        of each; any other change shifts them all (``paths_showing_me``)."""
        in_place = since is not None and since.list_place() == self.list_place()
        return self.paths_showing_me(in_place=in_place)
