"""The news articles, one file each, published on their written dates in both languages."""

from pressroom.demo.data import (
    Section,
    body,
    in_each_language,
    list_of,
    local_datetime,
    optional,
    picture,
    slug,
    text,
    url,
)
from pressroom.demo.publish import backdate, publish_child, stream_data
from pressroom.i18n.tree import translate_page

FIELDS = {
    "slug": slug,
    "category": slug,  # a slug of categories.toml
    "published": local_datetime,
    "updated": local_datetime,  # the update time (更新时间) readers see
    "cover_image": picture,
    "source_url": optional(url, ""),
    **in_each_language(
        title=text,
        summary=text,
        author=text,
        source_name=optional(text, ""),  # the publication it comes from (来源); none: ours
        tags=optional(list_of(text), []),
        body=body,
    ),
}


def check_articles(records, sections) -> None:
    categories = [item["slug"] for item in sections["categories"]]
    for item in records:
        if item["category"] not in categories:
            raise item.error(
                "category",
                f"{item['category']!r} is not a category of categories.toml "
                f"({', '.join(categories)})",
            )
        if item["updated"] < item["published"]:
            raise item.error("updated", "is before published")


def in_date_order(records):
    return sorted(records, key=lambda item: item["published"])


def load_articles(demo, records) -> int:
    from pressroom.news.models import NewsArticlePage, NewsCategory, NewsIndexPage

    news_index = NewsIndexPage.objects.child_of(demo.home).first()
    categories = {category.slug: category for category in NewsCategory.objects.all()}
    existing = set(NewsArticlePage.objects.child_of(news_index).values_list("slug", flat=True))
    created = 0
    for item in in_date_order(records):
        if item["slug"] in existing:
            continue
        texts = item["zh"]
        article = NewsArticlePage(
            title=texts["title"],
            slug=item["slug"],
            summary=texts["summary"],
            author=texts["author"],
            source_name=texts["source_name"],
            source_url=item["source_url"],
            category=categories[item["category"]],
            cover_image=demo.pictures[item["cover_image"]],
            body=stream_data(texts["body"], demo.pictures),
        )
        article.tags.add(*texts["tags"])
        publish_child(news_index, article, item["published"], item["updated"])
        created += 1
    return created


def translate_articles(demo, records, locale, language) -> int:
    from pressroom.news.models import NewsArticlePage, NewsIndexPage

    news_index = NewsIndexPage.objects.child_of(demo.home).first()
    by_slug = {a.slug: a for a in NewsArticlePage.objects.child_of(news_index)}
    created = 0
    for item in in_date_order(records):
        source = by_slug.get(item["slug"])
        if source is None:
            continue
        texts = item[language]
        page, new = translate_page(
            source,
            locale,
            title=texts["title"],
            summary=texts["summary"],
            author=texts["author"],
            source_name=texts["source_name"],
            body=stream_data(texts["body"], demo.pictures),
            tags=texts["tags"],
        )
        if new:
            backdate(page, item["published"], item["updated"])
            created += 1
    return created


SECTION = Section(
    "news",
    "news/",
    FIELDS,
    load=load_articles,
    translate=translate_articles,
    check=check_articles,
)
