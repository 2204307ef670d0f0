import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.test import Client

from pressroom.demo.seed_texts import seed_texts
from pressroom.news.models import NewsArticlePage, NewsIndexPage
from pressroom.pages.setup import translate_site_tree
from tests.factories import NewsCategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def en_news_index(home):
    """The English news center, as `pressroom init` makes it."""
    return NewsIndexPage.objects.child_of(translate_site_tree(home)[0]).get()


def seed(count: int) -> str:
    out = StringIO()
    call_command("seed", "--articles", str(count), stdout=out)
    return out.getvalue()


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def card_titles(path: str) -> list[str]:
    return [h.get_text(strip=True) for h in soup(Client().get(path)).select(".card__title")]


def test_visitors_see_the_seeded_articles_in_each_language(company, news_index, en_news_index):
    Client().get("/news/")  # cached before the seed
    Client().get("/en/news/")
    assert seed(25) == "Added 25 articles in 2 languages (zh-hans, en).\n"
    assert NewsArticlePage.objects.published().count() == 50
    chinese = {n: seed_texts(n)[0].title for n in range(1, 26)}
    english = {n: seed_texts(n)[1].title for n in range(1, 26)}
    # Newest first, ten a page: article 1 opens the list, 25 is on page 3, in each language.
    assert card_titles("/news/") == [chinese[n] for n in range(1, 11)]
    assert card_titles("/news/page/3/") == [chinese[n] for n in range(21, 26)]
    assert card_titles("/en/news/") == [english[n] for n in range(1, 11)]
    assert card_titles("/en/news/page/3/") == [english[n] for n in range(21, 26)]


def test_an_english_seeded_article_links_to_its_chinese_original(
    company, news_index, en_news_index
):
    seed(3)
    english, chinese = seed_texts(2)[1], seed_texts(2)[0]
    html = soup(Client().get("/en/news/seed-2/"))
    assert html.h1.get_text(strip=True) == english.title
    assert html.select_one(".lead").get_text(strip=True) == english.summary
    alternates = {
        link["hreflang"]: link["href"] for link in html.select("link[rel=alternate][hreflang]")
    }
    assert alternates["zh-Hans"] == "http://localhost/news/seed-2/"
    assert alternates["en"] == "http://localhost/en/news/seed-2/"
    switcher = {a.get_text(strip=True): a["href"] for a in html.select(".language-switcher a")}
    assert switcher == {"中文": "/news/seed-2/"}
    original = soup(Client().get("/news/seed-2/"))
    assert original.h1.get_text(strip=True) == chinese.title


def test_seeded_bodies_have_several_blocks_in_both_languages(company, news_index, en_news_index):
    seed(12)
    for number in (1, 7, 12):
        pair = [
            NewsArticlePage.objects.get(slug=f"seed-{number}", locale__language_code=code)
            for code in ("zh-hans", "en")
        ]
        kinds = [[block.block_type for block in article.body] for article in pair]
        assert kinds[0] == kinds[1]  # the translation has the same blocks
        assert 3 <= len(kinds[0]) <= 6
        assert kinds[0][0] == "paragraph" and kinds[0][-1] == "paragraph"
        assert pair[0].translation_key == pair[1].translation_key
        # What the visitor reads: every block of the body, in the page's language.
        for article, text in zip(pair, seed_texts(number), strict=True):
            stream = soup(Client().get(article.url)).select_one(".stream")
            blocks = stream.select(".rich-text p, h2")
            assert len(blocks) == len(text.body)
        # Paragraphs of a few sentences after the lead.
        paragraphs = [b["value"] for b in seed_texts(number)[0].body if b["type"] == "paragraph"]
        assert all(paragraph.count("。") >= 2 for paragraph in paragraphs[1:])
    assert re.search(r"[\u4e00-\u9fff]", seed_texts(7)[0].body[0]["value"])
    assert not re.search(r"[\u4e00-\u9fff]", seed_texts(7)[1].body[0]["value"])


def test_seeded_texts_are_reproducible_varied_and_say_the_same_in_both_languages():
    assert seed_texts(42) == seed_texts(42)
    pairs = [seed_texts(n) for n in range(1, 301)]
    assert len({zh.title for zh, _en in pairs}) == 300
    # Launches, trade fairs, certifications, training, volunteering, quarterly results.
    for kind in ("发布", "亮相", "认证", "培训", "志愿", "季度"):
        assert any(kind in zh.title for zh, _en in pairs), kind
    for zh, en in pairs:
        # The same figures in both languages (a translation, not another article).
        for field in ("title", "summary"):
            zh_numbers = sorted(re.findall(r"\d+", getattr(zh, field)))
            assert zh_numbers == sorted(re.findall(r"\d+", getattr(en, field))), zh
        assert (zh.source_name == "") == (en.source_name == "")
        assert zh.source_url == en.source_url
        if zh.source_url:
            assert zh.source_name
            assert urlsplit(zh.source_url).hostname.endswith(("example.com", "example.org"))
    sources = [zh.source_name for zh, _en in pairs]
    assert 0 < sum(1 for name in sources if name) < len(sources) / 2  # most are our own


def test_seeded_pairs_share_a_category(company, news_index, en_news_index):
    NewsCategoryFactory(name="公司新闻", name_en="Company news", slug="company")
    NewsCategoryFactory(name="行业动态", name_en="Industry news", slug="industry")
    seed(6)
    pairs = {}
    for article in NewsArticlePage.objects.all():
        pairs.setdefault(article.slug, []).append(article.category.slug)
    assert len(pairs) == 6
    assert all(len(slugs) == 2 and slugs[0] == slugs[1] for slugs in pairs.values())
    assert {slugs[0] for slugs in pairs.values()} == {"company", "industry"}
    english = card_titles("/en/news/category/industry/")
    assert english and all(
        title in {seed_texts(n)[1].title for n in range(1, 7)} for title in english
    )


def test_seeding_again_continues_the_numbers(company, news_index, en_news_index):
    seed(3)
    seed(2)
    for code in ("zh-hans", "en"):
        slugs = NewsArticlePage.objects.filter(locale__language_code=code).values_list(
            "slug", flat=True
        )
        assert sorted(slugs) == [f"seed-{n}" for n in range(1, 6)]


def test_a_chinese_only_site_gets_chinese_articles_and_is_told_so(company, news_index):
    output = seed(4)
    assert output.startswith("Added 4 articles in 1 language (zh-hans).")
    assert "no English news center" in output
    assert NewsArticlePage.objects.published().count() == 4
    assert card_titles("/news/")[0] == seed_texts(1)[0].title


def test_seed_refuses_silly_counts(home):
    with pytest.raises(CommandError):
        call_command("seed", "--articles", "0")
