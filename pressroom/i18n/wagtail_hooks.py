from django.http import Http404
from wagtail import hooks

from pressroom.i18n.versions import page_language_matches


@hooks.register("before_serve_page")
def refuse_page_in_other_language(page, request, serve_args, serve_kwargs):
    """An English URL never shows a Chinese page (nor the reverse): it is a 404.

    Wagtail routes /en/... through the Chinese tree while no English home is live; without
    this a visitor (and a crawler) would get Chinese content at English addresses.
    """
    if not page_language_matches(page):
        raise Http404
