"""Uploads are bounded and allow-listed; media and documents are never served as live HTML."""

import io
import struct
import zlib

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.factories import make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, home):
    user = get_user_model().objects.create_superuser("uploader", password="up-Pass-42")
    client.force_login(user)
    return client


def png_bytes(size=(20, 20)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#114477").save(buffer, "PNG")
    return buffer.getvalue()


def png_header_only(width, height):
    """A tiny PNG whose header claims width x height pixels (a decompression bomb's shape)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {"title": "上传测试", "file": SimpleUploadedFile(name, content, content_type)},
    )


def test_a_normal_image_is_accepted(admin_client):
    response = upload_image(admin_client, "ok.png", png_bytes())
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="上传测试").exists()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>'


@pytest.mark.parametrize(
    "name, content",
    [
        ("drawing.svg", SVG),
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("polyglot.png.html", png_bytes() + b"<html><script>alert(1)</script>"),
        ("huge.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1)),
        ("bomb.png", png_header_only(50_000, 50_000)),
        ("not-an-image.png", b"MZ\x90\x00 this is an exe"),
    ],
)
def test_unsafe_or_oversized_images_get_a_form_error(admin_client, name, content):
    response = upload_image(admin_client, name, content)
    assert response.status_code == 200  # the form again, with its error
    assert not get_image_model().objects.filter(title="上传测试").exists()


def many_frame_gif(frames: int, side: int) -> bytes:
    """A small file that decodes to frames × side² pixels (each frame a flat colour)."""
    import io

    from PIL import Image

    images = [Image.new("P", (side, side), color=n % 2) for n in range(frames)]
    for image in images:
        image.putpalette([0, 0, 0, 255, 255, 255] + [0] * 762)
    buffer = io.BytesIO()
    images[0].save(buffer, "GIF", save_all=True, append_images=images[1:], duration=10)
    return buffer.getvalue()


def test_a_many_frame_gif_counts_every_frame_against_the_pixel_limit(admin_client):
    side = 3000  # 9 million pixels a frame: one frame is allowed, eight are not
    bomb = many_frame_gif(8, side)
    assert len(bomb) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE  # small on disk
    assert 8 * side * side > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    response = upload_image(admin_client, "frames.gif", bomb)
    assert response.status_code == 200
    assert "像素" in response.content.decode()
    assert not get_image_model().objects.filter(title="上传测试").exists()
    assert upload_image(admin_client, "one.gif", many_frame_gif(1, side)).status_code == 302


def test_the_multiple_uploader_refuses_a_many_frame_gif_too(admin_client):
    before = get_image_model().objects.count()
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("frames.gif", many_frame_gif(8, 3000)), "collection": 1},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert get_image_model().objects.count() == before


def test_upload_limits_are_set():
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 64_000_000
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 20 * 1024 * 1024
    assert not {"html", "htm", "svg", "js", "xhtml", "php", "exe"} & set(
        settings.WAGTAILDOCS_EXTENSIONS
    )


def upload_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {"title": "文档测试", "file": SimpleUploadedFile(name, content), "collection": 1},
    )


@pytest.mark.parametrize(
    "name, content",
    [
        ("page.html", b"<script>alert(1)</script>"),
        ("page.xhtml", b"<script>alert(1)</script>"),
        ("img.svg", SVG),
        ("run.js", b"alert(1)"),
        ("shell.php", b"<?php phpinfo();?>"),
        ("setup.exe", b"MZ\x90\x00"),
        ("big.pdf", b"%PDF-1.4" + b"0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE),
    ],
)
def test_unsafe_or_oversized_documents_get_a_form_error(admin_client, name, content):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 200
    assert not get_document_model().objects.filter(title="文档测试").exists()


def test_an_allowed_document_is_accepted_and_served_as_a_download(admin_client, client):
    response = upload_document(admin_client, "notes.txt", b"<html><script>alert(1)</script>")
    assert response.status_code == 302
    document = get_document_model().objects.get(title="文档测试")
    admin_client.logout()
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")
    assert served["Content-Security-Policy"] == "default-src 'none'"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "html" not in served["Content-Type"]
    # Its storage path is not served: only the view above, which checks privacy.
    assert client.get(document.file.url).status_code == 404


def test_stored_media_is_served_with_safe_headers(client, home):
    image = make_image()
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    response.close()


@pytest.mark.parametrize("name", ["evil.html", "evil.svg", "evil.htm", "evil.xml", "evil.js"])
def test_media_files_that_could_run_script_are_only_downloads(client, home, name):
    from django.core.files.storage import default_storage

    path = default_storage.save(
        f"original_images/{name}", ContentFile(b"<script>alert(1)</script>")
    )
    try:
        response = client.get(settings.MEDIA_URL + path)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/octet-stream"
        assert response["Content-Disposition"] == "attachment"
        assert "sandbox" in response["Content-Security-Policy"]
        response.close()
    finally:
        default_storage.delete(path)


@pytest.mark.parametrize(
    "url",
    [
        "/media/",
        "/media/original_images/",
        "/media/images/",
        "/media/../settings.py",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media/..%2f..%2fpressroom.sqlite3",
        "/media/%252e%252e/%252e%252esecret_key",
        "/media/..%5c..%5csecret_key",
        "/static/..%5c..%5cmanage.py",
        "/static/../secret_key",
        "/media/documents/",
        "/media/.htaccess",
        "/pressroom.sqlite3",
        "/db.sqlite3",
        "/data/x.db",
        "/secret_key",
        "/.env",
        "/.git/config",
        "/en/.env",
    ],
)
def test_nothing_outside_media_and_no_listing_is_served(client, home, url):
    client.raise_request_exception = False
    response = client.get(url)
    if response.status_code == 301:  # CommonMiddleware adds the slash first
        assert response["Location"] == url + "/"
        response = client.get(response["Location"])
    assert response.status_code in {400, 404}, url
    body = b"".join(response) if response.streaming else response.content
    assert b"SECRET" not in body and b"SQLite format" not in body


@pytest.mark.parametrize(
    "name",
    [
        "../../../../app/settings.png",
        "..\\..\\x.png",
        "x" * 300 + ".png",
        "invoice\u202egnp.png",
        "CON.png",
        ".htaccess.png",
        "x.png\x00.php.png",
    ],
)
def test_hostile_upload_names_are_stored_inside_the_upload_folder(admin_client, name):
    response = upload_image(admin_client, name, png_bytes())
    assert response.status_code in {200, 302, 400}
    for image in get_image_model().objects.filter(title="上传测试"):
        stored = image.file.name
        assert stored.startswith("original_images/")
        assert ".." not in stored and "\\" not in stored and "\u202e" not in stored
        assert stored.count("/") == 1
        path = image.file.path
        assert path.startswith(str(settings.MEDIA_ROOT))


def test_too_many_files_in_one_request_get_400(admin_client):
    admin_client.raise_request_exception = False
    files = {f"file{n}": SimpleUploadedFile(f"{n}.png", b"x") for n in range(101)}
    response = admin_client.post("/admin/images/add/", {"title": "多文件", **files})
    assert response.status_code == 400
