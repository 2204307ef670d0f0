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
        wait_for_log(log, "Starting worker", worker)  # started and polling the task table
        time.sleep(1)
        private_postgres.stop("immediate")
        try:
            # Every poll meets a refused connection (on a busy machine the first may take a
            # while to come: wait for it rather than a fixed time).
            wait_for_log(log, "database unavailable", worker)
            time.sleep(1)
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


def wait_for_log(log, text: str, worker, timeout: float = 60) -> None:
    """Until the worker's log holds ``text``; the worker must keep running meanwhile."""
    deadline = time.monotonic() + timeout
    while text not in log.read_text():
        assert worker.poll() is None, log.read_text()
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)
