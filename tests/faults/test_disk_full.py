"""G9: the disk fills up while an editor uploads an image or a document.

The editor gets a clear 507 page saying nothing was saved (not a 500); no image or document
row points at a missing or truncated file; no partial file stays in the media folder; and
the same upload works once space is freed. The real variant mounts a tiny tmpfs (root
only); the other makes the storage fail half-way through a file, as a full disk does.
"""

import errno
import io
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.storage import FileSystemStorage as DjangoFileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = [pytest.mark.faults, pytest.mark.django_db]


def noise_png(side):
    """A PNG that does not compress: about 3 * side * side bytes."""
    image = PILImage.frombytes("RGB", (side, side), random.Random(side).randbytes(side * side * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def upload(client, kind, content):
    if kind == "image":
        file = SimpleUploadedFile("photo.png", content, "image/png")
        return client.post("/admin/images/add/", {"title": "满盘测试", "file": file})
    file = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n" + content, "application/pdf")
    return client.post("/admin/documents/add/", {"title": "满盘测试", "file": file})


def rows(kind):
    model = get_image_model() if kind == "image" else get_document_model()
    return list(model.objects.filter(title="满盘测试"))


def files_in(folder: Path):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def assert_clean_disk_full_answer(response, kind, media: Path, before: list[str]):
    assert response.status_code == 507
    text = response.content.decode()
    assert "磁盘已满" in text
    assert rows(kind) == []
    assert files_in(media) == before  # no partial file left behind


@pytest.fixture
def tiny_disk(tmp_path, settings):
    """MEDIA_ROOT on a real 1 MB tmpfs; skips when mounting is not allowed."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    mountpoint = tmp_path / "media"
    mountpoint.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mountpoint)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"mount not permitted: {mounted.stderr.decode().strip()}")
    settings.MEDIA_ROOT = str(mountpoint)
    try:
        yield mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], check=False)


@pytest.mark.parametrize("kind", ["image", "document"])
def test_upload_to_a_full_tmpfs_says_so_and_works_once_space_is_freed(
    editor_client, tiny_disk, kind
):
    filler = tiny_disk / "filler.bin"
    filler.write_bytes(b"\0" * 700 * 1024)  # 300 KB left
    content = noise_png(400) if kind == "image" else os.urandom(600 * 1024)
    before = files_in(tiny_disk)
    response = upload(editor_client, kind, content)
    assert_clean_disk_full_answer(response, kind, tiny_disk, before)

    filler.unlink()  # the administrator frees space; the editor sends it again
    response = upload(editor_client, kind, content)
    assert response.status_code == 302
    (stored,) = rows(kind)
    assert stored.file.size == len(content) + (0 if kind == "image" else 9)


def fail_half_way(self, name, content):
    """What a full disk does to Django's storage: the file is begun, then ENOSPC."""
    path = Path(self.path(name))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.read()[: content.size // 2])
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


@pytest.mark.parametrize("kind", ["image", "document"])
def test_storage_raising_enospc_gives_the_editor_a_clear_answer(
    editor_client, tmp_path, settings, kind
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    (tmp_path / "media").mkdir()
    before = files_in(tmp_path / "media")
    with mock.patch.object(DjangoFileSystemStorage, "_save", fail_half_way):
        response = upload(editor_client, kind, noise_png(60))
    assert_clean_disk_full_answer(response, kind, tmp_path / "media", before)
    assert "没有保存" in response.content.decode()


def test_a_full_temporary_folder_during_a_large_upload_is_a_507_too(editor_client, settings):
    # Uploads over FILE_UPLOAD_MAX_MEMORY_SIZE stream to a temporary file first.
    from django.core.files import uploadedfile

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    big = noise_png(1000)  # about 3 MB: over the 2.5 MB kept in memory
    assert len(big) > settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    with mock.patch.object(uploadedfile.tempfile, "NamedTemporaryFile", no_space):
        response = upload(editor_client, "image", big)
    assert response.status_code == 507
    assert rows("image") == []


def test_saving_a_page_on_a_full_sqlite_disk_rolls_back_and_recovers(tmp_path, migrated_sqlite):
    from tests.faults.helpers import ROOT, env_for

    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    folder = tmp_path / "data"
    folder.mkdir()
    size = migrated_sqlite.stat().st_size + 16 * 1024 * 1024
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"mount not permitted: {mounted.stderr.decode().strip()}")
    try:
        shutil.copyfile(migrated_sqlite, folder / "pressroom.sqlite3")
        result = subprocess.run(
            [sys.executable, "-m", "tests.faults.sqlite_full", str(folder)],
            env=env_for(folder),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=180,
        )
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    print({k: v for k, v in summary.items() if k != "full_text"})
    # SQLITE_FULL: the editor is told, the transaction rolled back, the file is intact.
    assert summary["full_status"] == 507, summary
    assert "磁盘已满" in summary["full_text"]
    assert summary["integrity"] == "ok"
    assert summary["stored_while_full"] == 0
    # Once space is freed the same save goes through.
    assert summary["again_status"] == 302
    assert summary["stored_after"] == 1


def test_a_page_cache_purge_on_a_full_disk_leaves_no_temporary_stamp(tmp_path, settings):
    from pressroom.pagecache import store

    settings.PRESSROOM_PAGECACHE_STAMP_FILE = tmp_path / "pagecache.stamp"
    real_write = Path.write_text

    def no_space(self, *args, **kwargs):
        real_write(self, "")  # created, then the disk is full
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with mock.patch.object(Path, "write_text", no_space), pytest.raises(OSError):
        store.touch_stamp()
    assert list(tmp_path.iterdir()) == []
