"""The product center (产品中心): its index, a tree of categories and the products in it.

Categories are pages, so the tree, its translations, addresses, breadcrumbs, sitemap entries
and the admin's page explorer come from Wagtail (decision 0020). A product lives under a
category; a category may hold categories and products.
"""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.blocks import PageChooserBlock
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from pressroom.core import api_fields
from pressroom.core.blocks import BodyBlock
from pressroom.core.feeds import FEED_TYPES, feed_subpath
from pressroom.core.lists import NumberedListMixin
from pressroom.core.models import BasePage
from pressroom.core.page_forms import PageForm
from pressroom.products.blocks import DownloadBlock, SpecRowBlock
from pressroom.products.feeds import ProductFeed
from pressroom.search.fields import with_word_splitting


def spec_rows_from_text(text: str) -> list[dict]:
    """The rows a category gives its new products: one ``name | unit`` per line."""
    rows = []
    for line in text.splitlines():
        name, _sep, unit = line.partition("|")
        if name.strip():
            rows.append({"name": name.strip()[:80], "value": "", "unit": unit.strip()[:30]})
    return rows


class ProductListPage(NumberedListMixin, BasePage):
    """What the product center and its categories share: a paginated grid of the products
    below them, numbered pages on the path (``page/2/``), as the news center's lists."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the product center's list of categories."),
    )
    # The head's protocol (seo_head): the context variable holding the products listed.
    listed_items_context = "products"
    # The content API (docs/api.md); its products are listed with ?descendant_of=<its id>.
    api_fields = [
        APIField("intro"),
        APIField("image", serializer=api_fields.ImageRenditionField(api_fields.LARGE)),
    ]

    class Meta:
        abstract = True

    def products(self):
        """The live, public products below this page, in the editors' order of the tree."""
        return (
            ProductPage.objects.descendant_of(self)
            .live()
            .public()
            .select_related("main_image")
            .prefetch_related("main_image__renditions")
            .order_by("path")
        )

    def listed_items(self):
        return self.products()

    def items_per_page(self) -> int:
        return settings.PRESSROOM_PRODUCTS_PER_PAGE

    def categories(self):
        """The live categories right below this page (the sidebar's entries)."""
        return ProductCategoryPage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(section_context(self))
        return context

    def paths_showing_me(self) -> set[str]:
        """The page cache's protocol: every page of its product center shows the center's
        and its categories' titles in the section menu and breadcrumbs (lists, with their
        numbered pages, and products alike)."""
        section = section_of(self)
        if section is None:
            return set()
        pages = Page.objects.descendant_of(section, inclusive=True).live().specific(defer=True)
        return {path for page in pages for path in own_list_paths(page)}


class ProductIndexPage(ProductListPage):
    """The product center (产品中心): its categories, then every product, paginated; and
    feeds of its newest products (``feed/rss/``, ``feed/atom/``)."""

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("image")]
    # Chinese titles found by any word in the admin's search (docs/search.md).
    search_fields = with_word_splitting(Page.search_fields)
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["products.ProductCategoryPage"]
    max_count_per_parent = 1
    template = "products/product_index_page.html"

    class Meta:
        verbose_name = _("product center")
        verbose_name_plural = _("product centers")

    def newest_products(self):
        """The live, public products below it, newest first: what its feeds show."""
        return (
            ProductPage.objects.descendant_of(self)
            .live()
            .public()
            .order_by("-first_published_at", "-path")
        )

    def get_cached_paths(self):
        """Its numbered list pages, and its feeds (every product's change shows in them)."""
        return super().get_cached_paths() + ["/" + feed_subpath(kind) for kind in FEED_TYPES]

    def feed_path(self, kind: str) -> str:
        """The head's protocol (``seo_head``): the relative address of one of its own feeds,
        e.g. ``/en/products/feed/rss/``."""
        return self.url + feed_subpath(kind)

    @path("feed/<str:kind>/", name="feed")
    def feed_view(self, request, kind):
        return self.serve_feed(request, kind)

    def serve_feed(self, request, kind):
        """The RSS or Atom feed of this product center's newest products."""
        if kind not in FEED_TYPES:
            raise Http404("No such feed.")
        return ProductFeed(self, kind, self.newest_products())(request)

    def category_tree(self) -> list[tuple["ProductCategoryPage", list["ProductCategoryPage"]]]:
        """Two levels of categories, as the sidebar shows them: ``(category, children)``."""
        below = list(
            ProductCategoryPage.objects.descendant_of(self)
            .live()
            .public()
            .filter(depth__lte=self.depth + 2)
            .order_by("path")
        )
        top = [page for page in below if page.depth == self.depth + 1]
        return [
            (category, [page for page in below if page.path.startswith(category.path)][1:])
            for category in top
        ]


class ProductCategoryPage(ProductListPage):
    """A product category (产品分类): its sub-categories and the products below it.

    ``spec_defaults`` are the specification rows a new product in it starts with (what
    PbootCMS calls 扩展字段): editors fill the values without touching code.
    """

    spec_defaults = models.TextField(
        _("default specification rows"),
        blank=True,
        help_text=_(
            "One row per line: name | unit, e.g. “流量 | m³/h”. New products start with them."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("spec_defaults"),
    ]
    search_fields = with_word_splitting(Page.search_fields + [index.SearchField("intro")])
    parent_page_types = ["products.ProductIndexPage", "products.ProductCategoryPage"]
    subpage_types = ["products.ProductCategoryPage", "products.ProductPage"]
    template = "products/product_category_page.html"

    class Meta:
        verbose_name = _("product category")
        verbose_name_plural = _("product categories")

    @classmethod
    def searchable_in(cls, locale):
        """The site search's protocol (pressroom.search.query): live, public categories."""
        return cls.objects.live().public().filter(locale=locale)


def section_of(page):
    """The live product center ``page`` is in (the page itself when it is one)."""
    return ProductIndexPage.objects.ancestor_of(page, inclusive=True).live().first()


def section_context(page) -> dict:
    """What the section menu beside a product center's pages needs."""
    section = section_of(page)
    return {"section": section, "section_categories": section.category_tree() if section else []}


def own_list_paths(page) -> list[str]:
    """The page's addresses: its own and the sub-pages its ``get_cached_paths()`` names."""
    parts = page.get_url_parts()
    if not parts or not parts[2]:
        return []
    return [parts[2] + sub.lstrip("/") for sub in page.get_cached_paths()]


class ProductPageForm(PageForm):
    """A new product starts with its category's default specification rows."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        category = parent_page.specific if parent_page is not None else None
        is_new = self.instance.pk is None and not self.is_bound
        defaults = getattr(category, "spec_defaults", "")
        if is_new and defaults and "specs" in self.fields:
            block = self.fields["specs"].block
            self.initial["specs"] = block.to_python(
                [{"type": "row", "value": row} for row in spec_rows_from_text(defaults)]
            )


class ProductPage(BasePage):
    """One product: pictures, summary, specification table, description, downloads, and
    an 在线询价 button that opens the contact form with the product named."""

    model_number = models.CharField(_("model"), max_length=80, blank=True)
    summary = models.TextField(
        _("summary"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in lists and first in the gallery."),
    )
    specs = StreamField([("row", SpecRowBlock())], verbose_name=_("specifications"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    downloads = StreamField([("file", DownloadBlock())], verbose_name=_("downloads"), blank=True)
    related_products = StreamField(
        [("product", PageChooserBlock(page_type="products.ProductPage", label=_("Product")))],
        verbose_name=_("related products"),
        blank=True,
    )
    related_news = StreamField(
        [("article", PageChooserBlock(page_type="news.NewsArticlePage", label=_("Article")))],
        verbose_name=_("related news"),
        blank=True,
    )

    base_form_class = ProductPageForm
    content_panels = Page.content_panels + [
        FieldPanel("model_number"),
        FieldPanel("summary"),
        FieldPanel("main_image"),
        InlinePanel("gallery", label=_("More pictures")),
        FieldPanel("specs"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("downloads"), FieldPanel("related_products"), FieldPanel("related_news")],
            heading=_("Downloads and related pages"),
        ),
    ]
    search_fields = with_word_splitting(
        Page.search_fields
        + [
            index.SearchField("model_number"),
            index.SearchField("summary"),
            index.SearchField("body"),
        ]
    )
    parent_page_types = ["products.ProductCategoryPage"]
    subpage_types: list[str] = []
    template = "products/product_page.html"
    # The content API (docs/api.md): the category is the page's ``parent`` (detail view).
    api_fields = [
        APIField("model_number"),
        APIField("summary"),
        APIField("main_image", serializer=api_fields.ImageRenditionField(api_fields.LARGE)),
        APIField(
            "thumbnail",
            serializer=api_fields.ImageRenditionField(api_fields.THUMBNAIL, source="main_image"),
        ),
        APIField("pictures", serializer=api_fields.RenditionListField()),
        APIField("specs"),
        APIField("body", serializer=api_fields.RenderedStreamField()),
        APIField("downloads", serializer=api_fields.PublicDownloadsField()),
    ]
    # The contact form's protocol: a quote request may name a page of this type.
    quotable = True

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")

    @classmethod
    def searchable_in(cls, locale):
        """The site search's protocol (pressroom.search.query): live, public products."""
        return cls.objects.live().public().filter(locale=locale)

    # The picture lists of pages show for it (a home page section, search results).
    listing_image_field = "main_image"

    @property
    def listing_image(self):
        return self.main_image

    def pictures(self) -> list:
        """The main picture, then the gallery's, each once."""
        pictures = [self.main_image] if self.main_image_id else []
        seen = {self.main_image_id}
        for item in self.gallery.select_related("image").prefetch_related("image__renditions"):
            if item.image_id not in seen:
                pictures.append(item.image)
                seen.add(item.image_id)
        return pictures

    def live_related(self, field: str) -> list:
        """The chosen pages of a related-pages field that a visitor may open."""
        chosen = [block.value for block in getattr(self, field) if block.value is not None]
        return [page for page in chosen if page.live and page.locale_id == self.locale_id]

    def get_context(self, request, *args, **kwargs):
        from pressroom.core.navigation import child_page

        context = super().get_context(request, *args, **kwargs)
        context["pictures"] = self.pictures()
        context["related_products"] = self.live_related("related_products")
        context["related_news"] = self.live_related("related_news")
        context["contact_page"] = child_page(request, "contact.ContactPage")
        context.update(section_context(self))
        return context

    def paths_showing_me(self) -> set[str]:
        """The page cache's protocol: every list above it (the product center and each
        category it is under, every numbered page)."""
        lists = ProductCategoryPage.objects.ancestor_of(self).live().specific()
        index = ProductIndexPage.objects.ancestor_of(self).live()
        return {path for page in [*index, *lists] for path in own_list_paths(page)}


class ProductPicture(Orderable):
    """A picture in a product's gallery."""

    page = ParentalKey(ProductPage, related_name="gallery", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("picture"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
