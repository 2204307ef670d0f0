"""Media storage that leaves no partial file behind when the disk fills up mid-write."""

import threading

from django.core.files import storage
from whitenoise.storage import CompressedManifestStaticFilesStorage


class FileSystemStorage(storage.FileSystemStorage):
    """Django's file storage; a write that fails (ENOSPC, EIO…) removes the file it began.

    Django creates the file (O_EXCL, so it is always a new one) and then writes it in chunks:
    a full disk left a truncated image or document in the media folder, pointed at by no row.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._writing = threading.local()

    def get_available_name(self, name, max_length=None):
        name = super().get_available_name(name, max_length=max_length)
        self._writing.name = name  # _save retries under a new name when the first is taken
        return name

    def _save(self, name, content):
        self._writing.name = name
        try:
            return super()._save(name, content)
        except FileExistsError:
            raise  # someone else's file: not ours to remove
        except OSError:
            if self.exists(self._writing.name):
                self.delete(self._writing.name)
            raise


class ManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed, compressed static files; each file's address is worked out once a
    process (the manifest is read at start and does not change while the process runs):
    Django looks the name up and joins the URL on every ``{% static %}``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        found = self._urls.get(name)
        if found is None:
            found = self._urls[name] = super().url(name)
        return found
