"""Counters kept in files, shared by every worker process of a node: the contact form's limits
when there is no Redis (``CACHES["contact"]`` in settings.py).

A Django cache backend that holds non-negative whole numbers only. Each key is one small file:
eight bytes of expiry time, then one byte per count. ``incr`` appends with ``O_APPEND``
(atomic on a local file system) and reads the size back, so posts arriving at once are all
counted; ``add`` creates the file under a temporary name and links it into place, which fails
when another process got there first.

Django's file cache, used before, read, unpickled and rewrote the whole value on each
increment (two posts at once could count as one) and listed its whole folder on every write
to decide whether to cull: 8 ms of CPU per contact post with 3,000 counters in the folder
(decision 0049). Here one post costs a few system calls; expired files are removed by one
``add`` in ``CULL_EVERY``.
"""

import os
import random
import struct
import time
import uuid
from hashlib import sha256
from pathlib import Path

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

SUFFIX = ".count"
HEADER = struct.Struct(">d")  # the expiry, seconds since the epoch
FOREVER = 4_102_444_800.0  # 2100-01-01: a key stored without a timeout
CULL_EVERY = 500


class FileCounterCache(BaseCache):
    """``add``, ``incr``, ``get``, ``set``, ``touch``, ``delete``, ``has_key``, ``clear``, for
    counters; other values are refused with TypeError."""

    def __init__(self, location: str, params: dict):
        super().__init__(params)
        self.folder = Path(location)

    # --- the backend's API ---------------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        path = self.path(key, version)
        if self.read(path) is not None:
            return False
        if random.randrange(CULL_EVERY) == 0:
            self.cull()
        temporary = self.write_temporary(value, timeout)
        try:
            try:
                os.link(temporary, path)
            except FileExistsError:  # expired (else read() saw it), or another process won
                if self.read(path) is not None:
                    return False
                os.replace(temporary, path)
                return True
            return True
        finally:
            temporary.unlink(missing_ok=True)

    def get(self, key, default=None, version=None):
        value = self.read(self.path(key, version))
        return default if value is None else value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        path = self.path(key, version)
        os.replace(self.write_temporary(value, timeout), path)

    def incr(self, key, delta=1, version=None) -> int:
        if not isinstance(delta, int) or delta < 0:
            raise TypeError("File counters only count up.")
        path = self.path(key, version)
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_APPEND)
        except FileNotFoundError:
            raise ValueError(f"Key '{key}' not found") from None
        try:
            if self.expired(os.pread(descriptor, HEADER.size, 0)):
                raise ValueError(f"Key '{key}' not found")
            if delta:
                os.write(descriptor, b"\1" * delta)
            return os.fstat(descriptor).st_size - HEADER.size
        finally:
            os.close(descriptor)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        path = self.path(key, version)
        try:
            descriptor = os.open(path, os.O_RDWR)  # no O_APPEND: write the header in place
        except FileNotFoundError:
            return False
        try:
            if self.expired(os.pread(descriptor, HEADER.size, 0)):
                return False
            os.pwrite(descriptor, HEADER.pack(self.expiry(timeout)), 0)
            return True
        finally:
            os.close(descriptor)

    def delete(self, key, version=None) -> bool:
        try:
            self.path(key, version).unlink()
        except FileNotFoundError:
            return False
        return True

    def has_key(self, key, version=None) -> bool:
        return self.read(self.path(key, version)) is not None

    def clear(self) -> None:
        for path in self.files():
            path.unlink(missing_ok=True)

    # --- files ---------------------------------------------------------------------------

    def path(self, key, version=None) -> Path:
        key = self.make_and_validate_key(key, version=version)
        return self.folder / (sha256(key.encode()).hexdigest()[:40] + SUFFIX)

    def expiry(self, timeout) -> float:
        expires = self.get_backend_timeout(timeout)
        return FOREVER if expires is None else float(expires)

    @staticmethod
    def expired(header: bytes) -> bool:
        return len(header) < HEADER.size or HEADER.unpack(header)[0] <= time.time()

    def read(self, path: Path) -> int | None:
        """The count in ``path``; None when there is none or it has expired."""
        try:
            with open(path, "rb") as file:
                if self.expired(file.read(HEADER.size)):
                    return None
                return os.fstat(file.fileno()).st_size - HEADER.size
        except FileNotFoundError:
            return None

    def write_temporary(self, value, timeout) -> Path:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise TypeError("File counters hold whole numbers from 0 up.")
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f"{uuid.uuid4().hex}.tmp"
        with open(temporary, "xb") as file:
            file.write(HEADER.pack(self.expiry(timeout)) + b"\1" * value)
        return temporary

    def files(self):
        try:
            with os.scandir(self.folder) as entries:
                return [Path(e.path) for e in entries if e.name.endswith((SUFFIX, ".tmp"))]
        except FileNotFoundError:
            return []

    def cull(self) -> None:
        """Remove expired counters, and temporary files a killed process left behind."""
        stale_temporary = time.time() - 60
        for path in self.files():
            try:
                if path.suffix == ".tmp":
                    if path.stat().st_mtime < stale_temporary:
                        path.unlink(missing_ok=True)
                elif self.read(path) is None:
                    path.unlink(missing_ok=True)
            except OSError:
                continue
