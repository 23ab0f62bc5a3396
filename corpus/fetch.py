"""Fetch a page or a feed over http(s) safely: timeouts, a size cap, a content-type check, and no
requests to loopback, private, link-local or reserved addresses.

The address check runs three times: on the link before the request (`check_target`, for a clear
reason early), on every redirect target, and at connect time. The last one is what makes it safe:
the connection's network backend resolves the host once, checks every address it got, and connects
to the checked address itself, so a DNS answer that changes between the check and the connection
(DNS rebinding) cannot slip through. TLS still verifies the certificate of the host name (SNI) and
the Host header is the link's host: only the TCP connection is pinned.

One wall-clock budget (TOTAL_SECONDS) covers the whole fetch: connect, TLS, response headers, body and
decompression; every socket read and write waits at most what is left of it, so a server that drips its
headers one byte at a time is cut off like one that drips its body. `fetch_article` spends the rest of
the same budget on extraction (corpus.extract, a worker process killed past its time).

Bodies are read raw and decompressed here, layer by layer in small pieces, with the size cap applied to
each layer's output: `Content-Encoding: gzip, gzip, gzip` (a few KB on the wire) stops at MAX_BYTES
instead of filling memory. At most MAX_ENCODINGS layers, gzip and deflate only.

KABAR_ALLOW_PRIVATE_URLS=1 allows private targets (tests, an intranet newsroom).
"""
from __future__ import annotations

import codecs
import ipaddress
import os
import socket
import time
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT = httpx.Timeout(15.0, connect=5.0)
TOTAL_SECONDS = 60.0          # the whole fetch (connect, headers, body, decompression, extraction)
MAX_REDIRECTS = 5
MAX_ENCODINGS = 2             # Content-Encoding layers accepted ("gzip" or "gzip, deflate"; never 3)
_PIECE = 64 * 1024            # decompressed in pieces of at most this many bytes
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+json", "application/json", "text/html", "text/plain")
USER_AGENT = "kabar/0.1 (+news question bot)"


class FetchError(Exception):
    """The page could not be fetched; the message says why."""


def private_allowed() -> bool:
    return os.environ.get("KABAR_ALLOW_PRIVATE_URLS", "").lower() in ("1", "true", "yes")


_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for: IPv4-mapped (::ffff:a.b.c.d), 6to4 (2002:AABB:CCDD::),
    Teredo (the client), NAT64 (64:ff9b::a.b.c.d) and IPv4-compatible (::a.b.c.d)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if any(ip in net for net in _NAT64) or (int(ip) >> 32 == 0 and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(address: str) -> str | None:
    """Why an IP address may not be contacted ('loopback', 'private', ...), or None when it is public.
    An IPv6 address that embeds an IPv4 one is judged by that one too (6to4 of 127.0.0.1 is loopback)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            problem = address_problem(str(inner))
            if problem:
                return problem
            if ip.ipv4_mapped is not None:
                ip = inner
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


class _OutOfTime(Exception):
    """The fetch's wall-clock budget is spent."""


class Deadline:
    """A wall-clock budget; `limit` turns a per-operation timeout into what is left of the budget."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.end - time.monotonic()

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0

    def limit(self, timeout: float | None) -> float:
        left = self.remaining()
        if left <= 0:
            raise _OutOfTime()
        return left if timeout is None else min(timeout, left)


class _TimedStream(httpcore.NetworkStream):
    """A connection whose every read and write waits at most what is left of the fetch's budget."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline):
        self._inner, self._deadline = inner, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.limit(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.limit(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        inner = self._inner.start_tls(ssl_context, server_hostname, self._deadline.limit(timeout))
        return _TimedStream(inner, self._deadline)

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class _PinnedBackend(httpcore.SyncBackend):
    """Resolves, checks and connects to the checked address in one step (no second DNS lookup); every
    connection it makes keeps to the fetch's deadline."""

    def __init__(self, deadline: Deadline):
        super().__init__()
        self.deadline = deadline

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        if private_allowed():
            stream = super().connect_tcp(host, port, self.deadline.limit(timeout), local_address, socket_options)
            return _TimedStream(stream, self.deadline)
        last: Exception | None = None
        addresses = _resolve(host, port, host)
        for address in addresses:
            problem = address_problem(address)
            if problem:
                raise _Refused(host, address, problem)
        for address in addresses:
            try:
                stream = super().connect_tcp(address, port, self.deadline.limit(timeout), local_address,
                                             socket_options)
                return _TimedStream(stream, self.deadline)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                last = e
        raise last or httpcore.ConnectError(f"no address for {host}")


class _PinnedTransport(httpx.HTTPTransport):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(), max_connections=4,
                                             network_backend=_PinnedBackend(deadline))


@dataclass
class Response:
    url: str                  # the final URL, after redirects
    status: int               # 200, or 304 for a conditional request whose resource has not changed
    headers: httpx.Headers
    body: bytes
    encoding: str | None

    @property
    def text(self) -> str:
        """The body as text in its declared charset; a charset that is unknown or not a text encoding
        (base64, rot13, hex, idna ...) falls back to UTF-8 with replacement characters."""
        return decode_text(self.body, self.encoding)


def decode_text(body: bytes, encoding: str | None) -> str:
    if encoding:
        try:
            if getattr(codecs.lookup(encoding), "_is_text_encoding", True):
                return body.decode(encoding, errors="replace")
        except (LookupError, UnicodeError, ValueError, TypeError):
            pass
    return body.decode("utf-8", errors="replace")


def _client(deadline: Deadline) -> httpx.Client:
    return httpx.Client(timeout=TIMEOUT, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
                        follow_redirects=False, trust_env=False, transport=_PinnedTransport(deadline))


def _decoders(header: str, url: str) -> list:
    """One zlib decoder per Content-Encoding layer, outermost (applied last) first."""
    layers = [e.strip().lower() for e in header.split(",") if e.strip() and e.strip().lower() != "identity"]
    if len(layers) > MAX_ENCODINGS:
        raise FetchError(f"{url}: {len(layers)} stacked content encodings ({header[:60]}); at most "
                         f"{MAX_ENCODINGS} are accepted")
    decoders = []
    for layer in reversed(layers):
        if layer in ("gzip", "x-gzip"):
            decoders.append(zlib.decompressobj(16 + zlib.MAX_WBITS))
        elif layer == "deflate":
            decoders.append(zlib.decompressobj(32 + zlib.MAX_WBITS))   # zlib or gzip header
        else:
            raise FetchError(f"{url}: unsupported content encoding {layer[:30]!r}")
    return decoders


def _decompress(decoders: list, data: bytes, sizes: list[int], cap: int, final: bool = False):
    """Yield the fully decoded pieces of `data`, pushed through every layer in pieces of at most _PIECE
    bytes; `sizes` counts each layer's output, which may never pass `cap`."""
    if not decoders:
        if data:
            yield data
        return
    decoder, rest = decoders[0], decoders[1:]
    while data:
        out = decoder.decompress(data, _PIECE)
        data = decoder.unconsumed_tail
        if decoder.eof:
            data = b""          # bytes after the end of a stream are ignored, as browsers do
        sizes[len(sizes) - len(decoders)] += len(out)
        if sizes[len(sizes) - len(decoders)] > cap:
            raise _TooLarge()
        yield from _decompress(rest, out, sizes, cap)
        if not out and data and not decoder.eof:
            break
    if final:
        out = decoder.flush()
        sizes[len(sizes) - len(decoders)] += len(out)
        if sizes[len(sizes) - len(decoders)] > cap:
            raise _TooLarge()
        yield from _decompress(rest, out, sizes, cap, final=True)


class _TooLarge(Exception):
    """A decompressed layer passed the size cap."""


def request(url: str, kinds: tuple[str, ...] = HTML_TYPES, headers: dict | None = None,
            max_bytes: int | None = None, what: str = "web page", deadline: Deadline | None = None) -> Response:
    """GET `url` following at most five checked redirects; 200 (or 304 when `headers` make it
    conditional) with a body of an accepted content type and at most `max_bytes` (on the wire and once
    decompressed), all within `deadline` (TOTAL_SECONDS from now by default), or FetchError."""
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    deadline = deadline or Deadline(TOTAL_SECONDS)
    late = f"{url}: not fully received within {deadline.seconds:g} s"
    if deadline.expired:
        raise FetchError(late)
    with _client(deadline) as client:
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
                    decoders = _decoders(response.headers.get("content-encoding", ""), url)
                    sizes = [0] * len(decoders)
                    body, wire = bytearray(), 0
                    try:
                        for piece in response.iter_raw():
                            wire += len(piece)
                            if wire > max_bytes:
                                raise _TooLarge()
                            for out in _decompress(decoders, piece, sizes, max_bytes):
                                body.extend(out)
                            if len(body) > max_bytes:
                                raise _TooLarge()
                            if deadline.expired:
                                raise _OutOfTime()
                        for out in _decompress(decoders, b"", sizes, max_bytes, final=True):
                            body.extend(out)
                    except _TooLarge:
                        raise FetchError(f"{url}: {what} larger than {size}"
                                         + (" once decompressed" if decoders else "")) from None
                    except zlib.error as e:
                        raise FetchError(f"{url}: damaged compressed body ({e})") from None
                    if len(body) > max_bytes:
                        raise FetchError(f"{url}: {what} larger than {size} once decompressed")
                    return Response(str(response.url), 200, response.headers, bytes(body), response.encoding)
            except _Refused as e:
                raise _refusal(url, e.host, e.address, e.problem) from None
            except _OutOfTime:
                raise FetchError(late) from None
            except FetchError as e:
                raise e if str(e).startswith(url) else FetchError(f"{url}: {e}") from None
            except httpx.TimeoutException:
                if deadline.expired:
                    raise FetchError(late) from None
                raise FetchError(f"{url}: no answer within {TIMEOUT.read:.0f} s") from None
            except httpx.HTTPError as e:
                raise FetchError(f"{url}: {type(e).__name__}: {e}") from None
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _limit_text(max_bytes: int) -> str:
    return f"{max_bytes / (1024 * 1024):g} MB" if max_bytes >= 1024 * 1024 else f"{max_bytes:,} bytes"


def fetch(url: str, deadline: Deadline | None = None) -> tuple[str, str]:
    """Return (final URL, decoded page text), following at most five checked redirects."""
    response = request(url, deadline=deadline)
    return response.url, response.text
