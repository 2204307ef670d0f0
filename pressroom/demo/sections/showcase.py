"""Cases (工程案例, in the main menu after the products) and honours (资质荣誉, under the
first about page), in each language."""

import datetime

from pressroom.demo.data import (
    Invalid,
    Section,
    in_each_language,
    list_of,
    optional,
    slug,
    table,
    text,
)
from pressroom.demo.pictures import ensure_certificate_drawing, ensure_site_drawing
from pressroom.demo.publish import publish_child
from pressroom.i18n.tree import translate_page


def year(value) -> int:
    if not isinstance(value, int) or not 1950 <= value <= 2100:
        raise Invalid(f"must be a year, not {value!r}")
    return value


def day(value) -> datetime.date:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise Invalid(f"must be a date (YYYY-MM-DD), not {value!r}")
    return value


def site(value) -> int:
    if value not in range(6):
        raise Invalid(f"must be 0 to 5, not {value!r}")
    return value


CASE_TEXTS = dict(title=text, client=text, place=text, summary=text, body=text)
FIELDS = {
    "cases": table(in_each_language(title=text, intro=text)),
    "honours": table(in_each_language(title=text, intro=text)),
    "case": list_of(
        table(
            {
                "slug": slug,
                "site": site,
                "year": year,
                "products": list_of(slug),
                **in_each_language(**CASE_TEXTS),
            }
        ),
        at_least=1,
    ),
    "honour": list_of(
        table(
            {
                "year": optional(year, None),
                "number": optional(text, ""),
                "valid_until": optional(day, None),
                **in_each_language(title=text, issuer=text),
            }
        ),
        at_least=1,
    ),
}


def check_showcase(records, sections) -> None:
    data = records[0]
    known = {product["slug"] for product in sections["products"][0]["product"]}
    for case in data["case"]:
        for name in case["products"]:
            if name not in known:
                raise data.error("case.products", f"{name!r} is no product's slug")


def case_fields(item, texts) -> dict:
    return {
        "title": texts["title"],
        "client": texts["client"],
        "place": texts["place"],
        "summary": texts["summary"],
        "body": [{"type": "paragraph", "value": texts["body"]}],
    }


def honours(data, language: str) -> list:
    from pressroom.showcase.models import Honour

    return [
        Honour(
            sort_order=n,
            image=ensure_certificate_drawing(n, f"{item['zh']['title']}（示意图）"),
            title=item[language]["title"],
            issuer=item[language]["issuer"],
            number=item["number"],
            year=item["year"],
            valid_until=item["valid_until"],
        )
        for n, item in enumerate(data["honour"])
    ]


def load_showcase(demo, records) -> int:
    from pressroom.pages.models import StandardPage
    from pressroom.products.models import ProductIndexPage, ProductPage
    from pressroom.showcase.models import CaseIndexPage, CasePage, HonourIndexPage

    data = records[0]
    created = 0
    cases = CaseIndexPage.objects.child_of(demo.home).first()
    if cases is None:
        texts = data["cases"]["zh"]
        cases = CaseIndexPage(
            title=texts["title"], slug="cases", intro=texts["intro"], show_in_menus=True
        )
        publish_child(demo.home, cases)
        created += 1
        products = ProductIndexPage.objects.child_of(demo.home).first()
        if products is not None:  # in the main menu right after the products
            cases.move(products, pos="right")
            cases = CaseIndexPage.objects.get(pk=cases.pk)
    products = {page.slug: page for page in ProductPage.objects.filter(locale=demo.home.locale)}
    for item in data["case"]:
        if CasePage.objects.child_of(cases).filter(slug=item["slug"]).exists():
            continue
        texts = item["zh"]
        page = CasePage(
            slug=item["slug"],
            year=item["year"],
            main_image=ensure_site_drawing(item["site"], f"{texts['title']}（示意图）"),
            products=[
                {"type": "product", "value": products[name].pk}
                for name in item["products"]
                if name in products
            ],
            **case_fields(item, texts),
        )
        publish_child(cases, page)
        created += 1
    about = StandardPage.objects.child_of(demo.home).order_by("path").first()
    parent = about or demo.home
    if not HonourIndexPage.objects.child_of(parent).exists():
        texts = data["honours"]["zh"]
        page = HonourIndexPage(
            title=texts["title"], slug="honours", intro=texts["intro"], show_in_menus=True
        )
        page.honours = honours(data, "zh")
        publish_child(parent, page)
        created += 1
    return created


def translate_showcase(demo, records, locale, language) -> int:
    from pressroom.showcase.models import CaseIndexPage, CasePage, HonourIndexPage

    data = records[0]
    created = 0
    cases = CaseIndexPage.objects.child_of(demo.home).first()
    if cases is not None:
        texts = data["cases"][language]
        _page, created = translate_page(cases, locale, title=texts["title"], intro=texts["intro"])
        below = {page.slug: page for page in CasePage.objects.child_of(cases)}
        for item in data["case"]:
            source = below.get(item["slug"])
            if source is not None:
                fields = case_fields(item, item[language])
                _page, new = translate_page(source, locale, **fields)
                created += new
    honours_page = HonourIndexPage.objects.descendant_of(demo.home).first()
    if honours_page is not None and honours_page.get_parent().get_translation_or_none(locale):
        texts = data["honours"][language]
        page, new = translate_page(honours_page, locale, title=texts["title"], intro=texts["intro"])
        if new:
            page.honours = honours(data, language)
            page.save_revision().publish()
        created += new
    return created


SECTION = Section(
    "showcase",
    "showcase.toml",
    FIELDS,
    load=load_showcase,
    translate=translate_showcase,
    check=check_showcase,
)
