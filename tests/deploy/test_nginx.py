"""The shipped nginx site file (deploy/nginx.conf) in front of `pressroom serve`, on loopback.

The file is rendered exactly as docs/operations.md tells an operator to (host name, data
directory, upstream address), plus loopback ports and a self-signed certificate, then run by
the real nginx. Skipped when nginx or openssl is missing.
"""

import gzip
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.media_paths import decoded_path, spellings

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PNG = b"\x89PNG\r\n\x1a\n"
HOST = "www.example.com"  # the site file's server_name

pytestmark = [
    pytest.mark.skipif(not os.access(NGINX, os.X_OK), reason="needs nginx"),
    pytest.mark.skipif(not shutil.which("openssl"), reason="needs openssl for a test certificate"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def render_site_config(data_dir: Path, app_port: int, https_port: int, http_port: int,
                       cert_dir: Path) -> str:  # fmt: skip
    """deploy/nginx.conf with the replacements its header names, plus loopback listeners."""
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    replacements = {
        "/etc/letsencrypt/live/www.example.com/": f"{cert_dir}/",
        "/srv/pressroom/data": str(data_dir),
        "127.0.0.1:8000": f"127.0.0.1:{app_port}",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
    }
    for old, new in replacements.items():
        assert old in text, f"deploy/nginx.conf no longer contains {old!r}"
        text = text.replace(old, new)
    return text


def main_config(prefix: Path, site: Path) -> str:
    """What /etc/nginx/nginx.conf gives a site file, with every path in a temporary prefix."""
    user = "user root;\n" if os.geteuid() == 0 else ""  # the workers must read the temp dir
    return f"""{user}worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {site};
}}
"""


def lenient_config(prefix: Path, site: Path, https_port: int, cert_dir: Path) -> str:
    """An operator's nginx.conf that merges no slashes, with a catch-all default server first.

    nginx parses the request line with the settings of the server that took the connection
    (the port's default server, or the one TLS SNI names) before Host picks ours, so the
    site file's own `merge_slashes on` does not apply to requests without SNI.
    """
    catch_all = f"""
    merge_slashes off;
    server {{
        listen 127.0.0.1:{https_port} ssl http2 default_server;
        server_name catch-all;
        merge_slashes off;
        ssl_certificate {cert_dir}/fullchain.pem;
        ssl_certificate_key {cert_dir}/privkey.pem;
        return 418;
    }}
    include {site};"""
    return main_config(prefix, site).replace(f"\n    include {site};", catch_all)


def start_nginx(prefix: Path) -> subprocess.Popen:
    """nginx with ``prefix/nginx.conf``, after `nginx -t` has accepted it."""
    command = [NGINX, "-p", str(prefix), "-e", str(prefix / "error.log")]
    command += ["-c", str(prefix / "nginx.conf")]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    return subprocess.Popen(
        [*command, "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def wait_for(port: int, what: str, seconds: float = 90) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{what} did not start on port {port}")


def stop(process) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=40)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nginx")
    data = tmp / "data"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        PRESSROOM_DATA_DIR=str(data),
        SECRET_KEY="nginx-test-secret-key-nginx-test-secret-key",
        DJANGO_SETTINGS_MODULE="pressroom.settings",
        PRESSROOM_LOG_LEVEL="WARNING",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # What docs/operations.md sets behind this nginx.
        PRESSROOM_SERVE_MEDIA="0",
        PRESSROOM_HTTPS="1",
        PRESSROOM_TRUSTED_PROXIES="127.0.0.1",
    )
    run = {"env": env, "check": True, "stdout": subprocess.DEVNULL, "timeout": 600}
    subprocess.run([sys.executable, "-m", "pressroom", "init"], **run)

    media = data / "media"
    (media / "original_images").mkdir(parents=True, exist_ok=True)
    (media / "documents").mkdir(parents=True, exist_ok=True)
    (media / "original_images" / "photo.png").write_bytes(PNG + b"x" * 100)
    (media / "original_images" / "evil.html").write_text("<script>alert(1)</script>")
    (media / "documents" / "private-report.pdf").write_bytes(b"%PDF-1.4 secret")
    (media / ".hidden").write_text("hidden file")
    (data / "secret_key").write_text("not-a-file-for-visitors")  # beside the database
    # A rendition, and an admin avatar: Wagtail keeps non-ASCII letters in those names.
    (media / "images").mkdir(parents=True, exist_ok=True)
    (media / "images" / "photo.2e16d0ba.fill-40x30.png").write_bytes(PNG + b"rendition")
    (media / "avatar_images").mkdir(parents=True, exist_ok=True)
    (media / "avatar_images" / "avatar_编辑.png").write_bytes(PNG + b"avatar")

    cert_dir = tmp / "tls"
    cert_dir.mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(cert_dir / "privkey.pem"),
         "-out", str(cert_dir / "fullchain.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip

    app_port, https_port, http_port = free_port(), free_port(), free_port()
    site_file = tmp / "pressroom-site.conf"
    site_file.write_text(render_site_config(data, app_port, https_port, http_port, cert_dir))
    # The same site file behind an operator's nginx.conf that merges no slashes.
    lenient = tmp / "lenient"
    lenient.mkdir()
    lenient_https, lenient_http = free_port(), free_port()
    lenient_site = lenient / "pressroom-site.conf"
    lenient_site.write_text(
        render_site_config(data, app_port, lenient_https, lenient_http, cert_dir)
    )
    configs = {
        tmp: main_config(tmp, site_file),
        lenient: lenient_config(lenient, lenient_site, lenient_https, cert_dir),
    }
    for prefix, text in configs.items():
        (prefix / "nginx.conf").write_text(text)

    app = subprocess.Popen(
        [sys.executable, "-m", "pressroom", "serve", f"--port={app_port}", "--workers=1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    proxies = []
    try:
        proxies.extend(start_nginx(prefix) for prefix in configs)
        wait_for(app_port, "pressroom serve")
        wait_for(https_port, "nginx")
        wait_for(lenient_https, "nginx with merge_slashes off")
        yield {
            "data": data,
            "app": app_port,
            "https": https_port,
            "http": http_port,
            # Each front: its port and the Host header that reaches the Pressroom server.
            "fronts": {"shipped": (https_port, None), "lenient": (lenient_https, HOST)},
        }
    finally:
        for proxy in proxies:
            stop(proxy)
        stop(app)


def request(port: int, path: str, headers=None, tls=True, method="GET"):
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=context)
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, headers=headers or {})  # the path goes out as written
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def get_page(port: int, path: str, attempts: int = 60):
    """A page through nginx, waiting for the app's workers to be ready."""
    for _ in range(attempts):
        status, headers, body = request(port, path)
        if status != 502:
            return status, headers, body
        time.sleep(1)
    raise AssertionError(f"{path} kept answering 502")


def test_pages_are_proxied_and_served_from_the_page_cache(site):
    # A new site's first page view creates its settings rows, which purges every page.
    assert get_page(site["https"], "/en/")[0] == 200
    status, headers, body = request(site["https"], "/news/")
    assert status == 200, body[:500]
    assert "text/html" in headers["Content-Type"] and headers["X-Page-Cache"] == "miss"
    status, headers, again = request(site["https"], "/news/")
    assert status == 200 and headers["X-Page-Cache"] == "hit" and again == body
    assert headers.get("Server") == "nginx"  # no version number


def test_https_from_nginx_makes_the_request_secure(site):
    # PRESSROOM_HTTPS redirects plain requests; nginx's X-Forwarded-Proto: https is believed.
    status, headers, _ = get_page(site["https"], "/en/")
    assert status == 200
    assert "max-age=" in headers["Strict-Transport-Security"]
    # The same request straight to the app (no proxy header) is plain HTTP: redirected.
    status, headers, _ = request(site["app"], "/en/", tls=False)
    assert status == 301 and headers["Location"] == f"https://127.0.0.1:{site['app']}/en/"


def test_plain_http_is_redirected_even_when_the_client_claims_https(site):
    status, headers, _ = request(
        site["http"], "/en/?x=1", headers={"X-Forwarded-Proto": "https"}, tls=False
    )
    assert status == 301 and headers["Location"] == "https://127.0.0.1/en/?x=1"


def test_a_client_cannot_forge_the_forwarded_proto(site):
    """nginx replaces X-Forwarded-Proto: a client's own header never reaches the app."""
    get_page(site["https"], "/en/")
    status, _, _ = request(site["https"], "/en/", headers={"X-Forwarded-Proto": "http"})
    assert status == 200  # the app still saw https (else: a redirect loop to https)


def test_hashed_static_files_are_immutable_and_gzipped_when_asked(site):
    manifest = json.loads((site["data"] / "static" / "staticfiles.json").read_text())
    css = next(hashed for name, hashed in manifest["paths"].items() if name.endswith(".css"))
    assert (site["data"] / "static" / (css + ".gz")).exists()  # written by collectstatic
    path = f"/static/{css}"
    status, headers, body = request(site["https"], path, headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    assert "max-age=31536000" in headers["Cache-Control"]
    plain = (site["data"] / "static" / css).read_bytes()
    assert gzip.decompress(body) == plain
    status, headers, body = request(site["https"], path)
    assert status == 200 and "Content-Encoding" not in headers and body == plain
    assert request(site["https"], "/static/no-such-file.css")[0] == 404


def test_media_is_served_by_nginx_with_nosniff_and_a_sandbox(site):
    status, headers, body = request(site["https"], "/media/original_images/photo.png")
    assert status == 200 and body.startswith(b"\x89PNG")
    assert headers["Content-Type"] == "image/png"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "X-Page-Cache" not in headers  # nginx answered, not the app
    status, headers, _ = request(site["https"], "/media/original_images/evil.html")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]
    assert request(site["https"], "/media/original_images/missing.png")[0] == 404


def test_documents_are_not_reachable_by_their_storage_path(site):
    status, _, body = request(site["https"], "/media/documents/private-report.pdf")
    assert status == 404 and b"secret" not in body


@pytest.mark.parametrize(
    "path",
    [
        "/media/../pressroom.sqlite3",
        "/media/../secret_key",
        "/media/documents/../../secret_key",
        "/media/..%2fpressroom.sqlite3",
        "/media/%2e%2e/secret_key",
        "/media../pressroom.sqlite3",
        "/static/../pressroom.sqlite3",
        "/static../secret_key",
        "/media/.hidden",
    ],
)
def test_paths_outside_media_and_static_are_refused(site, path):
    status, _, body = request(site["https"], path)
    assert 400 <= status < 500
    assert b"SQLite format" not in body
    assert b"hidden file" not in body and b"not-a-file-for-visitors" not in body


def sweep(port: int, paths, host=None) -> dict[str, tuple[int, bytes]]:
    """Status and body for each path, sent as written over one kept-alive connection."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=context)
    answers = {}
    try:
        for path in paths:
            for attempt in (1, 2):  # nginx closes the connection after some errors
                try:
                    conn.request("GET", path, headers={"Host": host} if host else {})
                    response = conn.getresponse()
                    answers[path] = response.status, response.read()
                    break
                except (http.client.RemoteDisconnected, ConnectionResetError):
                    conn.close()
                    if attempt == 2:
                        raise
    finally:
        conn.close()
    return answers


def answered(answers, content: bytes) -> list[str]:
    """The requests answered with anything but a 4xx, or with ``content`` in the body."""
    return [
        f"{status} {path[:120]}"
        for path, (status, body) in answers.items()
        if not 400 <= status < 500 or content in body
    ]


FRONTS = ["shipped", "lenient"]


@pytest.mark.parametrize("front", FRONTS)
def test_no_spelling_of_a_documents_path_is_served(site, front):
    port, host = site["fronts"][front]
    get_page(site["https"], "/en/")  # the app is up: addresses nginx passes on get its 404
    forms = spellings("media", ["documents", "private-report.pdf"])
    leaks = answered(sweep(port, forms, host), b"secret")
    assert not leaks, f"{len(leaks)} of {len(forms)} spellings answered:\n" + "\n".join(leaks)


@pytest.mark.parametrize("front", FRONTS)
def test_no_spelling_reaches_a_dot_file_or_the_data_folder(site, front):
    port, host = site["fronts"][front]
    get_page(site["https"], "/en/")
    targets = {
        ".hidden": b"hidden file",
        "../secret_key": b"not-a-file-for-visitors",
    }
    for target, content in targets.items():
        forms = spellings("media", target.split("/"))
        leaks = answered(sweep(port, forms, host), content)
        assert not leaks, f"{target}: {len(leaks)} of {len(forms)}:\n" + "\n".join(leaks)


@pytest.mark.parametrize("front", FRONTS)
def test_media_is_served_by_its_normal_address_only(site, front):
    port, host = site["fronts"][front]
    media = site["data"] / "media"
    for name in ["original_images/photo.png", "images/photo.2e16d0ba.fill-40x30.png",
                 "avatar_images/avatar_编辑.png"]:  # fmt: skip
        normal = "/media/" + quote(name)  # as Django's storage writes the URL
        content = (media / name).read_bytes()
        assert sweep(port, [normal], host)[normal] == (200, content), name
        others = [
            path
            for path in spellings("media", quote(name).split("/"))
            if decoded_path(path) != f"/media/{name}"
        ]
        served = answered(sweep(port, others, host), content)
        assert not served, f"{len(served)} of {len(others)} served:\n" + "\n".join(served)


def test_http2_requests_get_the_same_answers(site):
    """The same spellings over HTTP/2 (curl sends each path as written)."""
    curl = shutil.which("curl")
    if curl is None:
        pytest.skip("needs curl")
    forms = spellings("media", ["documents", "private-report.pdf"])
    forms.append("/media/original_images/photo.png")
    urls = [f"https://127.0.0.1:{site['https']}{path}" for path in forms]
    marker = "\n@@ %{http_version} %{http_code} @@\n"
    result = subprocess.run(
        [curl, "--http2", "--insecure", "--path-as-is", "--globoff", "--silent",
         "--write-out", marker, *urls],
        capture_output=True, timeout=300,
    )  # fmt: skip
    answers = re.findall(rb"@@ (\S+) (\d+) @@", result.stdout)
    assert len(answers) == len(forms), result.stderr[-500:]
    assert {version for version, _ in answers} == {b"2"}
    assert answers[-1][1] == b"200"  # the one normal address
    refused = [int(code) for _, code in answers[:-1]]
    assert all(400 <= code < 500 for code in refused)
    assert b"secret" not in result.stdout


def test_systemd_unit_verifies(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("needs systemd-analyze")
    # verify checks that ExecStart exists: point it at this environment's pressroom command.
    unit = (ROOT / "deploy" / "pressroom.service").read_text()
    command = "/srv/pressroom/.venv/bin/pressroom"
    assert command in unit
    local = Path(sys.executable).with_name("pressroom")
    target = tmp_path / "pressroom.service"
    target.write_text(unit.replace(command, str(local)))
    result = subprocess.run([analyze, "verify", str(target)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
