"""G15: a backup taken while visitors write, restored on a fresh database, matches its manifest.

PostgreSQL: `pressroom backup` on the live site (private server) while a visitor keeps sending
contact messages through `pressroom serve`; `pressroom restore` into a new, empty database and
data folder. SQLite: the same with a writer process beside the backup.
"""

import json
import subprocess
import sys
import tarfile
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests

from tests.faults.conftest import ROOT, pressroom, site_env

pytestmark = pytest.mark.faults

STATE = """
import django, hashlib, json; django.setup()
from pathlib import Path
from django.conf import settings
from django.db import connection
from pressroom.operations.backup import table_counts
root = Path(settings.MEDIA_ROOT)
media = {
    "media/" + p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
    for p in sorted(root.rglob("*")) if p.is_file()
}
check = None
if connection.vendor == "sqlite":
    with connection.cursor() as cursor:
        check = cursor.execute("PRAGMA integrity_check").fetchone()[0]
print(json.dumps({"tables": table_counts(), "media": media, "integrity": check}))
"""


def state(env) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", STATE], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def manifest_of(archive: Path) -> dict:
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile("MANIFEST.json"))


def assert_restored_as_in_manifest(restored: dict, manifest: dict) -> None:
    assert restored["tables"] == manifest["tables"]
    media = {name: entry["sha256"] for name, entry in manifest["files"].items()}
    media = {name: digest for name, digest in media.items() if name.startswith("media/")}
    assert media, "the drill needs media files"
    assert restored["media"] == media


def backup_while(write, env, archive: Path) -> tuple[int, int, float]:
    """Run `pressroom backup` while ``write()`` runs in a loop; (writes before, during, seconds)."""
    stop = threading.Event()
    stamps: list[float] = []
    errors: list[BaseException] = []

    def loop():
        try:
            while not stop.is_set():
                write()
                stamps.append(time.monotonic())
        except BaseException as exc:  # reported by the test, not lost in the thread
            errors.append(exc)

    writer = threading.Thread(target=loop)
    writer.start()
    try:
        while len(stamps) < 3 and not errors:
            time.sleep(0.05)
        started = time.monotonic()
        pressroom(["backup", "--output", str(archive)], env)
        finished = time.monotonic()
        while not errors and not any(stamp > finished for stamp in stamps):
            time.sleep(0.05)  # one more write after the backup: the load outlasted it
    finally:
        stop.set()
        writer.join(timeout=60)
    assert not errors, errors
    during = sum(started <= stamp <= finished for stamp in stamps)
    return sum(stamp < started for stamp in stamps), during, finished - started


def test_postgresql_backup_under_write_load_restores_on_a_fresh_database(live_site, tmp_path):
    visitor = requests.Session()

    def send_message():
        hidden = live_site.contact_form(visitor)
        response = live_site.post_contact(visitor, hidden, f"备份演练留言 {uuid.uuid4().hex}")
        assert response.status_code == 200 and 'class="thank-you"' in response.text

    archive = tmp_path / "live_site.tar.gz"
    before, during, seconds = backup_while(send_message, live_site.env, archive)
    print(f"PostgreSQL backup: {seconds:.2f} s, {during} messages stored while it ran")
    manifest = manifest_of(archive)
    assert manifest["engine"] == "postgresql"
    live = live_site.messages()
    kept = manifest["tables"]["contact_contactmessage"]
    assert kept < live  # messages kept coming after the snapshot

    fresh_url = live_site.postgres.create_database("restored_" + uuid.uuid4().hex[:8])
    fresh = site_env(tmp_path / "fresh-node", fresh_url, None)
    started = time.monotonic()
    pressroom(["restore", "--yes", str(archive)], fresh)
    print(f"PostgreSQL restore into a fresh database: {time.monotonic() - started:.2f} s")
    assert_restored_as_in_manifest(state(fresh), manifest)


SQLITE_WRITER = """
import django, sys, time, uuid; django.setup()
from pressroom.contact.models import ContactMessage, ContactPage
page = ContactPage.objects.filter(locale__language_code="zh-hans").first()
print("ready", flush=True)
while True:
    ContactMessage.objects.create(
        page=page, form_data={"name": "写入", "message": uuid.uuid4().hex},
        fingerprint=uuid.uuid4().hex,
    )
    print("w", flush=True)
    time.sleep(0.01)
"""


def test_sqlite_backup_under_write_load_restores_on_a_fresh_node(tmp_path, migrated_sqlite):
    from tests.operations.test_backup import SETUP, py
    from tests.security.conftest import fresh_data_dir
    from tests.security.test_production_settings import production_env

    env = production_env(fresh_data_dir(migrated_sqlite, tmp_path / "node"))
    py(SETUP, env)  # the page tree and an uploaded image
    writer = subprocess.Popen(
        [sys.executable, "-c", SQLITE_WRITER],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()[-3000:]

        def one_write():
            line = writer.stdout.readline()
            assert line.strip() == "w", writer.stderr.read()[-3000:]

        archive = tmp_path / "live_site.tar.gz"
        _before, during, seconds = backup_while(one_write, env, archive)
    finally:
        writer.kill()
        writer.wait()
    print(f"SQLite backup: {seconds:.2f} s, {during} rows written while it ran")
    manifest = manifest_of(archive)
    assert manifest["engine"] == "sqlite"
    live = state(env)["tables"]["contact_contactmessage"]
    assert 0 < manifest["tables"]["contact_contactmessage"] < live

    fresh = production_env(fresh_data_dir(migrated_sqlite, tmp_path / "fresh-node"))
    pressroom(["restore", "--yes", str(archive)], fresh)  # a new node: empty database, no media
    restored = state(fresh)
    assert restored["integrity"] == "ok"
    assert_restored_as_in_manifest(restored, manifest)
