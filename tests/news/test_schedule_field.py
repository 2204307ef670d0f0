"""定时发布 as a field of the article form: an editor gives a time ahead and presses 发布."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Revision

from pressroom.news.models import NewsArticlePage
from pressroom.scheduling.runner import run_schedule
from tests.faults.admin_forms import article_form

pytestmark = pytest.mark.django_db


def add(client, news_index, **fields):
    return client.post(
        f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/", article_form(**fields)
    )


def local(when):
    return timezone.localtime(when).strftime("%Y-%m-%d %H:%M")


def test_a_time_ahead_in_the_form_schedules_the_article(editor_client, news_index, client):
    ahead = timezone.now() + timedelta(days=2)
    response = add(
        editor_client, news_index, title="周一的新闻", slug="monday", publish_at=local(ahead)
    )
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="monday")
    assert not article.live  # waiting for its time
    revision = Revision.page_revisions.get(
        object_id=str(article.pk), approved_go_live_at__isnull=False
    )
    assert local(revision.approved_go_live_at) == local(ahead)
    assert client.get("/news/monday/").status_code == 404

    # The form shows the schedule still ahead, in local time, in the field.
    edit = editor_client.get(f"/admin/pages/{article.pk}/edit/")
    field = BeautifulSoup(edit.content, "html.parser").select_one("input[name=publish_at]")
    assert field["value"] == local(ahead)

    # At that time the scheduler publishes it.
    come = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = come
    revision.content["go_live_at"] = come.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    assert run_schedule() == "Unpublished 0, published 1."
    assert client.get("/news/monday/").status_code == 200


def test_the_side_panel_schedule_stands_when_the_field_is_left_alone(editor_client, news_index):
    ahead = timezone.now() + timedelta(days=3)
    response = add(
        editor_client, news_index, title="侧栏定时", slug="side", go_live_at=local(ahead)
    )
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="side")
    assert not article.live
    assert local(article.latest_revision.as_object().go_live_at) == local(ahead)


def test_a_time_that_has_passed_is_refused_naming_the_field(editor_client, news_index):
    past = timezone.now() - timedelta(hours=2)
    response = add(
        editor_client, news_index, title="过去的时间", slug="past", publish_at=local(past)
    )
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    errors = [e.get_text(" ", strip=True) for e in html.select(".error-message")]
    assert any("时间已过" in e for e in errors), errors
    assert not NewsArticlePage.objects.filter(slug="past").exists()


def test_the_field_sits_under_the_publication_date(editor_client, news_index):
    response = editor_client.get(f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/")
    html = BeautifulSoup(response.content, "html.parser")
    names = [i["name"] for i in html.select("form input[name], form select[name]")]
    assert names.index("first_published_at") + 1 == names.index("publish_at")
    label = html.select_one("label[for=id_publish_at]").get_text(strip=True)
    assert label.startswith("定时发布")
