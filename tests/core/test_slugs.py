"""Web addresses from Chinese titles: short pinyin, made when an editor adds a page."""

import pytest

from pressroom.core.slugs import READABLE_SLUG_LENGTH, free_slug, readable_slug
from pressroom.news.models import NewsArticlePage
from pressroom.pages.models import StandardPage
from tests.factories import make_article
from tests.faults.admin_forms import article_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "title, slug",
    [
        ("关于我们", "guan-yu-wo-men"),
        ("重庆分公司", "chong-qing-fen-gong-si"),  # the reading 重 has in 重庆
        ("公司通过ISO 9001复审", "gong-si-tong-guo-iso-9001-fu-shen"),
        ("QV系列电动调节阀", "qv-xi-lie-dian-dong-tiao-jie-fa"),
        ("展会观察：节能", "zhan-hui-guan-cha-jie-neng"),  # full-width punctuation dropped
        ("Annual report", "annual-report"),
        ("：、。！", ""),
    ],
)
def test_a_title_becomes_a_pinyin_address(title, slug):
    assert readable_slug(title) == slug


def test_a_long_title_is_cut_at_a_syllable():
    slug = readable_slug("青禾智能泵站远程运维平台正式上线，首批接入三百余台在役设备")
    assert len(slug) <= READABLE_SLUG_LENGTH
    assert slug.startswith("qing-he-zhi-neng-beng-zhan-")
    assert readable_slug("青禾智能泵站远程运维平台正式上线").split("-")[-1] in {
        "qing",
        "he",
        "zhi",
        "neng",
        "beng",
        "zhan",
        "yuan",
        "cheng",
        "yun",
        "wei",
        "ping",
        "tai",
        "zheng",
        "shi",
        "shang",
        "xian",
    }  # a whole syllable, never a piece of one


def test_a_taken_slug_gets_the_first_free_number_after_it(news_index):
    for slug in ["valve", "valve-2", "valve-3", "valve-5", "valves", "pump"]:
        make_article(news_index, slug=slug)
    siblings = news_index.get_children()
    assert free_slug("valve", siblings) == "valve-4"
    assert free_slug("valves", siblings) == "valves-2"
    assert free_slug("gate", siblings) == "gate"


def test_a_free_number_is_found_past_the_first_candidates_asked_for(news_index):
    for slug in ["pump", *(f"pump-{n}" for n in range(2, 8))]:
        make_article(news_index, slug=slug)
    assert free_slug("pump", news_index.get_children(), step=3) == "pump-8"


def add_article(client, news_index, **fields):
    url = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
    return client.post(url, article_form(**fields))


def test_an_article_added_in_the_admin_gets_a_pinyin_address(editor_client, news_index, client):
    # Wagtail's editor fills the slug from the title as the editor types: Chinese, kept as is.
    response = add_article(editor_client, news_index, title="新品发布会", slug="新品发布会")
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(title="新品发布会")
    assert article.slug == "xin-pin-fa-bu-hui"
    assert article.url == "/news/xin-pin-fa-bu-hui/"
    # A second one with the same title gets the next free address beside it.
    response = add_article(editor_client, news_index, title="新品发布会", slug="新品发布会")
    assert response.status_code == 302
    assert sorted(NewsArticlePage.objects.values_list("slug", flat=True)) == [
        "xin-pin-fa-bu-hui",
        "xin-pin-fa-bu-hui-2",
    ]


def test_an_address_the_editor_writes_in_latin_letters_is_kept(editor_client, news_index):
    assert (
        add_article(editor_client, news_index, title="新品", slug="launch-2026").status_code == 302
    )
    assert NewsArticlePage.objects.get(title="新品").slug == "launch-2026"


def test_a_page_keeps_the_chinese_address_it_already_has(editor_client, news_index):
    """An older page's address is not changed by saving it again: its links keep working."""
    article = make_article(news_index, title="旧新闻", slug="旧新闻")
    url = f"/admin/pages/{article.pk}/edit/"
    response = editor_client.post(url, article_form(title="旧新闻（更新）", slug="旧新闻"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.slug == "旧新闻" and article.title == "旧新闻（更新）"
    # Given a new Chinese address, it is written in pinyin like a new page's.
    editor_client.post(url, article_form(title="旧新闻（更新）", slug="新地址"))
    article.refresh_from_db()
    assert article.slug == "xin-di-zhi"


def test_a_standard_page_and_the_contact_page_get_pinyin_addresses_too(editor_client, home):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    from pressroom.contact.models import ContactPage
    from pressroom.core.page_forms import ReadableSlugMixin

    url = f"/admin/pages/add/pages/standardpage/{home.pk}/"
    data = {"title": "企业文化", "slug": "企业文化", "summary": "", "body": streamfield([])}
    assert editor_client.post(url, nested_form_data(data)).status_code == 302
    assert StandardPage.objects.get(title="企业文化").slug == "qi-ye-wen-hua"
    # The contact page's form is Wagtail's form-page form, with the same slug rule.
    assert issubclass(ContactPage.get_edit_handler().get_form_class(), ReadableSlugMixin)
