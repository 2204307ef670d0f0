import pytest
from django.core.cache import cache
from wagtail.models import Site

from pressroom.contact.models import ContactPage
from pressroom.core.models import CompanyInfo
from pressroom.core.setup import create_site_tree
from pressroom.news.models import NewsIndexPage
from pressroom.pages.models import SitemapPage


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    """A new site's page tree, as `pressroom init` makes it."""
    return create_site_tree()


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
