"""The news categories, in the order the news center lists them."""

from pressroom.demo.data import Section, in_each_language, slug, text

FIELDS = {"slug": slug, **in_each_language(name=text)}


def load_categories(demo, records) -> int:
    from pressroom.news.models import NewsCategory

    for order, item in enumerate(records):
        NewsCategory.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "name": item["zh"]["name"],
                "name_en": item["en"]["name"],
                "sort_order": order,
            },
        )
    return 0


SECTION = Section("categories", "categories.toml", FIELDS, load=load_categories, many="category")
