"""`pressroom serve`: what it prepares at start, and how the service manager stops it."""

import os
from pathlib import Path

from django.core.management import call_command

from pressroom.core.management.commands.serve import GRACE, STOP_TIMEOUT, node_environment
from pressroom.core.static import collected_files_current

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


def test_static_files_are_collected_again_only_when_a_source_changed(settings, tmp_path):
    sources = tmp_path / "sources"
    (sources / "css").mkdir(parents=True)
    (sources / "css" / "extra.css").write_text("body { color: #123; }")
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, sources]
    settings.STORAGES = {
        **settings.STORAGES,  # Django's hashing storage: WhiteNoise's, minus the compression
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    assert not collected_files_current()  # nothing collected yet
    call_command("collectstatic", interactive=False, verbosity=0)
    assert collected_files_current()
    # An edited file (a new size or time) means collecting again.
    changed = sources / "css" / "extra.css"
    changed.write_text("body { color: #456; }")
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    assert not collected_files_current()
    call_command("collectstatic", interactive=False, verbosity=0)
    assert collected_files_current()
    # A new file too; and a lost manifest.
    (sources / "css" / "new.css").write_text("p { margin: 0; }")
    assert not collected_files_current()
    call_command("collectstatic", interactive=False, verbosity=0)
    (settings.STATIC_ROOT / "staticfiles.json").unlink()
    assert not collected_files_current()


def test_the_node_runs_in_production_mode_with_two_malloc_arenas_unless_told_otherwise():
    env = node_environment({"PATH": "/usr/bin", "PRESSROOM_DEBUG": "1"})
    assert env == {"PATH": "/usr/bin", "PRESSROOM_DEBUG": "0", "MALLOC_ARENA_MAX": "2"}
    # An operator's own choice stands.
    assert node_environment({"MALLOC_ARENA_MAX": "8"})["MALLOC_ARENA_MAX"] == "8"
