"""robots.txt, llms.txt and the XML sitemaps (an index and its numbered sections)."""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from pressroom.careers.models import JobPostingPage, set_expires
from pressroom.core.links import site_root_url
from pressroom.pagecache.decorators import cacheable
from pressroom.seo.llms import llms_text
from pressroom.seo.models import SeoSettings
from pressroom.seo.sitemaps import (
    listed_pages,
    section_bound,
    section_count,
    section_urls,
    site_roots,
    sitemap_xml,
)


@require_safe
@cacheable
def robots_txt(request):
    site = Site.find_for_request(request)
    text = SeoSettings.for_site(site) if site else SeoSettings()
    sitemap_url = site_root_url(request) + reverse("sitemap_index")
    return HttpResponse(text.robots_lines(sitemap_url), content_type="text/plain; charset=utf-8")


@require_safe
@cacheable
def sitemap_index(request):
    root = site_root_url(request)
    listed = listed_pages(site_roots(Site.find_for_request(request)))
    sections = [
        root + reverse("sitemap_section", args=[number])
        for number in range(1, section_count(listed) + 1)
    ]
    response = TemplateResponse(
        request,
        "seo/sitemap_index.xml",
        {"sections": sections},
        content_type="application/xml; charset=utf-8",
    )
    return set_expires(response, JobPostingPage.objects.open().next_expiry())


@require_safe
@cacheable
def sitemap_section(request, number: int):
    # Any number in the address, however large, is checked without counting the pages.
    if number < 1 or number > section_bound():
        raise Http404("No such sitemap.")
    roots = site_roots(Site.find_for_request(request))
    elements = section_urls(listed_pages(roots), roots, number)
    # Past the last section there is nothing to list (the first one is there, even empty):
    # asking that costs no count of every listed page (a quarter of a second at 100,000
    # articles).
    if not elements and number > 1:
        raise Http404("No such sitemap.")
    response = HttpResponse(sitemap_xml(elements), content_type="application/xml; charset=utf-8")
    # A job posting closing at midnight leaves the sitemap: the cached one lasts no longer.
    return set_expires(response, JobPostingPage.objects.open().next_expiry())


@require_safe
@cacheable
def llms_txt(request):
    """llms.txt: the site in Markdown for language models (seo/llms.py)."""
    return HttpResponse(llms_text(request), content_type="text/markdown; charset=utf-8")
