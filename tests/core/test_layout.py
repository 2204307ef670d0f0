"""Every page shows the reference parts: top bar, navigation, contact block and footer."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from pressroom.core.models import CompanyInfo
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def page_urls(news_index):
    article = make_article(news_index)
    return ["/", "/news/", article.url, "/contact/", "/sitemap/"]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("which", range(5))
def test_every_page_shows_the_reference_parts(client, company, news_index, which):
    url = page_urls(news_index)[which]
    response = client.get(url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "zh-Hans"
    topbar = html.select_one(".topbar")
    assert "欢迎来到明川测试仪器有限公司" in topbar.get_text()
    assert topbar.find("a", href="tel:4000001234").get_text() == "400-000-1234"
    # The contact page shows the details in its body instead of the sidebar.
    contact = html.select_one(".contact-block") or html.select_one(".contact-details")
    text = contact.get_text(" ")
    for value in ["测试市测试路 1 号", "0571-0000-1111", "0571-0000-2222"]:
        assert value in text
    assert contact.find("a", href="mailto:hello@example.com")
    footer = html.select_one("footer.site-footer").get_text(" ")
    assert f"© {timezone.localdate().year} 明川测试仪器有限公司" in footer
    assert "Pressroom" in footer
    assert (
        html.select_one("footer.site-footer").find("a", href="/sitemap/").get_text() == "网站地图"
    )
    icp = html.select_one("footer.site-footer").find("a", string="浙ICP备00000000号-1")
    assert icp["href"] == "https://beian.miit.gov.cn/"
    nav = [a.get_text() for a in html.select(".main-nav a")]
    assert nav[:3] == ["首页", "新闻中心", "联系我们"]


def test_editing_company_info_changes_every_page(client, company, news_index, site):
    urls = page_urls(news_index)[:5]
    info = CompanyInfo.for_site(site)
    info.hotline = "400-999-8888"
    info.save()
    for url in urls:
        html = soup(client.get(url))
        assert html.select_one(".topbar a").get_text() == "400-999-8888", url


def test_empty_contact_fields_are_hidden(client, company):
    company.fax = ""
    company.email = ""
    company.icp_number = ""
    company.save()
    html = soup(client.get("/"))
    labels = [dt.get_text() for dt in html.select(".contact-block dt")]
    assert labels == ["地址", "电话"]
    assert "mailto:" not in str(html)
    assert "beian" not in str(html)


def test_welcome_text_can_be_set(client, company):
    company.welcome = "您好，欢迎访问"
    company.save()
    assert soup(client.get("/")).select_one(".topbar__welcome").get_text() == "您好，欢迎访问"


def test_unknown_address_gets_404_page_in_site_layout(client, company):
    response = client.get("/no-such-page/<script>/")
    assert response.status_code == 404
    html = soup(response)
    assert html.h1.get_text() == "页面不存在"
    assert html.select_one(".contact-block")
    assert "<script>" not in response.content.decode().split("<main")[1]


def test_server_error_page_needs_no_database(rf, django_assert_num_queries):
    from pressroom.core.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "出错了" in response.content.decode()
