"""Fetch a page or a feed over http(s) safely: timeouts, a size cap, a content-type check, and no
requests to loopback, private, link-local or reserved addresses.

The address check runs three times: on the link before the request (`check_target`, for a clear
reason early), on every redirect target, and at connect time. The last one is what makes it safe:
the connection's network backend resolves the host once, checks every address it got, and connects
to the checked address itself, so a DNS answer that changes between the check and the connection
(DNS rebinding) cannot slip through. TLS still verifies the certificate of the host name (SNI) and
the Host header is the link's host: only the TCP connection is pinned.

KABAR_ALLOW_PRIVATE_URLS=1 allows private targets (tests, an intranet newsroom).
"""
from __future__ import annotations

import ipaddress
import os
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT = httpx.Timeout(15.0, connect=5.0)
TOTAL_SECONDS = 60.0          # a server that trickles bytes cannot hold a fetch longer than this
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+json", "application/json", "text/html", "text/plain")
USER_AGENT = "kabar/0.1 (+news question bot)"


class FetchError(Exception):
    """The page could not be fetched; the message says why."""


def private_allowed() -> bool:
    return os.environ.get("KABAR_ALLOW_PRIVATE_URLS", "").lower() in ("1", "true", "yes")


def address_problem(address: str) -> str | None:
    """Why an IP address may not be contacted ('loopback', 'private', ...), or None when it is public."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("unspecified", "loopback", "link_local", "multicast", "reserved", "private"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    if not ip.is_global:
        return "not globally routable"
    return None


def _refusal(where: str, host: str, address: str, problem: str) -> FetchError:
    return FetchError(f"{where}: refused, {host} is a private, loopback or link-local address ({address}: "
                      f"{problem}); set KABAR_ALLOW_PRIVATE_URLS=1 to allow such links")


def _resolve(host: str, port: int, where: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except socket.gaierror as e:
        raise FetchError(f"{where}: host {host!r} not found ({e.strerror})") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def check_target(url: str) -> None:
    """Refuse other schemes, and hosts that resolve to loopback, private or link-local addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https links are accepted, not {parts.scheme or 'none'!r}")
    if not parts.hostname:
        raise FetchError(f"{url}: the link has no host")
    if parts.username or parts.password:
        raise FetchError(f"{url}: links with a user name or password are not accepted")
    if private_allowed():
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"{url}: the link has an invalid port") from None
    for address in _resolve(parts.hostname, port, url):
        problem = address_problem(address)
        if problem:
            raise _refusal(url, parts.hostname, address, problem)


class _Refused(Exception):
    """Raised at connect time; `request` turns it into a FetchError naming the link."""

    def __init__(self, host: str, address: str, problem: str):
        super().__init__(host, address, problem)
        self.host, self.address, self.problem = host, address, problem


class _PinnedBackend(httpcore.SyncBackend):
    """Resolves, checks and connects to the checked address in one step (no second DNS lookup)."""

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        if private_allowed():
            return super().connect_tcp(host, port, timeout, local_address, socket_options)
        last: Exception | None = None
        addresses = _resolve(host, port, host)
        for address in addresses:
            problem = address_problem(address)
            if problem:
                raise _Refused(host, address, problem)
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                last = e
        raise last or httpcore.ConnectError(f"no address for {host}")


class _PinnedTransport(httpx.HTTPTransport):
    def __init__(self) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(), max_connections=4,
                                             network_backend=_PinnedBackend())


@dataclass
class Response:
    url: str                  # the final URL, after redirects
    status: int               # 200, or 304 for a conditional request whose resource has not changed
    headers: httpx.Headers
    body: bytes
    encoding: str | None

    @property
    def text(self) -> str:
        return self.body.decode(self.encoding or "utf-8", errors="replace")


def _client() -> httpx.Client:
    return httpx.Client(timeout=TIMEOUT, headers={"User-Agent": USER_AGENT}, follow_redirects=False,
                        trust_env=False, transport=_PinnedTransport())


def request(url: str, kinds: tuple[str, ...] = HTML_TYPES, headers: dict | None = None,
            max_bytes: int | None = None, what: str = "web page") -> Response:
    """GET `url` following at most five checked redirects; 200 (or 304 when `headers` make it
    conditional) with a body of an accepted content type and at most `max_bytes`, or FetchError."""
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    deadline = time.monotonic() + TOTAL_SECONDS
    with _client() as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_target(url)
            try:
                with client.stream("GET", url, headers=headers) as response:
                    if response.status_code == 304 and headers:
                        return Response(str(response.url), 304, response.headers, b"", None)
                    if response.status_code in (301, 302, 303, 307, 308):
                        location = response.headers.get("location", "").strip()
                        if not location:
                            raise FetchError(f"{url}: redirect (HTTP {response.status_code}) without a Location")
                        url = urljoin(url, location)
                        continue
                    if response.status_code != 200:
                        raise FetchError(f"{url}: the server answered HTTP {response.status_code}")
                    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    if kind and kind not in kinds:
                        raise FetchError(f"{url}: not a {what} (content-type {kind})")
                    size = _limit_text(max_bytes)
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(f"{url}: {what} larger than {size} ({int(declared):,} bytes announced)")
                    body = bytearray()
                    for piece in response.iter_bytes():
                        body.extend(piece)
                        if len(body) > max_bytes:
                            raise FetchError(f"{url}: {what} larger than {size}")
                        if time.monotonic() > deadline:
                            raise FetchError(f"{url}: not fully received within {TOTAL_SECONDS:.0f} s")
                    return Response(str(response.url), 200, response.headers, bytes(body), response.encoding)
            except _Refused as e:
                raise _refusal(url, e.host, e.address, e.problem) from None
            except FetchError as e:
                raise e if str(e).startswith(url) else FetchError(f"{url}: {e}") from None
            except httpx.TimeoutException:
                raise FetchError(f"{url}: no answer within {TIMEOUT.read:.0f} s") from None
            except httpx.HTTPError as e:
                raise FetchError(f"{url}: {type(e).__name__}: {e}") from None
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _limit_text(max_bytes: int) -> str:
    return f"{max_bytes / (1024 * 1024):g} MB" if max_bytes >= 1024 * 1024 else f"{max_bytes:,} bytes"


def fetch(url: str) -> tuple[str, str]:
    """Return (final URL, decoded page text), following at most five checked redirects."""
    response = request(url)
    return response.url, response.text
