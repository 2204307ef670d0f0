"""A picture inside a paragraph (the editor's picture button in the paragraph toolbar)."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.images.formats import get_image_formats

from pressroom.core.blocks import RICH_TEXT_FEATURES
from tests.factories import make_article, make_image


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("placement", "classes", "width"),
    [("left", {"richtext-image", "left"}, 480), ("fullwidth", {"full-width"}, 960)],
)
def test_a_picture_in_a_paragraph_shows_in_its_place(
    client, news_index, company, placement, classes, width
):
    assert "image" in RICH_TEXT_FEATURES  # the paragraph toolbar offers it
    image = make_image(size=(1600, 1000))
    paragraph = (
        "<p>第一段文字。</p>"
        f'<embed embedtype="image" id="{image.pk}" format="{placement}" alt="装配车间一角"/>'
        "<p>图片后面的文字。</p>"
    )
    article = make_article(news_index, body=[{"type": "paragraph", "value": paragraph}])
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    picture = html.select_one(".stream .rich-text img")
    assert picture["alt"] == "装配车间一角"
    assert classes <= set(picture["class"])
    assert picture["loading"] == "lazy"
    assert int(picture["width"]) == width  # the rendition, not the 1600 px original
    texts = [p.get_text() for p in html.select(".stream .rich-text p")]
    assert texts == ["第一段文字。", "图片后面的文字。"]
    assert client.get(picture["src"]).status_code == 200


def test_the_editor_offers_the_picture_formats_in_chinese():
    names = {f.name: f for f in get_image_formats()}
    assert set(names) == {"fullwidth", "left", "right"}
    with translation.override("zh-hans"):
        assert str(names["left"].label) == "居左，文字环绕"
        assert str(names["fullwidth"].label) == "通栏"
