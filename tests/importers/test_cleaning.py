"""Old HTML as the project's blocks: only what the editor allows, hidden and spam links out."""

import pytest

from pressroom.importers.cleaning import Body, plain_text
from pressroom.importers.report import Report
from pressroom.importers.shortcodes import autop, expand


def blocks(html: str, report: Report | None = None) -> list[dict]:
    body = Body("post 测试", report or Report(), lambda src, title: None, lambda href: None)
    return body.blocks(html)


def text_of(result: list[dict]) -> str:
    return "".join(str(block["value"]) for block in result)


@pytest.mark.parametrize(
    "style",
    [
        "display:none",
        "display: none !important",
        "visibility:hidden",
        "font-size:0",
        "font-size: 0px;color:red",
        "position:absolute; left:-9999px",
        "text-indent:-5000px",
        "opacity:0",
    ],
)
def test_links_hidden_from_readers_are_left_out_and_reported(style):
    report = Report()
    result = blocks(
        f'<p>正文<span style="{style}"><a href="http://spam.test/">链接</a></span></p>', report
    )
    assert "spam.test" not in text_of(result)
    assert report.removed_links == [("post 测试", "http://spam.test/", "hidden")]


def test_visible_small_text_and_ordinary_links_stay():
    report = Report()
    result = blocks(
        '<p style="font-size:0.8em">见<a href="https://partner.test/">合作伙伴</a></p>', report
    )
    assert '<a href="https://partner.test/">合作伙伴</a>' in text_of(result)
    assert report.removed_links == []


def test_known_spam_links_are_left_out():
    report = Report()
    result = blocks(
        '<p>新闻<a href="http://x.test/">澳门百家乐</a><a href="http://casino.test">x</a></p>',
        report,
    )
    assert text_of(result).count("<a") == 0
    assert [why for _item, _href, why in report.removed_links] == ["spam", "spam"]


def test_scripts_styles_events_and_bad_schemes_go():
    result = blocks(
        '<p onclick="steal()" class="x" style="color:red">好<script>alert(1)</script>'
        '<style>p{}</style><a href="javascript:alert(1)">点</a><img src=x onerror=alert(1)></p>'
        '<form><input name=a></form><object data="x.swf"></object>'
    )
    assert len(result) == 1
    value = result[0]["value"]
    for gone in ("onclick", "script", "style", "javascript", "onerror", "class=", "form", "swf"):
        assert gone not in value
    assert ">好点</p>" in value


def test_frames_only_from_the_video_hosts_the_page_may_show():
    report = Report()
    result = blocks(
        '<iframe src="https://www.bilibili.com/video/BV1GJ411x7h7"></iframe>'
        '<iframe src="http://ads.test/banner"></iframe>',
        report,
    )
    assert [block["type"] for block in result] == ["video"]
    assert report.removed_links == [("post 测试", "http://ads.test/banner", "frame not allowed")]


def test_headings_lists_quotes_and_tables():
    result = blocks(
        "<h1>大标题</h1><h3>小标题</h3><ul><li>一</li></ul><h6>更小</h6>"
        "<blockquote><p>引语</p><cite>作者</cite></blockquote>"
        "<table><caption>参数</caption><tr><th>型号</th><th>口径</th></tr><tr><td>D1</td></tr></table>"
    )
    assert [block["type"] for block in result] == ["heading", "paragraph", "quote", "table"]
    assert "<h3" in result[1]["value"] and "<h4" in result[1]["value"]
    assert result[2]["value"] == {"text": "引语", "attribution": "作者"}
    assert result[3]["value"]["data"] == [["型号", "口径"], ["D1", ""]]
    assert result[3]["value"]["table_caption"] == "参数"


def test_wpautop_paragraphs_and_line_breaks():
    assert autop("第一段\n第二行\n\n<h2>标题</h2>\n\n第二段") == (
        "<p>第一段<br>第二行</p>\n<h2>标题</h2>\n<p>第二段</p>"
    )


def test_shortcodes_understood_and_others_counted():
    from collections import Counter

    unknown = Counter()
    text = expand(
        '[caption id="a" width="300"]<img src="/a.png" alt="甲"> 图注[/caption]'
        '[gallery ids="1,2"][embed]https://v.qq.com/x/page/a0123456789.html[/embed]'
        '[contact-form-7 id="5"] [vc_row]内容[/vc_row] 参考文献[1] [sic]',
        gallery=lambda ids: [f"/{i}.png" for i in ids],
        unknown=unknown,
    )
    assert "<figure><img" in text and "<figcaption>图注</figcaption>" in text
    assert '<img src="/1.png" alt=""><img src="/2.png" alt="">' in text
    assert "<figure>https://v.qq.com/x/page/a0123456789.html</figure>" in text
    assert "内容" in text and "[1]" in text and "[sic]" in text
    assert "contact-form-7" not in text and "vc_row" not in text
    assert unknown == Counter({"contact-form-7": 1, "vc_row": 1})


def test_plain_text_keeps_chinese_together():
    assert plain_text("<p>湖州<b>新厂</b>投产</p><p>第二段</p>") == "湖州新厂投产 第二段"
