"""发布前检查: a checklist at the top of a page's SEO tab, of what makes the page found and
shared well, as last saved.

- the title fits a search result (about 30 Chinese characters, 60 Latin ones);
- a description for search results (the SEO description, else the page's summary);
- a picture for link previews (the page's cover or main picture; else the company logo);
- every picture in the body has alternative text or a caption;
- the page has a live translation, not older than its original.

A Wagtail panel (``wagtail.admin.panels.Panel``); each page type gets it through
``BasePage.promote_panels``. It reads the saved page, so the editor sees what visitors get.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import Panel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

# What a search result shows of a title before cutting it (Baidu and Bing alike).
TITLE_WIDTH = 60  # a Chinese character counts two


@dataclass
class Check:
    ok: bool
    text: str


def title_width(title: str) -> int:
    return sum(1 if ord(char) < 0x2E80 else 2 for char in title)


def body_pictures_without_text(page) -> list[str]:
    """The captions-or-titles of body pictures that have neither alternative text nor a
    caption (a visitor who cannot see them learns nothing)."""
    body = getattr(page, "body", None)
    if body is None:
        return []
    missing = []
    for block in body:
        if block.block_type != "image" or block.value.get("image") is None:
            continue
        if not (block.value.get("alt_text") or block.value.get("caption")):
            missing.append(block.value["image"].title)
    return missing


def changed_at(page):
    return page.latest_revision_created_at or page.last_published_at


def behind_its_original(page) -> bool:
    """True for a translation whose original (the default language's page) has a newer
    revision: the original changed after the translation was last saved. One query, none
    for the default language's own pages' locale (the admin's lists ask for every row)."""
    mine = changed_at(page)
    if mine is None:
        return False
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return (
        Page.objects.filter(translation_key=page.translation_key, locale__language_code=default)
        .exclude(pk=page.pk)
        .filter(latest_revision_created_at__gt=mine)
        .exists()
    )


def translation_check(page) -> Check:
    default = Locale.get_default()
    if page.locale_id == default.pk:
        translations = list(page.get_translations().live())
        if not translations:
            return Check(False, _("No live English version yet."))
        mine = changed_at(page)
        behind = [t for t in translations if mine and changed_at(t) and changed_at(t) < mine]
        if behind:
            return Check(False, _("The English version is older than this page: update it."))
        return Check(True, _("The English version is up to date."))
    if not page.get_translations().filter(locale=default).exists():
        return Check(True, _("A page of this language only."))
    if behind_its_original(page):
        return Check(False, _("The Chinese original changed after this translation: update it."))
    return Check(True, _("Up to date with the Chinese original."))


def checks_for(page) -> list[Check]:
    checks = []
    width = title_width(page.seo_title or page.title)
    checks.append(
        Check(True, _("The title fits a search result."))
        if width <= TITLE_WIDTH
        else Check(
            False,
            _("The title is long for a search result: about 30 Chinese characters show."),
        )
    )
    description = page.search_description or getattr(page, "summary", "")
    checks.append(
        Check(True, _("A description for search results."))
        if description
        else Check(False, _("No description: write a summary or a meta description."))
    )
    picture_field = getattr(type(page), "listing_image_field", None)
    if picture_field is not None:
        checks.append(
            Check(True, _("A picture for link previews."))
            if getattr(page, picture_field, None) is not None
            else Check(False, _("No picture: link previews show the company logo."))
        )
    missing = body_pictures_without_text(page)
    if missing:
        text = ngettext(
            "%(count)d picture in the body has no alternative text or caption: %(names)s",
            "%(count)d pictures in the body have no alternative text or caption: %(names)s",
            len(missing),
        ) % {"count": len(missing), "names": "、".join(missing)}
        checks.append(Check(False, text))
    else:
        checks.append(Check(True, _("Every picture in the body is described.")))
    checks.append(translation_check(page))
    return checks


class ChecklistPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Checklist"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/checklist_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["checks"] = checks_for(page.specific) if page.pk else None
            return context
