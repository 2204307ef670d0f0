"""Template tags every page uses: the site's home page, company info and main navigation.

Thin wrappers around ``pressroom.core.navigation`` and ``company_for``, which work each
answer out once per site-wide change (``pressroom.core.sitecache``); ``{% sitewide %}`` keeps
rendered fragments the same way.
"""

import hashlib
import re

from django import template

from pressroom.core import navigation, sections
from pressroom.core.models import company_for
from pressroom.core.sitecache import remember

register = template.Library()


@register.simple_tag(takes_context=True)
def site_home(context):
    return navigation.home_for(context.get("request"))


@register.simple_tag(takes_context=True)
def company_info(context):
    return company_for(context.get("request"))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page followed by its live children marked "show in menus"."""
    return navigation.menu_for(context.get("request"))


@register.simple_tag(takes_context=True)
def current_menu_item(context) -> int | None:
    """The id of the main-menu entry the page being shown belongs to, if any."""
    page = context.get("page")
    for item in main_menu(context):
        if navigation.is_active_for(item, page):
            return item.pk
    return None


@register.simple_tag(takes_context=True)
def find_child_page(context, model_label: str):
    return navigation.child_page(context.get("request"), model_label)


class SitewideNode(template.Node):
    def __init__(self, name, vary_on, nodelist):
        self.name, self.vary_on, self.nodelist = name, vary_on, nodelist

    def render(self, context):
        request = context.get("request")
        values = [str(value.resolve(context)) for value in self.vary_on]
        digest = hashlib.sha256("\0".join(values).encode()).hexdigest()[:16]
        key = f"fragment:{self.name}:{navigation.site_key(request)}:{digest}"
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


@register.simple_tag
def section_menu(page):
    """``(section, entries)`` for the section menu beside ``page`` (``core.sections``)."""
    return sections.section_menu(page)
