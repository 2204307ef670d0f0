"""Template tags every page uses: the site's home page and its main navigation."""

import re

from django import template
from django.apps import apps
from wagtail.models import Locale, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page of the current site in the active language (or the default one)."""
    request = context.get("request")
    if "_site_home" in context:
        return context["_site_home"]
    site = Site.find_for_request(request) if request else None
    home = None
    if site is not None:
        root = site.root_page
        try:
            home = root.get_translation(Locale.get_active())
        except (root.DoesNotExist, Locale.DoesNotExist):
            home = root
        home = home.specific
    context.dicts[0]["_site_home"] = home
    return home


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page followed by its live children marked "show in menus"."""
    home = site_home(context)
    if home is None:
        return []
    return [home, *home.get_children().live().public().in_menu()]


@register.filter
def is_active_for(item, page) -> bool:
    """True when ``page`` is ``item`` or lies below it (the home page only matches itself)."""
    if page is None or not hasattr(page, "path"):
        return False
    if item.depth <= 2:
        return item.pk == page.pk
    return page.path.startswith(item.path)


@register.simple_tag(takes_context=True)
def find_child_page(context, model_label: str):
    """The first live child of the home page of the given type, e.g. the HTML sitemap."""
    cache_key = f"_child_{model_label}"
    if cache_key in context:
        return context[cache_key]
    home = site_home(context)
    found = None
    if home is not None:
        model = apps.get_model(model_label)
        found = model.objects.child_of(home).live().public().first()
    context.dicts[0][cache_key] = found
    return found


@register.filter
def tel_href(number: str) -> str:
    """A phone number as written (“400-123 4567”) to the digits a ``tel:`` link needs."""
    number = number or ""
    digits = re.sub(r"[^\d]", "", number)
    return f"+{digits}" if number.strip().startswith("+") else digits
