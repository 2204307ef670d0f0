"""Prints, as JSON, what a crash could have left broken in a site's database (test_crashes)."""

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressroom.settings")
django.setup()

from django.db import connection  # noqa: E402
from wagtail.models import Page, PageLogEntry  # noqa: E402
from wagtail.search.models import IndexEntry  # noqa: E402

integrity = ["not sqlite"]
if connection.vendor == "sqlite":
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA integrity_check")
        integrity = [row[0] for row in cursor.fetchall()]

bad_alpha, bad_path, orphans, bad_depth, bad_numchild = Page.find_problems()
report = {
    "integrity": integrity,
    "tree_problems": {
        "bad_alpha": len(bad_alpha),
        "bad_path": len(bad_path),
        "orphans": len(orphans),
        "bad_depth": len(bad_depth),
        "bad_numchild": len(bad_numchild),
    },
    "pages": 0,
    "live_without_revision": [],
    "page_without_revision": [],
    "live_content_differs": [],
    "live_not_logged": [],
    "index_differs": [],
    "live_versions": {},
}
PREFIX = sys.argv[1] if len(sys.argv) > 1 else "kill-"
for page in Page.objects.filter(title__startswith=PREFIX).specific():
    report["pages"] += 1
    if not page.revisions.exists():
        report["page_without_revision"].append(page.pk)
    if not page.live:
        continue
    if page.live_revision is None:
        report["live_without_revision"].append(page.pk)
        continue
    published = page.live_revision.as_object()
    if PREFIX == "kill-":
        report["live_versions"][page.pk] = int(page.title.rsplit(" v", 1)[1])
    if (published.title, published.summary) != (page.title, page.summary):
        report["live_content_differs"].append([page.pk, page.title, published.title])
    if not PageLogEntry.objects.filter(
        page=page,
        action__in=["wagtail.publish", "wagtail.publish.scheduled"],
        revision=page.live_revision,
    ).exists():
        report["live_not_logged"].append(page.pk)
    indexed = IndexEntry.objects.filter(object_id=str(page.pk))
    indexed = list(indexed.values_list("title", flat=True))
    # The title field holds the title, then the stems pressroom.search adds on later lines.
    if connection.vendor != "sqlite":  # PostgreSQL keeps a tsvector: present is all we read
        if not indexed:
            report["index_differs"].append([page.pk, page.title, indexed])
    elif page.title not in [title.split("\n")[0] for title in indexed]:
        report["index_differs"].append([page.pk, page.title, indexed])
print(json.dumps(report))
