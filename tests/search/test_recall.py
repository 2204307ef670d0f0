"""A labelled set of queries and the articles each must find, on this run's database.

The Chinese articles are the demo's (loaded by the demo loader); the English ones are made
from the demo's English text in the `en` locale. `make test` runs this module on SQLite and
again on PostgreSQL (PRESSROOM_TEST_POSTGRES), where it skips when the server is down.
"""

import pytest
from wagtail.models import Locale

from pressroom.demo.loader import read_demo
from pressroom.news.models import NewsArticlePage
from pressroom.search.query import search_pages
from pressroom.search.text import _CJK_RUN, _WORD

TOP = 10

# (query, slugs that must all be among the first TOP results)
CHINESE = [
    ("离心水泵", ["qh-series-centrifugal-pump-launch"]),
    ("能效标准", ["revised-pump-efficiency-standard"]),
    ("质量管理体系", ["iso-9001-recertification"]),
    ("污水处理", ["wastewater-upgrades-drive-demand", "riverside-wastewater-plant-pump-delivery"]),
    ("智能制造", ["smart-manufacturing-three-scenarios"]),
    ("华东", ["east-china-pump-valve-expo-2025"]),
    ("变频改造", ["energy-audits-vfd-retrofits"]),
    ("装配线", ["smart-valve-assembly-line"]),
    ("新兴市场", ["pump-valve-exports-first-three-quarters"]),
    ("技能培训", ["autumn-skills-training", "association-skills-training-guidelines"]),
    ("密封材料", ["low-leakage-valve-sealing-trends"]),
    ("志愿者", ["school-water-purifier-donation"]),
    ("农村供水", ["rural-water-supply-small-pumps"]),
    ("客户大会", ["annual-customer-conference-2026"]),
    ("数字孪生", ["digital-twin-pump-station-operations"]),
    ("冷却水", ["cooling-water-energy-retrofit-cases"]),
    ("研发中心", ["provincial-rd-center-recognition"]),
    ("氢能", ["hydrogen-storage-special-valves"]),
    ("东南亚", ["southeast-asia-export-growth"]),
    ("防爆认证", ["explosion-proof-control-valve-certified"]),
    ("消防演练", ["safety-month-fire-drill-training"]),
    ("认证门槛", ["overseas-certification-barriers"]),
    ("二次供水", ["secondary-water-supply-renovation"]),
    ("远程运维平台", ["remote-pump-station-platform-launch"]),
    ("首次赴欧", ["first-european-fluid-technology-fair"]),
    ("永磁同步电机", ["qh-series-centrifugal-pump-launch"]),  # summary and body only
    ("山区小学", ["school-water-purifier-donation"]),
]
MIXED = [
    ("QH系列", ["qh-series-centrifugal-pump-launch"]),
    ("ＱＨ系列 水泵", ["qh-series-centrifugal-pump-launch"]),
    ("ISO 9001 复审", ["iso-9001-recertification"]),
    ("QV系列 防爆", ["explosion-proof-control-valve-certified"]),
    ("2026年度", ["annual-customer-conference-2026"]),
]
ENGLISH = [
    ("centrifugal pumps", ["qh-series-centrifugal-pump-launch"]),
    ("digital twin", ["digital-twin-pump-station-operations"]),
    ("explosion-proof", ["explosion-proof-control-valve-certified"]),
    (
        "wastewater treatment",
        ["wastewater-upgrades-drive-demand", "riverside-wastewater-plant-pump-delivery"],
    ),
    ("hydrogen", ["hydrogen-storage-special-valves"]),
    ("volunteer", ["school-water-purifier-donation"]),  # the title says "volunteers"
    ("certification barriers", ["overseas-certification-barriers"]),
    ("sealing", ["low-leakage-valve-sealing-trends"]),
    ("Southeast Asia", ["southeast-asia-export-growth"]),
    ("fire drills", ["safety-month-fire-drill-training"]),
    ("recertification", ["iso-9001-recertification"]),
    ("assembly line", ["smart-valve-assembly-line"]),
    ("booster", ["secondary-water-supply-renovation"]),
    ("efficiency standards", ["revised-pump-efficiency-standard"]),
    (
        "pump station",
        ["digital-twin-pump-station-operations", "remote-pump-station-platform-launch"],
    ),
    ("QH", ["qh-series-centrifugal-pump-launch"]),
]


def found(query: str, language: str, limit=None) -> list[str]:
    results = search_pages(query, Locale.objects.get(language_code=language))
    if results is None:
        return []
    return [page.slug for page in (results[:limit] if limit else results)]


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "expected"), CHINESE + MIXED, ids=lambda v: str(v))
def test_chinese_and_mixed_queries_find_their_articles(corpus, query, expected):
    top = found(query, "zh-hans", TOP)
    assert set(expected) <= set(top), (corpus["vendor"], query, top)


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "expected"), ENGLISH, ids=lambda v: str(v))
def test_english_queries_find_their_articles(corpus, query, expected):
    top = found(query, "en", TOP)
    assert set(expected) <= set(top), (corpus["vendor"], query, top)


@pytest.mark.django_db
def test_a_language_finds_only_its_own_articles(corpus):
    assert found("centrifugal", "zh-hans") == []
    assert found("离心水泵", "en") == []


def title_substrings(title: str):
    """Every run of 2 and 3 consecutive Chinese characters of a title."""
    for run in _CJK_RUN.findall(title):
        for size in (2, 3):
            for start in range(len(run) - size + 1):
                yield run[start : start + size]


@pytest.mark.django_db
def test_any_two_or_three_chinese_characters_of_a_title_find_its_article(corpus):
    zh = Locale.objects.get(language_code="zh-hans")
    missed, tried = [], 0
    for item in read_demo()["news"]:
        article = NewsArticlePage.objects.get(slug=item["slug"], locale=zh)
        for piece in title_substrings(item["zh"]["title"]):
            tried += 1
            if article.pk not in [page.pk for page in search_pages(piece, zh)]:
                missed.append((piece, item["slug"]))
    assert tried > 500
    assert missed == []


@pytest.mark.django_db
def test_any_english_title_word_finds_its_article(corpus):
    en = Locale.objects.get(language_code="en")
    missed, tried = [], 0
    for item in read_demo()["news"]:
        article = NewsArticlePage.objects.get(slug=item["slug"], locale=en)
        for word in _WORD.findall(item["en"]["title"]):
            tried += 1
            if article.pk not in [page.pk for page in search_pages(word, en)]:
                missed.append((word, item["slug"]))
    assert tried > 200
    assert missed == []
