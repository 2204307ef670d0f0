"""SQLite's write path: what a contact post costs, and how much writing it takes at once.

`make bench-writes` writes bench/results/writes-<time>.md with three parts, on fresh
databases with the production settings (SQLite, WAL, `BEGIN IMMEDIATE`, the 20 s busy wait):

1. **CPU per contact post**: valid, distinct posts from distinct addresses through Django's
   whole request handling (middleware, spam defences, form, store, queued mail, thank-you
   page), in one process; the median of batches, with the queries and write transactions of
   one post.
2. **The issue's load**: 20 editors publishing (each every 5 s) and 50 messages/s for 2
   minutes, with the scheduler (tests/security/sqlite_contention.py): messages lost,
   refusals ("database is locked" or a 503 "send again"), waits.
3. **The ceiling**: the same editors with the message rate raised step by step (30 s each);
   the highest rate answered in full with no refusal and no wait past the 20 s bound.

Options: `--seconds`, `--rates 25,50,75,100`, `--step-seconds`, `--skip-load` (CPU only).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BOUND_SECONDS = 20  # the busy wait of settings.DATABASES (the "timeout" option)


def site_env(data: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PRESSROOM_", "DJANGO_", "DATABASE_URL", "REDIS_URL", "EMAIL_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="pressroom.settings",
        PRESSROOM_DATA_DIR=str(data),
        PRESSROOM_DEBUG="0",
        PRESSROOM_LOG_LEVEL="ERROR",
        PRESSROOM_CONTACT_SITE_LIMIT_POSTS="0",
        SECRET_KEY="bench-" + "q8Zr4Lx2Pw" * 6,
        ALLOWED_HOSTS="www.example.com",
        PYTHONPATH=str(ROOT),
    )
    return env


# --- 1. CPU per post (runs in a child process: `writes.py --cpu-child N`) --------------------


def cpu_child(posts: int, batches: int) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from pressroom.contact.forms import HONEYPOT, TIMESTAMP, sign_now
    from pressroom.contact.models import ContactMessage, ContactPage
    from pressroom.pages.setup import create_site_tree

    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
        override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain}).enable()
    home = create_site_tree()
    page = ContactPage.objects.child_of(home).get()
    path = page.relative_url(page.get_site())
    client = Client(HTTP_HOST="www.example.com")
    stamp = sign_now()
    time.sleep(3.1)  # the form's minimum fill time
    sent = [0]

    def post():
        n = sent[0]
        sent[0] += 1
        data = {
            "name": f"访客 {n}",
            "phone": "138 0013 8000",
            "email": f"v{n}@example.com",
            "company": "",
            "message": f"留言 {n} 请报价。",
            HONEYPOT: "",
            TIMESTAMP: stamp,
        }
        response = client.post(
            path, data, REMOTE_ADDR=f"10.{n // 62500 % 250}.{n // 250 % 250}.{n % 250 + 1}"
        )
        body = response.content
        response.close()  # as the server does: runs what waits for the response to be sent
        assert response.status_code == 200 and b'class="thank-you"' in body, response

    for _ in range(30):  # warm: templates, connections
        post()
    per_batch = []
    for _ in range(batches):
        began = time.process_time()
        for _ in range(posts):
            post()
        per_batch.append(1000 * (time.process_time() - began) / posts)
    with CaptureQueriesContext(connection) as captured:
        post()
    statements = [q["sql"].split()[0].upper() for q in captured.captured_queries]
    stored = ContactMessage.objects.count()
    print(
        json.dumps(
            {
                "cpu_ms_median": round(statistics.median(per_batch), 2),
                "cpu_ms_batches": [round(v, 2) for v in per_batch],
                "posts": posts * batches,
                "queries": len(statements),
                "writes": sum(s in ("INSERT", "UPDATE", "DELETE") for s in statements),
                "transactions": statements.count("BEGIN"),
                "stored": stored,
                "sent": sent[0] + 0,
            }
        )
    )


def measure_cpu(template: Path, posts: int, batches: int) -> dict:
    data = Path(tempfile.mkdtemp(prefix="pressroom-writes-cpu-"))
    shutil.copytree(template, data, dirs_exist_ok=True)
    done = subprocess.run(
        [PYTHON, "-W", "ignore", __file__, "--cpu-child", str(posts), str(batches)],
        env=site_env(data),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    shutil.rmtree(data, ignore_errors=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- 2 and 3. Load (tests/security/sqlite_contention.py) ---------------------------------


def contention(template: Path, seconds: float, rate: float, editors: int) -> dict:
    data = Path(tempfile.mkdtemp(prefix="pressroom-writes-load-"))
    shutil.copytree(template, data, dirs_exist_ok=True)
    args = ["--seconds", str(seconds), "--rate", str(rate), "--editors", str(editors)]
    args += ["--editor-pace", "5", "--scheduled", "6", "--import-articles", "0"]
    done = subprocess.run(
        [PYTHON, "-W", "ignore", "-m", "tests.security.sqlite_contention", *args],
        env=site_env(data),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    shutil.rmtree(data, ignore_errors=True)
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    # Every refusal a visitor or editor saw ("database is locked", a 503 "send again") is one
    # of the errors; database_is_locked also counts the scheduler's retried runs.
    refused = summary["error_count"]
    longest = max(summary["message_ms_max"] or 0, summary.get("publish_ms_max") or 0)
    summary["refused"] = refused
    summary["within_bound"] = (
        refused == 0
        and summary["messages_lost"] == 0
        and summary["messages_acked"] == summary["messages_sent"]
        and longest <= 1000 * BOUND_SECONDS
    )
    summary["publishes_per_second"] = round(summary["page_publishes"] / seconds, 2)
    return summary


def load_row(label: str, s: dict) -> str:
    return (
        f"| {label} | {s['messages_sent']} / {s['messages_acked']} / {s['messages_lost']} "
        f"| {s['messages_per_second']} | {s['message_ms_p50']} / {s['message_ms_p95']} / "
        f"{s['message_ms_max']} | {s['page_publishes']} ({s['publishes_per_second']}/s) "
        f"| {s['publish_ms_p50']} / {s['publish_ms_p95']} / {s.get('publish_ms_max')} "
        f"| {s['refused']} | {s['message_cpu_ms']} | {s['scheduled_published']}"
        f"/{s['scheduled_pages']} | {s['load_average'][0]} |"
    )


LOAD_HEAD = [
    "| run | messages sent / acked / lost | acked msg/s | message ms p50 / p95 / max "
    "| publishes | publish ms p50 / p95 / max | refused | CPU ms/msg | scheduled | load |",
    "|---|---|---|---|---|---|---|---|---|---|",
]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--rates", default="25,50,75,100")
    parser.add_argument("--step-seconds", type=float, default=30)
    parser.add_argument("--posts", type=int, default=60, help="posts per CPU batch")
    parser.add_argument("--batches", type=int, default=5)
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)

    template = Path(tempfile.mkdtemp(prefix="pressroom-writes-template-"))
    subprocess.run(
        [PYTHON, "-m", "pressroom", "migrate", "-v0"], env=site_env(template), check=True
    )
    started = datetime.now(UTC)
    load_before = os.getloadavg()[0]
    cpu = measure_cpu(template, args.posts, args.batches)
    print("CPU per post:", json.dumps(cpu), flush=True)
    lines = [
        f"# Writes on SQLite ({started:%Y-%m-%d %H:%M} UTC)",
        "",
        f"{os.cpu_count()} CPUs, load average {load_before:.1f} at the start. Production "
        f"settings: WAL, `BEGIN IMMEDIATE`, busy wait {BOUND_SECONDS} s "
        "(docs/operations.md, decision 0049).",
        "",
        "## CPU per contact post (in one process, Django's whole request)",
        "",
        f"Median of {args.batches} batches of {args.posts}: **{cpu['cpu_ms_median']} ms** "
        f"(batches: {', '.join(map(str, cpu['cpu_ms_batches']))}); one post runs "
        f"{cpu['queries']} queries, {cpu['writes']} of them writes, in "
        f"{cpu['transactions']} transaction(s). Target ≤ 10 ms.",
    ]
    ok = True
    if not args.skip_load:
        issue = contention(template, args.seconds, args.rate, args.editors)
        print("Load:", json.dumps(issue, ensure_ascii=False)[:2000], flush=True)
        ok = issue["within_bound"]
        lines += [
            "",
            f"## {args.editors} editors publishing every 5 s and {args.rate:g} messages/s "
            f"for {args.seconds:g} s",
            "",
            *LOAD_HEAD,
            load_row(f"{args.rate:g}/s, {args.seconds:g} s", issue),
            "",
            f"Result: **{'nothing lost, nothing refused' if ok else 'NOT MET'}**"
            + ("" if not issue["errors"] else f"; first errors: {issue['errors'][:3]}"),
            "",
            f"## Ceiling: the message rate raised in steps of {args.step_seconds:g} s, "
            f"{args.editors} editors",
            "",
            *LOAD_HEAD,
        ]
        ceiling = None
        for rate in [float(r) for r in args.rates.split(",") if r]:
            step = contention(template, args.step_seconds, rate, args.editors)
            print(f"Step {rate:g}/s:", json.dumps(step, ensure_ascii=False)[:600], flush=True)
            lines.append(load_row(f"{rate:g}/s", step))
            if step["within_bound"]:
                ceiling = step
            else:
                break
        lines += [
            "",
            "Ceiling (the last step answered in full, nothing refused, no wait past "
            f"{BOUND_SECONDS} s): "
            + (
                "none of the steps"
                if ceiling is None
                else f"**{ceiling['rate_target']:g} messages/s offered, "
                f"{ceiling['messages_per_second']} acknowledged/s, with "
                f"{ceiling['publishes_per_second']} publishes/s**"
            )
            + ". On a shared machine the ceiling is the CPU left to these processes: "
            "see the load column.",
        ]
    lines += ["", f"Load average at the end: {os.getloadavg()[0]:.1f}."]
    shutil.rmtree(template, ignore_errors=True)
    text = "\n".join(lines) + "\n"
    out = args.out or ROOT / "bench" / "results" / f"writes-{started:%Y%m%d-%H%M}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    print(text)
    print(f"written to {out}")
    return 0 if ok and cpu["cpu_ms_median"] <= 10 else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--cpu-child":
        sys.path.insert(0, str(ROOT))
        cpu_child(int(sys.argv[2]), int(sys.argv[3]))
    else:
        sys.exit(main())
