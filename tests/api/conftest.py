"""A site with a page of every type, in both languages where it matters, for the content API."""

import json

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale

from pressroom.downloads.models import DownloadsPage
from pressroom.i18n.tree import translate_page
from pressroom.pages.models import StandardPage
from pressroom.pages.setup import translate_site_tree
from pressroom.showcase.models import HonourIndexPage
from tests.factories import (
    NewsCategoryFactory,
    every_block_body,
    make_article,
    make_board,
    make_case,
    make_cases_page,
    make_image,
    make_job,
    make_jobs_page,
    make_product,
    make_product_category,
    make_product_center,
    make_question,
    publish,
)


@pytest.fixture(autouse=True)
def _api_settings(settings):
    # Counters in the default cache, which conftest clears between tests.
    settings.PRESSROOM_API_CACHE = "default"
    settings.PRESSROOM_API_RATE_LIMIT = 10_000


def get(client, url, **params):
    """The API's answer and its JSON (None when it has no JSON body)."""
    response = client.get(url, params)
    try:
        data = json.loads(response.content) if response.content else None
    except ValueError:
        data = None
    return response, data


def document(title, collection=None):
    from django.core.files.base import ContentFile

    model = get_document_model()
    doc = model(title=title, collection=collection or Collection.get_first_root_node())
    doc.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    doc.save()
    return doc


@pytest.fixture
def private_collection(db):
    root = Collection.get_first_root_node()
    collection = root.add_child(instance=Collection(name="内部资料"))
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


@pytest.fixture
def every_type(home, news_index, private_collection):
    """One live page of each Pressroom page type (Chinese), and the English skeleton."""
    picture = make_image()
    category = NewsCategoryFactory(name="公司新闻", name_en="Company news", slug="company")
    article = make_article(
        news_index,
        title="新车间投产",
        slug="new-plant",
        summary="新车间今天投产。",
        author="李记者",
        source_name="测试日报",
        source_url="https://news.example.com/1",
        cover_image=picture,
        category=category,
        body=every_block_body(picture),
    )
    about = publish(home, StandardPage(title="关于我们", slug="about", summary="公司简介。"))
    center = make_product_center(home)
    pumps = make_product_category(center, "水泵", "pumps", intro="<p>各类水泵。</p>")
    manual = document("说明书")
    price_list = document("内部价目表", private_collection)
    product = make_product(
        pumps,
        title="QH-50 水泵",
        slug="qh-50",
        model_number="QH-50",
        main_image=picture,
        downloads=[
            {"type": "file", "value": {"document": manual.pk, "title": "产品说明书"}},
            {"type": "file", "value": {"document": price_list.pk, "title": ""}},
        ],
    )
    cases = make_cases_page(home)
    case = make_case(cases, title="自来水厂改造")
    honours = publish(home, HonourIndexPage(title="资质荣誉", slug="honours"))
    jobs = make_jobs_page(home)
    make_job(jobs, title="机械工程师")
    publish(home, DownloadsPage(title="资料下载", slug="downloads"))
    make_question(make_board(home), shown=True)
    translate_site_tree(home)
    english = Locale.objects.get(language_code="en")
    article_en, _created = translate_page(article, english, title="New plant opens")
    return {
        "article": article,
        "article_en": article_en,
        "about": about,
        "center": center,
        "pumps": pumps,
        "product": product,
        "cases": cases,
        "case": case,
        "honours": honours,
        "manual": manual,
        "price_list": price_list,
    }
