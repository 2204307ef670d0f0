"""What every page needs: the company-info record and the abstract base page."""

import copy
import functools

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from pressroom.core.panels import TwinFieldPanel
from pressroom.core.prepared import PreparedQuery

ICP_REGISTRY_URL = "https://beian.miit.gov.cn/"


def is_english() -> bool:
    return (get_language() or "").startswith("en")


@register_setting(icon="site")
class CompanyInfo(BaseSiteSetting):
    """The company's name and contact details, shown on every page of a site.

    Text that differs by language has an English twin field; an empty English field falls
    back to the Chinese one, so a site works before it is translated.
    """

    name = models.CharField(_("company name"), max_length=120, default="Pressroom")
    name_en = models.CharField(_("company name (English)"), max_length=120, blank=True)
    welcome = models.CharField(
        _("welcome text"),
        max_length=200,
        blank=True,
        help_text=_("Shown in the top bar, e.g. “欢迎来到…”. Empty: a welcome with the name."),
    )
    welcome_en = models.CharField(_("welcome text (English)"), max_length=200, blank=True)
    hotline = models.CharField(_("national hotline"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    intro = RichTextField(
        _("company introduction"), blank=True, features=["bold", "italic", "link"]
    )
    intro_en = RichTextField(
        _("company introduction (English)"), blank=True, features=["bold", "italic", "link"]
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    icp_number = models.CharField(
        _("ICP licence number"),
        max_length=60,
        blank=True,
        help_text=_("The ICP 备案 number, e.g. 浙ICP备12345678号-1. Empty hides it."),
    )
    icp_url = models.URLField(_("ICP registry link"), blank=True, default=ICP_REGISTRY_URL)

    panels = [
        MultiFieldPanel(
            [TwinFieldPanel("name"), FieldPanel("name_en"), FieldPanel("logo")],
            heading=_("Company"),
        ),
        MultiFieldPanel(
            [TwinFieldPanel("welcome"), FieldPanel("welcome_en"), FieldPanel("hotline")],
            heading=_("Top bar"),
        ),
        MultiFieldPanel(
            [
                TwinFieldPanel("address"),
                FieldPanel("address_en"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [TwinFieldPanel("intro"), FieldPanel("intro_en")], heading=_("Introduction")
        ),
        MultiFieldPanel([FieldPanel("icp_number"), FieldPanel("icp_url")], heading=_("Footer")),
    ]

    class Meta:
        verbose_name = _("company info")
        verbose_name_plural = _("company info")

    def __str__(self) -> str:
        return self.name

    def _localized(self, field: str) -> str:
        if is_english():
            return getattr(self, f"{field}_en") or getattr(self, field)
        return getattr(self, field)

    @property
    def display_name(self) -> str:
        return self._localized("name")

    @property
    def display_address(self) -> str:
        return self._localized("address")

    @property
    def display_intro(self) -> str:
        return self._localized("intro")

    @property
    def display_welcome(self) -> str:
        from django.utils.translation import gettext

        return self._localized("welcome") or gettext("Welcome to %(name)s") % {
            "name": self.display_name
        }

    @property
    def has_contact_details(self) -> bool:
        return any([self.address, self.phone, self.fax, self.email, self.hotline])


@functools.cache
def route_query(model) -> PreparedQuery:
    """The child of a page with this slug, read as ``model`` with its routing relations:
    Wagtail's ``child_of`` (a path prefix one level down), compiled once (``prepared``)."""

    def build(prefix, depth, slug):
        return (
            model.objects.filter(path__startswith=prefix, depth=depth, slug=slug)
            .select_related(*model.route_select_related)
            .order_by("path")[:1]
        )

    return PreparedQuery(f"route to {model.__name__}", build)


class BasePage(Page):
    """Shared behaviour of every Pressroom page type."""

    # Pages whose template is named after the model, in the app's own folder.
    show_in_sitemap = True

    class Meta:
        abstract = True

    # Related rows fetched with the page itself when it is reached by routing (see ``route``).
    route_select_related: tuple[str, ...] = ()

    def route(self, request, path_components):
        """Wagtail's routing, with one query instead of two for a child of a page that has
        a single child type (an article in the news center): the child is read as its own
        type at once, with the rows named in its ``route_select_related``."""
        kept = self._kept_child(request, path_components[0]) if path_components else None
        if kept is not None:
            return kept.route(request, path_components[1:])
        models = self.specific_class.allowed_subpage_models() if path_components else []
        if len(models) == 1 and issubclass(models[0], BasePage):
            rows = route_query(models[0]).run(
                prefix=self.path, depth=self.depth + 1, slug=path_components[0]
            )
            child = rows[0] if rows else None
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    # Children of a home page that routing may take from the values kept until the next
    # site-wide change: every change to them purges everything (``changes_whole_site``).
    KEPT_CHILDREN = ("news.NewsIndexPage",)

    def _kept_child(self, request, slug):
        """A copy of the kept news center when it is the child asked for, else None."""
        if self.depth != 2 or request is None:
            return None
        from pressroom.core.templatetags.core_tags import child_page

        for label in self.KEPT_CHILDREN:
            child = child_page(request, label)
            if child is not None and child.slug == slug and child.path[:-4] == self.path:
                child = copy.copy(child)
                child._cached_parent_obj = self
                return child
        return None

    def get_url_parts(self, request=None):
        """Wagtail's, kept on the page object for its address, language and site: one render
        asks for the same few pages' addresses up to twenty times (links, canonical, hreflang,
        JSON-LD), and each answer costs a ``reverse()`` under ``translation.override``."""
        site = getattr(request, "_wagtail_site", None)
        key = (self.url_path, get_language(), site.pk if site is not None else None)
        memo = self.__dict__.setdefault("_url_parts_memo", {})
        if key not in memo:
            memo[key] = super().get_url_parts(request)
        return memo[key]

    def get_view_restrictions(self):
        """Wagtail's check, skipped (no query) while no page on the site has a restriction."""
        from wagtail.models import PageViewRestriction

        from pressroom.core.sitecache import any_view_restrictions

        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_breadcrumbs(self):
        """The live ancestors shown above the title, from the home page down.

        Read once per instance: the breadcrumb trail and its JSON-LD both show it.
        """
        if getattr(self, "_breadcrumbs", None) is None:
            routed = self._routed_ancestors()
            self._breadcrumbs = (
                routed
                if routed is not None
                else list(self.get_ancestors().live().filter(depth__gt=1).specific(defer=True))
            )
        return self._breadcrumbs

    def _routed_ancestors(self):
        """The live ancestors below the root, from the pages routing went through to reach this
        one (Wagtail keeps each on its child as ``_cached_parent_obj``); None when a link in
        that chain is missing (the page was not reached by routing)."""
        chain, page = [], self
        while page.depth > 2:
            page = getattr(page, "_cached_parent_obj", None)
            if page is None:
                return None
            chain.append(page)
        return [ancestor for ancestor in reversed(chain) if ancestor.live]
