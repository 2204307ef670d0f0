"""The contact worker outlives a database outage: it waits and carries on, it does not exit."""

import signal
import subprocess
import sys
import time

import pytest

from tests.faults.conftest import ROOT, copy_site, site_env

pytestmark = pytest.mark.faults


def test_the_mail_worker_waits_out_a_stopped_database(private_postgres, site_template, tmp_path):
    url, data = copy_site(private_postgres, site_template, tmp_path / "data")
    env = site_env(data, url, None, PRESSROOM_CONTACT_WORKER_RETRY="0.5")
    log = tmp_path / "worker.log"
    with log.open("w") as out:
        worker = subprocess.Popen(
            [sys.executable, "-m", "pressroom", "contact_worker", "--interval=0.2",
             "--sweep-every=3600"],
            env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        time.sleep(4)  # started and polling the task table
        assert worker.poll() is None, log.read_text()
        private_postgres.stop("immediate")
        try:
            time.sleep(3)  # every poll meets a refused connection
            assert worker.poll() is None, log.read_text()
        finally:
            private_postgres.start()
        time.sleep(3)
        assert worker.poll() is None, log.read_text()
        assert "database unavailable" in log.read_text()
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            code = worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            raise
    assert code == 0, log.read_text()
