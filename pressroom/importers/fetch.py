"""Fetching a file over HTTP(S) for an import, so that an import address cannot reach inside.

Only http and https; the host is resolved and every address it has must be public (no
loopback, private, link-local, multicast or reserved address) unless local addresses are
allowed; the connection goes to the address that was checked (a second lookup cannot swap
in another), and each redirect is checked the same way. The answer is read up to a size
limit within a time limit, and its type must be one the caller accepts.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

MAX_BYTES = 20 * 1024 * 1024
TIMEOUT = 10.0  # seconds, for the connection and for the whole answer
MAX_REDIRECTS = 5
CHUNK = 64 * 1024


class FetchError(Exception):
    """The file could not be fetched; the message says why, for the report."""


@dataclass
class Fetched:
    url: str  # after redirects
    content_type: str
    data: bytes


def checked_addresses(host: str, port: int, allow_local: bool) -> list[str]:
    """The addresses ``host`` resolves to, refused if any one of them is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"cannot resolve {host}: {error}") from error
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not allow_local and not address.is_global:
            raise FetchError(f"{host} is a local or private address ({address}): refused")
        addresses.append(str(address))
    if not addresses:
        raise FetchError(f"cannot resolve {host}")
    return addresses


class PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to a checked address, naming the host in its request."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to a checked address; the certificate must name the host."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address
        self.tls = ssl.create_default_context()

    def connect(self):
        raw = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.tls.wrap_socket(raw, server_hostname=self.host)


def fetch(
    url: str,
    *,
    accept: tuple[str, ...] = ("image/",),
    allow_local: bool = False,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
) -> Fetched:
    """GET ``url`` within the limits; ``accept`` lists the content-type prefixes wanted."""
    deadline = time.monotonic() + timeout
    for _hop in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) address: {url[:200]}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = checked_addresses(parts.hostname, port, allow_local)[0]
        kind = PinnedHTTPSConnection if parts.scheme == "https" else PinnedHTTPConnection
        connection = kind(parts.hostname, port, address, timeout)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request("GET", target, headers={"User-Agent": "Pressroom importer"})
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise FetchError(f"redirect without a location from {url[:200]}")
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchError(f"HTTP {response.status} for {url[:200]}")
            content_type = (response.getheader("Content-Type") or "").split(";")[0].strip()
            if not content_type.lower().startswith(accept):
                raise FetchError(f"unexpected type {content_type or 'none'} for {url[:200]}")
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"larger than {max_bytes} bytes: {url[:200]}")
            return Fetched(url, content_type, read_limited(response, max_bytes, deadline, url))
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(f"cannot fetch {url[:200]}: {error}") from error
        finally:
            connection.close()
    raise FetchError(f"too many redirects from {url[:200]}")


def read_limited(response, max_bytes: int, deadline: float, url: str) -> bytes:
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"took too long: {url[:200]}")
        chunk = response.read(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"larger than {max_bytes} bytes: {url[:200]}")
        chunks.append(chunk)
