"""`--language auto`: each item goes to the Chinese or the English tree by its text."""

import pytest

from pressroom.importers.language import detect_language
from pressroom.news.models import NewsArticlePage, NewsIndexPage
from pressroom.pages.setup import translate_site_tree
from tests.importers.conftest import WXR, run_import


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("青岚新厂区正式投产，年产阀门十二万台。", "zh-hans"),
        ("青岚 DN300 蝶阀通过 API 609 认证，出口 Europe 市场。", "zh-hans"),
        ("Qinglan valves now certified to API 609", "en"),
        ("Our general manager 林晓岚 visited the Hannover fair this spring.", "en"),
        ("2024-03-05 12:00", None),
        ("", None),
    ],
)
def test_chinese_or_english_by_the_share_of_chinese_characters(text, language):
    assert detect_language(text) == language


@pytest.mark.django_db
def test_auto_puts_each_article_in_its_languages_news_center(home, uploads):
    english_home = translate_site_tree(home)[0]
    run_import("wordpress", WXR, "--media", uploads, "--language", "auto")
    english = NewsArticlePage.objects.get(title="Qinglan valves now certified to API 609")
    assert english.locale.language_code == "en"
    assert english.get_parent().pk == NewsIndexPage.objects.child_of(english_home).get().pk
    chinese = NewsArticlePage.objects.get(title="青岚新厂区正式投产")
    assert chinese.locale.language_code == "zh-hans"
    assert chinese.get_parent().get_parent().pk == home.pk


@pytest.mark.django_db
def test_auto_without_an_english_tree_keeps_the_default_and_says_so(home, uploads):
    report = run_import("wordpress", WXR, "--media", uploads, "--language", "auto")
    english = NewsArticlePage.objects.get(title="Qinglan valves now certified to API 609")
    assert english.locale.language_code == "zh-hans"
    assert "but the site has no home page in en" in report
