"""A paragraph links to a document (a PDF manual) chosen in the editor."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from pressroom.core.blocks import RICH_TEXT_FEATURES
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_a_paragraph_links_to_a_document(client, news_index, company):
    assert "document-link" in RICH_TEXT_FEATURES  # the editor's toolbar offers it
    Document = get_document_model()
    manual = Document.objects.create(
        title="QH 系列说明书", file=ContentFile(b"%PDF-1.4\n", name="qh-manual.pdf")
    )
    paragraph = f'<p>请下载<a linktype="document" id="{manual.pk}">产品说明书</a>。</p>'
    article = make_article(news_index, body=[{"type": "paragraph", "value": paragraph}])
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    link = html.select_one(".rich-text a")
    assert link.get_text() == "产品说明书" and link["href"] == manual.url
    assert client.get(link["href"]).status_code == 200
