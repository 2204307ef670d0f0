"""Uploads in an S3-compatible bucket (moto's server on loopback as the endpoint).

The storage settings are the ones pressroom/settings.py builds from PRESSROOM_S3_* variables;
every request goes over HTTP to the endpoint, as it would to MinIO or AWS.
"""

import http.client
import io
import json
import runpy
import socket
import subprocess
import sys
import tarfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

import pressroom.settings
from pressroom.pagecache import store
from tests.factories import make_article
from tests.media_paths import spellings
from tests.security.conftest import fresh_data_dir
from tests.security.test_production_settings import ROOT, production_env
from tests.sockets import RefusingServer, SilentServer

boto3 = pytest.importorskip("boto3")
pytest.importorskip("storages")
moto_server = pytest.importorskip("moto.server")

pytestmark = pytest.mark.django_db
BUCKET = "pressroom-media"  # the name deploy/s3-bucket-policy.json is written for
POLICY = Path(__file__).resolve().parents[2] / "deploy" / "s3-bucket-policy.json"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint():
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def use_s3(settings, monkeypatch, endpoint_url: str) -> None:
    """The settings pressroom/settings.py makes from the environment an operator sets."""
    monkeypatch.setenv("PRESSROOM_S3_BUCKET", BUCKET)
    monkeypatch.setenv("PRESSROOM_S3_ENDPOINT_URL", endpoint_url)
    monkeypatch.setenv("PRESSROOM_S3_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "pressroom-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "pressroom-test-secret")
    built = runpy.run_path(str(Path(pressroom.settings.__file__)))
    settings.STORAGES = {**settings.STORAGES, "default": built["STORAGES"]["default"]}
    settings.MIDDLEWARE = built["MIDDLEWARE"]
    settings.CONTENT_SECURITY_POLICY = built["CONTENT_SECURITY_POLICY"]
    settings.PRESSROOM_ADMIN_CSP = built["PRESSROOM_ADMIN_CSP"]


@pytest.fixture
def bucket(endpoint, monkeypatch, settings):
    use_s3(settings, monkeypatch, endpoint)
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="pressroom-test",
        aws_secret_access_key="pressroom-test-secret",
    )
    client.create_bucket(Bucket=BUCKET)
    # The shipped policy: page images readable by anyone, documents private.
    client.put_bucket_policy(Bucket=BUCKET, Policy=POLICY.read_text())
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


@pytest.fixture
def admin_client(client, home):
    user = get_user_model().objects.create_superuser("s3editor", password="s3-Pass-42")
    client.force_login(user)
    return client


def png_bytes(color="#114477"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), color).save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(client, name, content, title="云端图片"):
    return client.post(
        "/admin/images/add/",
        {"title": title, "file": SimpleUploadedFile(name, content, "image/png")},
    )


def keys(client) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def fetch(url: str) -> tuple[int, bytes]:
    """An anonymous GET, as a visitor's browser makes it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_an_uploaded_image_lands_in_the_bucket_and_the_article_shows_it_from_there(
    bucket, admin_client, news_index, endpoint
):
    content = png_bytes()
    assert upload_image(admin_client, "launch.png", content).status_code == 302
    image = get_image_model().objects.get(title="云端图片")
    assert f"original_images/{Path(image.file.name).name}" in keys(bucket)
    stored = bucket.get_object(Bucket=BUCKET, Key=image.file.name)["Body"].read()
    assert stored == content

    article = make_article(news_index, title="云端新闻", cover_image=image)
    admin_client.logout()
    response = admin_client.get(article.url)
    assert response.status_code == 200
    img = BeautifulSoup(response.content, "html.parser").select_one(".article__cover img")
    src = img["src"]
    assert src.startswith(f"{endpoint}/{BUCKET}/images/")  # the rendition, in the bucket
    status, body = fetch(src)
    assert status == 200
    assert PILImage.open(io.BytesIO(body)).size == (40, 30)
    # The page's CSP lets the browser load it.
    assert endpoint in response["Content-Security-Policy"]


def test_two_uploads_with_the_same_name_are_both_kept(bucket, admin_client):
    first, second = png_bytes("#ff0000"), png_bytes("#00ff00")
    assert upload_image(admin_client, "photo.png", first, title="第一张").status_code == 302
    assert upload_image(admin_client, "photo.png", second, title="第二张").status_code == 302
    one = get_image_model().objects.get(title="第一张")
    two = get_image_model().objects.get(title="第二张")
    assert one.file.name != two.file.name
    assert {one.file.name, two.file.name} <= set(keys(bucket))
    assert bucket.get_object(Bucket=BUCKET, Key=one.file.name)["Body"].read() == first
    assert bucket.get_object(Bucket=BUCKET, Key=two.file.name)["Body"].read() == second


def test_a_document_goes_to_the_bucket_and_is_served_through_the_app(
    bucket, admin_client, endpoint
):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "年报",
            "file": SimpleUploadedFile("report.pdf", b"%PDF-1.4 annual report"),
            "collection": 1,
        },
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="年报")
    assert document.file.name in keys(bucket) and document.file.name.startswith("documents/")
    served = admin_client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"%PDF-1.4 annual report"
    # Straight from the bucket it is refused: only the app's view (privacy checks) sends it.
    status, body = fetch(f"{endpoint}/{BUCKET}/{document.file.name}")
    assert status == 403 and b"annual report" not in body


def anonymous_get(endpoint: str, path: str) -> tuple[int, bytes]:
    """A GET without credentials, its path sent exactly as written (urllib would tidy it)."""
    address = urllib.parse.urlsplit(endpoint)
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_no_spelling_of_a_private_documents_key_is_readable_from_the_bucket(
    bucket, admin_client, endpoint
):
    private = Collection.get_first_root_node().add_child(name="内部资料")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    secret = b"%PDF-1.4 quarterly figures, signed-in staff only"
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "内部报告",
            "file": SimpleUploadedFile("private-report.pdf", secret),
            "collection": private.pk,
        },
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="内部报告")
    assert bucket.get_object(Bucket=BUCKET, Key=document.file.name)["Body"].read() == secret
    admin_client.logout()
    assert admin_client.get(document.url).status_code == 302  # to the sign-in page
    # Keys are names, not paths: a detour through images/ or a doubled slash names no object.
    forms = spellings(BUCKET, document.file.name.split("/"))
    leaks = []
    for path in forms:
        status, body = anonymous_get(endpoint, path)
        if 200 <= status < 400 or secret in body:
            leaks.append(f"{status} {path[:120]}")
    assert not leaks, f"{len(leaks)} of {len(forms)} spellings answered:\n" + "\n".join(leaks)


def test_the_bucket_policy_makes_only_page_images_public():
    """Anyone may read images/ and original_images/, and nothing else: no document, no listing."""
    public = [f"arn:aws:s3:::{BUCKET}/images/*", f"arn:aws:s3:::{BUCKET}/original_images/*"]
    for statement in json.loads(POLICY.read_text())["Statement"]:
        if statement["Effect"] != "Allow":
            continue
        actions = statement["Action"]
        resources = statement["Resource"]
        assert (actions if isinstance(actions, list) else [actions]) == ["s3:GetObject"]
        assert set(resources if isinstance(resources, list) else [resources]) <= set(public)


@pytest.fixture
def endpoint_down(monkeypatch, settings, home):
    with RefusingServer() as refusing:  # every connection closed before an answer
        use_s3(settings, monkeypatch, refusing.url)
        yield refusing


def test_an_upload_while_the_endpoint_is_down_fails_quickly_and_clearly(
    endpoint_down, admin_client
):
    response = upload_image(admin_client, "offline.png", png_bytes())
    assert response.status_code == 503
    assert "媒体存储没有响应，文件未保存" in response.content.decode()
    # The name check and the upload, each tried at most twice (the storage's retry
    # setting), then given up: no retry storm.
    assert 1 <= endpoint_down.connections() <= 4
    assert not get_image_model().objects.exists()  # no row without its file


SETUP = """
import django; django.setup()
from pressroom.pages.setup import create_site_tree
from tests.factories import make_image
create_site_tree()
print(make_image(title="桶中图片").file.name)
"""


def run(args, env):
    result = subprocess.run(
        [sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.mark.django_db(False)
def test_backup_and_restore_say_the_media_stay_in_the_bucket(
    bucket, endpoint, migrated_sqlite, tmp_path
):
    env = production_env(fresh_data_dir(migrated_sqlite, tmp_path / "data"))
    env.update(
        PRESSROOM_S3_BUCKET=BUCKET,
        PRESSROOM_S3_ENDPOINT_URL=endpoint,
        PRESSROOM_S3_REGION="us-east-1",
        AWS_ACCESS_KEY_ID="pressroom-test",
        AWS_SECRET_ACCESS_KEY="pressroom-test-secret",
    )
    key = run(["-c", SETUP], env).strip().splitlines()[-1]
    assert key in keys(bucket)
    archive = tmp_path / "site.tar.gz"
    out = run(["-m", "pressroom", "backup", "--output", str(archive)], env)
    assert f"Media are in the S3 bucket '{BUCKET}'" in out
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("MANIFEST.json"))
    assert manifest["media_bucket"] == BUCKET
    assert not [name for name in names if name.startswith("media")]
    out = run(["-m", "pressroom", "restore", "--yes", str(archive)], env)
    assert f"they live in the S3 bucket '{BUCKET}'" in out
    assert key in keys(bucket)  # untouched


def test_pages_with_images_keep_rendering_while_the_endpoint_is_down(
    bucket, admin_client, news_index, monkeypatch, settings
):
    assert upload_image(admin_client, "cover.png", png_bytes()).status_code == 302
    image = get_image_model().objects.get(title="云端图片")
    article = make_article(news_index, title="旧新闻", cover_image=image)
    admin_client.logout()
    assert admin_client.get(article.url).status_code == 200  # renditions made meanwhile
    use_s3(settings, monkeypatch, f"http://127.0.0.1:{free_port()}")  # now nothing answers
    store.cache().clear()  # rendered afresh, not from the page cache
    response = admin_client.get(article.url)
    assert response.status_code == 200 and "旧新闻" in response.content.decode()
    assert BeautifulSoup(response.content, "html.parser").select_one(".article__cover img")


def test_an_endpoint_that_hangs_fails_the_upload_within_the_timeout(
    monkeypatch, settings, home, admin_client
):
    monkeypatch.setenv("PRESSROOM_S3_TIMEOUT", "1")
    with SilentServer() as silent:  # accepts connections, never answers
        use_s3(settings, monkeypatch, silent.url)
        response = upload_image(admin_client, "slow.png", png_bytes())
        tried = silent.connections()
    assert response.status_code == 503
    # Each attempt waits one timeout: the name check and the upload, each tried at most
    # twice (the storage's retry setting), not a retry per part or byte.
    assert 1 <= tried <= 4
    assert not get_image_model().objects.exists()
