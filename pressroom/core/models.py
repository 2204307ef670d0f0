"""What every page needs: the company-info record and the abstract base page."""

from urllib.parse import quote

from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, Site

from pressroom.core.checklist import ChecklistPanel
from pressroom.core.navigation import current_site
from pressroom.core.page_forms import PageForm
from pressroom.core.panels import TwinFieldPanel
from pressroom.core.sitecache import remember

ICP_REGISTRY_URL = "https://beian.miit.gov.cn/"
# A QQ number: 5 to 12 digits, no leading zero (what QQ hands out).
qq_validator = RegexValidator(r"^[1-9][0-9]{4,11}$", _("A QQ number is 5 to 12 digits."))
# A WeCom (企业微信) customer-service or contact link: an https address on WeCom's own host.
wecom_validator = RegexValidator(
    r"^https://work\.weixin\.qq\.com/[A-Za-z0-9/_\-.?=&%]{1,300}$",
    _("Paste the link WeCom gives you: it starts with https://work.weixin.qq.com/."),
)


def is_english() -> bool:
    return (get_language() or "").startswith("en")


def company_for(request):
    """The request's site's company info (an unsaved default when the site has none yet),
    read once per site-wide change."""

    def compute():
        site = current_site(request)
        info = CompanyInfo.for_site(site) if site is not None else CompanyInfo()
        info.logo  # noqa: B018 - loaded now, so it is kept with the record
        info.wechat_qr  # noqa: B018
        info.favicon  # noqa: B018
        return info

    site = current_site(request)
    return remember(f"company:{site.pk if site else 0}", compute, request)


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
    favicon = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("site icon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A square picture (at least 180×180) for browser tabs, bookmarks and phone home"
            " screens. Empty: Pressroom's icon."
        ),
    )
    wechat_qr = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("WeChat QR code"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The company's WeChat account QR code: shown in the footer and the contact block."
        ),
    )
    qq = models.CharField(
        _("QQ number"),
        max_length=12,
        blank=True,
        validators=[qq_validator],
        help_text=_("Shown in the service bar as a link that opens a QQ chat. Empty hides it."),
    )
    wecom_url = models.URLField(
        _("WeCom customer-service link"),
        max_length=320,
        blank=True,
        validators=[wecom_validator],
        help_text=_(
            "The 企业微信 customer-service (or contact) link, https://work.weixin.qq.com/…:"
            " shown in the service bar. Empty hides it."
        ),
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
            [
                TwinFieldPanel("name"),
                FieldPanel("name_en"),
                FieldPanel("logo"),
                FieldPanel("favicon"),
            ],
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
                FieldPanel("wechat_qr"),
                FieldPanel("qq"),
                FieldPanel("wecom_url"),
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

    def map_links(self) -> list[tuple[str, str]]:
        """(map, address) pairs that open the company's address in the map apps visitors
        use: Baidu Maps and AMap (高德) search the Chinese address, Apple and Google Maps the
        address in the visitor's language. No key, no script, nothing loaded until clicked."""
        if not self.address:
            return []
        chinese = quote(self.address)
        shown = quote(self.display_address or self.address)
        return [
            (
                _("Baidu Maps"),
                f"https://api.map.baidu.com/geocoder?address={chinese}&output=html"
                "&src=webapp.pressroom.site",
            ),
            (_("AMap"), f"https://uri.amap.com/search?keyword={chinese}"),
            (_("Apple Maps"), f"https://maps.apple.com/?q={shown}"),
            (_("Google Maps"), f"https://www.google.com/maps/search/?api=1&query={shown}"),
        ]

    @property
    def qq_url(self) -> str:
        """The link that opens a QQ chat with the company's number (QQ's own web address)."""
        if not self.qq:
            return ""
        return f"https://wpa.qq.com/msgrd?v=3&uin={self.qq}&site=qq&menu=yes"

    @property
    def display_intro(self) -> str:
        return self._localized("intro")

    @property
    def display_welcome(self) -> str:
        from django.utils.translation import gettext

        return self._localized("welcome") or gettext("Welcome to %(name)s") % {
            "name": self.display_name
        }


class BasePage(Page):
    """Shared behaviour of every Pressroom page type."""

    # Pages whose template is named after the model, in the app's own folder.
    show_in_sitemap = True
    # The admin form: Chinese titles make pinyin addresses (core.slugs).
    base_form_class = PageForm
    # The SEO tab opens with the checklist of what makes the page found and shared well.
    promote_panels = [ChecklistPanel(), *Page.promote_panels]

    class Meta:
        abstract = True

    def get_url_parts(self, request=None):
        """Wagtail's, remembered on the page object for the active language and the request's
        site (what Wagtail's answer depends on besides the page's path): one render asks for
        the same few pages' addresses up to twenty times (links, canonical, hreflang, JSON-LD),
        and each answer costs a ``reverse()`` under ``translation.override``."""
        site = Site.find_for_request(request) if isinstance(request, HttpRequest) else None
        key = (self.url_path, get_language(), site.pk if site is not None else None)
        memo = self.__dict__.setdefault("url_parts_memo", {})
        if key not in memo:
            memo[key] = super().get_url_parts(request)
        return memo[key]

    def get_admin_display_title(self):
        """Wagtail's, marked 待更新 in the admin's page lists while the page is a translation
        older than its original (until it is saved again). The lists annotate their pages
        with ``original_changed_at`` (dashboard/wagtail_hooks.py), so no row costs a query;
        elsewhere the title is Wagtail's."""
        title = super().get_admin_display_title()
        original = getattr(self, "original_changed_at", None)
        mine = self.latest_revision_created_at
        if original is not None and mine is not None and original > mine:
            return _("%(title)s (to update)") % {"title": title}
        return title

    def get_view_restrictions(self):
        """Wagtail's check, skipped (no query) while no page on the site has a restriction."""
        from wagtail.models import PageViewRestriction

        from pressroom.core.sitecache import any_view_restrictions

        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    # The parent a page type's own ``route()`` found this page under, kept so that its
    # breadcrumbs cost no query (Wagtail's routing keeps the parents it passes through).
    routed_parent: Page | None = None

    def parent_page(self):
        """The parent page: the one routing came through when known, else from the database."""
        return self.routed_parent if self.routed_parent is not None else self.get_parent()

    def get_breadcrumbs(self):
        """The live ancestors shown above the title, from the home page down.

        Read once per instance: the breadcrumb trail and its JSON-LD both show it. A page
        reached by routing knows its parents (``get_parent()`` costs no query then).
        """
        if getattr(self, "_breadcrumbs", None) is None:
            chain, page = [], self
            while page.depth > 2:
                page = page.parent_page() if isinstance(page, BasePage) else page.get_parent()
                chain.append(page)
            self._breadcrumbs = [ancestor for ancestor in reversed(chain) if ancestor.live]
        return self._breadcrumbs
