"""Pictures of the old site as Wagtail images: from a folder of its uploads or over HTTP(S).

A picture is keyed by its old address, so a second import (or a second page showing it)
uses the image made the first time. A file that cannot be found or fetched is reported and
the import goes on without it.
"""

import io
import posixpath
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.images import get_image_model

from pressroom.importers import fetch
from pressroom.importers.records import Records
from pressroom.importers.report import Report

PICTURE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp"}
MAX_PIXELS = 40_000_000  # a picture larger than this is refused (decompression bombs)


class Media:
    """Where the pictures of one import come from, and the images made from them."""

    def __init__(
        self,
        records: Records,
        report: Report,
        *,
        folder: Path | None = None,
        base_url: str = "",
        allow_local: bool = False,
        dry_run: bool = False,
    ):
        self.records, self.report = records, report
        self.folder = folder.resolve() if folder else None
        self.base_url = base_url
        self.allow_local = allow_local
        self.dry_run = dry_run
        self.seen: dict[str, object] = {}
        self.misses = 0  # pictures asked for and not found (an item missing one is retried)

    def absolute(self, url: str) -> str:
        return urljoin(self.base_url, url.strip()) if self.base_url else url.strip()

    def image(self, url: str, title: str = ""):
        """The Wagtail image for the picture at ``url`` (made once), or None if unavailable."""
        url = self.absolute(url)
        if not url:
            return None
        if url not in self.seen:
            image = self.records.target("image", url)
            if image is None and not self.dry_run:
                data = self.read(url)
                if data is not None:
                    image = self.make_image(url, data, title)
            self.seen[url] = image
        if self.seen[url] is None and not self.dry_run:
            self.misses += 1
        return self.seen[url]

    def read(self, url: str) -> bytes | None:
        try:
            if self.folder is not None:
                return self.from_folder(url)
            return fetch.fetch(url, allow_local=self.allow_local).data
        except (fetch.FetchError, OSError) as error:
            self.report.missing_files.append(f"{url[:300]} ({error})")
            return None

    def from_folder(self, url: str) -> bytes:
        """The file for ``url`` in the uploads folder: by its path after ``uploads/`` (or
        after ``upload/``), else its whole path, else its name; never outside the folder."""
        path = unquote(urlsplit(url).path).lstrip("/")
        candidates = []
        for marker in ("uploads/", "upload/"):
            if marker in path:
                candidates.append(path.split(marker, 1)[1])
        candidates += [path, posixpath.basename(path)]
        for candidate in candidates:
            file = (self.folder / candidate).resolve()
            if file.is_relative_to(self.folder) and file.is_file():
                return file.read_bytes()
        raise OSError("not in the media folder")

    def make_image(self, url: str, data: bytes, title: str):
        name = posixpath.basename(unquote(urlsplit(url).path)) or "picture"
        if Path(name).suffix.lower() not in PICTURE_SUFFIXES:
            name += ".jpg"
        try:
            with PILImage.open(io.BytesIO(data)) as picture:
                if picture.width * picture.height > MAX_PIXELS:
                    raise ValueError("too many pixels")
                picture.verify()
        except (UnidentifiedImageError, ValueError, OSError) as error:
            self.report.missing_files.append(f"{url[:300]} (not a picture: {error})")
            return None
        image = get_image_model()(title=(title or Path(name).stem)[:255])
        image.file = ImageFile(io.BytesIO(data), name=name[-100:])
        image.save()
        self.records.remember("image", url, image)
        self.report.created["image"] += 1
        return image
