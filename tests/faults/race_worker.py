"""One of several processes doing the same thing at the same instant (run by test_races).

``setup`` makes the site, an editor, a published article ``race-target`` and SCHEDULED
articles scheduled and already due. The other modes print ``ready``, wait for the go file named
by PRESSROOM_RACE_GO (so all processes start within a millisecond), then:
``publish`` publishes race-target through the admin; ``create N`` adds N articles under the
news index through the admin; ``schedule`` runs one scheduled-publishing pass.
Each prints one JSON line per result.
"""

import json
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressroom.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Revision  # noqa: E402

from pressroom.news.models import NewsArticlePage, NewsIndexPage  # noqa: E402
from pressroom.pages.setup import create_site_tree  # noqa: E402
from pressroom.scheduling.runner import publish_scheduled  # noqa: E402
from tests.faults.admin_forms import article_form  # noqa: E402

MODE = sys.argv[1]
SCHEDULED = 20


def editor():
    client = Client()
    client.force_login(get_user_model().objects.get(username="chief"))
    return client


if MODE == "setup":
    home = create_site_tree()
    news_index = NewsIndexPage.objects.child_of(home).get()
    get_user_model().objects.create_superuser("chief", "", "a-long-test-password-1")
    target = NewsArticlePage(title="race-target v0", slug="race-target", summary="摘要")
    news_index.add_child(instance=target)
    target.save_revision().publish()
    later = timezone.now() + timedelta(hours=1)
    for n in range(SCHEDULED):
        page = NewsArticlePage(
            title=f"race-scheduled {n}", slug=f"race-scheduled-{n}", summary="摘要", live=False
        )
        news_index.add_child(instance=page)
        page.go_live_at = later
        page.save_revision(approved_go_live_at=later).publish()
    # An hour passes: every one of them is due.
    past = timezone.now() - timedelta(seconds=1)
    scheduled = NewsArticlePage.objects.filter(slug__startswith="race-scheduled-")
    ids = [str(pk) for pk in scheduled.values_list("pk", flat=True)]
    for revision in Revision.page_revisions.filter(
        object_id__in=ids, approved_go_live_at__isnull=False
    ):
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])
    scheduled.update(go_live_at=past)
    print(json.dumps({"target": target.pk}))
    sys.exit(0)

client = editor() if MODE in ("publish", "create") else None
news_index = NewsIndexPage.objects.filter(locale__language_code="zh-hans").get()
target = NewsArticlePage.objects.get(slug="race-target")
print("ready", flush=True)
go = Path(os.environ["PRESSROOM_RACE_GO"])
while not go.exists():
    time.sleep(0.001)

if MODE == "publish":
    title = f"race-target by {os.getpid()}"
    response = client.post(f"/admin/pages/{target.pk}/edit/", article_form(title, "race-target"))
    print(json.dumps({"status": response.status_code}), flush=True)
elif MODE == "create":
    for n in range(int(sys.argv[2])):
        slug = f"race-child-{os.getpid()}-{n}"
        response = client.post(
            f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/",
            article_form(f"race-child {slug}", slug),
        )
        print(json.dumps({"status": response.status_code}), flush=True)
elif MODE == "schedule":
    report = publish_scheduled()
    print(json.dumps({"ran": report is not None}), flush=True)
