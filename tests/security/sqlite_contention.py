"""SQLite under the write load of a busy day, in separate processes like real app workers.

    python -m tests.security.sqlite_contention --seconds 60 [--rate 50] [--editors 20] ...

Run in a fresh data folder whose database is migrated (``bench/sqlite_contention.py`` makes
one). During the run, all at once:

- message workers (``--message-workers`` processes) post the real contact form through
  Django's full request handling (middleware, form checks, rate limit, duplicate check,
  storing, queueing the notification) at ``--rate`` messages a second in total, on a fixed
  schedule (a late answer does not slow the schedule: the next posts go at once);
- ``--editors`` editors (threads in 4 processes) each save and publish a new revision of their
  own article every ``--editor-pace`` seconds (with jitter);
- ``pressroom scheduler`` publishes ``--scheduled`` pages whose go-live time falls inside the run;
- ``pressroom seed`` imports ``--import-articles`` articles, starting two seconds in;
- the parent samples the size of the ``-wal`` file four times a second.

Prints one JSON summary line: messages per second, latency percentiles, errors (any
"database is locked" among them), acknowledged messages missing from the database, WAL size.
"""

import argparse
import json
import multiprocessing
import os
import queue
import random
import statistics
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pressroom.settings")
# The site takes 50 messages a second from many visitors: lift the site-wide flood limit.
os.environ.setdefault("PRESSROOM_CONTACT_SITE_LIMIT_POSTS", "0")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.utils import timezone  # noqa: E402

from pressroom.contact.forms import HONEYPOT, TIMESTAMP, sign_now  # noqa: E402
from pressroom.contact.models import ContactMessage, ContactPage  # noqa: E402
from pressroom.news.models import NewsArticlePage, NewsIndexPage  # noqa: E402
from pressroom.pages.setup import create_site_tree  # noqa: E402

if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
    # Without `collectstatic` (slow, and nothing to do with the database): plain static names.
    from django.test import override_settings

    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain}).enable()

HOST = (settings.ALLOWED_HOSTS or ["localhost"])[0].lstrip(".")
EDITOR_PROCESSES = 4


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def ms(value):
    return None if value is None else round(1000 * value, 1)


# --- workers (forked children) --------------------------------------------------------------


def message_worker(index, workers, rate, start, stop, path, results):
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    stamp = sign_now()  # what the form page gave the visitor; older than the 3 s minimum
    interval = workers / rate
    next_at = start + index / rate
    sent, acked, latencies, errors = 0, [], [], []
    cpu_began = time.process_time()
    while next_at < stop:
        delay = next_at - time.time()
        if delay > 0:
            time.sleep(delay)
        token = f"m{index}-{sent}"
        address = f"10.{index}.{sent // 250 % 250}.{sent % 250 + 1}"
        data = {
            "name": f"访客 {token}",
            "phone": "",
            "email": f"{token}@example.com",
            "company": "",
            "message": f"留言 {token} 您好，请联系我。",
            HONEYPOT: "",
            TIMESTAMP: stamp,
        }
        began = time.perf_counter()
        try:
            response = client.post(path, data, REMOTE_ADDR=address)
            latencies.append(time.perf_counter() - began)
            body = response.content
            if response.status_code == 200 and b'name="message"' not in body:
                acked.append(token)
            else:
                errors.append(f"message {token}: HTTP {response.status_code} {body[:200]!r}")
        except Exception as exc:  # recorded; the run fails on any
            latencies.append(time.perf_counter() - began)
            waited = time.perf_counter() - began
            errors.append(f"message {token}: {type(exc).__name__}: {exc} ({waited:.1f} s)")
        sent += 1
        next_at += interval
    connections.close_all()
    done = time.time()
    cpu = time.process_time() - cpu_began
    results.put(
        {
            "kind": "messages",
            "sent": sent,
            "acked": acked,
            "lat": latencies,
            "err": errors,
            "done": done,
            "cpu": cpu,
        }
    )


def editor_worker(articles, user_pk, pace, start, stop, results):
    saves, latencies, errors = [0], [], []
    lock = threading.Lock()

    def editor(article_pk):
        rng = random.Random(article_pk)
        next_at = start + rng.uniform(0, pace)
        user = get_user_model().objects.get(pk=user_pk)
        while next_at < stop:
            delay = next_at - time.time()
            if delay > 0:
                time.sleep(delay)
            began = time.perf_counter()
            try:
                page = NewsArticlePage.objects.get(pk=article_pk)
                page.title = f"并发测试 {article_pk} 第 {saves[0]} 次"
                page.save_revision(user=user).publish(user=user)
                with lock:
                    saves[0] += 1
                    latencies.append(time.perf_counter() - began)
            except Exception as exc:
                with lock:
                    waited = time.perf_counter() - began
                    errors.append(
                        f"editor {article_pk}: {type(exc).__name__}: {exc} ({waited:.1f} s)"
                    )
            finally:
                connection.close()  # like the end of a request
            next_at += pace * rng.uniform(0.8, 1.2)

    threads = [threading.Thread(target=editor, args=(pk,)) for pk in articles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put({"kind": "editors", "saves": saves[0], "lat": latencies, "err": errors})


# --- the run ---------------------------------------------------------------------------------


def prepare(editors, scheduled, seconds, lead):
    home = create_site_tree()
    news_index = NewsIndexPage.objects.child_of(home).get()
    contact = ContactPage.objects.child_of(home).get()
    user = get_user_model().objects.create_superuser("loadtest", "l@example.com", "x-Pass-42x")
    articles = []
    for n in range(editors):
        article = NewsArticlePage(title=f"并发测试 {n}", slug=f"concurrent-{n}", summary="摘要")
        news_index.add_child(instance=article)
        articles.append(article.pk)
    scheduled_pks = []
    now = timezone.now()
    for n in range(scheduled):
        article = NewsArticlePage(
            title=f"定时发布 {n}", slug=f"scheduled-{n}", summary="摘要", live=False
        )
        news_index.add_child(instance=article)
        article.go_live_at = now + timedelta(seconds=lead + seconds * (n + 0.5) / scheduled)
        article.save_revision(user=user).publish(user=user)  # schedules it
        scheduled_pks.append(article.pk)
    path = contact.relative_url(contact.get_site())
    connections.close_all()
    return articles, scheduled_pks, user.pk, path


def run(args):
    db = Path(settings.DATABASES["default"]["NAME"])
    wal = Path(f"{db}-wal")
    lead = 6.0  # seconds for the processes to start before the measured window
    articles, scheduled_pks, user_pk, path = prepare(
        args.editors, args.scheduled, args.seconds, lead
    )
    start = time.time() + lead
    stop = start + args.seconds
    env = dict(os.environ)
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    children = [
        ctx.Process(
            target=message_worker,
            args=(i, args.message_workers, args.rate, start, stop, path, results),
        )
        for i in range(args.message_workers)
    ]
    for i in range(EDITOR_PROCESSES):
        share = articles[i::EDITOR_PROCESSES]
        if share:
            children.append(
                ctx.Process(
                    target=editor_worker,
                    args=(share, user_pk, args.editor_pace, start, stop, results),
                )
            )
    for child in children:
        child.start()
    pressroom = [sys.executable, "-m", "pressroom"]
    # Their output goes to files: a full pipe would stall them.
    scheduler_log = open(db.parent / "scheduler.log", "w+")  # noqa: SIM115
    import_log = open(db.parent / "import.log", "w+")  # noqa: SIM115
    scheduler = subprocess.Popen(
        [*pressroom, "scheduler", "--interval", "1"],
        env=env,
        stdout=scheduler_log,
        stderr=subprocess.STDOUT,
    )
    importer = None
    import_began = import_seconds = None
    wal_samples = []
    collected = []
    # Read results while waiting: a child cannot exit before its results leave the pipe.
    while len(collected) < len(children):
        try:
            collected.append(results.get(timeout=0.25))
            continue
        except queue.Empty:
            pass
        now = time.time()
        if importer is None and args.import_articles and now >= start + 2:
            import_began = now
            importer = subprocess.Popen(
                [*pressroom, "seed", "--articles", str(args.import_articles)],
                env=env,
                stdout=import_log,
                stderr=subprocess.STDOUT,
            )
        if importer is not None and import_seconds is None and importer.poll() is not None:
            import_seconds = time.time() - import_began
        if now >= start:
            wal_samples.append(wal.stat().st_size if wal.exists() else 0)
        if not any(child.is_alive() for child in children) and results.empty():
            raise SystemExit("a worker process died without reporting")
    for child in children:
        child.join()
    if importer is not None:
        importer.wait(timeout=600)
        if import_seconds is None:
            import_seconds = time.time() - import_began
    # Let the scheduler see the last go-live time, then stop it.
    time.sleep(2.5)
    scheduler.terminate()
    scheduler.wait(timeout=60)
    import_output = Path(import_log.name).read_text()
    scheduler_output = Path(scheduler_log.name).read_text()

    messages = [r for r in collected if r["kind"] == "messages"]
    editors = [r for r in collected if r["kind"] == "editors"]
    acked = {token for r in messages for token in r["acked"]}
    finished = max([r["done"] for r in messages], default=stop)
    stored = set()
    for data in ContactMessage.objects.values_list("form_data", flat=True).iterator():
        text = (data or {}).get("message", "")
        if text.startswith("留言 m"):
            stored.add(text.split()[1])
    lost = sorted(acked - stored)
    message_lat = [v for r in messages for v in r["lat"]]
    editor_lat = [v for r in editors for v in r["lat"]]
    errors = [e for r in collected for e in r["err"]]
    other_output = (import_output or "") + scheduler_output
    locked = sum("database is locked" in e for e in errors) + other_output.count(
        "database is locked"
    )
    scheduled_live = NewsArticlePage.objects.filter(pk__in=scheduled_pks, live=True).count()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("PRAGMA integrity_check")
        integrity = cursor.fetchone()[0]
    summary = {
        "seconds": args.seconds,
        "rate_target": args.rate,
        "message_workers": args.message_workers,
        "messages_sent": sum(r["sent"] for r in messages),
        "messages_acked": len(acked),
        # Over the time from the first post to the last answer (late answers stretch it).
        "messages_per_second": round(len(acked) / (finished - start), 1),
        "last_answer_after_seconds": round(finished - start, 1),
        "messages_stored": len(acked & stored),
        "messages_lost": len(lost),
        "lost_examples": lost[:10],
        # CPU the worker processes spent per message (the whole request, in this process).
        "message_cpu_ms": round(1000 * sum(r["cpu"] for r in messages) / max(1, len(acked)), 1),
        "message_ms_p50": ms(percentile(message_lat, 0.50)),
        "message_ms_p95": ms(percentile(message_lat, 0.95)),
        "message_ms_p99": ms(percentile(message_lat, 0.99)),
        "message_ms_max": ms(max(message_lat, default=None)),
        "editors": args.editors,
        "editor_pace_seconds": args.editor_pace,
        "page_publishes": sum(r["saves"] for r in editors),
        "publish_ms_p50": ms(percentile(editor_lat, 0.50)),
        "publish_ms_p95": ms(percentile(editor_lat, 0.95)),
        "publish_ms_max": ms(max(editor_lat, default=None)),
        "scheduled_pages": len(scheduled_pks),
        "scheduled_published": scheduled_live,
        "import_articles": args.import_articles,
        "import_seconds": None if import_seconds is None else round(import_seconds, 1),
        "import_ok": importer is None or importer.returncode == 0,
        "import_output": (import_output or "").strip()[-300:],
        "error_count": len(errors),
        "errors": errors[:20],
        "database_is_locked": locked,
        "wal_max_bytes": max(wal_samples, default=0),
        "wal_mean_bytes": int(statistics.fmean(wal_samples)) if wal_samples else 0,
        "wal_end_bytes": wal.stat().st_size if wal.exists() else 0,
        "database_bytes": db.stat().st_size,
        "journal_mode": journal,
        "integrity": integrity,
        "cpus": os.cpu_count(),
        "load_average": [round(v, 1) for v in os.getloadavg()],
    }
    return summary


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--rate", type=float, default=50, help="contact messages per second")
    parser.add_argument("--message-workers", type=int, default=4)
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--editor-pace", type=float, default=5, help="seconds between saves")
    parser.add_argument("--scheduled", type=int, default=10)
    parser.add_argument("--import-articles", type=int, default=200)
    args = parser.parse_args(argv)
    print(json.dumps(run(args), ensure_ascii=False))


if __name__ == "__main__":
    main()
