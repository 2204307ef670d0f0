"""The downloads center (资料下载): categories of files with their type and size, private
files locked for visitors who are not signed in, every link through Wagtail's document view."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from pressroom.downloads.models import DownloadsPage
from tests.factories import PDF_BYTES, publish

pytestmark = pytest.mark.django_db


def document(title, name, content=PDF_BYTES, collection=None):
    doc = get_document_model()(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


@pytest.fixture
def private_collection():
    collection = Collection.get_first_root_node().add_child(name="会员资料")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


@pytest.fixture
def downloads(home, company, private_collection):
    catalogue = document("2026 产品样本", "catalogue.pdf", PDF_BYTES + b"x" * 2048)
    manual = document("QH 水泵说明书", "manual.pdf")
    drawings = document("安装图纸（会员）", "drawings.pdf", collection=private_collection)
    page = DownloadsPage(
        title="资料下载",
        slug="downloads",
        intro="<p>样本和说明书。</p>",
        categories=[
            {
                "type": "category",
                "value": {
                    "heading": "产品样本",
                    "files": [
                        {"document": catalogue.pk, "title": "", "description": "全系列"},
                    ],
                },
            },
            {
                "type": "category",
                "value": {
                    "heading": "使用说明书",
                    "files": [
                        {"document": manual.pk, "title": "说明书（中文版）", "description": ""},
                        {"document": drawings.pk, "title": "", "description": ""},
                    ],
                },
            },
        ],
    )
    publish(home, page)
    return page, catalogue, manual, drawings


def files_on(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [
        {
            "category": li.find_parent("section").h2.get_text(strip=True),
            "title": li.select_one(".download__title").get_text(strip=True),
            "href": li.select_one(".download__title")["href"],
            "type": li.select_one(".downloads__type")
            .get_text(" ", strip=True)
            .replace("\xa0", " "),
            "locked": li.select_one(".download__lock") is not None,
        }
        for li in html.select(".download")
    ]


def test_the_page_lists_files_by_category_with_type_and_size(client, downloads):
    _page, catalogue, manual, drawings = downloads
    files = files_on(client.get("/downloads/"))
    assert [(f["category"], f["title"]) for f in files] == [
        ("产品样本", "2026 产品样本"),
        ("使用说明书", "说明书（中文版）"),
        ("使用说明书", "安装图纸（会员）"),
    ]
    assert files[0]["type"].startswith("PDF · 2.") and files[0]["type"].endswith("KB")
    assert files[1]["type"].startswith("PDF · ") and "字节" in files[1]["type"]
    # Every link goes through Wagtail's document view, where privacy is checked (and a
    # download could be counted).
    assert files[0]["href"] == f"/documents/{catalogue.pk}/catalogue.pdf"
    assert not files[0]["locked"] and files[2]["locked"]


def test_a_public_file_downloads_for_anyone(client, downloads):
    _page, catalogue, _manual, _drawings = downloads
    response = client.get(catalogue.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_private_file_is_locked_for_anonymous_visitors_and_served_to_signed_in_ones(
    client, downloads
):
    _page, _catalogue, _manual, drawings = downloads
    response = client.get(drawings.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get("/media/" + drawings.file.name).status_code == 404

    member = get_user_model().objects.create_user("member", "", "a-long-test-password-1")
    client.force_login(member)
    response = client.get(drawings.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_page_is_the_same_for_everyone_and_cached(client, downloads):
    first = client.get("/downloads/")
    assert first.status_code == 200
    assert client.get("/downloads/")["X-Page-Cache"] == "hit"
    assert "登录后下载" in first.content.decode()


def test_a_changed_document_or_privacy_reaches_the_cached_page(client, downloads):
    _page, catalogue, _manual, drawings = downloads
    client.get("/downloads/")
    catalogue.title = "2027 产品样本"
    catalogue.save()
    assert "2027 产品样本" in client.get("/downloads/").content.decode()
    CollectionViewRestriction.objects.filter(collection=drawings.collection).delete()
    files = files_on(client.get("/downloads/"))
    assert not any(f["locked"] for f in files)


def test_a_deleted_document_leaves_the_list(client, downloads):
    _page, _catalogue, manual, _drawings = downloads
    manual.delete()
    titles = [f["title"] for f in files_on(client.get("/downloads/"))]
    assert "说明书（中文版）" not in titles and len(titles) == 2


def test_english_downloads_page(client, downloads, home):
    from wagtail.models import Locale

    page = downloads[0]
    english = Locale.objects.get(language_code="en")
    for source in (home, page):
        copy = source.specific.copy_for_translation(english)
        if source.pk == page.pk:
            copy.title = "Downloads"
        copy.save_revision().publish()
    response = client.get("/en/downloads/")
    assert response.status_code == 200
    files = files_on(response)
    assert files[2]["locked"]
    assert "Sign in to download" in response.content.decode()
    assert " bytes" in files[1]["type"] or "KB" in files[1]["type"]


def test_the_downloads_page_can_be_made_under_the_home_page(home):
    assert DownloadsPage.can_create_at(home)
