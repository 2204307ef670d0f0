import pytest
from wagtail.models import Locale, Site

from pressroom.news.models import NewsArticlePage
from tests.factories import make_article


def translate(page, language_code="en", publish=True, **fields):
    """The English copy of ``page`` (as a translator would make it), published by default."""
    copy = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    if publish:
        copy.save_revision().publish()
    Site.clear_site_root_paths_cache()
    return copy.specific_class.objects.get(pk=copy.pk)


@pytest.fixture
def english(home, news_index, contact_page, sitemap_page):
    """The English tree: home, news center, contact and sitemap pages under /en/."""
    en_home = translate(home, title="Home")
    return {
        "home": en_home,
        "news": translate(news_index, title="News"),
        "contact": translate(contact_page, title="Contact us"),
        "sitemap": translate(sitemap_page, title="Sitemap"),
    }


@pytest.fixture
def bilingual_article(english, news_index):
    """An article published in Chinese and in English."""
    article = make_article(news_index, title="双语新闻", slug="bilingual")
    en = translate(article, title="Bilingual news", summary="In English.")
    return NewsArticlePage.objects.get(pk=article.pk), en
