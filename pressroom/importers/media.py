"""Pictures and files of the old site as Wagtail images and documents: from a folder of its
uploads or over HTTP(S).

A picture or file is keyed by its old address, so a second import (or a second page showing
it) uses the image or document made the first time. A file that cannot be found or fetched
is reported and the import goes on without it.
"""

import io
import posixpath
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from pressroom.importers import fetch
from pressroom.importers.cleaning import Link
from pressroom.importers.records import Records
from pressroom.importers.report import Report

PICTURE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp"}
MAX_PIXELS = 40_000_000  # a picture larger than this is refused (decompression bombs)
# Files an old site's bodies link to and its attachments hold, besides pictures. Those whose
# type the site's documents do not accept (WAGTAILDOCS_EXTENSIONS) are reported, not imported.
DOCUMENT_SUFFIXES = {
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp",
    ".rtf", ".txt", ".csv", ".zip", ".rar", ".7z",
}  # fmt: skip
DOCUMENT_TYPES = ("application/", "text/plain", "text/csv")  # not text/html: an error page
# The first bytes each type starts with: a file that does not is not what its name says.
SIGNATURES = {".pdf": b"%PDF", ".zip": b"PK", ".docx": b"PK", ".xlsx": b"PK", ".pptx": b"PK",
              ".odt": b"PK", ".ods": b"PK", ".odp": b"PK", ".rtf": b"{\\rtf"}  # fmt: skip


def suffix_of(url: str) -> str:
    return Path(unquote(urlsplit(url).path)).suffix.lower()


def accepted_documents() -> set[str]:
    """The suffixes the site accepts for documents (its upload rule, docs/security.md)."""
    extensions = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    if extensions is None:
        return DOCUMENT_SUFFIXES
    return {f".{extension.lower()}" for extension in extensions}


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

    def read(self, url: str, accept=("image/",), max_bytes: int = fetch.MAX_BYTES) -> bytes | None:
        try:
            if self.folder is not None:
                data = self.from_folder(url)
                if len(data) > max_bytes:
                    raise OSError(f"larger than {max_bytes} bytes")
                return data
            return fetch.fetch(
                url, accept=accept, allow_local=self.allow_local, max_bytes=max_bytes
            ).data
        except (fetch.FetchError, OSError) as error:
            self.report.missing_files.append(f"{url[:300]} ({error})")
            return None

    def document(self, url: str, title: str = ""):
        """The Wagtail document for the file at ``url`` (made once), or None if unavailable
        or of a type the site's documents do not accept."""
        url = self.absolute(url)
        if not url:
            return None
        key = f"document {url}"
        if key not in self.seen:
            document = self.records.target("document", url)
            if document is None and not self.dry_run:
                document = self.make_document(url, title)
            self.seen[key] = document
        if self.seen[key] is None and not self.dry_run:
            self.misses += 1
        return self.seen[key]

    def make_document(self, url: str, title: str):
        suffix = suffix_of(url)
        if suffix not in accepted_documents():
            self.report.missing_files.append(
                f"{url[:300]} (a {suffix or 'nameless'} file: not a type this site's documents "
                "accept, WAGTAILDOCS_EXTENSIONS)"
            )
            return None
        limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None) or fetch.MAX_BYTES
        data = self.read(url, accept=DOCUMENT_TYPES, max_bytes=limit)
        if data is None:
            return None
        if not data.startswith(SIGNATURES.get(suffix, b"")):
            self.report.missing_files.append(f"{url[:300]} (not a {suffix} file)")
            return None
        name = posixpath.basename(unquote(urlsplit(url).path))
        document = get_document_model()(title=(title or Path(name).stem or name)[:255])
        document.file = ContentFile(data, name=name[-100:])
        document.save()
        self.records.remember("document", url, document)
        self.report.created["document"] += 1
        return document

    def file_link(self, href: str) -> Link | None:
        """A body's link to a picture or a file of the old site's uploads: to the new
        picture's file or the new document; None for any other link (left as it is)."""
        url = self.absolute(href)
        parts, base = urlsplit(url), urlsplit(self.base_url)
        if parts.scheme not in ("", "http", "https"):
            return None
        if parts.hostname and parts.hostname != base.hostname:
            return None  # another site's file: a link, not part of this site
        suffix = suffix_of(url)
        if suffix in PICTURE_SUFFIXES:
            image = self.image(url)
            return Link(href=image.file.url) if image is not None else None
        if suffix in DOCUMENT_SUFFIXES:
            document = self.document(url)
            return Link(document_id=document.pk) if document is not None else None
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
