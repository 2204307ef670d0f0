"""An import tells the search engines of the pages it publishes, as publishing them in the
admin would: the new live pages' addresses are queued for IndexNow and Baidu, drafts and
scheduled pages are not, and a dry run queues nothing."""

import pytest
from wagtail.models import Page

from pressroom.news.models import NewsArticlePage
from pressroom.push.models import PushedUrl, PushSettings
from tests.importers.conftest import WXR, run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def push_on(site):
    options = PushSettings.for_site(site)
    options.indexnow = True
    options.baidu_token = "AbCd1234EfGh"
    options.save()
    return options


def queued(engine: str) -> list[str]:
    return sorted(
        PushedUrl.objects.filter(engine=engine, state=PushedUrl.WAITING).values_list(
            "url", flat=True
        )
    )


def test_imported_published_pages_are_queued_for_both_services(
    home, uploads, push_on, django_capture_on_commit_callbacks
):
    before = set(Page.objects.values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        run_import("wordpress", WXR, "--media", uploads)

    imported = Page.objects.exclude(pk__in=before).specific()
    published = sorted(page.get_full_url() for page in imported if page.live)
    plant = NewsArticlePage.objects.get(title="青岚新厂区正式投产")
    assert plant.get_full_url() == "http://localhost/news/new-plant/"
    assert plant.get_full_url() in published
    assert len(published) >= 5
    assert queued("indexnow") == published
    assert queued("baidu") == published
    assert set(PushedUrl.objects.values_list("reason", flat=True)) == {"published"}

    for title in ("草稿：新品预告", "待审：经销商大会", "经销商专区价格", "百年庆典预告"):
        kept_back = NewsArticlePage.objects.get(title=title)
        assert not kept_back.live
        assert kept_back.get_full_url() not in queued("indexnow"), title


def test_a_dry_run_queues_nothing(home, uploads, push_on, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run_import("wordpress", WXR, "--media", uploads, "--dry-run")
    assert not PushedUrl.objects.exists()


def test_nothing_is_queued_while_the_push_is_off(home, uploads, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run_import("wordpress", WXR, "--media", uploads)
    assert NewsArticlePage.objects.live().exists()
    assert not PushedUrl.objects.exists()
