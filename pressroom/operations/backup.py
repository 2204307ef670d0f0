"""One-file backups of a site (database + media) with a checksum manifest, and their restore.

The archive (``.tar.gz``) holds:

- ``database.sqlite3`` — a consistent copy made with SQLite's online backup API (safe while
  the site runs; never a raw copy of a live file), or ``database.sql`` from ``pg_dump``;
- ``media/…`` — every uploaded file (unless media are kept in an S3 bucket: then the archive
  holds the database only, the manifest names the bucket, and restore leaves media alone; back
  the bucket up with its own versioning or replication);
- ``MANIFEST.json`` — SHA-256 and size of every file above, the row count of every table and
  the time it was taken. ``restore`` checks all of it before it touches anything.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, connections, transaction

from pressroom.operations.storage import media_bucket

MANIFEST = "MANIFEST.json"


class BackupError(Exception):
    pass


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _engine() -> str:
    return "sqlite" if connection.vendor == "sqlite" else connection.vendor


def table_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _sqlite_counts(path: Path) -> dict[str, int]:
    """Row counts of the copy itself (the live database may have changed since)."""
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
    copy = sqlite3.connect(str(path))
    try:
        return {
            table: copy.execute(
                f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}"
            ).fetchone()[0]
            for table in tables
        }
    finally:
        copy.close()


def _pg_env() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    args = ["-h", db.get("HOST") or "localhost", "-U", db.get("USER") or "postgres"]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    return args + [db["NAME"]], env


def _dump_database(workdir: Path) -> tuple[Path, dict[str, int]]:
    """The database's copy and the row counts of exactly that copy.

    Writes go on while a backup runs: the counts must describe the copy, not the live
    database a moment before or after it.
    """
    if _engine() == "sqlite":
        target = workdir / "database.sqlite3"
        source = sqlite3.connect(str(settings.DATABASES["default"]["NAME"]))
        copy = sqlite3.connect(str(target))
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
            source.close()
        return target, _sqlite_counts(target)
    if _engine() == "postgresql":
        target = workdir / "database.sql"
        args, env = _pg_env()
        # One snapshot for the counts and the dump: pg_dump joins this transaction's snapshot.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = table_counts()
            with open(target, "wb") as out:
                subprocess.run(
                    ["pg_dump", "--no-owner", "--clean", "--if-exists", "--snapshot", snapshot,
                     *args],
                    stdout=out,
                    env=env,
                    check=True,
                )  # fmt: skip
        return target, counts
    raise BackupError(f"backups of {_engine()} databases are not supported")


def create_backup(output: Path) -> dict:
    """Write the archive to ``output``; returns the manifest."""
    output = Path(output)
    with tempfile.TemporaryDirectory(dir=output.parent) as tmp:
        workdir = Path(tmp)
        database, counts = _dump_database(workdir)
        files = {database.name: {"sha256": _sha256(database), "size": database.stat().st_size}}
        media_root = Path(settings.MEDIA_ROOT)
        media = []
        bucket = media_bucket()
        if not bucket and media_root.exists():
            for path in sorted(media_root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    name = "media/" + path.relative_to(media_root).as_posix()
                    files[name] = {"sha256": _sha256(path), "size": path.stat().st_size}
                    media.append((path, name))
        manifest = {
            "format": 1,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "engine": _engine(),
            "tables": counts,
            "files": files,
        }
        if bucket:
            manifest["media_bucket"] = bucket
        manifest_path = workdir / MANIFEST
        manifest_path.write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(manifest_path, MANIFEST)
            archive.add(database, database.name)
            for path, name in media:
                archive.add(path, name)
        os.replace(partial, output)  # a half-written archive never carries the final name
    return manifest


def _safe_members(archive: tarfile.TarFile):
    for member in archive.getmembers():
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"refusing unsafe archive entry {member.name!r}")
        yield member


def verify_backup(archive_path: Path, into: Path) -> dict:
    """Unpack into ``into`` and check every file against the manifest; returns the manifest."""
    with tarfile.open(archive_path, "r:gz") as archive:
        archive.extractall(into, members=list(_safe_members(archive)), filter="data")
    manifest = json.loads((into / MANIFEST).read_text())
    for name, expected in manifest["files"].items():
        path = into / name
        if not path.is_file() or _sha256(path) != expected["sha256"]:
            raise BackupError(f"{name} is missing or does not match its checksum")
    return manifest


def restore_backup(archive_path: Path) -> dict:
    """Replace the database and media with the archive's, after checking it whole."""
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent) as tmp:
        unpacked = Path(tmp)
        manifest = verify_backup(Path(archive_path), unpacked)
        if manifest["engine"] != _engine():
            raise BackupError(
                f"the backup is of a {manifest['engine']} database, this site uses {_engine()}"
            )
        connections.close_all()
        if _engine() == "sqlite":
            restored = unpacked / "database.sqlite3"
            check = sqlite3.connect(str(restored))
            try:
                if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    raise BackupError("the database in the backup fails its integrity check")
            finally:
                check.close()
            target = Path(settings.DATABASES["default"]["NAME"])
            staged = target.with_name(target.name + ".restoring")
            shutil.copyfile(restored, staged)
            for suffix in ("-wal", "-shm"):
                Path(str(target) + suffix).unlink(missing_ok=True)
            os.replace(staged, target)
        else:
            args, env = _pg_env()
            with open(unpacked / "database.sql", "rb") as dump:
                subprocess.run(
                    ["psql", "-v", "ON_ERROR_STOP=1", "-q", *args], stdin=dump, env=env, check=True
                )
        if manifest.get("media_bucket") or media_bucket():
            # Media live in a bucket (when the backup was taken, or now): nothing to put back.
            return manifest
        new_media = unpacked / "media"
        new_media.mkdir(exist_ok=True)
        old_media = media_root.with_name(media_root.name + ".before-restore")
        if old_media.exists():
            shutil.rmtree(old_media)
        if media_root.exists():
            os.replace(media_root, old_media)
        os.replace(new_media, media_root)
        if old_media.exists():
            shutil.rmtree(old_media)
    return manifest
