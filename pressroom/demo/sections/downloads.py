"""The downloads center (资料下载, in the main menu after the cases): categories of small PDFs
the demo writes itself, one of them for signed-in visitors only."""

from pressroom.demo.data import Section, in_each_language, list_of, optional, slug, table, text
from pressroom.demo.documents import ensure_pdf
from pressroom.demo.publish import publish_child
from pressroom.i18n.tree import translate_page


def flag(value) -> bool:
    if not isinstance(value, bool):
        from pressroom.demo.data import Invalid

        raise Invalid(f"must be true or false, not {value!r}")
    return value


FILE = table({"name": slug, "text": text, "private": optional(flag, False), "zh": text, "en": text})
FIELDS = {
    "downloads": table(in_each_language(title=text, intro=text)),
    "category": list_of(table({"zh": text, "en": text, "files": list_of(FILE, at_least=1)})),
}


def categories(data, language: str) -> list[dict]:
    """The page's categories in ``language``; the documents are the Chinese-titled ones."""
    return [
        {
            "type": "category",
            "value": {
                "heading": category[language],
                "files": [
                    {
                        "document": ensure_pdf(
                            f["name"], f["zh"], f["text"], private=f["private"]
                        ).pk,
                        "title": f[language] if language != "zh" else "",
                        "description": "",
                    }
                    for f in category["files"]
                ],
            },
        }
        for category in data["category"]
    ]


def load_downloads(demo, records) -> int:
    from pressroom.downloads.models import DownloadsPage
    from pressroom.showcase.models import CaseIndexPage

    data = records[0]
    if DownloadsPage.objects.child_of(demo.home).exists():
        return 0
    texts = data["downloads"]["zh"]
    page = DownloadsPage(
        title=texts["title"],
        slug="downloads",
        intro=texts["intro"],
        categories=categories(data, "zh"),
        show_in_menus=True,
    )
    publish_child(demo.home, page)
    cases = CaseIndexPage.objects.child_of(demo.home).first()
    if cases is not None:  # in the main menu right after the cases
        page.move(cases, pos="right")
    return 1


def translate_downloads(demo, records, locale, language) -> int:
    from pressroom.downloads.models import DownloadsPage

    data = records[0]
    page = DownloadsPage.objects.child_of(demo.home).first()
    if page is None:
        return 0
    texts = data["downloads"][language]
    _page, created = translate_page(
        page,
        locale,
        title=texts["title"],
        intro=texts["intro"],
        categories=categories(data, language),
    )
    return created


SECTION = Section(
    "downloads", "downloads.toml", FIELDS, load=load_downloads, translate=translate_downloads
)
