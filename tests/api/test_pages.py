"""The content API lists and shows every page type, with the fields chosen for it."""

import pytest
from wagtail.models import Page, get_page_models

from tests.api.conftest import get

pytestmark = pytest.mark.django_db


def type_name(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def pressroom_page_types():
    return [model for model in get_page_models() if model.__module__.startswith("pressroom.")]


def test_every_page_type_is_listed_and_shown(client, every_type):
    for model in pressroom_page_types():
        page = model.objects.live().filter(locale__language_code="zh-hans").first()
        assert page is not None, f"the fixture has no live {type_name(model)}"
        response, listing = get(client, "/api/v2/pages/", type=type_name(model))
        assert response.status_code == 200, (type_name(model), listing)
        assert page.pk in [item["id"] for item in listing["items"]], type_name(model)
        response, detail = get(client, f"/api/v2/pages/{page.pk}/")
        assert response.status_code == 200, (type_name(model), detail)
        assert detail["title"] == page.title
        assert detail["meta"]["type"] == type_name(model)
        assert detail["meta"]["html_url"].endswith(page.url)


def test_the_plain_listing_shows_both_languages(client, every_type):
    _response, listing = get(client, "/api/v2/pages/", limit=50)
    locales = {item["meta"]["locale"] for item in listing["items"]}
    assert locales == {"zh-hans", "en"}
    assert listing["meta"]["total_count"] == Page.objects.live().filter(depth__gte=2).count()


def test_the_locale_filter_gives_one_language(client, every_type):
    _response, english = get(client, "/api/v2/pages/", locale="en", type="news.NewsArticlePage")
    assert [item["title"] for item in english["items"]] == ["New plant opens"]
    assert english["items"][0]["meta"]["html_url"].endswith("/en/news/new-plant/")
    _response, chinese = get(
        client, "/api/v2/pages/", locale="zh-hans", type="news.NewsArticlePage"
    )
    assert [item["title"] for item in chinese["items"]] == ["新车间投产"]
    _response, both = get(
        client, "/api/v2/pages/", translation_of=every_type["article"].pk, locale="en"
    )
    assert [item["id"] for item in both["items"]] == [every_type["article_en"].pk]


def test_an_article_says_what_its_page_shows(client, every_type):
    article = every_type["article"]
    response, data = get(client, f"/api/v2/pages/{article.pk}/")
    assert response.status_code == 200
    assert data["title"] == "新车间投产"
    assert data["author"] == "李记者"
    assert data["source_name"] == "测试日报"
    assert data["source_url"] == "https://news.example.com/1"
    assert data["summary"] == "新车间今天投产。"
    assert data["category"] == {"slug": "company", "name": "公司新闻", "name_en": "Company news"}
    assert data["meta"]["first_published_at"].startswith(
        article.first_published_at.astimezone().strftime("%Y-%m-%d")
    )
    assert data["updated_at"]
    assert data["cover_image"]["url"].startswith("/media/images/")
    assert data["cover_image"]["full_url"].startswith("http")
    assert data["cover_thumbnail"]["width"] == 480 and data["cover_thumbnail"]["height"] == 300
    # The body as the page renders it: HTML, with pictures as renditions.
    assert "<strong>全面</strong>" in data["body"]
    assert "<figcaption>新车间</figcaption>" in data["body"]
    assert 'src="/media/images/' in data["body"]
    assert "player.bilibili.com" in data["body"]
    assert data["meta"]["parent"]["id"] == article.get_parent().pk


def test_an_english_article_body_is_rendered_in_english(client, every_type):
    _response, data = get(client, f"/api/v2/pages/{every_type['article_en'].pk}/")
    assert data["meta"]["locale"] == "en"
    assert ">Watch on " in data["body"]
    assert "在哔哩哔哩观看" not in data["body"]
    _response, chinese = get(client, f"/api/v2/pages/{every_type['article'].pk}/")
    assert "在哔哩哔哩观看" in chinese["body"]


def test_lists_of_articles_carry_summaries_not_bodies(client, every_type):
    news = every_type["article"].get_parent()
    response, data = get(
        client,
        "/api/v2/pages/",
        type="news.NewsArticlePage",
        child_of=news.pk,
        fields="summary,cover_thumbnail,category",
    )
    assert response.status_code == 200
    item = data["items"][0]
    assert item["summary"] == "新车间今天投产。" and "body" not in item
    assert item["cover_thumbnail"]["url"].startswith("/media/images/")
    response, data = get(client, "/api/v2/pages/", type="news.NewsArticlePage", fields="body")
    assert response.status_code == 400 and "body" in data["message"]


def test_articles_filter_by_category(client, every_type):
    category = every_type["article"].category
    _response, data = get(
        client,
        "/api/v2/pages/",
        type="news.NewsArticlePage",
        category=category.pk,
        locale="zh-hans",
    )
    assert [item["id"] for item in data["items"]] == [every_type["article"].pk]
    _response, data = get(
        client, "/api/v2/pages/", type="news.NewsArticlePage", category=category.pk + 100
    )
    assert data["items"] == []


def test_articles_filter_by_tag(client, every_type):
    article = every_type["article"]
    article.tags.add("展会")
    article.save_revision().publish()
    _response, data = get(
        client, "/api/v2/pages/", type="news.NewsArticlePage", tags="展会", fields="tags"
    )
    assert [(item["id"], item["tags"]) for item in data["items"]] == [(article.pk, ["展会"])]
    _response, data = get(client, "/api/v2/pages/", type="news.NewsArticlePage", tags="别的")
    assert data["items"] == []


def test_a_product_says_what_its_page_shows(client, every_type):
    product = every_type["product"]
    response, data = get(client, f"/api/v2/pages/{product.pk}/")
    assert response.status_code == 200
    assert data["title"] == "QH-50 水泵" and data["model_number"] == "QH-50"
    assert data["meta"]["parent"]["title"] == "水泵"  # its category
    assert [row["value"] for row in data["specs"]] == [
        {"name": "流量", "value": "50", "unit": "m³/h"},
        {"name": "扬程", "value": "32", "unit": "m"},
    ]
    assert len(data["pictures"]) == 1 and data["pictures"][0]["url"].startswith("/media/")
    assert data["main_image"]["url"].startswith("/media/images/")
    # Downloads: the public manual only; the private collection's price list is left out.
    assert [(d["title"], d["file_extension"]) for d in data["downloads"]] == [("产品说明书", "pdf")]
    assert data["downloads"][0]["url"] == every_type["manual"].url
    assert "内部价目表" not in response.content.decode()


def test_products_of_a_category_and_categories_of_a_center(client, every_type):
    pumps, center = every_type["pumps"], every_type["center"]
    _response, products = get(
        client,
        "/api/v2/pages/",
        type="products.ProductPage",
        descendant_of=center.pk,
        fields="model_number,thumbnail,summary",
    )
    assert [item["model_number"] for item in products["items"]] == ["QH-50"]
    _response, categories = get(
        client,
        "/api/v2/pages/",
        type="products.ProductCategoryPage",
        child_of=center.pk,
        fields="intro,image",
    )
    assert [(c["title"], c["intro"]) for c in categories["items"]] == [
        ("水泵", "<p>各类水泵。</p>")
    ]
    _response, detail = get(client, f"/api/v2/pages/{pumps.pk}/")
    assert detail["intro"] == "<p>各类水泵。</p>" and detail["image"] is None


def test_find_by_address(client, every_type):
    article = every_type["article"]
    response = client.get("/api/v2/pages/find/", {"html_path": "/news/new-plant/"})
    assert response.status_code == 302
    assert response["Location"].split("?")[0].endswith(f"/api/v2/pages/{article.pk}/")
    response = client.get("/api/v2/pages/find/", {"html_path": "/en/news/new-plant/"})
    assert response.status_code == 302
    assert f"/api/v2/pages/{every_type['article_en'].pk}/" in response["Location"]


def test_search_finds_chinese_words_inside_titles(client, every_type):
    response, data = get(client, "/api/v2/pages/", search="车间")
    assert response.status_code == 200
    assert every_type["article"].pk in [item["id"] for item in data["items"]]
    response, data = get(client, "/api/v2/pages/", search="plant", locale="en")
    assert [item["id"] for item in data["items"]] == [every_type["article_en"].pk]
