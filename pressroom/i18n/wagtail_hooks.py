from django.conf import settings
from django.http import Http404
from django.urls import path
from wagtail import hooks
from wagtail.models import Page

from pressroom.i18n.admin_views import CheckedSubmitPageTranslationView
from pressroom.i18n.versions import page_language_matches

CASCADED_ACTIONS = {"unpublish", "delete", "move"}


@hooks.register("before_serve_page")
def refuse_page_in_other_language(page, request, serve_args, serve_kwargs):
    """An English URL never shows a Chinese page (nor the reverse): it is a 404.

    Wagtail routes /en/... through the Chinese tree while no English home is live; without
    this a visitor (and a crawler) would get Chinese content at English addresses.
    """
    if not page_language_matches(page):
        raise Http404


@hooks.register("construct_translated_pages_to_cascade_actions")
def follow_the_original(pages, action):
    """Unpublishing, deleting or moving a Chinese page does the same to its translations.

    Only the original (default-language) page leads: taking an English translation offline
    leaves the Chinese page alone. The admin says so in its confirmation.
    """
    if action not in CASCADED_ACTIONS:
        return {}
    return {
        page: Page.objects.translation_of(page, inclusive=False)
        for page in pages
        if page.locale.language_code == settings.LANGUAGE_CODE
    }


@hooks.register("register_admin_urls")
def checked_translation_view():
    """Takes over simple_translation's page address (this app's hooks run first)."""
    return [
        path(
            "translation/submit/page/<int:page_id>/",
            CheckedSubmitPageTranslationView.as_view(),
            name="pressroom_submit_page_translation",
        )
    ]
