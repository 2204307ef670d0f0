"""G11, G12: two processes do the same thing to the same pages at the same instant.

Processes are released together by a go file (within a millisecond of each other) against
one SQLite database in its production settings. Expected: no 500 or IntegrityError, one
revision and one publish entry per action, one scheduled publish per page however many
scheduler passes overlap, and a valid page tree.
"""

import fcntl
import json
import sqlite3
import subprocess
import sys

import pytest

from tests.faults.helpers import ROOT, assert_consistent, check_site, data_dir, env_for

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX only"),
]


@pytest.fixture
def race_site(tmp_path, migrated_sqlite):
    folder = data_dir(migrated_sqlite, tmp_path / "data")
    setup = subprocess.run(
        [sys.executable, "-m", "tests.faults.race_worker", "setup"],
        env=env_for(folder),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert setup.returncode == 0, setup.stderr[-3000:]
    return folder


def race(folder, *commands):
    """Start one worker per command, release them together, return their JSON lines."""
    go = folder / "go"
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.faults.race_worker", *command],
            env=env_for(folder, PRESSROOM_RACE_GO=str(go)),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    for worker in workers:
        line = worker.stdout.readline().strip()
        assert line == "ready", worker.communicate()[1][-3000:]
    go.touch()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=180)
        assert worker.returncode == 0, err[-3000:]
        results.append([json.loads(line) for line in out.splitlines()])
    return results


def query(folder, sql, *params):
    with sqlite3.connect(folder / "pressroom.sqlite3") as db:
        return db.execute(sql, params).fetchall()


def page_id(folder, slug):
    return query(folder, "SELECT id FROM wagtailcore_page WHERE slug = ?", slug)[0][0]


def log_count(folder, action, page=None):
    sql = "SELECT count(*) FROM wagtailcore_pagelogentry WHERE action = ?"
    if page is None:
        return query(folder, sql, action)[0][0]
    return query(folder, sql + " AND page_id = ?", action, page)[0][0]


def test_the_same_page_published_twice_at_the_same_instant(race_site):
    target = page_id(race_site, "race-target")
    revisions_before = query(
        race_site, "SELECT count(*) FROM wagtailcore_revision WHERE object_id = ?", str(target)
    )[0][0]
    results = race(race_site, ["publish"], ["publish"])
    assert [r[0]["status"] for r in results] == [302, 302]
    # One revision and one publish entry per action; the later one is live.
    revisions = query(
        race_site,
        "SELECT id FROM wagtailcore_revision WHERE object_id = ? ORDER BY id",
        str(target),
    )
    assert len(revisions) == revisions_before + 2
    assert log_count(race_site, "wagtail.publish", target) == 1 + 2
    ((live,),) = query(
        race_site, "SELECT live_revision_id FROM wagtailcore_page WHERE id = ?", target
    )
    assert live == revisions[-1][0]
    assert_consistent(check_site(race_site, "race-target"))


def scheduled_state(folder):
    live = query(
        folder, "SELECT count(*) FROM wagtailcore_page WHERE slug LIKE 'race-scheduled-%' AND live"
    )[0][0]
    return live, log_count(folder, "wagtail.publish.scheduled")


def test_overlapping_scheduler_passes_publish_each_page_once(race_site):
    results = race(race_site, ["schedule"], ["schedule"], ["schedule"])
    print({"passes_that_ran": sum(r[0]["ran"] for r in results)})
    assert any(r[0]["ran"] for r in results)
    # Every due article went live, with exactly one scheduled-publish entry each.
    assert scheduled_state(race_site) == (20, 20)
    assert_consistent(check_site(race_site, "race-scheduled"))


def test_a_scheduler_pass_waits_its_turn_while_another_holds_the_lock(race_site):
    command = [sys.executable, "-m", "pressroom", "scheduler", "--once"]
    with open(race_site / "pressroom-scheduler.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # another node's pass is running
        skipped = subprocess.run(
            command, env=env_for(race_site), cwd=ROOT, capture_output=True, timeout=120
        )
        assert skipped.returncode == 0
        assert scheduled_state(race_site) == (0, 0)
    done = subprocess.run(
        command, env=env_for(race_site), cwd=ROOT, capture_output=True, timeout=120
    )
    assert done.returncode == 0
    assert scheduled_state(race_site) == (20, 20)


def test_two_editors_add_articles_under_the_same_parent_at_once(race_site):
    results = race(race_site, ["create", "5"], ["create", "5"], ["create", "5"])
    assert [r["status"] for lines in results for r in lines] == [302] * 15
    report = check_site(race_site, "race-child")
    assert_consistent(report)
    assert report["pages"] == 15


@pytest.fixture
def postgres_site(tmp_path):
    """A migrated PostgreSQL database of its own on PRESSROOM_TEST_POSTGRES, dropped after."""
    import os
    import uuid

    url = os.environ.get("PRESSROOM_TEST_POSTGRES", "")
    if not url:
        pytest.skip("PRESSROOM_TEST_POSTGRES is not set")
    try:
        import psycopg

        admin = psycopg.connect(url, connect_timeout=3, autocommit=True)
    except Exception as error:
        pytest.skip(f"PostgreSQL unreachable: {error}")
    name = f"pressroom_faults_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        database = url.rsplit("/", 1)[0] + "/" + name
        folder = tmp_path / "data"
        folder.mkdir()
        env = env_for(folder, DATABASE_URL=database)
        for command in (
            ["-m", "pressroom", "migrate", "-v0"],
            ["-m", "tests.faults.race_worker", "setup"],
        ):
            result = subprocess.run(
                [sys.executable, *command],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=600,
            )
            assert result.returncode == 0, result.stderr[-3000:]
        yield folder, database
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.mark.postgres
def test_editors_adding_under_one_parent_at_once_on_postgresql(postgres_site):
    # wagtailcore_page_path_key (Wagtail #3553): treebeard locks the parent row
    # (select_for_update) inside the admin POST's transaction, so the second editor waits.
    folder, database = postgres_site
    go = folder / "go"
    env = env_for(folder, DATABASE_URL=database, PRESSROOM_RACE_GO=str(go))
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.faults.race_worker", "create", "5"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for worker in workers:
        assert worker.stdout.readline().strip() == "ready", worker.communicate()[1][-3000:]
    go.touch()
    statuses = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err[-3000:]
        statuses += [json.loads(line)["status"] for line in out.splitlines()]
    assert statuses == [302] * 15
    check = subprocess.run(
        [sys.executable, "-m", "tests.faults.check_site", "race-child"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(check.stdout.strip().splitlines()[-1])
    report["integrity"] = ["ok"]  # PRAGMA integrity_check is SQLite's; PostgreSQL has none
    assert_consistent(report)
    assert report["pages"] == 15
