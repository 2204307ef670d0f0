"""The product center: two levels of categories and the products in them, in each language."""

from wagtail.models import Page

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
from pressroom.demo.pictures import ensure_product_drawing
from pressroom.demo.publish import publish_child
from pressroom.i18n.tree import translate_page

DRAWINGS = ("pump", "metering", "valve", "butterfly")


def drawing(value) -> str:
    if value not in DRAWINGS:
        raise Invalid(f"must be one of {', '.join(DRAWINGS)}, not {value!r}")
    return value


def spec_row(value) -> dict:
    """``"name | value | unit"``, the unit (and value) may be left out."""
    parts = [part.strip() for part in text(value).split("|")]
    if len(parts) > 3 or not parts[0]:
        raise Invalid(f"must be 'name | value | unit', not {value!r}")
    parts += [""] * (3 - len(parts))
    return {"name": parts[0], "value": parts[1], "unit": parts[2]}


CATEGORY = table(
    {
        "slug": slug,
        "parent": optional(slug, ""),
        "spec_defaults": optional(text, ""),
        **in_each_language(title=text, intro=text),
    }
)
PRODUCT = table(
    {
        "slug": slug,
        "category": slug,
        "model": text,
        "drawing": drawing,
        **in_each_language(title=text, summary=text, body=text, specs=list_of(spec_row)),
    }
)
FIELDS = {
    "center": table(in_each_language(title=text, intro=text)),
    "category": list_of(CATEGORY, at_least=1),
    "product": list_of(PRODUCT, at_least=1),
}


def check_products(records, sections) -> None:
    data = records[0]
    known = {category["slug"] for category in data["category"]}
    for category in data["category"]:
        if category["parent"] and category["parent"] not in known:
            raise data.error("category.parent", f"{category['parent']!r} is no category's slug")
    for product in data["product"]:
        if product["category"] not in known:
            raise data.error("product.category", f"{product['category']!r} is no category's slug")


def specs(rows) -> list[dict]:
    return [{"type": "row", "value": row} for row in rows]


def product_fields(item, texts) -> dict:
    return {
        "title": texts["title"],
        "summary": texts["summary"],
        "body": [{"type": "paragraph", "value": texts["body"]}],
        "specs": specs(texts["specs"]),
    }


def load_products(demo, records) -> int:
    from pressroom.news.models import NewsIndexPage
    from pressroom.products.models import ProductCategoryPage, ProductIndexPage, ProductPage

    data = records[0]
    center = ProductIndexPage.objects.child_of(demo.home).first()
    created = 0
    if center is None:
        texts = data["center"]["zh"]
        center = ProductIndexPage(
            title=texts["title"], slug="products", intro=texts["intro"], show_in_menus=True
        )
        publish_child(demo.home, center)
        created += 1
        # In the main menu after the about pages, before the news center.
        news_index = NewsIndexPage.objects.child_of(demo.home).first()
        if news_index is not None:
            center.move(news_index, pos="left")
            center = ProductIndexPage.objects.get(pk=center.pk)  # its path changed
    pages = {}
    for item in data["category"]:
        parent = pages[item["parent"]] if item["parent"] else center
        page = ProductCategoryPage.objects.child_of(parent).filter(slug=item["slug"]).first()
        if page is None:
            texts = item["zh"]
            page = ProductCategoryPage(
                title=texts["title"],
                slug=item["slug"],
                intro=texts["intro"],
                spec_defaults=item["spec_defaults"],
            )
            publish_child(parent, page)
            created += 1
        pages[item["slug"]] = page
    for item in data["product"]:
        category = pages[item["category"]]
        if ProductPage.objects.child_of(category).filter(slug=item["slug"]).exists():
            continue
        texts = item["zh"]
        page = ProductPage(
            slug=item["slug"],
            model_number=item["model"],
            main_image=ensure_product_drawing(item["drawing"], item["model"], texts["title"]),
            **product_fields(item, texts),
        )
        publish_child(category, page)
        created += 1
    return created


def translate_products(demo, records, locale, language) -> int:
    from pressroom.products.models import ProductCategoryPage, ProductIndexPage, ProductPage

    data = records[0]
    center = ProductIndexPage.objects.child_of(demo.home).first()
    if center is None:
        return 0
    texts = data["center"][language]
    _page, created = translate_page(center, locale, title=texts["title"], intro=texts["intro"])
    below = {page.slug: page for page in Page.objects.descendant_of(center).specific()}
    for item in data["category"]:
        source = below.get(item["slug"])
        if isinstance(source, ProductCategoryPage):
            texts = item[language]
            _page, new = translate_page(source, locale, title=texts["title"], intro=texts["intro"])
            created += new
    for item in data["product"]:
        source = below.get(item["slug"])
        if isinstance(source, ProductPage):
            _page, new = translate_page(source, locale, **product_fields(item, item[language]))
            created += new
    return created


SECTION = Section(
    "products",
    "products.toml",
    FIELDS,
    load=load_products,
    translate=translate_products,
    check=check_products,
)
