"""The about pages under the home page, in the order of the main menu (before the news center),
and the pages below them (发展历程, 企业文化 under 关于我们: in its section menu only)."""

from wagtail.models import Page

from pressroom.demo.data import Section, body, in_each_language, optional, slug, text
from pressroom.demo.publish import publish_child, stream_data
from pressroom.i18n.tree import translate_page

FIELDS = {
    "slug": slug,
    "parent": optional(slug, ""),
    **in_each_language(title=text, summary=text, body=body),
}


def check_parents(records, sections) -> None:
    """A parent is a page without a parent, written before its children."""
    top = set()
    for item in records:
        if not item["parent"]:
            top.add(item["slug"])
        elif item["parent"] not in top:
            raise item.error("parent", f"{item['parent']!r} is no top-level page written above")


def parent_of(demo, item):
    """The page ``item`` goes under (in the original language): the home page, or one of the
    pages under it."""
    if not item["parent"]:
        return demo.home
    return Page.objects.child_of(demo.home).get(slug=item["parent"])


def load_pages(demo, records) -> int:
    from pressroom.news.models import NewsIndexPage
    from pressroom.pages.models import StandardPage

    created = 0
    for item in records:
        parent = parent_of(demo, item)
        if Page.objects.child_of(parent).filter(slug=item["slug"]).exists():
            continue
        texts = item["zh"]
        page = StandardPage(
            title=texts["title"],
            slug=item["slug"],
            summary=texts["summary"],
            body=stream_data(texts["body"], demo.pictures),
            show_in_menus=not item["parent"],
        )
        publish_child(parent, page)
        created += 1
        # About pages come before the news center in the menu, in their written order.
        news_index = NewsIndexPage.objects.child_of(demo.home).first()
        if news_index is not None and not item["parent"]:
            page.move(news_index, pos="left")
    return created


def translate_pages(demo, records, locale, language) -> int:
    from pressroom.pages.models import StandardPage

    created = 0
    for item in records:
        parent = parent_of(demo, item)
        source = StandardPage.objects.child_of(parent).filter(slug=item["slug"]).first()
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
    "pages",
    "pages.toml",
    FIELDS,
    load=load_pages,
    translate=translate_pages,
    many="page",
    check=check_parents,
)
