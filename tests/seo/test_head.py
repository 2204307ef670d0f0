"""Every page's <head>: title, description, canonical, alternates, Open Graph, Twitter, JSON-LD."""

import json

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.factories import NewsCategoryFactory, make_article, make_image
from tests.seo.conftest import translate

pytestmark = pytest.mark.django_db


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").head


def meta(head, key) -> str | None:
    tag = head.find("meta", attrs={"property": key}) or head.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def canonical(head) -> str:
    (link,) = head.select('link[rel="canonical"]')
    return link["href"]


def json_ld(head) -> dict[str, dict]:
    blocks = [json.loads(s.string) for s in head.select('script[type="application/ld+json"]')]
    types = [block["@type"] for block in blocks]
    assert len(types) == len(set(types))
    return {block["@type"]: block for block in blocks}


@pytest.fixture
def article(company, news_index):
    return make_article(
        news_index,
        title="新厂房投产",
        slug="new-plant",
        summary="新厂房今日投产，产能翻番。",
        author="李记者",
        category=NewsCategoryFactory(slug="company", name="公司新闻"),
        cover_image=make_image(size=(1600, 1000)),
    )


def test_article_head_has_description_canonical_and_share_tags(client, article):
    head = head_of(client, article.url)
    assert head.title.string == "新厂房投产 - 明川测试仪器有限公司"
    assert meta(head, "description") == "新厂房今日投产，产能翻番。"
    assert canonical(head) == "http://localhost/news/new-plant/"
    assert meta(head, "og:type") == "article"
    assert meta(head, "og:title") == "新厂房投产"
    assert meta(head, "og:url") == "http://localhost/news/new-plant/"
    assert meta(head, "og:site_name") == "明川测试仪器有限公司"
    assert meta(head, "og:locale") == "zh_CN"
    assert meta(head, "og:image").startswith("http://localhost/media/images/")
    assert (meta(head, "og:image:width"), meta(head, "og:image:height")) == ("1200", "630")
    assert ".fill-1200x630" in meta(head, "og:image")
    assert meta(head, "article:section") == "公司新闻"
    published = timezone.localtime(article.first_published_at).strftime("%Y-%m-%dT%H:%M:%S%z")
    assert meta(head, "article:published_time") == published
    assert meta(head, "twitter:card") == "summary_large_image"
    assert meta(head, "twitter:image") == meta(head, "og:image")


def test_promote_fields_win_and_fallbacks_fill_the_gaps(client, company, article, contact_page):
    article.seo_title = "投产：搜索标题"
    article.search_description = "搜索结果里的描述。"
    article.save_revision().publish()
    head = head_of(client, article.url)
    assert head.title.string == "投产：搜索标题 - 明川测试仪器有限公司"
    assert meta(head, "description") == "搜索结果里的描述。"
    assert meta(head, "og:title") == "投产：搜索标题"
    # A page with neither a description nor a summary falls back to the company's name.
    contact = head_of(client, contact_page.url)
    assert meta(contact, "description") == "明川测试仪器有限公司"
    assert meta(contact, "og:type") == "website"
    assert meta(contact, "twitter:card") == "summary"
    assert meta(contact, "og:image") is None


def test_home_is_shared_under_the_company_name_with_its_logo(client, company, home):
    company.logo = make_image(title="标志", size=(400, 200))
    company.save()
    head = head_of(client, "/")
    assert meta(head, "og:title") == "明川测试仪器有限公司"
    assert canonical(head) == "http://localhost/"
    # A logo is shown whole (never cropped) and as a small card.
    assert (meta(head, "og:image:width"), meta(head, "og:image:height")) == ("400", "200")
    assert meta(head, "twitter:card") == "summary"


def test_list_pages_are_their_own_canonical(client, settings, company, news_index):
    settings.PRESSROOM_NEWS_PER_PAGE = 1
    category = NewsCategoryFactory(slug="industry")
    make_article(news_index, category=category)
    make_article(news_index, category=category)
    assert canonical(head_of(client, "/news/")) == "http://localhost/news/"
    assert canonical(head_of(client, "/news/page/2/")) == "http://localhost/news/page/2/"
    assert (
        canonical(head_of(client, "/news/category/industry/page/2/"))
        == "http://localhost/news/category/industry/page/2/"
    )
    # hreflang alternates describe the page itself, not one of its sub-lists.
    assert not head_of(client, "/news/page/2/").select('link[rel="alternate"][hreflang]')


def test_canonical_points_to_the_original_when_the_editor_says_so(client, article):
    article.source_name = "示例日报"
    article.source_url = "https://news.example.com/2024/plant.html"
    article.save_revision().publish()
    assert canonical(head_of(client, article.url)) == "http://localhost/news/new-plant/"
    article.canonical_to_source = True
    article.save_revision().publish()
    head = head_of(client, article.url)
    assert canonical(head) == "https://news.example.com/2024/plant.html"
    assert json_ld(head)["NewsArticle"]["isBasedOn"] == "https://news.example.com/2024/plant.html"


def test_translations_are_linked_with_hreflang(client, article, english):
    en = translate(article, title="New plant opens")
    expected = {
        "zh-Hans": "http://localhost/news/new-plant/",
        "en": "http://localhost/en/news/new-plant/",
        "x-default": "http://localhost/news/new-plant/",
    }
    for url in (article.url, en.url):
        head = head_of(client, url)
        links = head.select('link[rel="alternate"][hreflang]')
        assert {link["hreflang"]: link["href"] for link in links} == expected
    en_head = head_of(client, en.url)
    assert meta(en_head, "og:locale") == "en_US"
    assert meta(en_head, "og:site_name") == "Mingchuan Test Instruments"
    assert json_ld(en_head)["NewsArticle"]["inLanguage"] == "en"


def test_home_page_describes_the_organization_and_its_search(client, company, home, english):
    company.logo = make_image(title="标志", size=(300, 300))
    company.save()
    data = json_ld(head_of(client, "/"))
    organization = data["Organization"]
    assert organization["name"] == "明川测试仪器有限公司"
    assert organization["url"] == "http://localhost/"
    assert organization["telephone"] == "0571-0000-1111"
    assert organization["faxNumber"] == "0571-0000-2222"
    assert organization["email"] == "hello@example.com"
    assert organization["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "测试市测试路 1 号",
    }
    assert organization["contactPoint"] == [
        {
            "@type": "ContactPoint",
            "contactType": "customer service",
            "telephone": "400-000-1234",
            "email": "hello@example.com",
        }
    ]
    assert organization["logo"]["url"].startswith("http://localhost/media/images/")
    search = data["WebSite"]["potentialAction"]
    assert search["@type"] == "SearchAction"
    assert search["target"]["urlTemplate"] == "http://localhost/search/?q={search_term_string}"
    assert search["query-input"] == "required name=search_term_string"
    assert "BreadcrumbList" not in data

    english_data = json_ld(head_of(client, "/en/"))
    assert english_data["Organization"]["name"] == "Mingchuan Test Instruments"
    assert (
        english_data["WebSite"]["potentialAction"]["target"]["urlTemplate"]
        == "http://localhost/en/search/?q={search_term_string}"
    )


def test_empty_company_fields_are_left_out(client, site, home):
    data = json_ld(head_of(client, "/"))
    assert set(data["Organization"]) == {"@context", "@id", "@type", "name", "url"}


def test_article_carries_a_complete_news_article(client, article):
    article.source_name = "示例日报"
    article.source_url = "https://news.example.com/a.html"
    article.save_revision().publish()
    article.refresh_from_db()
    head = head_of(client, article.url)
    data = json_ld(head)["NewsArticle"]
    assert data["headline"] == "新厂房投产"
    assert data["description"] == "新厂房今日投产，产能翻番。"
    assert data["image"] == [meta(head, "og:image")]
    assert data["datePublished"] == article.first_published_at.isoformat()
    assert data["dateModified"] == article.last_published_at.isoformat()
    assert data["author"] == [{"@type": "Person", "name": "李记者"}]
    assert data["publisher"]["name"] == "明川测试仪器有限公司"
    assert data["inLanguage"] == "zh-Hans"
    assert data["isBasedOn"] == "https://news.example.com/a.html"
    assert data["mainEntityOfPage"]["@id"] == "http://localhost/news/new-plant/"
    assert data["articleSection"] == "公司新闻"


def test_own_article_names_no_original_and_credits_the_company(client, company, news_index):
    own = make_article(news_index, author="")
    data = json_ld(head_of(client, own.url))["NewsArticle"]
    assert "isBasedOn" not in data
    assert data["author"] == [
        {"@type": "Organization", "name": "明川测试仪器有限公司", "url": "http://localhost/"}
    ]


def test_breadcrumb_list_matches_the_breadcrumb_shown(client, article):
    response = client.get(article.url)
    html = BeautifulSoup(response.content, "html.parser")
    shown = [li.get_text(strip=True) for li in html.select(".breadcrumb li")]
    data = json_ld(html.head)["BreadcrumbList"]
    items = data["itemListElement"]
    assert [item["name"] for item in items] == shown == ["首页", "新闻中心", "新厂房投产"]
    assert [item["position"] for item in items] == [1, 2, 3]
    assert [item["item"] for item in items] == [
        "http://localhost/",
        "http://localhost/news/",
        "http://localhost/news/new-plant/",
    ]


HOSTILE_TITLE = '</script><script>alert(1)</script>"><img src=x onerror=alert(1)>'


def test_hostile_titles_stay_data_in_every_head_context(client, company, news_index):
    article = make_article(news_index, title=HOSTILE_TITLE, summary=HOSTILE_TITLE)
    response = client.get(article.url)
    raw = response.content.decode()
    head = BeautifulSoup(raw, "html.parser").head
    assert "<script>alert(1)" not in raw
    assert "<img src=x" not in raw
    assert meta(head, "og:title") == HOSTILE_TITLE
    assert meta(head, "description") == HOSTILE_TITLE
    assert json_ld(head)["NewsArticle"]["headline"] == HOSTILE_TITLE
    # Only JSON-LD data blocks inline, never an executable script; the site's own script
    # files from /static/.
    scripts = BeautifulSoup(raw, "html.parser").find_all("script")
    assert {s.get("type") for s in scripts if not s.get("src")} == {"application/ld+json"}
    assert all(s["src"].startswith("/static/js/") for s in scripts if s.get("src"))
