"""Files that are not pictures (PDF, Office, ZIP): WordPress attachments and links in any
importer's bodies become Wagtail documents, with the limits pictures have."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.documents import get_document_model

from pressroom.importers.media import Media
from pressroom.importers.records import Records
from pressroom.importers.report import Report
from pressroom.news.models import NewsArticlePage
from tests.importers.conftest import run_import
from tests.importers.test_odd_items import EXPORT, item

pytestmark = pytest.mark.django_db
Document = get_document_model()
PDF = b"%PDF-1.4\n% a price list\n%%EOF\n"


def attachment(post_id: str, url: str, title: str = "产品手册") -> str:
    return (
        f"<item><title>{title}</title><wp:post_id>{post_id}</wp:post_id>"
        "<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>"
        f"<wp:attachment_url>{url}</wp:attachment_url></item>"
    )


def export(tmp_path, base: str, *items: str):
    path = tmp_path / "export.xml"
    text = EXPORT.format(items="".join(items)).replace("https://old.test", base)
    path.write_text(text, encoding="utf-8")
    return path


BODY = (
    '<p>价格表见<a href="https://old.test/wp-content/uploads/2024/01/prices.pdf">这里</a>，'
    '旧表<a href="/wp-content/uploads/2019/old.doc">在此</a>，'
    '假的<a href="/wp-content/uploads/2019/fake.pdf">文件</a>，'
    '别家<a href="https://elsewhere.test/x.pdf">文件</a>。</p>'
)


@pytest.fixture
def uploads(tmp_path):
    folder = tmp_path / "uploads"
    (folder / "2024/01").mkdir(parents=True)
    (folder / "2019").mkdir(parents=True)
    (folder / "2024/01/catalogue.pdf").write_bytes(PDF)
    (folder / "2024/01/prices.pdf").write_bytes(PDF)
    (folder / "2019/old.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    (folder / "2019/fake.pdf").write_bytes(b"<html>not found</html>")
    return folder


def test_attachments_and_linked_files_become_documents(home, tmp_path, uploads, client):
    path = export(
        tmp_path,
        "https://old.test",
        attachment("50", "https://old.test/wp-content/uploads/2024/01/catalogue.pdf"),
        item("1", title="价格调整", body=BODY),
    )
    report = run_import("wordpress", path, "--media", uploads)
    assert "document: 2 created" in report
    assert sorted(Document.objects.values_list("title", flat=True)) == ["prices", "产品手册"]
    assert "old.doc (a .doc file: not a type this site's documents accept" in report
    assert "fake.pdf (not a .pdf file)" in report
    page = client.get(NewsArticlePage.objects.get().url).content.decode()
    prices = Document.objects.get(title="prices")
    assert f'href="{prices.url}"' in page  # the editor's document link, served by Wagtail
    assert b"".join(client.get(prices.url).streaming_content) == PDF
    assert 'href="/wp-content/uploads/2019/old.doc"' in page  # not imported: left as it was
    assert 'href="https://elsewhere.test/x.pdf"' in page  # another site's file: a plain link

    again = run_import("wordpress", path, "--media", uploads)
    assert "document:" not in again.split("redirects")[0] or "document: 0 created" in again
    assert Document.objects.count() == 2


class FileServer:
    """A web server on loopback answering every GET with a small PDF."""

    def __init__(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf")
                self.send_header("Content-Length", str(len(PDF)))
                self.end_headers()
                self.wfile.write(PDF)

            def log_message(self, *args):
                pass

        self.requests: list[str] = []
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def file_server():
    server = FileServer()
    yield server
    server.close()


def test_files_on_a_private_address_are_refused_unless_allowed(home, tmp_path, file_server):
    url = f"{file_server.url}/wp-content/uploads/2024/01/manual.pdf"
    path = export(tmp_path, file_server.url, attachment("50", url))
    report = run_import("wordpress", path)
    assert "is a local or private address" in report and file_server.requests == []
    assert Document.objects.count() == 0

    report = run_import("wordpress", path, "--allow-local")
    assert "document: 1 created" in report
    assert Document.objects.get().file.read() == PDF


def test_files_larger_than_the_sites_limit_are_refused(home, tmp_path, file_server, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    url = f"{file_server.url}/files/manual.pdf"
    report = run_import(
        "wordpress", export(tmp_path, file_server.url, attachment("50", url)), "--allow-local"
    )
    assert "larger than 10 bytes" in report
    assert Document.objects.count() == 0


def test_a_relative_upload_link_of_any_importer_becomes_a_document(home, tmp_path):
    """PbootCMS and DedeCMS bodies link their files by path (``/static/upload/file/…``)."""
    folder = tmp_path / "upload"
    (folder / "file/20210618").mkdir(parents=True)
    (folder / "file/20210618/spec.pdf").write_bytes(PDF)
    media = Media(Records("pbootcms:test"), Report(), folder=folder)
    link = media.file_link("/static/upload/file/20210618/spec.pdf")
    assert link is not None and link.document_id == Document.objects.get().pk
    assert media.file_link("/static/upload/file/20210618/spec.pdf").document_id == link.document_id
    assert media.file_link("https://elsewhere.test/spec.pdf") is None
    assert media.file_link("/about/") is None
