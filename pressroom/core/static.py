"""Collecting static files only when they changed: a fingerprint of what `collectstatic` reads.

WhiteNoise's storage hashes and compresses (Brotli, gzip) every file on every `collectstatic`,
even when nothing changed (docs/cli.md, `serve`, says how long that takes). `pressroom init`
and `pressroom serve` run it only when this fingerprint differs from the one the last run left
beside its manifest.
"""

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

from django.apps import apps
from django.conf import settings

STAMP = ".pressroom-sources"  # in STATIC_ROOT, beside Django's staticfiles.json


def source_folders() -> list[Path]:
    """Where Django's default finders look: STATICFILES_DIRS and each app's ``static``."""
    folders = [Path(entry[1] if isinstance(entry, tuple) else entry) for entry in
               settings.STATICFILES_DIRS]  # fmt: skip
    folders += [Path(config.path) / "static" for config in apps.get_app_configs()]
    return [folder for folder in folders if folder.is_dir()]


def fingerprint() -> str:
    """A digest of every static source file (path, size, time), the installed packages'
    versions and the settings that shape the collected files."""
    digest = hashlib.sha256()
    shape = [
        settings.STATIC_URL,
        settings.STORAGES["staticfiles"],
        sorted(settings.STATICFILES_FINDERS),
        sorted((name, repr(getattr(settings, name))) for name in dir(settings)
               if name.startswith("WHITENOISE_")),
    ]  # fmt: skip
    digest.update(json.dumps(shape, default=str).encode())
    # A set: run as `python -m pressroom` from the project folder, the current directory is on
    # sys.path and the editable install's pressroom.egg-info is found a second time.
    versions = sorted({f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()})
    digest.update("\n".join(versions).encode())
    for folder in source_folders():
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = Path(root, name)
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def stamp_path() -> Path:
    return Path(settings.STATIC_ROOT) / STAMP


def collected_files_current() -> bool:
    """Whether STATIC_ROOT holds a manifest collected from exactly today's sources."""
    root = Path(settings.STATIC_ROOT)
    if not (root / "staticfiles.json").exists() or not stamp_path().exists():
        return False
    return stamp_path().read_text().strip() == fingerprint()


def record_collected() -> None:
    """Remember what the files in STATIC_ROOT were collected from."""
    stamp_path().write_text(fingerprint() + "\n")
