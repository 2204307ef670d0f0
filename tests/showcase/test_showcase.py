"""Cases (工程案例) and honours (资质荣誉) as a visitor and an editor meet them."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from pressroom.pagecache.showing import Address, urls_showing
from pressroom.showcase.models import CasePage, Honour, HonourIndexPage
from tests.factories import (
    make_case,
    make_cases_page,
    make_image,
    make_product,
    make_product_category,
    make_product_center,
    publish,
)

pytestmark = pytest.mark.django_db


def html_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def test_the_cases_page_lists_cases_latest_year_first(client, home, company, settings):
    settings.PRESSROOM_CASES_PER_PAGE = 2
    cases = make_cases_page(home)
    make_case(cases, title="老项目", year=2019)
    make_case(cases, title="新项目", year=2026, main_image=make_image())
    make_case(cases, title="中间的项目", year=2022)

    first = html_of(client, "/cases/")
    titles = [t.get_text() for t in first.select(".case-list .tile__title")]
    assert titles == ["新项目", "中间的项目"]
    assert "2026" in first.select_one(".case-list .tile__meta").get_text()
    assert first.select_one(".case-list img")  # the case with a picture shows it
    assert first.select_one(".case-list .card__no-image")  # the others a plain tile
    second = html_of(client, "/cases/page/2/")
    assert [t.get_text() for t in second.select(".tile__title")] == ["老项目"]
    # Page 1 has one address; an old ?page=N link moves; a page past the end is not there.
    assert client.get("/cases/page/1/")["Location"] == "/cases/"
    assert client.get("/cases/?page=2")["Location"] == "/cases/page/2/"
    assert client.get("/cases/page/3/").status_code == 404
    assert client.get("/cases/?page=x").status_code == 404


def test_a_case_shows_client_place_year_pictures_and_products(client, home, company):
    center = make_product_center(home)
    pumps = make_product_category(center, "水泵", "pumps")
    pump = make_product(pumps, title="QH-50 离心泵")
    hidden = make_product(pumps, title="下架的泵")
    hidden.unpublish()
    cases = make_cases_page(home)
    case = make_case(
        cases,
        title="水厂泵站改造",
        client="江畔水务",
        place="湖州",
        year=2025,
        summary="四台新泵。",
        main_image=make_image(),
        products=[
            {"type": "product", "value": pump.pk},
            {"type": "product", "value": hidden.pk},
        ],
    )

    html = html_of(client, case.url)
    assert html.h1.get_text() == "水厂泵站改造"
    facts = {div.dt.get_text(): div.dd.get_text() for div in html.select(".case__facts div")}
    assert facts == {"客户": "江畔水务", "地点": "湖州", "年份": "2025"}
    assert html.select_one(".gallery img")
    used = [a.get_text() for a in html.select(".related .card__title a")]
    assert used == ["QH-50 离心泵"]  # an unpublished product is left out
    assert [li.get_text(strip=True) for li in html.select(".breadcrumb li")] == [
        "首页",
        "工程案例",
        "水厂泵站改造",
    ]


def test_a_case_without_pictures_or_products_and_with_a_long_title_renders(client, home, company):
    cases = make_cases_page(home)
    case = make_case(cases, title="长" * 255, client="", place="", summary="")
    html = html_of(client, case.url)
    assert html.select_one(".gallery") is None and html.select_one(".related") is None
    assert html.select(".case__facts dt")[0].get_text() == "年份"


@pytest.mark.parametrize("year", [1949, date.today().year + 2])
def test_a_year_out_of_range_is_refused_naming_the_field(home, year):
    cases = make_cases_page(home)
    case = CasePage(title="年份不对", slug="bad-year", year=year)
    case.set_url_path(cases)
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert "year" in error.value.message_dict
    assert "1950" in error.value.message_dict["year"][0]


def test_publishing_a_case_purges_its_list_pages(home, company, site, settings):
    settings.PRESSROOM_CASES_PER_PAGE = 1
    cases = make_cases_page(home)
    make_case(cases)
    case = make_case(cases)
    shown = urls_showing(case)
    assert {Address(site.pk, "/cases/"), Address(site.pk, "/cases/page/2/")} <= shown
    assert Address(site.pk, "/") in shown  # the home page shows every page


def test_the_search_finds_a_case_by_a_chinese_word(client, home, company):
    cases = make_cases_page(home)
    make_case(cases, title="化工园区加药系统", summary="十二台计量泵组成的集中加药间。")
    html = html_of(client, "/search/?q=加药间")
    assert [h.get_text() for h in html.select(".search-result__title")] == ["化工园区加药系统"]


def test_honours_show_as_a_gallery_with_their_facts(client, home, company):
    today = date.today()
    page = HonourIndexPage(title="资质荣誉", slug="honours")
    page.honours = [
        Honour(
            image=make_image(),
            title="质量管理体系认证",
            issuer="示例认证中心",
            number="Q-001",
            year=2023,
            valid_until=today - timedelta(days=1),
        ),
        Honour(image=make_image(), title="年度优秀供应商", year=2025),
    ]
    publish(home, page)

    html = html_of(client, "/honours/")
    honours = html.select(".honour")
    assert [h.select_one(".honour__title").get_text() for h in honours] == [
        "质量管理体系认证",
        "年度优秀供应商",
    ]
    first = honours[0].get_text(" ")
    assert "示例认证中心" in first and "Q-001" in first
    # An expired certificate is shown as expired, not hidden.
    assert honours[0].select_one(".honour__expired").get_text() == "（已过期）"
    assert honours[1].select_one(".honour__expired") is None
    # The picture opens full size.
    assert "max-1600x1600" in honours[0].select_one("a.honour__picture")["href"]


def test_an_honour_whose_picture_was_deleted_still_shows(client, home, company):
    picture = make_image()
    page = HonourIndexPage(title="资质荣誉", slug="honours")
    page.honours = [Honour(image=picture, title="专利证书")]
    publish(home, page)
    picture.delete()
    honour = html_of(client, "/honours/").select_one(".honour")
    assert honour.select_one(".honour__title").get_text() == "专利证书"
    assert honour.img is None


def add_case_in_admin(client, cases_page, **fields):
    """Publish a new case through the admin's add form, as an editor does."""
    from django.urls import reverse
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = {
        "title": "加药间改造",
        "slug": "dosing-room",
        "client": "化工园区",
        "place": "宁波",
        "year": "2024",
        "summary": "",
        "main_image": "",
        "gallery": inline_formset([]),
        "products": streamfield([]),
        "body": streamfield([]),
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(fields)
    url = reverse("wagtailadmin_pages:add", args=["showcase", "casepage", cases_page.pk])
    return client.post(url, nested_form_data(data))


def admin_field_errors(response, name) -> str:
    html = BeautifulSoup(response.content, "html.parser")
    field = html.find(attrs={"name": name})
    assert field is not None, name
    wrapper = field.find_parent(attrs={"data-field-wrapper": True})
    return " ".join(e.get_text(" ", strip=True) for e in wrapper.select(".error-message"))


def test_the_admin_form_refuses_a_year_out_of_range_and_a_3000_character_title(
    editor_client, home, company
):
    cases = make_cases_page(home)
    response = add_case_in_admin(editor_client, cases, year="1800")
    assert response.status_code == 200  # the form again, not a 500 and not saved
    assert "1950" in admin_field_errors(response, "year")
    response = add_case_in_admin(editor_client, cases, title="长" * 3000)
    assert response.status_code == 200
    assert admin_field_errors(response, "title")
    assert not CasePage.objects.exists()
    response = add_case_in_admin(editor_client, cases)
    assert response.status_code == 302
    assert CasePage.objects.get().year == 2024


def json_ld_of(html, kind) -> list[dict]:
    import json

    blocks = [json.loads(s.string) for s in html.select('script[type="application/ld+json"]')]
    return [block for block in blocks if block.get("@type") == kind]


def test_the_cases_list_describes_its_cases_as_an_item_list(client, home, company, settings):
    settings.PRESSROOM_CASES_PER_PAGE = 2
    cases = make_cases_page(home)
    make_case(cases, title="第一个", year=2026)
    make_case(cases, title="第二个", year=2025)
    make_case(cases, title="第三个", year=2024)
    (first,) = json_ld_of(html_of(client, "/cases/"), "ItemList")
    assert [(i["position"], i["name"]) for i in first["itemListElement"]] == [
        (1, "第一个"),
        (2, "第二个"),
    ]
    assert "/cases/case-" in first["itemListElement"][0]["url"]
    (second,) = json_ld_of(html_of(client, "/cases/page/2/"), "ItemList")
    assert [(i["position"], i["name"]) for i in second["itemListElement"]] == [(3, "第三个")]


def test_the_honours_page_is_an_image_gallery_of_its_certificates(client, home, company):
    page = HonourIndexPage(title="资质荣誉", slug="honours")
    page.honours = [
        Honour(image=make_image(), title="ISO 9001 证书", issuer="认证中心"),
        Honour(image=None, title="没有图片的证书"),
    ]
    publish(home, page)
    html = html_of(client, "/honours/")
    (gallery,) = json_ld_of(html, "ImageGallery")
    assert gallery["name"] == "资质荣誉"
    (image,) = gallery["image"]  # the certificate without a picture is not an image
    assert image["@type"] == "ImageObject" and image["name"] == "ISO 9001 证书"
    assert image["creditText"] == "认证中心"
    # The picture the JSON-LD names is the one the page opens full size.
    full = html.select_one(".honour__picture")["href"]
    assert image["contentUrl"].endswith(full)


def test_an_english_case_shows_english_labels_and_the_english_products(client, home, company):
    from wagtail.models import Locale

    center = make_product_center(home)
    pumps = make_product_category(center, "水泵", "pumps")
    pump = make_product(pumps, title="QH-50 离心泵")
    cases = make_cases_page(home)
    case = make_case(
        cases, title="水厂泵站改造", year=2024, products=[{"type": "product", "value": pump.pk}]
    )
    english = Locale.objects.get(language_code="en")
    for page in (home, center, pumps, pump, cases, case):
        copy = page.specific.copy_for_translation(english)
        copy.title = {"水泵": "Pumps", "QH-50 离心泵": "QH-50 centrifugal pump"}.get(
            page.title, copy.title
        )
        if page.pk == case.pk:
            copy.title = "Pumping station upgrade"
            copy.client, copy.place = "A waterworks", "Huzhou"
        copy.save_revision().publish()

    html = html_of(client, "/en/cases/")
    assert [t.get_text() for t in html.select(".case-list .tile__title")] == [
        "Pumping station upgrade"
    ]
    html = html_of(client, "/en/cases/" + case.slug + "/")
    facts = {div.dt.get_text(): div.dd.get_text() for div in html.select(".case__facts div")}
    assert facts == {"Client": "A waterworks", "Place": "Huzhou", "Year": "2024"}
    used = [a.get_text() for a in html.select(".related .card__title a")]
    assert used == ["QH-50 centrifugal pump"]  # the English product, not the Chinese one


def test_the_static_export_writes_the_cases_their_numbered_lists_and_honours(
    tmp_path, home, company, settings
):
    from django.core.management import call_command

    settings.PRESSROOM_CASES_PER_PAGE = 1
    cases = make_cases_page(home)
    make_case(cases, title="导出的案例一", slug="one", year=2025)
    make_case(cases, title="导出的案例二", slug="two", year=2024)
    page = HonourIndexPage(title="资质荣誉", slug="honours")
    page.honours = [Honour(image=make_image(), title="导出的证书")]
    publish(home, page)

    call_command("export", str(tmp_path))

    assert "导出的案例一" in (tmp_path / "cases" / "index.html").read_text()
    assert "导出的案例二" in (tmp_path / "cases" / "page" / "2" / "index.html").read_text()
    assert "导出的案例二" in (tmp_path / "cases" / "two" / "index.html").read_text()
    assert "导出的证书" in (tmp_path / "honours" / "index.html").read_text()
