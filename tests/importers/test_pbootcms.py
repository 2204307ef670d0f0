"""`pressroom import pbootcms`: a PbootCMS site's SQLite database (PbootCMS's own tables, an
invented pump maker) becomes the company info, a standard page, news categories and articles;
its pseudo-static and compatible-mode addresses answer 301."""

import os
import sqlite3
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError
from PIL import Image as PILImage

from pressroom.core.models import CompanyInfo
from pressroom.news.models import NewsArticlePage, NewsCategory
from pressroom.pages.models import StandardPage
from tests.importers.conftest import FIXTURES, run_import

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "pbootcms.db"
    with sqlite3.connect(path) as db:
        db.executescript((FIXTURES / "pbootcms.sql").read_text(encoding="utf-8"))
    db.close()
    return path


@pytest.fixture
def site_root(tmp_path):
    """The old site's files: its uploads under static/upload/."""
    root = tmp_path / "old-site"
    for name in ["20190301/factory.png", "20210618/cover.png", "20210618/cert.png"]:
        file = root / "static/upload/image" / name
        file.parent.mkdir(parents=True, exist_ok=True)
        PILImage.new("RGB", (48, 30), "#468").save(file)
    return root


@pytest.fixture
def imported(home, database, site_root):
    return run_import("pbootcms", database, "--media", site_root / "static/upload")


def test_items_become_articles_and_single_pages_standard_pages(imported, home, client):
    article = NewsArticlePage.objects.get(title="澄河水泵通过节能认证")
    assert article.live
    assert article.first_published_at == datetime(2021, 6, 18, 10, 30, tzinfo=SHANGHAI)
    assert article.author == "王工"
    assert article.source_name == ""  # 本站: the site's own
    assert article.summary == "QJ 系列通过节能认证。"
    assert article.category.name == "公司新闻"
    assert sorted(tag.name for tag in article.tags.all()) == ["节能", "认证"]
    assert article.cover_image is not None
    assert [block.block_type for block in article.body] == ["paragraph", "image"]  # + pics
    page = client.get(article.url).content.decode()
    assert "通过国家节能认证" in page
    assert "皇冠体育" not in page
    assert "pboot:if" not in page and "file_put_co" not in page
    assert "http://bet.test/ (hidden)" in imported
    assert "澄河水泵通过节能认证: 2 PbootCMS template tags left out" in imported

    assert NewsArticlePage.objects.get(title="转载：水泵行业年度报告").source_name == "中国泵业网"
    assert not NewsArticlePage.objects.get(title="未审核的稿件").live
    about = StandardPage.objects.get(title="公司简介")
    assert about.get_parent().pk == home.pk and about.slug == "aboutus"
    assert [block.block_type for block in about.body] == ["paragraph", "image"]
    assert list(NewsCategory.objects.values_list("name", flat=True)) == ["公司新闻"]


def test_company_info_filled(imported, site):
    info = CompanyInfo.for_site(site)
    assert info.name == "澄河水泵有限公司"
    assert info.phone == "0576-80000000"
    assert info.email == "sales@chenghe.test"


def test_old_addresses_answer_301(imported, client, news_index):
    article = NewsArticlePage.objects.get(title="澄河水泵通过节能认证")
    category = NewsCategory.objects.get(name="公司新闻")
    for old, new in [
        ("/company/2.html", article.url),
        ("/?company/2.html", article.url),
        ("/company/", news_index.list_url(category)),
        ("/?company/", news_index.list_url(category)),
        ("/?aboutus/", "/aboutus/"),
        ("/2/", news_index.url),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new, old


def test_a_second_run_duplicates_nothing(imported, database, site_root):
    again = run_import("pbootcms", database, "--media", site_root / "static/upload")
    assert "article: 0 created, 0 updated, 3 unchanged" in again
    assert NewsArticlePage.objects.count() == 3


def test_not_a_pbootcms_database(home, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(CommandError, match="not an SQLite database"):
        run_import("pbootcms", junk)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(CommandError, match="not a PbootCMS database: it has no ay_content"):
        run_import("pbootcms", other)


def test_the_database_is_never_changed(imported, database):
    before = database.read_bytes()
    run_import("pbootcms", database, "--dry-run")
    assert database.read_bytes() == before


@pytest.fixture
def mysql_database():
    """The fixture's tables in a database of its own on the MariaDB server at 127.0.0.1:3306
    (root, no password); the test skips when there is none."""
    pymysql = pytest.importorskip("pymysql")
    try:
        server = pymysql.connect(
            host="127.0.0.1",
            port=3306,
            user="root",
            password="",
            charset="utf8mb4",
            connect_timeout=2,
        )
    except pymysql.err.Error:
        pytest.skip("no MariaDB server at 127.0.0.1:3306")
    name = f"pressroom_pbootcms_{os.getpid()}"
    with server.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name}")
        cursor.execute(f"CREATE DATABASE {name} CHARACTER SET utf8mb4")
        cursor.execute(f"USE {name}")
        script = (FIXTURES / "pbootcms.sql").read_text(encoding="utf-8")
        for statement in script.split(";\n"):
            if statement.strip().strip("-").strip():
                cursor.execute(statement)
    server.commit()
    yield f"mysql://root@127.0.0.1:3306/{name}"
    with server.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name}")
    server.close()


def test_the_same_site_from_mysql(home, mysql_database, site_root, client):
    report = run_import("pbootcms", mysql_database, "--media", site_root / "static/upload")
    assert "article: 3 created" in report
    article = NewsArticlePage.objects.get(title="澄河水泵通过节能认证")
    assert article.first_published_at == datetime(2021, 6, 18, 10, 30, tzinfo=SHANGHAI)
    assert client.get("/?company/2.html")["Location"] == article.url
    again = run_import("pbootcms", mysql_database, "--media", site_root / "static/upload")
    assert "article: 0 created, 0 updated, 3 unchanged" in again


def test_an_unreachable_mysql_server_is_a_clear_error(home):
    pytest.importorskip("pymysql")
    with pytest.raises(CommandError, match="Cannot read the database at 127.0.0.1:9/x"):
        run_import("pbootcms", "mysql://root@127.0.0.1:9/x")
