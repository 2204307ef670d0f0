from django import template
from django.urls import reverse

from pressroom.pageviews.counting import views_of
from pressroom.pageviews.models import shows_counts

register = template.Library()


@register.inclusion_tag("pageviews/views.html", takes_context=True)
def page_views(context, page):
    """The view beacon of ``page``, and its count when the site shows counts."""
    request = context.get("request")
    shown = shows_counts(request)
    return {
        "beacon_url": reverse("pageviews_beacon", args=[page.pk]),
        "views": views_of(page.pk) if shown else None,
    }
