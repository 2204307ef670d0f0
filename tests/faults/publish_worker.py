"""An editor publishing through the admin in a loop, run by test_crashes in its own process.

``python -m tests.faults.publish_worker loop`` creates and republishes news articles through
Wagtail's admin views (the same requests a browser sends) until it is killed, printing one line
per acknowledged publish. ``crash-after-page``, ``crash-after-revision`` and
``crash-mid-publish`` publish one new article and SIGKILL themselves at that point of the
request: the worst moments to lose the process.
"""

import json
import os
import random
import signal
import sys
import uuid

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressroom.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db.models.signals import post_save, pre_save  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Revision  # noqa: E402

from pressroom.news.models import NewsArticlePage, NewsIndexPage  # noqa: E402
from pressroom.pages.setup import create_site_tree  # noqa: E402
from tests.faults.admin_forms import article_form  # noqa: E402

MODE = sys.argv[1] if len(sys.argv) > 1 else "loop"


def die(**kwargs):
    os.kill(os.getpid(), signal.SIGKILL)


if not NewsIndexPage.objects.exists():
    create_site_tree()
news_index = NewsIndexPage.objects.filter(locale__language_code="zh-hans").first()
user = get_user_model().objects.filter(username="chief").first()
if user is None:
    user = get_user_model().objects.create_superuser("chief", "", "a-long-test-password-1")
client = Client()
client.force_login(user)
add_url = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"

if MODE == "crash-after-page":  # the page row is saved, its first revision is not
    pre_save.connect(lambda instance, **kw: instance.pk or die(), sender=Revision, weak=False)
elif MODE == "crash-after-revision":  # the revision is saved, publishing has not begun
    Revision.publish = lambda *args, **kwargs: die()
elif MODE == "crash-mid-publish":  # inside Revision.publish, after the page row is updated
    post_save.connect(lambda created, **kw: created or die(), sender=NewsArticlePage, weak=False)
print("ready", flush=True)

while True:
    articles = NewsArticlePage.objects.filter(title__startswith="kill-")
    articles = list(articles.values_list("pk", "slug"))
    if MODE != "loop" or not articles or random.random() < 0.4:
        slug = f"kill-{uuid.uuid4().hex[:10]}"
        response = client.post(add_url, article_form(f"{slug} v1", slug))
        pk = NewsArticlePage.objects.filter(slug=slug).values_list("pk", flat=True).first()
        version = 1
    else:
        pk, slug = random.choice(articles)
        version = Revision.page_revisions.filter(object_id=str(pk)).count() + 1
        response = client.post(f"/admin/pages/{pk}/edit/", article_form(f"{slug} v{version}", slug))
    if response.status_code != 302:
        print(json.dumps({"error": response.status_code, "page": pk}), flush=True)
        sys.exit(1)
    print(json.dumps({"page": pk, "version": version}), flush=True)
