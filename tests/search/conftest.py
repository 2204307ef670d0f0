"""The search corpus: the demo's Chinese articles and English articles made from their *_en text."""

import os
from pathlib import Path

import pytest
from django.db import connection, transaction
from wagtail.models import Locale

from pressroom.demo.loader import load_demo, read_demo
from pressroom.demo.publish import stream_data
from pressroom.news.models import NewsArticlePage, NewsIndexPage
from pressroom.pages.models import HomePage
from tests.factories import publish


def pytest_collection_modifyitems(config, items):
    """The PostgreSQL run (PRESSROOM_TEST_POSTGRES set) skips when that server is down."""
    wanted = os.environ.get("PRESSROOM_TEST_POSTGRES")
    if not wanted:
        return
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        skip = pytest.mark.skip(reason=f"PostgreSQL at {wanted} is not reachable")
        here = Path(__file__).parent
        for item in items:
            if here in Path(item.path).parents:
                item.add_marker(skip)


def english_tree(home):
    """An English home page and news center, as translations of the Chinese ones."""
    en = Locale.objects.get(language_code="en")
    home_en = HomePage.objects.filter(locale=en, depth=2).first()
    if home_en is None:
        home_en = home.copy_for_translation(en)
        home_en.save_revision().publish()
    news = NewsIndexPage.objects.child_of(home).get()
    news_en = NewsIndexPage.objects.filter(locale=en).first()
    if news_en is None:
        news_en = news.copy_for_translation(en)
        news_en.save_revision().publish()
    return home_en, news_en


def load_english_articles(news_en) -> None:
    for item in read_demo()["news"]:
        english = item["en"]
        article = NewsArticlePage(
            title=english["title"],
            slug=item["slug"],
            summary=english["summary"],
            author=english["author"],
            body=stream_data([b for b in english["body"] if b[0] != "image"], {}),
            locale=news_en.locale,
        )
        publish(news_en, article, item["published"])


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """Demo articles in Chinese (via the demo loader) and English, kept for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        home = HomePage.objects.get(depth=2, locale__language_code="zh-hans")
        _home_en, news_en = english_tree(home)
        # The demo translates its articles itself; a Chinese-only demo gets them here.
        if not NewsArticlePage.objects.filter(locale=news_en.locale).exists():
            load_english_articles(news_en)
        yield {"vendor": connection.vendor}
        transaction.set_rollback(True)
