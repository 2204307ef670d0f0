"""The demo company in English: every page and article translated, with the same dates."""

from wagtail.models import Page

from pressroom.demo import content
from pressroom.i18n.tree import other_locales, translate_page, translate_site_tree


def _backdate(page, published, updated) -> None:
    """Give a translation its original's publish times (first published, last updated)."""
    Page.objects.filter(pk=page.pk).update(first_published_at=published, last_published_at=updated)
    revision = page.live_revision
    if revision is not None:
        type(revision).objects.filter(pk=revision.pk).update(created_at=updated)


def translate_pages(home, locale, stream_data, images) -> int:
    from pressroom.contact.models import ContactPage
    from pressroom.pages.models import StandardPage

    created = 0
    for item in content.PAGES:
        source = StandardPage.objects.child_of(home).filter(slug=item["slug"]).first()
        if source is None:
            continue
        page, new = translate_page(
            source,
            locale,
            title=item["title_en"],
            summary=item["summary_en"],
            body=stream_data(item["body_en"], images),
        )
        created += new
    contact = ContactPage.objects.child_of(home).first()
    if contact is not None:
        translation = contact.get_translation_or_none(locale)
        if translation is not None and not translation.specific.intro:
            translation = translation.specific
            translation.title = translation.draft_title = content.CONTACT["title_en"]
            translation.intro = content.CONTACT["intro_en"]
            translation.save_revision().publish()
    return created


def translate_articles(news_index, locale, stream_data, images, local_time) -> int:
    from pressroom.news.models import NewsArticlePage

    created = 0
    by_slug = {a.slug: a for a in NewsArticlePage.objects.child_of(news_index)}
    for item in sorted(content.ARTICLES, key=lambda a: a["published"]):
        source = by_slug.get(item["slug"])
        if source is None:
            continue
        page, new = translate_page(
            source,
            locale,
            title=item["title_en"],
            summary=item["summary_en"],
            author=item["author_en"],
            source_name=item["source_name_en"],
            body=stream_data(item["body_en"], images),
            tags=item["tags_en"],
        )
        if new:
            _backdate(page, local_time(item["published"]), local_time(item["updated"]))
            created += 1
    return created


def translate_home(home, locale) -> None:
    translation = home.get_translation(locale).specific
    if not translation.intro:
        translation.headline = content.COMPANY["name_en"]
        translation.intro = (
            getattr(content, "HOME", {}).get("intro_en")
            or f"<p>{content.PAGES[0]['summary_en']}</p>"
        )
        translation.save_revision().publish()


def load_translations(home, news_index, stream_data, images, local_time) -> int:
    """Translate the demo into every other language; returns how many pages were created."""
    translate_site_tree(home)
    created = 0
    for locale in other_locales():
        translate_home(home, locale)
        created += translate_pages(home, locale, stream_data, images)
        created += translate_articles(news_index, locale, stream_data, images, local_time)
    return created
