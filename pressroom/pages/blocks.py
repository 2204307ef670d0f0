"""The sections an editor stacks on a home page, in the order the visitor sees them.

Each section is a block with its own template (templates/pages/home/). Sections that list
pages (products, a section's latest pages, news) read them when the home page is rendered,
so they never go stale: the home page shows every page of its language
(``HomePage.shows_all_pages``), so the page cache purges it whenever one of them changes.
A chosen page is shown in the language of the home page (``core.navigation.in_language``), so
a section filled on the Chinese home page works on its English translation too.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

SECTION_MAX_ITEMS = 24


def live_page(page, parent_context=None):
    """The chosen page in the home page's language (the visitor's) when it is live and
    public, else None."""
    if page is None:
        return None
    from pressroom.core.navigation import in_language
    from pressroom.core.sitecache import any_view_restrictions

    home = (parent_context or {}).get("page")
    page = in_language(page, home.locale_id) if home is not None else page.localized
    if not page.live:
        return None
    if any_view_restrictions() and not type(page).objects.filter(pk=page.pk).public().exists():
        return None
    return page.specific_deferred  # (its own fields are read if a section asks for them)


def visible(pages):
    """Live pages a visitor may open (Wagtail's ``public()`` asks the database for view
    restrictions, so it is skipped while the site has none)."""
    from pressroom.core.sitecache import any_view_restrictions

    pages = pages.live()
    return pages.public() if any_view_restrictions() else pages


def with_listing_images(pages: list) -> list:
    """Pages of any types with the pictures their lists show (``listing_image_field``, as
    search results read them) loaded in one query per type, with their renditions."""
    from django.db.models import prefetch_related_objects

    by_type: dict[type, list] = {}
    for page in pages:
        by_type.setdefault(type(page), []).append(page)
    for model, group in by_type.items():
        field = getattr(model, "listing_image_field", None)
        if field:
            prefetch_related_objects(group, field, f"{field}__renditions")
    return pages


def newest_first(pages):
    return pages.order_by("-first_published_at", "-path")


class Heading(blocks.CharBlock):
    def __init__(self, required=True, **kwargs):
        super().__init__(label=_("Heading"), max_length=80, required=required, **kwargs)


class Count(blocks.IntegerBlock):
    def __init__(self, default, **kwargs):
        super().__init__(
            label=_("How many"), min_value=1, max_value=SECTION_MAX_ITEMS, default=default, **kwargs
        )


class AboutSection(blocks.StructBlock):
    heading = Heading()
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "ul"],
        required=False,
        help_text=_("Empty: the company introduction from the company info."),
    )
    image = ImageChooserBlock(label=_("Picture"), required=False)
    caption = blocks.CharBlock(
        label=_("Caption"),
        max_length=120,
        required=False,
        help_text=_("Say “illustration” (示意图) when the picture is not a photo."),
    )
    page = blocks.PageChooserBlock(label=_("“Read more” leads to"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["more"] = live_page(value["page"], parent_context)
        return context

    class Meta:
        icon = "doc-full"
        label = _("About the company")
        template = "pages/home/about.html"


class ProductsSection(blocks.StructBlock):
    heading = Heading()
    page = blocks.PageChooserBlock(
        label=_("Products from"),
        page_type=["products.ProductIndexPage", "products.ProductCategoryPage"],
        help_text=_("The product center, or one category of it."),
    )
    count = Count(8)
    show_categories = blocks.BooleanBlock(
        label=_("Show its categories"), required=False, default=True
    )

    def get_context(self, value, parent_context=None):
        from pressroom.products.models import ProductCategoryPage, ProductPage

        context = super().get_context(value, parent_context)
        source = live_page(value["page"], parent_context)
        context["source"] = source
        if source is not None:
            context["products"] = (
                newest_first(visible(ProductPage.objects.descendant_of(source)))
                .select_related("main_image")
                .prefetch_related("main_image__renditions")[: value["count"]]
            )
            if value["show_categories"]:
                context["categories"] = visible(ProductCategoryPage.objects.child_of(source))
        return context

    class Meta:
        icon = "list-ul"
        label = _("Products")
        template = "pages/home/products.html"


class NumberItem(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=12, help_text=_("e.g. 120"))
    unit = blocks.CharBlock(
        label=_("Unit"), max_length=12, required=False, help_text=_("e.g. 万台")
    )
    label = blocks.CharBlock(label=_("What it counts"), max_length=40, help_text=_("e.g. 年产量"))


class NumbersSection(blocks.StructBlock):
    heading = Heading(required=False)
    items = blocks.ListBlock(NumberItem(), label=_("Figures"), min_num=1, max_num=8)

    class Meta:
        icon = "table"
        label = _("Figures")
        template = "pages/home/numbers.html"


class LatestPagesSection(blocks.StructBlock):
    """The newest pages below a chosen page, e.g. the latest cases."""

    heading = Heading()
    page = blocks.PageChooserBlock(
        label=_("Pages from"), help_text=_("e.g. the cases page: its newest pages are shown.")
    )
    count = Count(4)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        source = live_page(value["page"], parent_context)
        context["source"] = source
        if source is not None:
            context["items"] = with_listing_images(
                list(newest_first(visible(source.get_children())).specific()[: value["count"]])
            )
        return context

    class Meta:
        icon = "folder-open-inverse"
        label = _("Latest pages of a section")
        template = "pages/home/latest_pages.html"


class HonoursSection(blocks.StructBlock):
    """A strip of certificates from a 资质荣誉 page, in its order."""

    heading = Heading()
    page = blocks.PageChooserBlock(
        label=_("Certificates from"), page_type="showcase.HonourIndexPage"
    )
    count = Count(6)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        source = live_page(value["page"], parent_context)
        context["source"] = source
        if source is not None:
            context["honours"] = list(
                source.honours.select_related("image").prefetch_related("image__renditions")[
                    : value["count"]
                ]
            )
        return context

    class Meta:
        icon = "pick"
        label = _("Certificates")
        template = "pages/home/honours.html"


class NewsSection(blocks.StructBlock):
    heading = Heading()
    categories = blocks.ListBlock(
        SnippetChooserBlock("news.NewsCategory"),
        label=_("Categories"),
        required=False,
        help_text=_("A column for each; none: the latest news of every category."),
    )
    count = Count(5, help_text=_("Articles in each column."))

    def clean(self, value):
        value = super().clean(value)
        chosen = [category.pk for category in value["categories"] if category]
        if len(chosen) != len(set(chosen)):
            raise blocks.StructBlockValidationError(
                {"categories": ValidationError(_("Each category only once."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        from pressroom.news.models import NewsArticlePage, NewsIndexPage

        context = super().get_context(value, parent_context)
        home = (parent_context or {}).get("page")
        articles = NewsArticlePage.objects.published().defer_streamfields()
        if home is not None:
            articles = articles.filter(locale_id=home.locale_id)
            context["news_index"] = visible(NewsIndexPage.objects.child_of(home)).first()
        columns = [
            (category, articles.filter(category=category)[: value["count"]])
            for category in value["categories"]
            if category
        ]
        context["columns"] = columns or [(None, articles[: value["count"]])]
        return context

    class Meta:
        icon = "doc-full-inverse"
        label = _("News")
        template = "pages/home/news.html"


class Logo(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Logo"))
    name = blocks.CharBlock(label=_("Partner"), max_length=80)
    url = blocks.URLBlock(label=_("Web address"), required=False)


class LogosSection(blocks.StructBlock):
    heading = Heading()
    items = blocks.ListBlock(Logo(), label=_("Logos"), min_num=1, max_num=SECTION_MAX_ITEMS)

    class Meta:
        icon = "image"
        label = _("Partner logos")
        template = "pages/home/logos.html"


class Link(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Site name"), max_length=80)
    url = blocks.URLBlock(label=_("Web address"))


class LinksSection(blocks.StructBlock):
    heading = Heading()
    items = blocks.ListBlock(Link(), label=_("Links"), min_num=1, max_num=48)

    class Meta:
        icon = "link"
        label = _("Friend links")
        template = "pages/home/links.html"


class HomeSections(blocks.StreamBlock):
    about = AboutSection()
    products = ProductsSection()
    numbers = NumbersSection()
    latest_pages = LatestPagesSection()
    honours = HonoursSection()
    news = NewsSection()
    logos = LogosSection()
    links = LinksSection()

    class Meta:
        block_counts = {"links": {"max_num": 1}}
