"""The contact page's title and introduction (the page itself comes with `pressroom init`)."""

from pressroom.demo.data import Section, in_each_language, text
from pressroom.demo.pictures import ensure_map

FIELDS = in_each_language(title=text, intro=text)


def _fill(page, texts) -> None:
    if not page.intro:
        page.title = page.draft_title = texts["title"]
        page.intro = texts["intro"]
        page.map_image = page.map_image or ensure_map()
        page.save_revision().publish()


def load_contact(demo, records) -> int:
    from pressroom.contact.models import ContactPage

    contact = ContactPage.objects.child_of(demo.home).first()
    if contact is not None:
        _fill(contact, records[0]["zh"])
    return 0


def translate_contact(demo, records, locale, language) -> int:
    from pressroom.contact.models import ContactPage

    contact = ContactPage.objects.child_of(demo.home).first()
    translation = contact.get_translation_or_none(locale) if contact is not None else None
    if translation is not None:
        _fill(translation.specific, records[0][language])
    return 0


SECTION = Section("contact", "contact.toml", FIELDS, load=load_contact, translate=translate_contact)
