"""`pressroom serve`: how it is stopped by the service manager."""

from pathlib import Path

from pressroom.core.management.commands.serve import GRACE, STOP_TIMEOUT

ROOT = Path(__file__).resolve().parents[2]


def unit_settings() -> dict:
    unit = (ROOT / "deploy" / "pressroom.service").read_text()
    lines = [line.split("=", 1) for line in unit.splitlines() if "=" in line and line[0] != "#"]
    return {key.strip(): value.strip() for key, value in lines}


def test_systemd_signals_serve_alone_and_waits_longer_than_serve_takes_to_stop():
    unit = unit_settings()
    # serve passes the signal on once to each process; systemd must not signal them too
    # (a second SIGTERM makes the mail worker abandon the mail it is sending).
    assert unit["KillMode"] == "mixed"
    assert unit["KillSignal"] == "SIGTERM"
    assert int(unit["TimeoutStopSec"]) > STOP_TIMEOUT > GRACE
