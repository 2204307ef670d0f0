"""Wagtail's cache of image renditions, with each process's own copies in front.

Wagtail looks every rendition a page shows up in the cache named "renditions" (else the
default one) and writes it back after each use: with the default cache that is an unpickling
and a pickling of the rendition and its image per picture per render (about 0.2 ms each on
an article with three pictures), with Redis two round trips. This backend keeps the objects
it has read or been given in a dict of the process, in front of the default cache, and does
not write back what the dict already holds.

The keys Wagtail uses name the image, its file's hash, the focal point and the filter, so a
new file or focal point asks for a new key. A rendition deleted without such a change (a
purge of renditions) purges the whole site (``pressroom.pagecache.signals``), and the dict
is dropped whenever the site-wide version changes (``pressroom.core.sitecache``), in every
process, at its next request.

Every read hands out a copy: Wagtail sets the image it was asked from on the rendition it
gets (``rendition.image = self``), and threads must not share that.
"""

import copy

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

_MISSING = object()


class RenditionCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        self._shared_alias = location or "default"
        self._max_entries = int(params.get("OPTIONS", {}).get("MAX_ENTRIES", 5000))
        self._copies: tuple[object, dict] = (_MISSING, {})

    @property
    def shared(self) -> BaseCache:
        return caches[self._shared_alias]

    def _local(self) -> dict:
        """This process's copies for the current site-wide version."""
        from pressroom.core.sitecache import current_version

        version = current_version()
        token, copies = self._copies
        if token != version:
            copies = {}
            self._copies = (version, copies)
        return copies

    def _keep(self, copies: dict, key: str, value) -> None:
        if len(copies) < self._max_entries:
            copies[key] = value

    def get(self, key, default=None, version=None):
        copies = self._local()
        own = self.make_and_validate_key(key, version)
        if own in copies:
            return copy.copy(copies[own])
        value = self.shared.get(key, _MISSING, version=version)
        if value is _MISSING:
            return default
        self._keep(copies, own, value)
        return copy.copy(value)

    def get_many(self, keys, version=None):
        copies = self._local()
        found, missing = {}, []
        for key in keys:
            own = self.make_and_validate_key(key, version)
            if own in copies:
                found[key] = copy.copy(copies[own])
            else:
                missing.append(key)
        if missing:
            for key, value in self.shared.get_many(missing, version=version).items():
                self._keep(copies, self.make_and_validate_key(key, version), value)
                found[key] = copy.copy(value)
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        copies = self._local()
        own = self.make_and_validate_key(key, version)
        if own in copies:
            return  # the same key names the same rendition: it is in the shared cache already
        self.shared.set(key, value, timeout=timeout, version=version)
        self._keep(copies, own, copy.copy(value))

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        for key, value in data.items():
            self.set(key, value, timeout=timeout, version=version)
        return []

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.get(key, _MISSING, version=version) is not _MISSING:
            return False
        self.set(key, value, timeout=timeout, version=version)
        return True

    def delete(self, key, version=None):
        self._local().pop(self.make_and_validate_key(key, version), None)
        return self.shared.delete(key, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.shared.touch(key, timeout=timeout, version=version)

    def has_key(self, key, version=None):
        return self.get(key, _MISSING, version=version) is not _MISSING

    def clear(self):
        self._copies = (_MISSING, {})
        self.shared.clear()
