"""Content changes purge exactly the cached pages that show them."""

import pytest
from django.test import Client
from wagtail.models import Locale

from pressroom.pagecache import store
from pressroom.pages.models import StandardPage
from tests.factories import (
    NewsCategoryFactory,
    make_article,
    make_product,
    make_product_category,
    make_product_center,
    publish,
)

pytestmark = pytest.mark.django_db


def state(url):
    return Client().get(url).headers.get("X-Page-Cache")


def warm(*urls):
    for url in urls:
        Client().get(url)
        assert state(url) == "hit", url


@pytest.fixture
def about(home, company):
    about = publish(home, StandardPage(title="关于我们", slug="about", show_in_menus=False))
    publish(about, StandardPage(title="团队", slug="team"))
    return about


@pytest.fixture
def old(company, news_index):
    return make_article(news_index, title="旧新闻", slug="old")


def test_publishing_an_article_purges_its_lists_and_home_only(client, old, about, sitemap_page):
    # (The contact page carries a form with a CSRF token: it is never cached.)
    warm("/", "/news/", "/news/old/", "/about/", "/about/team/", "/sitemap/")
    new = make_article(old.get_parent().specific, title="刚发布的新闻", slug="new")
    for url in ["/", "/news/", "/news/old/", "/sitemap/"]:
        assert state(url) == "miss", url  # each shows the new article
    assert "刚发布的新闻" in Client().get("/news/").content.decode()
    assert "刚发布的新闻" in Client().get("/").content.decode()
    assert "刚发布的新闻" in Client().get("/news/old/").content.decode()  # "next article"
    for url in ["/about/", "/about/team/"]:
        assert state(url) == "hit", url  # unrelated pages stay cached
    assert new.url == "/news/new/"


def test_unpublishing_removes_it_everywhere(old, about):
    other = make_article(old.get_parent().specific, title="留下的新闻", slug="kept")
    warm("/news/old/", "/news/", "/", "/news/kept/", "/about/")
    old.unpublish()
    assert Client().get("/news/old/").status_code == 404
    assert "旧新闻" not in Client().get("/news/").content.decode()
    assert "旧新闻" not in Client().get("/").content.decode()
    assert "旧新闻" not in Client().get(other.url).content.decode()
    assert state("/about/") == "hit"


def test_an_edit_shows_at_once(old):
    warm("/news/old/", "/news/")
    old.title = "改过的标题"
    old.save_revision().publish()
    assert "改过的标题" in Client().get("/news/old/").content.decode()
    assert "改过的标题" in Client().get("/news/").content.decode()


def test_a_new_slug_frees_the_old_address(old):
    warm("/news/old/")
    old.slug = "renamed"
    old.save_revision().publish()
    assert Client().get("/news/old/").status_code in (301, 302, 404)
    assert Client().get("/news/renamed/").status_code == 200


def test_changing_category_purges_the_old_category_list(old):
    first, second = NewsCategoryFactory(slug="first"), NewsCategoryFactory(slug="second")
    old.category = first
    old.save_revision().publish()
    warm("/news/category/first/", "/news/category/second/")
    old.category = second
    old.save_revision().publish()
    assert "旧新闻" not in Client().get("/news/category/first/").content.decode()
    assert "旧新闻" in Client().get("/news/category/second/").content.decode()


def test_deleting_purges_the_page_and_its_lists(old, about):
    warm("/news/old/", "/news/", "/about/")
    old.delete()
    assert Client().get("/news/old/").status_code == 404
    assert "旧新闻" not in Client().get("/news/").content.decode()
    assert state("/about/") == "hit"


def test_moving_purges_old_and_new_places(home, about):
    elsewhere = publish(home, StandardPage(title="别处", slug="elsewhere", show_in_menus=False))
    team = about.get_children().get().specific
    warm("/about/", "/about/team/", "/elsewhere/", "/news/")
    team.move(elsewhere, pos="last-child")
    assert Client().get("/about/team/").status_code in (301, 404)  # not the cached page
    assert Client().get("/elsewhere/team/").status_code == 200
    assert state("/about/") == "miss" and state("/elsewhere/") == "miss"
    assert state("/news/") == "hit"


def test_company_info_edit_purges_every_page(company, old, about):
    warm("/", "/news/old/", "/about/team/")
    company.name = "新公司名称"
    company.save()
    for url in ["/", "/news/old/", "/about/team/"]:
        assert "新公司名称" in Client().get(url).content.decode(), url


def test_a_translation_is_purged_with_its_original(home, old):
    english = Locale.objects.get(language_code="en")
    home_en = home.copy_for_translation(english)
    home_en.save_revision().publish()
    index_en = old.get_parent().copy_for_translation(english)
    index_en.save_revision().publish()
    old_en = old.copy_for_translation(english)
    old_en.title = "Old news"
    old_en.save_revision().publish()
    warm("/en/news/old/", "/news/old/")
    old.save_revision().publish()
    assert state("/en/news/old/") == "miss"


def test_a_render_that_started_before_a_purge_is_not_stored(old, site):
    before = store.find("testserver", 80, "/news/old/", build_sites=True)
    assert before.key is not None and before.entry is None
    response = Client().get("/news/old/")
    store.purge([(site.pk, "/news/old/")])  # content changed while "rendering"
    assert store.store(before.key, response, before.state) is None
    assert store.find("testserver", 80, "/news/old/").entry is None


def test_purge_all_empties_the_cache(old, about):
    warm("/news/old/", "/about/")
    store.purge_all()
    assert state("/news/old/") == "miss" and state("/about/") == "miss"


def test_the_stamp_file_reaches_other_processes(old, settings, tmp_path):
    settings.PRESSROOM_PAGECACHE_STAMP_FILE = tmp_path / "stamp"
    warm("/news/old/")
    # Another process (the scheduler, another worker) purges: it can only touch the stamp.
    store.touch_stamp()
    assert state("/news/old/") == "miss"


def test_a_worker_lets_go_of_pages_kept_before_a_purge(old, about, settings, tmp_path):
    """A purge in another process makes this worker's entries stale; the worker then drops
    them instead of keeping them until its cache is full (memory that grew in the soak)."""
    settings.PRESSROOM_PAGECACHE_STAMP_FILE = tmp_path / "stamp"
    warm("/news/old/", "/about/")
    about_key = store.find("testserver", 80, "/about/").key
    assert store.cache().get(about_key)["body"]
    store.touch_stamp()  # another process purged
    assert state("/news/old/") == "miss"
    assert store.cache().get(about_key) is None  # gone, not only stale
    assert state("/about/") == "miss" and state("/about/") == "hit"


def test_a_workers_own_copies_follow_every_purge(old, settings, tmp_path):
    """Each worker keeps its hits as objects; a purge in any process on the node ends them."""
    from tests.pagecache.test_serving import wsgi_get

    settings.PRESSROOM_PAGECACHE_STAMP_FILE = tmp_path / "stamp"
    warm("/news/old/")
    status, headers, body = wsgi_get("/news/old/")
    assert headers["X-Page-Cache"] == "hit" and "旧新闻" in body.decode()
    kept_by_another_worker = dict(store._memo)
    assert [path for _site, path in kept_by_another_worker] == ["/news/old/"]
    old.title = "旧新闻（更正）"
    old.save_revision().publish()
    # This process forgot its copy when it purged; another worker still holds the old one
    # and only sees the stamp file change.
    store._memo.update(kept_by_another_worker)
    status, headers, body = wsgi_get("/news/old/")
    assert "旧新闻（更正）" in body.decode()
    assert headers.get("X-Page-Cache") != "hit"
    status, headers, body = wsgi_get("/news/old/")
    assert headers["X-Page-Cache"] == "hit" and "旧新闻（更正）" in body.decode()


def test_xml_sitemaps_and_robots_are_cached_and_follow_publishing(old, site):
    from pressroom.seo.models import SeoSettings

    settings_ = SeoSettings.for_site(site)  # made on first use; saving it purges everything
    warm("/sitemap.xml", "/sitemap-1.xml", "/robots.txt")
    new = make_article(old.get_parent().specific, title="新发布", slug="just-published")
    assert state("/sitemap-1.xml") == "miss"
    assert new.full_url in Client().get("/sitemap-1.xml").content.decode()
    assert state("/sitemap.xml") == "miss" and state("/robots.txt") == "hit"
    settings_.robots_txt = "User-agent: *\nDisallow: /private-area/"
    settings_.save()
    assert "/private-area/" in Client().get("/robots.txt").content.decode()


def test_publishing_a_product_purges_its_product_centers_feeds(home, company):
    center = make_product_center(home)
    pumps = make_product_category(make_product_category(center, "水泵", "pumps"), "计量泵", "m")
    old = make_product(pumps, title="老款计量泵")
    feeds = ["/products/feed/rss/", "/products/feed/atom/"]
    warm("/products/", *feeds)
    new = make_product(pumps, title="新款计量泵")
    for url in feeds:
        assert state(url) == "miss", url
        assert "新款计量泵" in Client().get(url).content.decode()
    warm(*feeds)
    old.title = "改名的计量泵"
    old.save_revision().publish()
    for url in feeds:
        assert "改名的计量泵" in Client().get(url).content.decode(), url
    warm(*feeds)
    new.unpublish()
    for url in feeds:
        assert "新款计量泵" not in Client().get(url).content.decode(), url


def test_every_purge_renews_the_content_version(site):
    """Values kept until the content changes (the news lists' lengths) are kept under it."""
    first = store.content_version()
    assert store.content_version() == first
    store.purge({(site.pk, "/news/")})
    second = store.content_version()
    assert second != first
    store.purge_all()
    assert store.content_version() not in {first, second}


def test_the_content_version_survives_its_key_being_dropped(site):
    first = store.content_version()
    store.cache().delete(store.CONTENT_KEY)  # evicted: a new token, never an old one
    assert store.content_version() != first
