"""The floating service bar: what it links to, with and without QQ and WeCom."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from pressroom.pages.setup import translate_site_tree
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def bar(client, path="/"):
    html = BeautifulSoup(client.get(path).content, "html.parser")
    return html.select_one("nav.service-bar")


def links(nav) -> dict[str, str]:
    """Each entry's visible label -> its address."""
    return {
        a.select_one(".service-bar__label").get_text(strip=True): a["href"]
        for a in nav.select("a.service-bar__item")
    }


@pytest.fixture
def with_qr(company):
    company.wechat_qr = make_image(title="微信二维码")
    company.save()
    return company


def test_the_bar_calls_shows_the_qr_and_leads_to_the_form_and_the_top(client, with_qr):
    nav = bar(client)
    assert nav["aria-label"] == "在线客服"
    assert links(nav) == {
        "电话": "tel:4000001234",
        "微信": "#wechat-qr",
        "留言": "/contact/#message-form",
        "返回顶部": "#top",
    }
    # The number and the QR code are part of their links: read out, shown on hover and focus.
    call = nav.select_one("a[href^='tel:']")
    assert "400-000-1234" in call.get_text()
    wechat = nav.select_one("a[href='#wechat-qr']")
    assert wechat.select_one("img")["alt"] == "微信二维码"
    # The targets exist: the footer's QR code, the page's top.
    page = BeautifulSoup(client.get("/").content, "html.parser")
    assert page.select_one("footer #wechat-qr img") is not None
    assert page.body["id"] == "top"
    # Nothing inline: every icon is drawn by attributes, no style or script in the bar.
    assert not nav.select("script, style, [style], [onclick]")


def test_qq_and_wecom_show_only_where_the_company_info_has_them(client, home, with_qr):
    translate_site_tree(home)
    assert "QQ" not in links(bar(client))
    with_qr.qq = "123456789"
    with_qr.wecom_url = "https://work.weixin.qq.com/kfid/kfc0123456789abcdef"
    with_qr.save()
    entries = links(bar(client))
    assert entries["QQ"] == "https://wpa.qq.com/msgrd?v=3&uin=123456789&site=qq&menu=yes"
    assert entries["企业微信"] == "https://work.weixin.qq.com/kfid/kfc0123456789abcdef"
    english = links(bar(client, "/en/"))
    assert list(english) == ["Call", "WeChat", "QQ", "WeCom", "Message us", "Back to top"]
    assert english["Message us"] == "/en/contact/#message-form"


def test_without_a_phone_or_a_qr_the_bar_still_leads_to_the_form_and_the_top(client, home):
    assert list(links(bar(client))) == ["留言", "返回顶部"]


@pytest.mark.parametrize(
    "field, value",
    [
        ("qq", "12ab"),
        ("qq", "0123456"),
        ("qq", "1234567890123"),
        ("wecom_url", "https://evil.test/kfid/x"),
        ("wecom_url", "http://work.weixin.qq.com/kfid/x"),
        ("wecom_url", "https://work.weixin.qq.com.evil.test/x"),
        ("wecom_url", 'https://work.weixin.qq.com/"><script>alert(1)</script>'),
        ("wecom_url", "javascript:alert(1)"),
    ],
)
def test_a_bad_qq_number_or_wecom_link_is_refused_naming_the_field(company, field, value):
    setattr(company, field, value)
    with pytest.raises(ValidationError) as refused:
        company.full_clean()
    assert list(refused.value.message_dict) == [field]
