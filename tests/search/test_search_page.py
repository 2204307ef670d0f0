"""What a visitor sees on /search/ and /en/search/, including hostile input."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from pressroom.pages.models import StandardPage
from pressroom.search.query import searchable_models
from tests.factories import NewsCategoryFactory, make_article, make_image, publish

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def result_titles(response) -> list[str]:
    return [h.get_text() for h in soup(response).select(".search-result__title")]


def test_every_page_has_a_labelled_search_form_in_its_header(client, home):
    page = soup(client.get("/"))
    form = page.select_one("header form[role=search]")
    assert form["action"] == "/search/" and form["method"] == "get"
    field = form.select_one("input[name=q]")
    assert page.select_one(f"label[for={field['id']}]").get_text(strip=True)


def test_the_english_header_searches_the_english_site(client, home):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert soup(response).select_one("header form[role=search]")["action"] == "/en/search/"


def test_a_word_inside_a_chinese_title_finds_the_article(client, news_index):
    make_article(news_index, title="日本与朝鲜举行秘密会谈", slug="talks")
    make_article(news_index, title="水泵节能改造", slug="pumps")
    response = client.get("/search/", {"q": "朝鲜"})
    assert response.status_code == 200
    assert result_titles(response) == ["日本与朝鲜举行秘密会谈"]
    assert soup(response).select_one(".search-result__title a")["href"] == "/news/talks/"


def test_matching_words_are_marked_in_title_and_snippet(client, news_index):
    make_article(
        news_index,
        title="青禾发布隔膜泵",
        summary="新款隔膜泵适用于化工行业。",
        body=[{"type": "paragraph", "value": "<p>正文。</p>"}],
    )
    page = soup(client.get("/search/", {"q": "隔膜泵"}))
    assert [m.get_text() for m in page.select(".search-result__title mark")] == ["隔膜泵"]
    assert "隔膜泵" in [m.get_text() for m in page.select(".search-result__snippet mark")]


def test_english_finds_stems_and_marks_the_words(client, news_index):
    en = Locale.objects.get(language_code="en")
    home_en = news_index.get_parent().copy_for_translation(en)
    home_en.save_revision().publish()
    news_en = news_index.copy_for_translation(en)
    news_en.save_revision().publish()
    make_article(news_en, title="New pumping stations open", locale=en, summary="Two stations.")
    response = client.get("/en/search/", {"q": "pump station"})
    assert result_titles(response) == ["New pumping stations open"]
    marks = [m.get_text() for m in soup(response).select(".search-result__title mark")]
    assert marks == ["pumping", "stations"]
    assert result_titles(client.get("/search/", {"q": "pump station"})) == []


def test_title_matches_rank_above_body_matches(client, news_index):
    make_article(
        news_index,
        title="公司新闻",
        body=[{"type": "paragraph", "value": "<p>我们也生产螺杆泵。</p>"}],
    )
    make_article(news_index, title="螺杆泵新品上市")
    assert result_titles(client.get("/search/", {"q": "螺杆泵"})) == ["螺杆泵新品上市", "公司新闻"]


def test_standard_pages_are_found_too(client, home):
    publish(home, StandardPage(title="关于我们", slug="about-us", summary="专注精密流体控制。"))
    assert result_titles(client.get("/search/", {"q": "流体控制"})) == ["关于我们"]


def test_only_published_public_pages_are_found(client, news_index):
    make_article(news_index, title="公开的蝶阀新闻")
    make_article(news_index, title="草稿蝶阀新闻", live=False)
    expired = make_article(news_index, title="过期蝶阀新闻")
    type(expired).objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - timedelta(hours=1)
    )
    private = make_article(news_index, title="私密蝶阀新闻")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    assert result_titles(client.get("/search/", {"q": "蝶阀"})) == ["公开的蝶阀新闻"]


def test_each_page_type_answers_whether_visitors_find_it(client, news_index):
    """The search names no page type: types with ``searchable_in`` take part, others never."""
    assert {model._meta.label for model in searchable_models()} == {
        "careers.JobPostingPage",  # open postings only (tests/careers)
        "downloads.DownloadsPage",
        "news.NewsArticlePage",
        "pages.StandardPage",
        "products.ProductCategoryPage",
        "products.ProductPage",
        "showcase.CasePage",
        "showcase.HonourIndexPage",
    }
    news_index.title = "蝶阀新闻中心"  # a news center is a list, not a result
    news_index.save_revision().publish()
    make_article(news_index, title="蝶阀新品发布")
    assert result_titles(client.get("/search/", {"q": "蝶阀"})) == ["蝶阀新品发布"]


def test_results_are_paginated(client, news_index, settings):
    settings.PRESSROOM_SEARCH_PER_PAGE = 3
    for n in range(7):
        make_article(news_index, title=f"球阀报道{n}")
    first = client.get("/search/", {"q": "球阀"})
    assert len(result_titles(first)) == 3
    assert "7" in soup(first).select_one(".search-summary").get_text()
    next_link = soup(first).select_one("a[rel=next]")["href"]
    assert next_link == "?q=%E7%90%83%E9%98%80&page=2"
    third = client.get("/search/" + next_link.replace("page=2", "page=3"))
    assert len(result_titles(third)) == 1
    assert client.get("/search/", {"q": "球阀", "page": "4"}).status_code == 404


@pytest.mark.parametrize(
    "number", ["0", "-1", "abc", "1.5", "1e9", "100000000000000000000", "\x00", "１", ""]
)
def test_bad_page_numbers_are_not_found(client, home, number):
    assert client.get("/search/", {"q": "水泵", "page": number}).status_code == 404


def test_an_empty_query_asks_for_words(client, home):
    response = client.get("/search/", {"q": "   "})
    assert response.status_code == 200
    assert not soup(response).select(".search-results")
    assert soup(response).select_one(".search-summary")


def test_a_too_long_query_is_refused_with_a_message(client, home):
    response = client.get("/search/", {"q": "泵" * 101})
    assert response.status_code == 400
    assert soup(response).select_one("#search-page-q-error").get_text(strip=True)
    assert client.get("/search/", {"q": "泵" * 100}).status_code == 200


def test_a_nul_character_is_refused(client, home):
    assert client.get("/search/", {"q": "水\x00泵"}).status_code == 400


def test_only_get_and_head_are_allowed(client, home):
    assert client.post("/search/", {"q": "水泵"}).status_code == 405


HOSTILE = [
    '"',
    '\\"',
    'a"b',
    "' OR 1=1 --",
    "1' UNION SELECT password FROM auth_user--",
    "%",
    "%' AND SLEEP(5)--",
    "*",
    "foo AND",
    "NEAR(",
    "-x",
    "title:x",
    "^x",
    "ice & fire",
    "💙 fire 💙",
    "(((((",
    "{{7*7}}",
    "{% debug %}",
    "\u202e\u200b",
    "泵\ud7ff",
]
MARKUP = [
    '"><script>alert(1)</script>',
    "</title><script>alert(2)</script>",
    "<svg/onload=alert(3)>",
]


@pytest.mark.parametrize("query", HOSTILE + MARKUP)
def test_odd_queries_answer_cleanly_and_escaped(client, news_index, query):
    make_article(news_index, title="离心泵 fire 泵阀")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html and "<svg/onload" not in html
    assert "49" not in soup(response).select_one("main").get_text()


@pytest.mark.parametrize("query", MARKUP)
def test_markup_in_a_query_is_shown_as_text(client, home, query):
    page = soup(client.get("/search/", {"q": query}))
    assert page.select_one("#search-page-q")["value"] == query
    assert query in page.select_one(".search-summary").get_text()
    assert query in page.title.get_text()


def test_markup_in_a_title_is_escaped_in_results(client, news_index):
    make_article(news_index, title="<b>闸阀</b><script>alert(1)</script>")
    response = client.get("/search/", {"q": "闸阀"})
    assert "<script>alert(1)" not in response.content.decode()
    assert result_titles(response) == ["<b>闸阀</b><script>alert(1)</script>"]


def test_wagtail_search_still_works_for_editors(news_index):
    """The admin's page search goes through the same backend, ranked or not."""
    from wagtail.models import Page

    talks = make_article(news_index, title="日本与朝鲜举行秘密会谈")
    make_article(news_index, title="水泵节能改造")
    pages = Page.objects.live()
    assert [p.pk for p in pages.search("朝鲜")] == [talks.pk]
    assert [p.pk for p in pages.search("朝鲜", order_by_relevance=False)] == [talks.pk]
    scored = list(pages.search("朝鲜").annotate_score("_score"))
    assert [p.pk for p in scored] == [talks.pk]


def test_a_result_shows_its_picture_category_and_date(client, news_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    category = NewsCategoryFactory(slug="company", name="公司新闻")
    picture = make_image()
    make_article(
        news_index,
        title="隔膜泵通过型式试验",
        category=category,
        cover_image=picture,
        when=datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")),
    )
    for n in range(6):
        make_article(news_index, title=f"隔膜泵新闻 {n}", category=category, cover_image=picture)
    for query in ("型式", "隔膜泵"):  # thumbnails made, kept values read: once
        client.get("/search/", {"q": query})

    def queries(query):
        with CaptureQueriesContext(connection) as captured:
            page = soup(client.get("/search/", {"q": query}))
        return page, len(captured)

    one, one_result = queries("型式")
    seven, seven_results = queries("隔膜泵")
    assert len(one.select(".search-result")) == 1 and len(seven.select(".search-result")) == 7
    # Pictures and categories are read for the whole page of results, not one by one.
    assert seven_results == one_result
    result = one.select_one(".search-result")
    assert result.select_one(".search-result__title").get_text() == "隔膜泵通过型式试验"
    assert result.select_one(".search-result__category").get_text() == "公司新闻"
    assert result.select_one(".search-result__meta time").get_text() == "2026-03-02"
    assert "fill-160x120" in result.select_one(".search-result__image img")["src"]


def test_a_snippet_comes_from_one_part_and_starts_at_a_sentence(client, news_index):
    en = Locale.objects.get(language_code="en")
    home_en = news_index.get_parent().copy_for_translation(en)
    home_en.save_revision().publish()
    news_en = news_index.copy_for_translation(en)
    news_en.save_revision().publish()
    make_article(
        news_en,
        title="Works news",
        locale=en,
        summary="A short summary about the works.",
        body=[
            {"type": "heading", "value": "A heading"},
            {
                "type": "paragraph",
                "value": "<p>The plant opened in May and has run every day since then, "
                "three shifts a day, with a team of forty people. Our diaphragm technology "
                "lowers the energy every pump uses by a fifth.</p>",
            },
        ],
    )
    page = soup(client.get("/en/search/", {"q": "technology"}))
    text = page.select_one(".search-result__snippet").get_text()
    # The sentence that holds the word, not a cut through a word; nothing of the summary
    # or the heading run into it.
    assert text.startswith("…Our diaphragm technology lowers")
    assert "summary" not in text and "heading" not in text


def test_english_words_on_the_chinese_site_suggest_the_english_site(client, news_index):
    page = soup(client.get("/search/", {"q": "diaphragm pump"}))
    hint = page.select_one(".search-hint")
    assert hint["lang"] == "en"
    assert hint.a["href"] == "/en/search/?q=diaphragm+pump"
    # A Chinese query, or the English site itself, gets no such hint.
    assert soup(client.get("/search/", {"q": "隔膜泵 pump"})).select_one(".search-hint") is None
    assert soup(client.get("/en/search/", {"q": "pump"})).select_one(".search-hint") is None
