"""The about pages under the home page, in the order of the main menu (before the news center)."""

from wagtail.models import Page

from pressroom.demo.data import Section, body, in_each_language, slug, text
from pressroom.demo.publish import publish_child, stream_data
from pressroom.i18n.tree import translate_page

FIELDS = {"slug": slug, **in_each_language(title=text, summary=text, body=body)}


def load_pages(demo, records) -> int:
    from pressroom.news.models import NewsIndexPage
    from pressroom.pages.models import StandardPage

    created = 0
    for item in records:
        if Page.objects.child_of(demo.home).filter(slug=item["slug"]).exists():
            continue
        texts = item["zh"]
        page = StandardPage(
            title=texts["title"],
            slug=item["slug"],
            summary=texts["summary"],
            body=stream_data(texts["body"], demo.pictures),
            show_in_menus=True,
        )
        publish_child(demo.home, page)
        created += 1
        # About pages come before the news center in the menu, in their written order.
        news_index = NewsIndexPage.objects.child_of(demo.home).first()
        if news_index is not None:
            page.move(news_index, pos="left")
    return created


def translate_pages(demo, records, locale, language) -> int:
    from pressroom.pages.models import StandardPage

    created = 0
    for item in records:
        source = StandardPage.objects.child_of(demo.home).filter(slug=item["slug"]).first()
        if source is None:
            continue
        texts = item[language]
        _page, new = translate_page(
            source,
            locale,
            title=texts["title"],
            summary=texts["summary"],
            body=stream_data(texts["body"], demo.pictures),
        )
        created += new
    return created


SECTION = Section(
    "pages", "pages.toml", FIELDS, load=load_pages, translate=translate_pages, many="page"
)
