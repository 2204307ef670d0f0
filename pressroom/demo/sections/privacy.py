"""The privacy page's title and introduction (the page itself comes with `pressroom init`;
what it lists is worked out from what is turned on)."""

from pressroom.demo.data import Section, in_each_language, text

FIELDS = in_each_language(title=text, intro=text)


def _fill(page, texts) -> None:
    if not page.intro:
        page.title = page.draft_title = texts["title"]
        page.intro = texts["intro"]
        page.save_revision().publish()


def load_privacy(demo, records) -> int:
    from pressroom.pages.models import PrivacyPage

    page = PrivacyPage.objects.child_of(demo.home).first()
    if page is not None:
        _fill(page, records[0]["zh"])
    return 0


def translate_privacy(demo, records, locale, language) -> int:
    from pressroom.pages.models import PrivacyPage

    page = PrivacyPage.objects.child_of(demo.home).first()
    translation = page.get_translation_or_none(locale) if page is not None else None
    if translation is not None:
        _fill(translation.specific, records[0][language])
    return 0


SECTION = Section("privacy", "privacy.toml", FIELDS, load=load_privacy, translate=translate_privacy)
