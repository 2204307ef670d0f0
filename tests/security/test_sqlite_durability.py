"""SQLite in its production settings: writers queue, nothing is lost, nothing is 'locked'."""

import json
import subprocess
import sys

import pytest

from tests.security.conftest import fresh_data_dir
from tests.security.test_production_settings import ROOT, production_env


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX only")
def test_editors_and_messages_write_at_once_without_database_is_locked(tmp_path, migrated_sqlite):
    env = production_env(fresh_data_dir(migrated_sqlite, tmp_path / "data"))
    result = subprocess.run(
        [sys.executable, "-m", "tests.security.sqlite_contention", "5", "1"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    print(summary)
    assert summary["errors"] == []
    assert summary["journal_mode"] == "wal"
    assert summary["integrity"] == "ok"
    assert summary["page_saves"] >= 20
    # Every acknowledged message is stored. Messages queue behind page publishes (one
    # process, one GIL, one write lock: see docs/security.md for the figures) but none
    # waits anywhere near the 20 s lock timeout.
    assert summary["messages_acked"] > 0
    assert summary["messages_stored"] == summary["messages_acked"]
    assert summary["message_ms_max"] < 10_000
