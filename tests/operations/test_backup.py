"""`pressroom backup` and `pressroom restore`: what was there comes back, checked."""

import io
import json
import subprocess
import sys
import tarfile

import pytest

from tests.security.conftest import fresh_data_dir
from tests.security.test_production_settings import ROOT, production_env

SETUP = """
import django; django.setup()
from pressroom.pages.setup import create_site_tree
from tests.factories import make_image
create_site_tree()
make_image(title="备份测试图片")
"""

MUTATE = """
import django; django.setup()
from pathlib import Path
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.images import get_image_model
get_user_model().objects.create_user("added-after-backup")
image = get_image_model().objects.get()
Path(image.file.path).write_bytes(b"damaged")
"""

STATE = """
import django, hashlib, json; django.setup()
from pathlib import Path
from django.conf import settings
from pressroom.operations.backup import table_counts
media = {
    p.relative_to(settings.MEDIA_ROOT).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
    for p in sorted(Path(settings.MEDIA_ROOT).rglob("*")) if p.is_file()
}
print(json.dumps({"tables": table_counts(), "media": media}))
"""


def py(code, env):
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def pressroom(args, env, ok=True):
    result = subprocess.run(
        [sys.executable, "-m", "pressroom", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if ok:
        assert result.returncode == 0, result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def site_with_backup(tmp_path_factory, migrated_sqlite):
    tmp = tmp_path_factory.mktemp("backup")
    env = production_env(fresh_data_dir(migrated_sqlite, tmp / "data"))
    py(SETUP, env)
    archive = tmp / "site.tar.gz"
    pressroom(["backup", "--output", str(archive)], env)
    before = json.loads(py(STATE, env))
    return env, archive, before, tmp


def test_restore_brings_back_rows_and_media_exactly(site_with_backup):
    env, archive, before, _tmp = site_with_backup
    assert before["tables"]["wagtailimages_image"] == 1
    assert len(before["media"]) >= 1
    py(MUTATE, env)
    changed = json.loads(py(STATE, env))
    assert changed != before
    pressroom(["restore", "--yes", str(archive)], env)
    after = json.loads(py(STATE, env))
    assert after["tables"] == before["tables"]
    assert after["media"] == before["media"]


def test_manifest_lists_every_file_with_its_checksum(site_with_backup):
    _env, archive, before, _tmp = site_with_backup
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("MANIFEST.json"))
        names = set(tar.getnames())
    assert manifest["engine"] == "sqlite"
    assert manifest["tables"] == before["tables"]
    assert set(manifest["files"]) | {"MANIFEST.json"} == names
    assert {f"media/{name}" for name in before["media"]} <= set(manifest["files"])


def rewrite(archive, target, change):
    with tarfile.open(archive) as src, tarfile.open(target, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            member, data = change(member, data)
            dst.addfile(member, io.BytesIO(data))


def test_a_damaged_or_hostile_archive_is_refused_and_nothing_changes(site_with_backup):
    env, archive, _before, tmp = site_with_backup
    now = json.loads(py(STATE, env))

    def damage(member, data):
        if member.name.startswith("media/"):
            data = b"x" + data[1:]
        return member, data

    def escape(member, data):
        if member.name.startswith("media/"):
            member.name = "../../outside.png"
        return member, data

    for name, change in [("damaged", damage), ("escaping", escape)]:
        bad = tmp / f"{name}.tar.gz"
        rewrite(archive, bad, change)
        result = pressroom(["restore", "--yes", str(bad)], env, ok=False)
        assert result.returncode != 0
        assert "CommandError" in result.stderr or "Error" in result.stderr
        assert json.loads(py(STATE, env)) == now
    assert not (tmp.parent / "outside.png").exists()
