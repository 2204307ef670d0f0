"""G4: the process publishing a page is killed (kill -9) mid-request.

After each kill the SQLite file is intact, Wagtail's tree is valid, every live page shows
exactly the content of its live revision (the old one or the new one, never a mix) with
its publish in the audit log and its current title in the search index, and every publish
the editor saw acknowledged is still there.
"""

import json
import random
import signal
import subprocess
import sys
import time

import pytest

from tests.faults.helpers import ROOT, assert_consistent, check_site, data_dir, env_for

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals"),
]


def worker(folder, mode):
    return subprocess.Popen(
        [sys.executable, "-m", "tests.faults.publish_worker", mode],
        env=env_for(folder),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def test_a_crash_at_the_worst_moments_of_create_and_publish_leaves_no_half_page(
    tmp_path, migrated_sqlite
):
    folder = data_dir(migrated_sqlite, tmp_path / "data")
    # Three editors' processes, each killed at one point of "create and publish".
    modes = ["crash-after-page", "crash-after-revision", "crash-mid-publish"]
    for mode in modes:
        process = worker(folder, mode)
        out, _ = process.communicate(timeout=120)
        assert process.returncode == -signal.SIGKILL, out
    report = check_site(folder)
    assert_consistent(report)
    # Each request was lost as a whole: no article, live or not, was left behind.
    assert report["pages"] == 0


def test_kill_9_at_random_moments_while_publishing(tmp_path, migrated_sqlite):
    folder = data_dir(migrated_sqlite, tmp_path / "data")
    acknowledged: dict[int, int] = {}
    rng = random.Random()
    kills = 0
    for _ in range(3):
        process = worker(folder, "loop")
        assert process.stdout.readline().strip() == "ready"
        first = process.stdout.readline()  # one publish done: the process is up to speed
        assert first.startswith("{"), first
        time.sleep(rng.uniform(0.05, 1.2))  # then kill it at a random moment
        process.send_signal(signal.SIGKILL)
        kills += 1
        out, _ = process.communicate(timeout=30)
        for line in [first, *out.splitlines()]:
            done = json.loads(line)
            assert "error" not in done, done
            acknowledged[done["page"]] = max(acknowledged.get(done["page"], 0), done["version"])
    report = check_site(folder)
    print({"kills": kills, "acknowledged_pages": len(acknowledged), **report})
    assert_consistent(report)
    assert report["pages"] >= len(acknowledged)
    # Every acknowledged publish survived the kills (synchronous=FULL in WAL mode).
    assert report["live_versions"]
    for page, version in acknowledged.items():
        assert report["live_versions"][str(page)] >= version
