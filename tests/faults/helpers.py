"""Run Pressroom in its production settings in another process, against a data folder."""

import json
import shutil
import subprocess
import sys

from tests.security.test_production_settings import ROOT, production_env


def data_dir(migrated_sqlite, folder):
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_sqlite, folder / "pressroom.sqlite3")
    return folder


def env_for(folder, **extra):
    return production_env(folder, ALLOWED_HOSTS="testserver,127.0.0.1,localhost", **extra)


def check_site(folder, prefix="kill-") -> dict:
    """What tests/faults/check_site.py finds wrong with the pages whose titles start so."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.faults.check_site", prefix],
        env=env_for(folder),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def assert_consistent(report):
    assert report["integrity"] == ["ok"]
    assert set(report["tree_problems"].values()) == {0}, report["tree_problems"]
    for key in (
        "live_without_revision",
        "page_without_revision",
        "live_content_differs",
        "live_not_logged",
        "index_differs",
    ):
        assert report[key] == [], (key, report)
