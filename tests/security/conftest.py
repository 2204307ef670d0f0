import shutil
import subprocess
import sys

import pytest

from tests.security.test_production_settings import ROOT, production_env


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """A migrated SQLite database file, made once; copy it with ``fresh_data_dir``."""
    folder = tmp_path_factory.mktemp("migrated")
    subprocess.run(
        [sys.executable, "-m", "pressroom", "migrate", "-v0"],
        env=production_env(folder),
        cwd=ROOT,
        check=True,
        timeout=600,
    )
    return folder / "pressroom.sqlite3"


def fresh_data_dir(migrated_sqlite, folder):
    """A data folder holding a copy of the migrated database (what `pressroom migrate` makes)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_sqlite, folder / "pressroom.sqlite3")
    return folder
