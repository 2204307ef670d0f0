"""`pressroom import dedecms`: a DedeCMS site (DedeCMS's own tables, an invented machine-tool
maker, its Chinese text stored as GBK in latin1 columns as old installs do), read from a
mysqldump file and from a MariaDB database, becomes news categories and articles with their
writer, source, date and pictures; its archive and list addresses answer 301."""

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError
from PIL import Image as PILImage

from pressroom.importers.dedecms import decode, read_dump
from pressroom.news.models import NewsArticlePage, NewsCategory
from tests.importers.conftest import FIXTURES, run_import

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
GBK_DUMP = (FIXTURES / "dedecms.sql").read_text(encoding="utf-8").encode("gbk")


def mariadb():
    """A connection to the test MariaDB server, or a skip when there is none."""
    pymysql = pytest.importorskip("pymysql")
    try:
        return pymysql.connect(
            host="127.0.0.1",
            port=3306,
            user="root",
            password="",
            charset="latin1",
            connect_timeout=3,
        )
    except pymysql.err.Error as error:
        pytest.skip(f"no MariaDB at 127.0.0.1:3306 ({error})")


@pytest.fixture
def dump_file(tmp_path):
    path = tmp_path / "dede.sql"
    path.write_bytes(GBK_DUMP)
    return str(path)


@pytest.fixture
def mysql_url():
    """A database of its own on the MariaDB server, loaded with the GBK dump, dropped after."""
    connection = mariadb()
    name = f"pressroom_dede_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET latin1")
        cursor.execute(f"USE `{name}`")
        lines = [line for line in GBK_DUMP.split(b"\n") if not line.startswith(b"--")]
        for statement in b"\n".join(lines).split(b";\n"):
            if statement.strip():
                cursor.execute(statement)  # bytes: the GBK text goes in as it is
    connection.commit()
    yield f"mysql://root@127.0.0.1:3306/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE `{name}`")
    connection.close()


@pytest.fixture(params=["dump", "mysql"])
def source(request):
    return request.getfixturevalue("dump_file" if request.param == "dump" else "mysql_url")


@pytest.fixture
def uploads(tmp_path):
    """The old site's uploads folder (DedeCMS keeps pictures in /uploads/allimg/)."""
    folder = tmp_path / "old-site" / "uploads"
    for name in ["allimg/230315/1-230315093000.png", "allimg/230315/1-230315093100.png"]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        PILImage.new("RGB", (50, 30), "#357").save(folder / name)
    return folder


def test_articles_appear_with_writer_source_date_pictures_and_category(
    home, source, uploads, client
):
    report = run_import("dedecms", source, "--media", uploads)
    article = NewsArticlePage.objects.get(title="恒岳机械三号车间投产")
    assert article.live
    assert article.first_published_at == datetime(2023, 3, 15, 9, 30, tzinfo=SHANGHAI)
    assert article.author == "陈工"
    assert article.source_name == ""  # 本站: the site's own
    assert article.summary == "恒岳机械三号车间正式投产，年产能提升三成。"
    assert article.category.name == "公司新闻"
    assert sorted(tag.name for tag in article.tags.all()) == ["投产", "车间"]
    assert article.cover_image is not None
    assert [block.block_type for block in article.body] == ["paragraph", "image", "paragraph"]
    page = client.get(article.url).content.decode()
    assert "三号车间占地两万平方米，&#x27;数控&#x27;加工中心四十台。" in page or (
        "三号车间占地两万平方米，'数控'加工中心四十台。" in page
    )
    assert "车间内景" in page
    assert "博彩" not in page and "spam.test" not in page
    assert "http://spam.test/ (hidden)" in report

    reprint = NewsArticlePage.objects.get(title="转载：机床行业“回暖”")
    assert reprint.source_name == "中国机床网"
    assert reprint.author == "李华"
    assert sorted(tag.name for tag in reprint.tags.all()) == ["机床", "行业"]
    assert not NewsArticlePage.objects.get(title="待审核的稿件").live  # arcrank -1: a draft
    assert not NewsArticlePage.objects.filter(title="已删除的稿件").exists()  # -2: recycled
    assert "in the recycle bin" in report
    assert sorted(NewsCategory.objects.values_list("name", flat=True)) == ["公司新闻", "行业动态"]
    assert "article: 3 created" in report


def test_old_addresses_answer_301(home, source, uploads, client):
    run_import("dedecms", source, "--media", uploads)
    article = NewsArticlePage.objects.get(title="恒岳机械三号车间投产")
    for old in ["/news/gongsi/20230315/1.html", "/plus/view.php?aid=1"]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(article.url)
    reprint = NewsArticlePage.objects.get(title="转载：机床行业“回暖”")
    assert client.get("/news/hangye/20230520/2.html")["Location"].endswith(reprint.url)
    listing = client.get("/plus/list.php?tid=2")
    assert listing.status_code == 301
    assert client.get(listing["Location"], follow=True).status_code == 200
    assert "恒岳机械三号车间投产" in client.get(listing["Location"]).content.decode()
    assert client.get("/news/gongsi/").status_code == 301
    assert client.get("/news/").status_code in (200, 301)  # the channel page: the news center
    assert client.get("/plus/view.php?aid=3").status_code == 404  # a draft: no address


def test_second_run_creates_no_duplicates(home, dump_file, uploads):
    run_import("dedecms", dump_file, "--media", uploads)
    count = NewsArticlePage.objects.count()
    report = run_import("dedecms", dump_file, "--media", uploads)
    assert NewsArticlePage.objects.count() == count == 3
    assert "article: 0 created, 0 updated, 3 unchanged" in report
    assert NewsCategory.objects.count() == 2


def test_encoding_given_or_detected():
    assert decode("恒岳".encode("gbk")) == "恒岳"
    assert decode("恒岳".encode()) == "恒岳"
    # GBK bytes dumped through a latin1 → utf8 conversion: undone
    assert decode("机床行业".encode("gbk").decode("cp1252").encode("utf-8")) == "机床行业"
    assert decode("café".encode()) == "café"
    assert decode("機械".encode("big5"), "big5") == "機械"  # --encoding big5


def test_dump_literals_are_read_not_executed():
    dump = (
        b"CREATE TABLE `dede_archives` (\n  `id` int,\n  `title` char(60)\n) ENGINE=MyISAM;\n"
        b"INSERT INTO `dede_archives` VALUES (1,'it\\'s; DROP TABLE x; -- ''ok'''),"
        b"(2,NULL),(3,'a\\\\b\\nc'),(4,0xE68192E5B2B3),(5,_binary 'x');\n"
    )
    rows = read_dump(dump, {"dede_archives"})["dede_archives"]
    assert rows == [
        {"id": "1", "title": b"it's; DROP TABLE x; -- 'ok'"},
        {"id": "2", "title": None},
        {"id": "3", "title": b"a\\b\nc"},
        {"id": "4", "title": "恒岳".encode()},
        {"id": "5", "title": b"x"},
    ]


def test_not_a_dedecms_source(home, tmp_path):
    other = tmp_path / "other.sql"
    other.write_bytes(b"CREATE TABLE `wp_posts` (\n  `ID` int\n);\n")
    with pytest.raises(CommandError, match="not a DedeCMS database"):
        run_import("dedecms", other)
    with pytest.raises(CommandError, match="Cannot read"):
        run_import("dedecms", tmp_path / "missing.sql")
    with pytest.raises(CommandError, match="no such encoding"):
        run_import("dedecms", other, "--encoding", "klingon")
