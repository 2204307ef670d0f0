from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image as PILImage

FIXTURES = Path(__file__).parent / "fixtures"
WXR = FIXTURES / "wordpress.xml"


@pytest.fixture
def uploads(tmp_path):
    """A copy of the old site's uploads folder: two of its three pictures (gone.png is lost)."""
    folder = tmp_path / "uploads"
    for name, color in [("2024/03/plant.png", "#2a6"), ("2024/04/booth.png", "#a62")]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        PILImage.new("RGB", (64, 40), color).save(folder / name)
    return folder


def run_import(*args, **options) -> str:
    """``pressroom import …`` as the console runs it; its printed report."""
    from io import StringIO

    out = StringIO()
    call_command("import", *[str(arg) for arg in args], stdout=out, **options)
    return out.getvalue()


class PictureServer:
    """A web server on loopback answering every GET with a small PNG, counting requests."""

    def __init__(self):
        import io
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        buffer = io.BytesIO()
        PILImage.new("RGB", (32, 20), "#36c").save(buffer, "PNG")
        png, server = buffer.getvalue(), self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(png)))
                self.end_headers()
                self.wfile.write(png)

            def log_message(self, *args):
                pass

        self.requests: list[str] = []
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def picture_server():
    server = PictureServer()
    yield server
    server.close()
