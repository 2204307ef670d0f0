"""What a company shows to earn trust: the work it has done (工程案例, cases) and the
certificates it holds (资质荣誉, honours).

Cases are pages under a cases page, listed with their pictures on numbered pages
(``page/2/``) as the product and news lists are; each names the products it used. Honours
are rows of one honours page (a picture, who issued it, its number, until when it is
valid), shown as a gallery: editors add them in one place, in the order they want.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from pressroom.core.blocks import BodyBlock
from pressroom.core.lists import NumberedListMixin
from pressroom.core.models import BasePage
from pressroom.search.fields import with_word_splitting

FIRST_YEAR = 1950


def check_year(value: int) -> None:
    last = date.today().year + 1
    if not FIRST_YEAR <= value <= last:
        raise ValidationError(
            _("Enter a year from %(first)s to %(last)s.") % {"first": FIRST_YEAR, "last": last}
        )


def this_year() -> int:
    return date.today().year


class CaseIndexPage(NumberedListMixin, BasePage):
    """工程案例: the company's cases, newest first, with their pictures, a page at a time."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    # Chinese titles found by any word in the admin's search (docs/search.md).
    search_fields = with_word_splitting(Page.search_fields)
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["showcase.CasePage"]
    max_count_per_parent = 1
    template = "showcase/case_index_page.html"
    # The head's protocol (seo_head): the context variable holding the cases listed.
    listed_items_context = "cases"

    class Meta:
        verbose_name = _("cases page")
        verbose_name_plural = _("cases pages")

    def cases(self):
        """The live, public cases below it: the latest year first, then the editors' order."""
        return (
            CasePage.objects.child_of(self)
            .live()
            .public()
            .select_related("main_image")
            .prefetch_related("main_image__renditions")
            .order_by("-year", "path")
        )

    def listed_items(self):
        return self.cases()

    def items_per_page(self) -> int:
        return settings.PRESSROOM_CASES_PER_PAGE


class CasePage(BasePage):
    """One case: for whom, where and when, the products used, pictures and the story."""

    client = models.CharField(_("client"), max_length=120, blank=True)
    place = models.CharField(_("place"), max_length=120, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), default=this_year, validators=[check_year])
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
        help_text=_("Shown in lists and first on the page."),
    )
    products = StreamField(
        [("product", PageChooserBlock(page_type="products.ProductPage", label=_("Product")))],
        verbose_name=_("products used"),
        blank=True,
    )
    body = StreamField(BodyBlock(), verbose_name=_("story"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("client"), FieldPanel("place"), FieldPanel("year")],
            heading=_("The project"),
        ),
        FieldPanel("summary"),
        FieldPanel("main_image"),
        InlinePanel("gallery", label=_("More pictures")),
        FieldPanel("products"),
        FieldPanel("body"),
    ]
    search_fields = with_word_splitting(
        Page.search_fields
        + [
            index.SearchField("client"),
            index.SearchField("place"),
            index.SearchField("summary"),
            index.SearchField("body"),
        ]
    )
    parent_page_types = ["showcase.CaseIndexPage"]
    subpage_types: list[str] = []
    template = "showcase/case_page.html"
    # The picture lists of pages show for it (a home page section, search results).
    listing_image_field = "main_image"

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    @property
    def listing_image(self):
        return self.main_image

    @classmethod
    def searchable_in(cls, locale):
        """The site search's protocol (pressroom.search.query): live, public cases."""
        return cls.objects.live().public().filter(locale=locale)

    def pictures(self) -> list:
        """The main picture, then the gallery's, each once."""
        pictures = [self.main_image] if self.main_image_id else []
        seen = {self.main_image_id}
        for item in self.gallery.select_related("image").prefetch_related("image__renditions"):
            if item.image_id not in seen:
                pictures.append(item.image)
                seen.add(item.image_id)
        return pictures

    def products_used(self) -> list:
        """The chosen products a visitor may open, in the visitor's language (a case
        translated from another language keeps pointing at the original's products)."""
        chosen = [block.value.localized for block in self.products if block.value is not None]
        return [page for page in chosen if page.live and page.locale_id == self.locale_id]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["pictures"] = self.pictures()
        context["products_used"] = self.products_used()
        return context

    def paths_showing_me(self) -> set[str]:
        """The page cache's protocol: its cases page's numbered lists."""
        index = self.get_parent().specific
        parts = index.get_url_parts()
        if not parts or not parts[2] or not hasattr(index, "get_cached_paths"):
            return set()
        return {parts[2] + sub.lstrip("/") for sub in index.get_cached_paths()}


class CasePicture(Orderable):
    """A picture in a case's gallery."""

    page = ParentalKey(CasePage, related_name="gallery", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("picture"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class HonourIndexPage(BasePage):
    """资质荣誉: the company's certificates and awards, as a gallery."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("honours", label=_("Certificates and awards")),
    ]
    search_fields = with_word_splitting(Page.search_fields + [index.SearchField("intro")])
    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types: list[str] = []
    template = "showcase/honour_index_page.html"
    # The page cache's protocol: the page draws its section's menu beside it.
    shows_section_menu = True

    class Meta:
        verbose_name = _("honours page")
        verbose_name_plural = _("honours pages")

    @classmethod
    def searchable_in(cls, locale):
        """The site search's protocol (pressroom.search.query): live, public pages."""
        return cls.objects.live().public().filter(locale=locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["honours"] = list(
            self.honours.select_related("image").prefetch_related("image__renditions")
        )
        context["today"] = date.today()
        return context


class Honour(Orderable):
    """A certificate or award: its picture, who issued it, its number, until when it holds."""

    page = ParentalKey(HonourIndexPage, related_name="honours", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,  # a deleted picture leaves the entry, without its picture
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=200)
    issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    number = models.CharField(_("certificate number"), max_length=80, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=[check_year]
    )
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: does not expire.")
    )

    panels = [
        FieldPanel("image"),
        FieldPanel("title"),
        FieldPanel("issuer"),
        FieldPanel("number"),
        FieldPanel("year"),
        FieldPanel("valid_until"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("certificate or award")
        verbose_name_plural = _("certificates and awards")
