from django import template
from wagtail.models import Site

from pressroom.core.models import CompanyInfo

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_company(context):
    """The company info of the site the admin is reached at (else the default site's); None
    before any site exists."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return CompanyInfo.for_site(site) if site is not None else None
