"""Loads the demo company from its data files into a site; a second run changes nothing."""

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from wagtail.models import Page, Site

from pressroom.demo import data as demo_data
from pressroom.demo.data import LANGUAGES, ORIGINAL, Record
from pressroom.demo.pictures import ensure_images
from pressroom.demo.sections import SECTIONS
from pressroom.i18n.tree import other_locales
from pressroom.pages.setup import create_site_tree, translate_site_tree


@dataclass(frozen=True)
class Demo:
    """What each section's functions work on: the default site, its home page, the pictures."""

    site: Site
    home: Page
    pictures: dict


def read_demo(root: Path | None = None) -> dict[str, list[Record]]:
    """Every section's checked data, by section name; raises DemoDataError on a mistake.

    ``root`` is the folder of data files, ``pressroom/demo/data/`` unless given.
    """
    root = root or demo_data.DATA_DIR
    sections = {section.name: section.read(root) for section in SECTIONS}
    for section in SECTIONS:
        if section.check is not None:
            section.check(sections[section.name], sections)
    return sections


@transaction.atomic
def load_demo(root: Path | None = None) -> dict:
    """Fill the default site with the demo company; returns what was created.

    Every file is read and checked before anything is written. The sections load in their
    order in the original language, then each is translated into the other languages.
    """
    data = read_demo(root)
    home = create_site_tree()
    demo = Demo(Site.objects.get(is_default_site=True), home, ensure_images())
    created = {section.name: section.load(demo, data[section.name]) for section in SECTIONS}
    translate_site_tree(home)
    translated = 0
    languages = {code: name for name, code in LANGUAGES.items() if name != ORIGINAL}
    for locale in other_locales():
        language = languages.get(locale.language_code)
        if language is None:  # a language the demo is not written in
            continue
        for section in SECTIONS:
            if section.translate is not None:
                translated += section.translate(demo, data[section.name], locale, language)
    return {"articles": created["news"], "translations": translated}
