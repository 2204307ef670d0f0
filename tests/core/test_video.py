"""Videos in a body: Bilibili, Tencent Video and Youku players in a frame, or an uploaded MP4."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model

from pressroom.core.blocks import VideoBlock
from pressroom.core.video import VIDEO_PLAYER_ORIGINS, player_for
from tests.factories import make_article


@pytest.mark.parametrize(
    "address, player",
    [
        (
            "https://www.bilibili.com/video/BV1GJ411x7h7/",
            "https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&autoplay=0",
        ),
        (
            "https://www.bilibili.com/video/BV1GJ411x7h7?p=3&spm_id_from=333",
            "https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&autoplay=0&p=3",
        ),
        (
            "https://v.qq.com/x/cover/mzc00200abcdefg/a0041x1abcd.html",
            "https://v.qq.com/txp/iframe/player.html?vid=a0041x1abcd",
        ),
        (
            "https://v.qq.com/x/page/b3303xyzab1.html",
            "https://v.qq.com/txp/iframe/player.html?vid=b3303xyzab1",
        ),
        (
            "https://v.youku.com/v_show/id_XNTk4MjQ1NjA4OA==.html",
            "https://player.youku.com/embed/XNTk4MjQ1NjA4OA==",
        ),
    ],
)
def test_a_video_page_address_becomes_its_host_s_player(address, player):
    assert player_for(address).url == player
    assert player.startswith(VIDEO_PLAYER_ORIGINS)


@pytest.mark.parametrize(
    "address",
    [
        "https://www.youtube.com/watch?v=abc",  # not a host the CSP allows
        "https://b23.tv/abc123",  # a short link: its video is unknown until followed
        "https://www.bilibili.com/video/BV1GJ411x7h7/../../evil",
        "javascript:alert(1)//www.bilibili.com/video/BV1GJ411x7h7",
        "https://www.bilibili.com.evil.example/video/BV1GJ411x7h7",
        "https://v.qq.com/x/page/<script>.html",
        "",
    ],
)
def test_any_other_address_is_no_player(address):
    assert player_for(address) is None


@pytest.mark.django_db
def test_the_block_refuses_an_unknown_address_and_asks_for_one_source():
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"url": "https://www.youtube.com/watch?v=abc", "caption": ""}))
    assert "bilibili.com/video/BV" in str(error.value.block_errors["url"])
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"url": "", "file": None, "caption": ""}))
    assert "url" in error.value.block_errors


@pytest.mark.django_db
def test_the_block_refuses_a_file_that_is_not_mp4():
    Document = get_document_model()
    pdf = Document.objects.create(title="说明书", file=ContentFile(b"%PDF-1.4", name="manual.pdf"))
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"url": "", "file": pdf.pk, "caption": ""}))
    assert "file" in error.value.block_errors


@pytest.mark.django_db
def test_an_article_shows_the_player_and_the_csp_allows_exactly_its_host(
    client, news_index, company
):
    Document = get_document_model()
    film = Document.objects.create(
        title="车间", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="works.mp4")
    )
    body = [
        {
            "type": "video",
            "value": {
                "url": "https://v.youku.com/v_show/id_XNTk4MjQ1NjA4OA==.html",
                "file": None,
                "caption": "工厂介绍",
            },
        },
        {"type": "video", "value": {"url": "", "file": film.pk, "caption": ""}},
    ]
    article = make_article(news_index, body=body)
    response = client.get(article.url)
    html = BeautifulSoup(response.content, "html.parser")
    frame = html.select_one(".video iframe")
    assert frame["src"] == "https://player.youku.com/embed/XNTk4MjQ1NjA4OA=="
    assert frame["title"] == "工厂介绍" and frame["loading"] == "lazy"
    assert "allow-scripts" in frame["sandbox"]
    assert html.select_one(".video__source a")["href"].startswith("https://v.youku.com/")
    assert html.select_one(".video video")["src"] == film.url
    served = client.get(film.url)  # an MP4 is a document type editors may upload
    assert served.status_code == 200 and served["Content-Type"] == "video/mp4"
    policy = response["Content-Security-Policy"]
    frame_src = next(d for d in policy.split(";") if d.strip().startswith("frame-src")).split()
    assert "https://player.youku.com" in frame_src
    assert "https:" not in frame_src and "*" not in frame_src


@pytest.mark.django_db
def test_a_picture_placed_beside_the_text_says_so(client, news_index, company):
    from tests.factories import make_image

    image = make_image()
    body = [
        {
            "type": "image",
            "value": {"image": image.pk, "caption": "左图", "alt_text": "", "placement": "left"},
        },
        {"type": "paragraph", "value": "<p>右边的文字。</p>"},
    ]
    article = make_article(news_index, body=body)
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert html.select_one(".stream figure.figure--left figcaption").get_text() == "左图"
