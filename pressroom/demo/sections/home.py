"""The home page's headline and introduction, in each language."""

from pressroom.demo.data import Section, in_each_language, text

FIELDS = in_each_language(headline=text, intro=text)


def _fill(page, texts) -> None:
    if not page.intro:
        page.headline, page.intro = texts["headline"], texts["intro"]
        page.save_revision().publish()


def load_home(demo, records) -> int:
    _fill(demo.home, records[0]["zh"])
    return 0


def translate_home(demo, records, locale, language) -> int:
    _fill(demo.home.get_translation(locale).specific, records[0][language])
    return 0


SECTION = Section("home", "home.toml", FIELDS, load=load_home, translate=translate_home)
