"""pressroom export DIR: the public site as files, as a visitor sees it."""

import re

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale, PageViewRestriction

from pressroom.export.export import target_for
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_export_writes_every_public_page(tmp_path, company, news_index, sitemap_page):
    article = make_article(news_index, title="导出的新闻", slug="exported")
    draft = make_article(news_index, title="草稿", slug="draft", live=False)
    secret = make_article(news_index, title="受保护", slug="secret")
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    english = Locale.objects.get(language_code="en")
    home_en = news_index.get_parent().copy_for_translation(english)
    home_en.save_revision().publish()

    call_command("export", str(tmp_path))

    written = tmp_path / "news" / "exported" / "index.html"
    # The page as a visitor gets it, but for the links to feeds, which name their files.
    live = Client().get(article.url).content.decode()
    assert 'feed/rss/"' in live
    live = re.sub(r'href="(/[^"]*/feed/\w+/)"', r'href="\1index.xml"', live)
    assert written.read_text() == live
    assert "导出的新闻" in (tmp_path / "news" / "index.html").read_text()
    assert (tmp_path / "index.html").exists() and (tmp_path / "sitemap" / "index.html").exists()
    assert (tmp_path / "en" / "index.html").exists()
    assert not (tmp_path / "news" / "draft").exists() and draft.url is not None
    assert not (tmp_path / "news" / "secret").exists()
    assert "受保护" not in (tmp_path / "news" / "index.html").read_text()
    assert (tmp_path / "404.html").exists()


def test_paths_cannot_leave_the_export_directory(tmp_path):
    with pytest.raises(ValueError):
        target_for(tmp_path, "/../../etc/")


def serve_directory(root):
    """A plain static file server (Python's own) on loopback, like any static host."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def fetch(server, path):
    import urllib.error
    import urllib.request

    url = f"http://127.0.0.1:{server.server_address[1]}{path}"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def test_the_exported_site_serves_every_link_from_files(tmp_path, company, news_index, home):
    """Crawl the export through a plain static server: every local link answers 200."""
    from urllib.parse import urljoin, urlsplit

    from tests.factories import NewsCategoryFactory

    category = NewsCategoryFactory(name="行业动态", slug="industry")
    NewsCategoryFactory(name="暂无新闻", slug="empty")  # its list is linked from every list
    for n in range(12):  # two list pages
        make_article(news_index, title=f"静态新闻 {n}", slug=f"static-{n}", category=category)
    call_command("export", str(tmp_path))
    server = serve_directory(tmp_path)
    try:
        seen, queue, failures = set(), ["/"], []
        while queue:
            path = queue.pop()
            if path in seen:
                continue
            seen.add(path)
            status, content_type, body = fetch(server, path)
            if status != 200:
                failures.append((path, status))
                continue
            if "html" not in content_type:
                continue
            for link in re.findall(r'(?:href|src)="([^"#?]+)"', body.decode()):
                target = urlsplit(urljoin(path, link))
                if target.scheme or target.netloc or target.path.startswith("/static/"):
                    continue  # other sites; static files are checked below
                queue.append(target.path)
    finally:
        server.shutdown()
    assert not failures
    assert {"/news/", "/news/page/2/", "/news/category/industry/", "/news/static-3/"} <= seen
    assert "/news/category/empty/" in seen
    # Feeds are files with an XML type, linked from the pages by that name. The news center's
    # own feed is the one holding the articles (the empty category's feed is linked too).
    assert {"/news/feed/rss/index.xml", "/news/feed/atom/index.xml"} <= seen
    feed = "/news/feed/rss/index.xml"
    server = serve_directory(tmp_path)
    try:
        status, content_type, body = fetch(server, feed)
        assert status == 200 and "xml" in content_type and "静态新闻" in body.decode()
        for crawler_file in ("/robots.txt", "/llms.txt", "/sitemap.xml", "/sitemap-1.xml"):
            assert fetch(server, crawler_file)[0] == 200, crawler_file
        assert "/news/static-3/" in fetch(server, "/sitemap-1.xml")[2].decode()
    finally:
        server.shutdown()


def test_the_export_writes_the_product_centers_feeds(tmp_path, company, home):
    import xml.etree.ElementTree as ET

    from tests.factories import make_product, make_product_category, make_product_center

    pumps = make_product_category(make_product_center(home), "水泵", "pumps")
    product = make_product(pumps, title="导出的水泵")
    call_command("export", str(tmp_path))
    rss = ET.parse(tmp_path / "products" / "feed" / "rss" / "index.xml").getroot()
    assert [item.findtext("title") for item in rss.iter("item")] == ["导出的水泵"]
    assert rss.findtext("channel/item/link") == product.get_full_url()
    atom = ET.parse(tmp_path / "products" / "feed" / "atom" / "index.xml").getroot()
    assert atom.tag == "{http://www.w3.org/2005/Atom}feed"
    # The product center's page links its feeds by the names of their files.
    center = (tmp_path / "products" / "index.html").read_text()
    assert 'href="/products/feed/rss/index.xml"' in center
    assert 'href="/products/feed/atom/index.xml"' in center


def test_changed_re_exports_only_what_a_publish_affects(tmp_path, company, news_index, home):
    from pressroom.export.export import export_site
    from pressroom.pagecache.showing import urls_showing

    articles = [make_article(news_index, title=f"旧闻 {n}", slug=f"old-{n}") for n in range(3)]
    full = export_site(tmp_path, changed_only=True)  # no earlier export: everything
    assert full.full and "/news/old-0/" in full.written

    nothing = export_site(tmp_path, changed_only=True)
    assert not nothing.full
    assert {path for path in nothing.written if not path.endswith((".txt", ".xml"))} == set()

    edited = articles[1]
    edited.title = "旧闻（已更正）"
    edited.save_revision().publish()
    changed = export_site(tmp_path, changed_only=True)
    assert not changed.full
    pages_written = {path for path in changed.written if not path.endswith((".txt", ".xml"))}
    assert "/news/old-1/" in pages_written and "/news/" in pages_written
    assert pages_written <= {address.path for address in urls_showing(edited)} | {"/"}
    assert len(pages_written) < len(full.written)
    assert "旧闻（已更正）" in (tmp_path / "news" / "old-1" / "index.html").read_text()
    assert "旧闻（已更正）" in (tmp_path / "news" / "index.html").read_text()

    articles[2].unpublish()
    gone = export_site(tmp_path, changed_only=True)
    assert "/news/old-2/" in gone.removed
    assert not (tmp_path / "news" / "old-2" / "index.html").exists()
    assert "旧闻 2" not in (tmp_path / "news" / "index.html").read_text()


def test_a_company_info_change_re_exports_everything(tmp_path, company, news_index, home):
    from pressroom.export.export import export_site

    make_article(news_index, title="公司新闻", slug="company-news")
    export_site(tmp_path)
    company.hotline = "400-000-9876"
    company.save()
    again = export_site(tmp_path, changed_only=True)
    assert again.full
    assert "400-000-9876" in (tmp_path / "news" / "company-news" / "index.html").read_text()


def test_a_file_given_as_the_export_folder_gets_a_clear_error(tmp_path):
    from django.core.management.base import CommandError

    target = tmp_path / "site.zip"
    target.write_bytes(b"not a folder")
    with pytest.raises(CommandError, match="not a folder"):
        call_command("export", str(target))
    assert target.read_bytes() == b"not a folder"


def test_the_export_holds_no_document_or_dot_file(tmp_path, home):
    """A static host sends whatever is in the folder: documents stay behind /documents/<id>/."""
    from django.conf import settings
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    from tests.factories import make_image

    private = Collection.get_first_root_node().add_child(name="内部资料")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="内部报告", collection=private)
    document.file.save("private-report.pdf", ContentFile(b"%PDF-1.4 staff only"), save=True)
    image = make_image()
    hidden = settings.MEDIA_ROOT / ".hidden"
    hidden.write_bytes(b"not for visitors")
    # Left by an export made before documents were kept out.
    earlier = tmp_path / "media" / document.file.name
    earlier.parent.mkdir(parents=True)
    earlier.write_bytes(b"%PDF-1.4 staff only")
    try:
        call_command("export", str(tmp_path))
    finally:
        document.file.delete(save=False)
        hidden.unlink()
    assert (tmp_path / "media" / image.file.name).read_bytes() == image.file.read()
    assert not (tmp_path / "media" / "documents").exists()
    assert not (tmp_path / "media" / ".hidden").exists()


def test_each_site_of_an_installation_is_exported_on_its_own(tmp_path, two_sites):
    call_command("export", str(tmp_path / "a"))
    call_command("export", str(tmp_path / "b"), "--site", "b.test")
    article_a = (tmp_path / "a" / "news" / "launch" / "index.html").read_text()
    article_b = (tmp_path / "b" / "news" / "launch" / "index.html").read_text()
    assert "甲公司的新品发布" in article_a and "乙公司" not in article_a
    assert "乙公司的新品发布" in article_b and "甲公司" not in article_b
    assert "http://b.test/news/launch/" in (tmp_path / "b" / "sitemap-1.xml").read_text()
    assert "b.test" not in (tmp_path / "a" / "sitemap-1.xml").read_text()


def normalised(root):
    """Every file of an export, but for the tokens a form carries (new on every render)."""
    tokens = re.compile(rb'(name="(?:csrfmiddlewaretoken|pr_ts)" value=)"[^"]*"')
    return {
        item.relative_to(root).as_posix(): tokens.sub(rb'\1""', item.read_bytes())
        for item in root.rglob("*")
        if item.is_file() and item.name != ".pressroom-export.json"
    }


def test_workers_write_the_same_files_as_one_process(tmp_path, company, news_index, home):
    """Forked workers share the addresses out; the export is the same, file for file."""
    from pressroom.export.export import export_site
    from tests.factories import NewsCategoryFactory

    category = NewsCategoryFactory(name="行业动态", slug="industry")
    for n in range(24):  # enough addresses for the workers to share
        make_article(news_index, title=f"并行新闻 {n}", slug=f"parallel-{n}", category=category)
    alone = export_site(tmp_path / "one", workers=1)
    shared = export_site(tmp_path / "two", workers=2)
    assert sorted(alone.written) == sorted(shared.written) and len(alone.written) > 40
    assert normalised(tmp_path / "one") == normalised(tmp_path / "two")
    assert (
        'href="/news/feed/rss/index.xml"'
        in (tmp_path / "two/news/parallel-3/index.html").read_text()
    )


def test_no_list_page_past_the_end_is_asked_for(tmp_path, company, news_index, home):
    """Lists name the page after their last for purges; the export does not render it, and
    removes a page once its list no longer reaches it."""
    from pressroom.export.export import export_site

    articles = [make_article(news_index, title=f"列表 {n}", slug=f"list-{n}") for n in range(12)]
    report = export_site(tmp_path)
    assert not [path for path in report.skipped if "/page/" in path]
    assert (tmp_path / "news/page/2/index.html").exists()
    assert not (tmp_path / "news/page/3").exists()
    for article in articles[:3]:  # ten left: one page
        article.unpublish()
    again = export_site(tmp_path, changed_only=True)
    assert "/news/page/2/" in again.removed
    assert not (tmp_path / "news/page/2/index.html").exists()


def test_the_export_leaves_the_page_cache_alone(tmp_path, company, news_index, home, client):
    """Pages are rendered fresh for the export and not stored for visitors."""
    from pressroom.pagecache import store

    article = make_article(news_index, title="不进缓存", slug="not-cached")
    store.cache().clear()
    call_command("export", str(tmp_path), "--workers", "1")
    assert (tmp_path / "news/not-cached/index.html").exists()
    assert client.get(article.url)["X-Page-Cache"] == "miss"


def test_changed_renders_only_the_sitemaps_showing_the_edit(
    tmp_path, company, news_index, home, settings
):
    from pressroom.export.export import export_site

    settings.PRESSROOM_SITEMAP_URLS = 3
    articles = [make_article(news_index, title=f"地图 {n}", slug=f"map-{n}") for n in range(10)]
    full = export_site(tmp_path)
    sections = {path for path in full.written if path.startswith("/sitemap-")}
    assert len(sections) >= 4
    edited = articles[-1]  # the newest page: the last section
    edited.title = "地图（更正）"
    edited.save_revision().publish()
    changed = export_site(tmp_path, changed_only=True)
    rendered = {path for path in changed.written if path.startswith("/sitemap")}
    assert "/sitemap.xml" in rendered and max(sections) in rendered
    assert "/sitemap-1.xml" not in rendered
    last = (tmp_path / max(sections).lstrip("/")).read_text()
    assert "/news/map-9/" in last


def test_the_survey_names_every_address_the_pages_answer(two_sites, news_index):
    """The export reads rows, not pages: the addresses it finds are those the pages name
    themselves (Wagtail's get_url_parts and get_cached_paths), on each site, in each language."""
    from wagtail.models import Site

    from pressroom.export.export import survey
    from pressroom.pagecache.showing import public_addresses

    make_article(news_index, title="中文地址", slug="中文地址")
    english = Locale.objects.get(language_code="en")
    home_en = news_index.get_parent().copy_for_translation(english)
    home_en.save_revision().publish()
    news_en = news_index.copy_for_translation(english)
    news_en.save_revision().publish()
    for site in Site.objects.all():
        _states, paths = survey(site)
        expected = {address.path for address in public_addresses(site_id=site.pk)}
        assert paths == expected
    default = Site.objects.get(is_default_site=True)
    paths = survey(default)[1]
    assert "/en/news/" in paths and "/news/%E4%B8%AD%E6%96%87%E5%9C%B0%E5%9D%80/" in paths


def test_an_edit_in_place_re_exports_one_page_of_each_list(tmp_path, company, news_index, home):
    """An edit that keeps the article's place renders the list page holding it, not every
    page of every list; a new date moves it, and every page of its lists is rendered."""
    from datetime import timedelta

    from pressroom.export.export import export_site
    from tests.factories import NewsCategoryFactory

    category = NewsCategoryFactory(name="公司新闻", slug="company")
    articles = [
        make_article(news_index, title=f"第{n}篇", slug=f"nth-{n}", category=category)
        for n in range(25)
    ]
    export_site(tmp_path)
    newest = articles[0]
    newest.title = "第0篇（更正）"
    newest.save_revision().publish()
    edited = export_site(tmp_path, changed_only=True)
    assert {"/news/", "/news/category/company/", "/news/nth-0/"} <= set(edited.written)
    assert not {"/news/page/2/", "/news/category/company/page/3/"} & set(edited.written)
    assert "第0篇（更正）" in (tmp_path / "news" / "index.html").read_text()

    oldest = articles[-1]
    oldest.first_published_at = newest.first_published_at + timedelta(minutes=1)
    oldest.save_revision().publish()
    moved = export_site(tmp_path, changed_only=True)
    assert {"/news/", "/news/page/2/", "/news/page/3/"} <= set(moved.written)
    assert f"第{len(articles) - 1}篇" in (tmp_path / "news" / "index.html").read_text()
