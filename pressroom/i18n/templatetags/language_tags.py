"""The language switcher and hreflang links every page shows."""

from django import template
from wagtail.models import Page

from pressroom.i18n.versions import alternates, bcp47, language_versions

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context):
    """Language versions of the page being shown (computed once per render)."""
    if "_language_versions" not in context:
        page = context.get("page")
        context.dicts[0]["_language_versions"] = language_versions(
            context.get("request"), page if isinstance(page, Page) else None
        )
    return context["_language_versions"]


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    return alternates(page_languages(context))


register.filter("bcp47", bcp47)
