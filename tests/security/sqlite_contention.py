"""Run by test_sqlite_durability in a fresh process against a real SQLite file.

20 editor threads save and publish pages while one thread stores 50 contact-like form
submissions a second; prints a JSON summary.
"""

import json
import os
import sys
import threading
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressroom.settings")
django.setup()

from django.db import connection, connections  # noqa: E402
from wagtail.contrib.forms.models import FormSubmission  # noqa: E402

from pressroom.contact.models import ContactPage  # noqa: E402
from pressroom.core.setup import create_site_tree  # noqa: E402
from pressroom.news.models import NewsArticlePage, NewsIndexPage  # noqa: E402

DURATION = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
THINK = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0  # seconds between one editor's saves
EDITORS = 20
RATE = 50

home = create_site_tree()
news_index = NewsIndexPage.objects.child_of(home).get()
contact = ContactPage.objects.child_of(home).get()
articles = []
for n in range(EDITORS):
    article = NewsArticlePage(title=f"并发测试 {n}", slug=f"concurrent-{n}", summary="摘要")
    news_index.add_child(instance=article)
    articles.append(article.pk)
connection.close()

errors: list[str] = []
saves = [0] * EDITORS
acked = [0]
waits: list[float] = []
stop = time.monotonic() + DURATION


def editor(index):
    try:
        while time.monotonic() < stop:
            try:
                page = NewsArticlePage.objects.get(pk=articles[index])
                page.title = f"并发测试 {index} 第 {saves[index]} 次"
                page.save_revision().publish()
                saves[index] += 1
                time.sleep(THINK)
            except Exception as exc:  # recorded, then the test fails on it
                errors.append(f"editor {index}: {type(exc).__name__}: {exc}")
    finally:
        connections.close_all()


def messages():
    try:
        interval = 1 / RATE
        next_at = time.monotonic()
        while time.monotonic() < stop:
            try:
                began = time.monotonic()
                FormSubmission.objects.create(
                    page=contact, form_data={"name": "访客", "message": f"留言 {acked[0]}"}
                )
                acked[0] += 1
                waits.append(time.monotonic() - began)
            except Exception as exc:
                errors.append(f"message: {type(exc).__name__}: {exc}")
            next_at += interval
            time.sleep(max(0.0, next_at - time.monotonic()))
    finally:
        connections.close_all()


threads = [threading.Thread(target=editor, args=(i,)) for i in range(EDITORS)]
threads.append(threading.Thread(target=messages))
started = time.monotonic()
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
elapsed = time.monotonic() - started
stored = FormSubmission.objects.filter(page=contact).count()
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    journal = cursor.fetchone()[0]
    cursor.execute("PRAGMA integrity_check")
    integrity = cursor.fetchone()[0]
print(
    json.dumps(
        {
            "seconds": round(elapsed, 2),
            "page_saves": sum(saves),
            "messages_acked": acked[0],
            "messages_stored": stored,
            "message_ms_p50": round(1000 * sorted(waits)[len(waits) // 2], 1) if waits else None,
            "message_ms_max": round(1000 * max(waits), 1) if waits else None,
            "errors": errors[:20],
            "error_count": len(errors),
            "journal_mode": journal,
            "integrity": integrity,
        }
    )
)
