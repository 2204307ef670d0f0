"""The demo's data files: a mistake in one is reported with its file and key, before loading."""

import shutil

import pytest

from pressroom.demo import seed_texts
from pressroom.demo.data import DATA_DIR, DemoDataError
from pressroom.demo.loader import read_demo

ARTICLE = "news/iso-9001-recertification.toml"


@pytest.fixture
def data(tmp_path):
    """A copy of the demo's data files, to get wrong."""
    shutil.copytree(DATA_DIR, tmp_path / "data")
    return tmp_path / "data"


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def error_for(data, name, old, new) -> DemoDataError:
    edit(data / name, old, new)
    with pytest.raises(DemoDataError) as error:
        read_demo(data)
    assert error.value.path == data / name
    return error.value


def test_the_data_files_are_read_as_written():
    demo = read_demo()
    assert [item["slug"] for item in demo["pages"]] == ["about", "history", "culture", "quality"]
    assert [item["parent"] for item in demo["pages"]] == ["", "about", "about", ""]
    assert [item["slug"] for item in demo["categories"]] == ["company", "industry"]
    assert len(demo["news"]) == 28
    article = next(item for item in demo["news"] if item["slug"] == "iso-9001-recertification")
    assert article["zh"]["title"] == "公司顺利通过ISO 9001质量管理体系复审认证"
    assert f"{article['updated']:%Y-%m-%d %H:%M:%S}" == "2025-07-09 09:05:33"
    assert article["updated"].utcoffset().total_seconds() == 8 * 3600  # Asia/Shanghai
    assert article["zh"]["source_name"] == "" and article["en"]["tags"][1] == "ISO 9001"
    # Lines ending in a backslash join without a break; an English sentence keeps its space.
    lead = article["en"]["body"][0]
    assert lead[0] == "paragraph" and "\n" not in lead[1]
    assert (
        "visited the company to carry out a recertification audit of its quality management "
        "system. The team visited eleven departments"
    ) in lead[1]


@pytest.mark.parametrize(
    ("name", "old", "new", "key", "problem"),
    [
        (
            ARTICLE,
            'title = "Company',
            'titel = "Company',
            "en.titel",
            "unknown key; expected one of: title, summary, author, source_name, tags, body",
        ),
        (ARTICLE, 'author = "Zhou Yutong"\n', "", "en.author", "is missing"),
        (
            ARTICLE,
            'heading = "Audit results"',
            "heading = 12",
            "en.body[2].heading",
            "must be text, not 12",
        ),
        (
            ARTICLE,
            'heading = "Audit results"',
            'heading = "Audit results"\nparagraph = "<p>"',
            "en.body[2]",
            "a block has exactly one of the keys heading, paragraph, quote, image, "
            "table (found: heading, paragraph)",
        ),
        (
            ARTICLE,
            "cover_image = 3",
            "cover_image = 0",
            "cover_image",
            "must be a picture number from 1 to 8, not 0",
        ),
        (
            ARTICLE,
            "published = 2025-07-08 14:20:00",
            'published = "2025-07-08 14:20"',
            "published",
            "must be a date and time without quotes, like 2025-06-12 10:00:00, not "
            "'2025-07-08 14:20'",
        ),
        (
            ARTICLE,
            "updated = 2025-07-09 09:05:33",
            "updated = 2025-07-01 09:05:33",
            "updated",
            "is before published",
        ),
        (
            ARTICLE,
            'category = "company"',
            'category = "compnay"',
            "category",
            "'compnay' is not a category of categories.toml (company, industry)",
        ),
        (
            ARTICLE,
            'slug = "iso-9001-recertification"',
            'slug = "iso 9001"',
            "slug",
            "'iso 9001' is not a slug (letters, digits, - and _ only)",
        ),
        (
            "pages.toml",
            'summary = "From incoming',
            'sumary = "From incoming',
            "page[4].en.sumary",
            "unknown key; expected one of: title, summary, body",
        ),
        (
            "pages.toml",
            '  ["2011", "通过ISO 9001质量管理体系认证"],',
            '  ["2011"],',
            "page[2].zh.body[1].table[3]",
            "has 1 cells, the first row has 2",
        ),
        (
            "pages.toml",
            'parent = "about"',
            'parent = "quality"',
            "page[2].parent",
            "'quality' is no top-level page written above",
        ),
        ("company.toml", 'hotline = "400-000-0571"\n', "", "hotline", "is missing"),
        (
            "categories.toml",
            'en.name = "Industry news"',
            'en.name = ""',
            "category[2].en.name",
            "is empty",
        ),
    ],
)
def test_a_mistake_is_named_by_file_and_key(data, name, old, new, key, problem):
    error = error_for(data, name, old, new)
    assert (error.key, error.problem) == (key, problem)
    assert str(error) == f"{data / name}: {key}: {problem}"


def test_a_slug_used_twice_names_both_files(data):
    error = error_for(
        data, ARTICLE, 'slug = "iso-9001-recertification"', 'slug = "autumn-skills-training"'
    )
    assert error.key == "slug"
    assert error.problem == (
        f"'autumn-skills-training' is also the slug of {data / 'news/autumn-skills-training.toml'}"
    )


def test_a_file_that_is_not_toml_names_its_line(data):
    error = error_for(data, ARTICLE, 'author = "Zhou Yutong"', 'author = "Zhou Yutong')
    assert error.key == ""
    assert error.problem.startswith("not valid TOML: ")
    assert error.problem.endswith("(at line 43, column 22)")


@pytest.fixture
def phrases_file(data, monkeypatch):
    monkeypatch.setattr(seed_texts, "PHRASES_FILE", data / "seed-phrases.toml")
    seed_texts.phrases.cache_clear()
    yield data / "seed-phrases.toml"
    seed_texts.phrases.cache_clear()


@pytest.mark.parametrize(
    ("old", "new", "key", "problem"),
    [
        ('["上海", "Shanghai"],', '["上海"],', "cities[1]", "must be a list of 2, not ['上海']"),
        (
            '"Company launches the {code}-{n} {product}"',
            '"Company launches the {code}-{n} {prodcut}"',
            "topics.launch.title[2]",
            "{prodcut} is not a value an article has",
        ),
        (
            '"Company launches the {code}-{n} {product}"',
            '"Company launches the {code} {product}"',
            "topics.launch.title",
            "the Chinese has {code}, {n}, {product} and the "
            "English {code}, {product}: both must say the same",
        ),
    ],
)
def test_a_mistake_in_the_seed_phrases_is_named(phrases_file, old, new, key, problem):
    edit(phrases_file, old, new)
    with pytest.raises(DemoDataError) as error:
        seed_texts.seed_texts(1)
    assert (error.value.path, error.value.key) == (phrases_file, key)
    assert error.value.problem.startswith(problem)
