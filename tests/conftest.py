import pytest
from django.conf import settings
from django.core.cache import caches
from wagtail.models import Page, Site

from pressroom.contact.models import ContactPage
from pressroom.core.models import CompanyInfo
from pressroom.news.models import NewsIndexPage
from pressroom.pages.models import HomePage, SitemapPage
from pressroom.pages.setup import create_site_tree
from pressroom.seo.models import SeoSettings
from tests.factories import make_article, publish
from tests.report import REPORT


def pytest_sessionfinish(session):
    """A pytest-xdist worker hands its measurements to the controller."""
    worker_output = getattr(session.config, "workeroutput", None)
    if worker_output is not None:
        worker_output["measurements"] = list(REPORT)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """The controller gathers what a finished worker measured (pytest-xdist's hook)."""
    REPORT.extend(getattr(node, "workeroutput", {}).get("measurements", []))


def pytest_terminal_summary(terminalreporter):
    if REPORT:
        terminalreporter.section("browser measurements")
        for line in REPORT:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Each test database starts with a new site's page tree, as `pressroom init` leaves it.

    Building the tree publishes six pages (about half a second of CPU, most of it Wagtail's
    revisions, reference index and our page-cache purges); built once here, a test's `home`
    finds it in a few milliseconds and its transaction rolls its own changes back. Tests that
    start from Wagtail's bare install ask for `bare_tree`.
    """
    with django_db_blocker.unblock():
        create_site_tree()


@pytest.fixture
def bare_tree(db):
    """Wagtail's tree as its migrations leave it, without the site tree built for every test:
    its root page, a welcome page under it and the default site pointing at that."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale

    Page.objects.filter(depth__gt=1).delete()
    welcome = Page.get_first_root_node().add_child(
        instance=Page(
            title="Welcome to your new Wagtail site!",
            slug="home",
            content_type=ContentType.objects.get_for_model(Page),
            locale=Locale.get_default(),
        )
    )
    Site.objects.all().delete()
    return Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """Static files collected once, as `pressroom serve` would on its first start (for tests
    that start a real server: PRESSROOM_STATIC_ROOT)."""
    import subprocess
    import sys

    from tests.faults.helpers import env_for
    from tests.security.test_production_settings import ROOT

    static = tmp_path_factory.mktemp("static")
    subprocess.run(
        [sys.executable, "-m", "pressroom", "collectstatic", "--noinput", "-v0"],
        env=env_for(tmp_path_factory.mktemp("collect-data"), PRESSROOM_STATIC_ROOT=str(static)),
        cwd=ROOT,
        check=True,
        timeout=600,
    )
    return static


OWN_CACHES = [alias for alias in ("default", "renditions", "pages") if alias in settings.CACHES]


@pytest.fixture(autouse=True)
def _clear_cache():
    # Renditions too: a rolled-back test frees its image ids for the next test's images, and a
    # remembered rendition of an earlier image with the same id would stand in for the new one's.
    # And the page cache's own (pages and the values every page shows), where it has one.
    for alias in OWN_CACHES:
        caches[alias].clear()
    yield
    for alias in OWN_CACHES:
        caches[alias].clear()


@pytest.fixture
def home(db):
    """A new site's page tree, as `pressroom init` makes it."""
    return create_site_tree()


@pytest.fixture
def editor_client(client, home):
    """The test client signed in as a superuser (``client.user``), on a new site's tree."""
    from django.contrib.auth import get_user_model

    client.user = get_user_model().objects.create_superuser("chief", "", "a-long-test-password-1")
    client.force_login(client.user)
    return client


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def news_index(home):
    return NewsIndexPage.objects.child_of(home).get()


@pytest.fixture
def contact_page(home):
    return ContactPage.objects.child_of(home).get()


@pytest.fixture
def sitemap_page(home):
    return SitemapPage.objects.child_of(home).get()


@pytest.fixture
def company(site):
    info = CompanyInfo.for_site(site)
    info.name = "明川测试仪器有限公司"
    info.name_en = "Mingchuan Test Instruments"
    info.hotline = "400-000-1234"
    info.address = "测试市测试路 1 号"
    info.phone = "0571-0000-1111"
    info.fax = "0571-0000-2222"
    info.email = "hello@example.com"
    info.icp_number = "浙ICP备00000000号-1"
    info.save()
    return info


@pytest.fixture
def two_sites(home, site, company, news_index, sitemap_page, settings):
    """Site A (the default, answering testserver) and site B (b.test), each with a home
    page, a news center with an article at /news/launch/ and an HTML sitemap."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "b.test", "alias.test"]
    make_article(news_index, title="甲公司的新品发布", slug="launch")
    root = Page.get_first_root_node()
    home_b = publish(root, HomePage(title="乙公司首页", slug="home-b"))
    site_b = Site.objects.create(hostname="b.test", port=80, root_page=home_b, site_name="乙")
    news_b = publish(home_b, NewsIndexPage(title="乙公司新闻", slug="news", show_in_menus=True))
    publish(home_b, SitemapPage(title="乙公司网站地图", slug="sitemap"))
    make_article(news_b, title="乙公司的新品发布", slug="launch")
    info = CompanyInfo.for_site(site_b)
    info.name = "乙泵阀有限公司"
    info.save()
    for each in (site, site_b):
        SeoSettings.for_site(each)  # made on first use, and saving it purges everything
    return site, site_b, news_b


def pytest_configure(config):
    # The interface is Chinese only once the catalogues are compiled (make install does it too).
    from django.conf import settings

    from pressroom.core.management.commands.compiletranslations import compile_catalogs

    if compile_catalogs(settings.LOCALE_PATHS):
        # Django may have read the catalogues already (during setup), before these .mo files
        # existed: forget them, as Django does when LOCALE_PATHS changes.
        from asgiref.local import Local
        from django.utils.translation import trans_real

        trans_real._translations = {}
        trans_real._default = None
        trans_real._active = Local()
