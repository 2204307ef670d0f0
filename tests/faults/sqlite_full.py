"""An editor saves while the disk holding SQLite is full (run by test_disk_full as root).

Prints a JSON summary: the answer the editor got, the database's integrity and the article
count afterwards, and the answer to the same save once space is freed.
"""

import json
import os
import shutil
import sys
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressroom.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield  # noqa: E402

from pressroom.news.models import NewsArticlePage, NewsIndexPage  # noqa: E402
from pressroom.pages.setup import create_site_tree  # noqa: E402

folder = Path(sys.argv[1])
home = create_site_tree()
news_index = NewsIndexPage.objects.child_of(home).get()
user = get_user_model().objects.create_superuser("chief", "", "a-long-test-password-1")
client = Client()
client.force_login(user)
add_url = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
form = nested_form_data(
    {
        "title": "满盘时保存的新闻",
        "slug": "saved-on-a-full-disk",
        "summary": "摘要",
        "author": "",
        "source_name": "",
        "source_url": "",
        "tags": "",
        "body": streamfield([("paragraph", rich_text("<p>" + "很长的正文。" * 4_000 + "</p>"))]),
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        "action-publish": "publish",
    }
)
# Fill the disk, leaving 64 KB: far less than the article (a 72 KB body) needs.
free = shutil.disk_usage(folder).free
(folder / "filler.bin").write_bytes(b"\0" * max(free - 64 * 1024, 0))
full = client.post(add_url, form)
with connection.cursor() as cursor:
    cursor.execute("PRAGMA integrity_check")
    integrity = cursor.fetchone()[0]
stored_while_full = NewsArticlePage.objects.filter(slug="saved-on-a-full-disk").count()
(folder / "filler.bin").unlink()
again = client.post(add_url, form)
print(
    json.dumps(
        {
            "full_status": full.status_code,
            "full_text": full.content.decode()[:3000],
            "integrity": integrity,
            "stored_while_full": stored_while_full,
            "again_status": again.status_code,
            "stored_after": NewsArticlePage.objects.filter(
                slug="saved-on-a-full-disk", live=True
            ).count(),
        }
    )
)
