"""Home, standard (about ...) and HTML sitemap pages."""

import copy

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from pressroom.core import api_fields
from pressroom.core.blocks import BodyBlock
from pressroom.core.models import BasePage
from pressroom.pages.blocks import HomeSections
from pressroom.search.fields import with_word_splitting

HOME_NEWS_COUNT = 6
# Newest articles the HTML sitemap lists under each news center.
SITEMAP_NEWEST_ARTICLES = 10


class HomePage(BasePage):
    """The root of a site in one language: banners, then the sections its editors stack
    (about, products, figures, cases, news, partners, friend links). Without sections it
    shows a welcome, the company intro and the latest news."""

    headline = models.CharField(_("headline"), max_length=200, blank=True)
    intro = RichTextField(_("welcome text"), blank=True, features=["bold", "italic", "link"])
    sections = StreamField(
        HomeSections(),
        verbose_name=_("sections"),
        blank=True,
        help_text=_("What the home page shows below its banners, in this order."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        InlinePanel("banners", label=_("Banners"), max_num=8),
        FieldPanel("headline"),
        FieldPanel("intro"),
        FieldPanel("sections"),
        FieldPanel("body"),
    ]
    search_fields = with_word_splitting(Page.search_fields + [index.SearchField("intro")])

    parent_page_types = ["wagtailcore.Page"]
    template = "pages/home_page.html"
    # The page cache's protocol (docs/caching.md): its latest news and feature links may show
    # any page of its site and language, so a change to any of them purges it.
    shows_all_pages = True

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        """Wagtail's routing, with the news center (what most addresses below a home page
        lead to) taken from the values kept until the next site-wide change: every change
        to it is one (``changes_whole_site``), and the header and footer read it anyway.
        Wagtail's own routing reads it with two queries."""
        from pressroom.core.navigation import child_page
        from pressroom.pagecache.showing import changes_whole_site

        news = child_page(request, "news.NewsIndexPage") if path_components else None
        if news is not None and news.slug == path_components[0] and news.is_child_of(self):
            news = copy.copy(news)  # (a kept value is shared: note nothing on it)
            news.routed_parent = self
            return news.route(request, path_components[1:])
        # The contact page, where every message is posted, likewise when it is in the main
        # menu: then any change to it (publishing, unpublishing, moving, deleting) is a
        # site-wide change too, and the kept value is never older than the page. Otherwise
        # (or for any other page) Wagtail's routing reads it.
        contact = child_page(request, "contact.ContactPage") if path_components else None
        if (
            contact is not None
            and contact.slug == path_components[0]
            and contact.is_child_of(self)
            and changes_whole_site(contact)
        ):
            contact = copy.copy(contact)
            contact.routed_parent = self
            return contact.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from pressroom.core.navigation import child_page, home_for, menu_for
        from pressroom.news.models import NewsArticlePage, NewsIndexPage

        context = super().get_context(request, *args, **kwargs)
        banners = self.banners.select_related("image", "link_page").prefetch_related(
            "image__renditions"
        )
        context["banners"] = [(banner, banner.link(request)) for banner in banners]
        context["latest_news"] = (
            NewsArticlePage.objects.published()
            .filter(locale_id=self.locale_id)
            .defer_streamfields()[:HOME_NEWS_COUNT]
        )
        home = home_for(request)
        if home is not None and home.pk == self.pk:  # the site's own home: what every page shows
            context["news_index"] = child_page(request, "news.NewsIndexPage")
            context["feature_pages"] = [
                item
                for item in menu_for(request)[1:]
                if not issubclass(item.specific_class, NewsIndexPage)
            ]
        else:  # e.g. a preview from another site's admin
            context["news_index"] = NewsIndexPage.objects.live().public().child_of(self).first()
            context["feature_pages"] = (
                self.get_children().live().public().in_menu().not_type(NewsIndexPage)
            )
        return context


class HomeBanner(Orderable):
    """One slide of the home page's banner: a wide picture with a title, a line of text and
    a link."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="banners")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,  # a deleted picture leaves the slide, drawn in the brand colour
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wide, at least 1600 × 600 pixels; the middle stays visible on phones."),
    )
    title = models.CharField(_("title"), max_length=80)
    text = models.CharField(_("text"), max_length=200, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("link to a page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.URLField(_("or to a web address"), blank=True)
    link_text = models.CharField(
        _("button text"), max_length=24, blank=True, help_text=_("Empty: “Learn more”.")
    )

    panels = [
        FieldPanel("image"),
        FieldPanel("title"),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")],
            heading=_("Link"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("banner")
        verbose_name_plural = _("banners")

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": _("Link to a page or to a web address, not both.")})

    def link(self, request=None) -> str | None:
        """Where the slide leads: the page in the visitor's language when it is live, else the
        address, else nowhere."""
        if self.link_page is not None:
            from pressroom.core.navigation import in_language

            page = in_language(self.link_page, self.page.locale_id)
            return page.get_url(request) if page.live else None
        return self.link_url or None


class StandardPage(BasePage):
    """An about, service or policy page with a rich body."""

    summary = models.TextField(_("summary"), blank=True, max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = with_word_splitting(
        Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    )

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]
    template = "pages/standard_page.html"
    # The content API (docs/api.md).
    api_fields = [
        APIField("summary"),
        APIField("body", serializer=api_fields.RenderedStreamField()),
    ]
    # The page cache's protocol: the page draws its section's menu beside it.
    shows_section_menu = True

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    @classmethod
    def searchable_in(cls, locale):
        """The site search's protocol (pressroom.search.query): live, public pages."""
        return cls.objects.live().public().filter(locale=locale)


class SitemapPage(BasePage):
    """An HTML sitemap (网站地图): the site's page tree, with the news center summarised.

    Every live, public page of its site is listed, as a tree, except news articles: under a
    news center it shows the categories and the ``SITEMAP_NEWEST_ARTICLES`` newest articles,
    then a link to the whole list. With 100,000 articles a complete list would be a page no
    visitor can use (and megabytes to send); the news center's pages are the archive, and the
    XML sitemaps list every article for search engines.
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    # Chinese titles found by any word in the admin's search (docs/search.md).
    search_fields = with_word_splitting(Page.search_fields)
    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "pages/sitemap_page.html"
    # The page cache's protocol (docs/caching.md): it lists the pages of its site and language.
    shows_all_pages = True

    class Meta:
        verbose_name = _("HTML sitemap page")
        verbose_name_plural = _("HTML sitemap pages")

    def changes_whole_site(self) -> bool:
        """The page cache's protocol: every page's footer links its site's sitemap page."""
        return self.depth == 3

    def get_tree(self):
        """Nested ``(page, children)`` pairs of the live, public pages under this site's home.

        News articles are left out; see ``add_news_summaries``. So are job postings past their
        last day (their page answers 410).
        """
        from pressroom.careers.models import JobPostingPage
        from pressroom.news.models import NewsArticlePage

        home = self.get_parent()
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(home, inclusive=True)
            .filter(locale_id=self.locale_id)
            .not_type(NewsArticlePage)
            .exclude(pk__in=JobPostingPage.objects.closed().values("pk"))
            .only("id", "title", "path", "depth", "url_path", "locale_id", "content_type_id")
            .order_by("path")
        )
        # Children are attached by their parent's path; a page under a parent that is not
        # live is left out, as no link leads to it.
        children_of: dict[str, list] = {home.path[: -Page.steplen]: []}
        for page in pages:
            siblings = children_of.get(page.path[: -Page.steplen])
            if siblings is not None:
                children_of[page.path] = []
                siblings.append((page, children_of[page.path]))
        return children_of[home.path[: -Page.steplen]]

    @staticmethod
    def add_news_summaries(tree, request) -> None:
        """Give each news center in ``tree`` a ``sitemap_news`` attribute: its categories and
        newest articles. Two queries per news center plus one, whatever the number of articles.
        """
        from django.contrib.contenttypes.models import ContentType

        from pressroom.news.models import NewsArticlePage, NewsCategory, NewsIndexPage

        index_type = ContentType.objects.get_for_model(NewsIndexPage).pk
        found, stack = [], list(tree)
        while stack:
            page, children = stack.pop()
            stack.extend(children)
            if page.content_type_id == index_type:
                found.append(page)
        if not found:
            return
        categories = list(NewsCategory.objects.only("name", "name_en", "slug"))
        for news_index in found:
            url = news_index.get_url(request)
            newest = (
                NewsArticlePage.objects.child_of(news_index)
                .published()
                .only("id", "title", "path", "depth", "url_path", "locale_id")
            )[:SITEMAP_NEWEST_ARTICLES]
            news_index.sitemap_news = {
                "url": url,
                "categories": [(c.display_name, f"{url}category/{c.slug}/") for c in categories],
                "newest": list(newest),
            }

    def serve(self, request, *args, **kwargs):
        from pressroom.careers.models import JobPostingPage, set_expires

        # A job posting closing at midnight leaves the tree: the cached page lasts no longer.
        response = super().serve(request, *args, **kwargs)
        return set_expires(response, JobPostingPage.objects.open().next_expiry())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tree"] = self.get_tree()
        self.add_news_summaries(context["tree"], request)
        return context


class PrivacyPage(BasePage):
    """The privacy policy (隐私政策): the editors' own text, then what the site collects and
    passes on, worked out from what is turned on (the message form, the analytics and chat
    services, later features through ``PRESSROOM_PRIVACY_SECTIONS``), so it cannot fall behind
    the site's settings."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_(
            "Your own text above the list of what the website collects. The list is written"
            " by the website from what is turned on."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = with_word_splitting(Page.search_fields + [index.SearchField("intro")])
    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "pages/privacy_page.html"
    # The page cache's protocol (docs/caching.md): what it lists follows the contact page's
    # form (any page change purges it); the settings it reads are site-wide models.
    shows_all_pages = True

    class Meta:
        verbose_name = _("privacy page")
        verbose_name_plural = _("privacy pages")

    def changes_whole_site(self) -> bool:
        """The page cache's protocol: every page's footer links its site's privacy page."""
        return self.depth == 3

    def get_context(self, request, *args, **kwargs):
        from pressroom.core.privacy import collected

        context = super().get_context(request, *args, **kwargs)
        context["collected"] = collected(request)
        return context
