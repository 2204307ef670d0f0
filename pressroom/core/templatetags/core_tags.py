"""Template tags every page uses: the site's home page, company info and main navigation.

What they return only changes with a site-wide change, so it is worked out once per such
change (``pressroom.core.sitecache``), and ``{% sitewide %}`` keeps rendered fragments the
same way.
"""

import hashlib
import re

from django import template
from django.apps import apps
from django.utils.translation import get_language
from wagtail.models import Locale, Site

from pressroom.core.sitecache import remember

register = template.Library()


def current_site(request):
    return Site.find_for_request(request) if request is not None else None


def _site_key(request) -> str:
    site = current_site(request)
    return f"{site.pk if site else 0}:{get_language() or ''}"


def home_for(request):
    """The home page of the request's site in the active language (or the default one)."""

    def compute():
        site = current_site(request)
        if site is None:
            return None
        root = site.root_page
        try:
            return root.get_translation(Locale.get_active())
        except (root.DoesNotExist, Locale.DoesNotExist):
            return root

    return remember(f"home:{_site_key(request)}", compute, request)


def company_for(request):
    """The site's company info (an unsaved default when the site has none yet)."""
    from pressroom.core.models import CompanyInfo

    def compute():
        site = current_site(request)
        info = CompanyInfo.for_site(site) if site is not None else CompanyInfo()
        info.logo  # noqa: B018 - loaded now, so it is kept with the record
        return info

    site = current_site(request)
    return remember(f"company:{site.pk if site else 0}", compute, request)


@register.simple_tag(takes_context=True)
def site_home(context):
    return home_for(context.get("request"))


@register.simple_tag(takes_context=True)
def company_info(context):
    return company_for(context.get("request"))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page followed by its live children marked "show in menus"."""
    return menu_for(context.get("request"))


def menu_for(request):
    def compute():
        home = home_for(request)
        if home is None:
            return []
        return [home, *home.get_children().live().public().in_menu()]

    return remember(f"menu:{_site_key(request)}", compute, request)


@register.simple_tag(takes_context=True)
def current_menu_item(context) -> int | None:
    """The id of the main-menu entry the page being shown belongs to, if any."""
    page = context.get("page")
    for item in main_menu(context):
        if is_active_for(item, page):
            return item.pk
    return None


@register.filter
def is_active_for(item, page) -> bool:
    """True when ``page`` is ``item`` or lies below it (the home page only matches itself)."""
    if page is None or not hasattr(page, "path"):
        return False
    if item.depth <= 2:
        return item.pk == page.pk
    return page.path.startswith(item.path)


def child_page(request, model_label: str):
    """The first live child of the home page of the given type, e.g. the HTML sitemap."""

    def compute():
        home = home_for(request)
        if home is None:
            return None
        model = apps.get_model(model_label)
        return model.objects.child_of(home).live().public().first()

    return remember(f"child:{model_label}:{_site_key(request)}", compute, request)


@register.simple_tag(takes_context=True)
def find_child_page(context, model_label: str):
    return child_page(context.get("request"), model_label)


class SitewideNode(template.Node):
    def __init__(self, name, vary_on, nodelist):
        self.name, self.vary_on, self.nodelist = name, vary_on, nodelist

    def render(self, context):
        request = context.get("request")
        values = [str(value.resolve(context)) for value in self.vary_on]
        digest = hashlib.sha256("\0".join(values).encode()).hexdigest()[:16]
        key = f"fragment:{self.name}:{_site_key(request)}:{digest}"
        return remember(key, lambda: self.nodelist.render(context), request)


@register.tag
def sitewide(parser, token):
    """``{% sitewide "name" value… %}…{% endsitewide %}``: the content rendered once per
    site-wide change, language and site (and per value given: e.g. the current menu entry).

    Only for markup that shows nothing but site-wide content (company info, menus) and the
    values named: it is cached like the page cache and purged with it.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% sitewide %} needs a fragment name")
    nodelist = parser.parse(("endsitewide",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return SitewideNode(name, [parser.compile_filter(bit) for bit in bits[2:]], nodelist)


@register.filter
def tel_href(number: str) -> str:
    """A phone number as written (“400-123 4567”) to the digits a ``tel:`` link needs."""
    number = number or ""
    digits = re.sub(r"[^\d]", "", number)
    return f"+{digits}" if number.strip().startswith("+") else digits
