"""llms.txt: the site's main pages and newest news, in the default language, both languages
linked, cached like robots.txt and purged with the pages it lists."""

import pytest
from django.test import Client

from pressroom.i18n.tree import translate_page
from pressroom.pages.setup import translate_site_tree
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_with_news(home, company, news_index):
    translate_site_tree(home)
    launch = make_article(news_index, title="新品[发布]会", slug="launch")
    en = translate_page(launch, news_index.get_translations().get().locale, title="Product launch")[
        0
    ]
    en.save_revision().publish()
    make_article(news_index, title="未发布的草稿", slug="draft", live=False)
    return home


def test_it_lists_the_company_the_main_pages_and_the_newest_news(site_with_news, site):
    root = site.root_url  # pages link to their site's own address, as in the sitemaps
    response = Client().get("/llms.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    text = response.content.decode()
    lines = text.splitlines()
    assert lines[0] == "# 明川测试仪器有限公司"
    assert "- 电话: 400-000-1234" in lines
    assert "## 主要页面" in lines
    assert f"- [首页]({root}/) (其他语言: [Home]({root}/en/))" in lines
    assert f"- [新闻中心]({root}/news/) (其他语言: [News center]({root}/en/news/))" in lines
    # A title cannot break the Markdown; the English version is linked; drafts stay out.
    [launch] = [line for line in lines if "launch" in line]
    assert launch.startswith(f"- [新品\\[发布\\]会]({root}/news/launch/)")
    assert f"[Product launch]({root}/en/news/launch/)" in launch
    assert "未发布" not in text
    assert f"- [sitemap.xml]({root}/sitemap.xml)" in lines


def test_it_is_cached_and_a_new_article_purges_it(site_with_news, news_index):
    Client().get("/llms.txt")
    assert Client().get("/llms.txt")["X-Page-Cache"] == "hit"
    make_article(news_index, title="又一条新闻", slug="another")
    response = Client().get("/llms.txt")
    assert response["X-Page-Cache"] == "miss"
    assert "又一条新闻" in response.content.decode()


def test_the_english_address_is_not_a_second_llms_txt(site_with_news):
    assert Client().get("/en/llms.txt").status_code == 404
