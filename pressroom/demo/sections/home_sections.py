"""The home page's banners and sections, in each language (after the pages they lead to)."""

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
    url,
)
from pressroom.demo.pictures import SCENES, ensure_logo, scene_picture

HEADINGS = ("about", "products", "cases", "honours", "figures", "news", "partners", "links")
ABOUT_PICTURE = "factory"


def scene(value) -> str:
    if value not in SCENES:
        raise Invalid(f"must be one of {', '.join(SCENES)}, not {value!r}")
    return value


FIELDS = {
    **in_each_language(about_caption=text, **{f"{name}_heading": text for name in HEADINGS}),
    "banner": list_of(
        table(
            {
                "scene": scene,
                "link": optional(slug, ""),
                **in_each_language(title=text, text=text, button=optional(text, "")),
            }
        ),
        at_least=1,
    ),
    "figure": list_of(
        table({"value": text, **in_each_language(unit=optional(text, ""), label=text)}),
        at_least=1,
    ),
    "partner": list_of(table(in_each_language(name=text)), at_least=1),
    "link": list_of(table({"url": url, **in_each_language(name=text)}), at_least=1),
}


def check_links(records, sections) -> None:
    data = records[0]
    known = {"products", "contact", *(i["slug"] for i in sections["pages"] if not i["parent"])}
    for banner in data["banner"]:
        if banner["link"] and banner["link"] not in known:
            raise data.error("banner.link", f"{banner['link']!r} is no page's slug")


def sections_data(data, language: str, home) -> list[dict]:
    """The sections' StreamField data: texts of ``language``, pages as the home's children."""
    from pressroom.news.models import NewsCategory
    from pressroom.products.models import ProductIndexPage
    from pressroom.showcase.models import CaseIndexPage, HonourIndexPage

    texts = data[language]
    blocks = [
        {
            "type": "about",
            "value": {
                "heading": texts["about_heading"],
                "text": "",  # the company introduction
                "image": scene_picture(ABOUT_PICTURE).pk,
                "caption": texts["about_caption"],
                "page": _child_pk(home, "about"),
            },
        },
        {
            "type": "numbers",
            "value": {
                "heading": texts["figures_heading"],
                "items": [
                    {
                        "value": row["value"],
                        "unit": row[language]["unit"],
                        "label": row[language]["label"],
                    }
                    for row in data["figure"]
                ],
            },
        },
    ]
    products = ProductIndexPage.objects.child_of(home).first()
    if products is not None:
        blocks.append(
            {
                "type": "products",
                "value": {
                    "heading": texts["products_heading"],
                    "page": products.pk,
                    "count": 8,
                    "show_categories": True,
                },
            }
        )
    cases = CaseIndexPage.objects.child_of(home).first()
    if cases is not None:
        blocks.append(
            {
                "type": "latest_pages",
                "value": {"heading": texts["cases_heading"], "page": cases.pk, "count": 4},
            }
        )
    honours = HonourIndexPage.objects.descendant_of(home).first()
    if honours is not None:
        blocks.append(
            {
                "type": "honours",
                "value": {"heading": texts["honours_heading"], "page": honours.pk, "count": 6},
            }
        )
    categories = list(NewsCategory.objects.order_by("pk").values_list("pk", flat=True)[:2])
    blocks += [
        {
            "type": "news",
            "value": {"heading": texts["news_heading"], "categories": categories, "count": 5},
        },
        {
            "type": "logos",
            "value": {
                "heading": texts["partners_heading"],
                "items": [
                    {
                        "image": ensure_logo(n, partner["zh"]["name"]).pk,
                        "name": partner[language]["name"],
                        "url": "",
                    }
                    for n, partner in enumerate(data["partner"], start=1)
                ],
            },
        },
        {
            "type": "links",
            "value": {
                "heading": texts["links_heading"],
                "items": [
                    {"name": link[language]["name"], "url": link["url"]} for link in data["link"]
                ],
            },
        },
    ]
    return blocks


def _child_pk(home, slug_: str) -> int | None:
    return Page.objects.child_of(home).filter(slug=slug_).values_list("pk", flat=True).first()


def _fill(home, data, language: str) -> None:
    from pressroom.pages.models import HomeBanner

    home.banners = [
        HomeBanner(
            sort_order=n,
            image=scene_picture(item["scene"]),
            title=item[language]["title"],
            text=item[language]["text"],
            link_page_id=_child_pk(home, item["link"]) if item["link"] else None,
            link_text=item[language]["button"],
        )
        for n, item in enumerate(data["banner"])
    ]
    home.sections = sections_data(data, language, home)
    home.save_revision().publish()


def _headings(page) -> list[str]:
    return [block.value.get("heading") for block in page.sections]


def load_home_sections(demo, records) -> int:
    home = demo.home.specific
    if not home.sections:
        _fill(home, records[0], "zh")
    return 0


def translate_home_sections(demo, records, locale, language) -> int:
    """The translated home's banners and sections, unless an editor has made them its own
    (a copy of the original's, in the original's language, is replaced)."""
    original = demo.home.specific
    home = original.get_translation(locale).specific
    if not home.sections or _headings(home) == _headings(original):
        _fill(home, records[0], language)
    return 0


SECTION = Section(
    "home_sections",
    "home-sections.toml",
    FIELDS,
    load=load_home_sections,
    translate=translate_home_sections,
    check=check_links,
)
