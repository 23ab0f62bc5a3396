"""Fetch an article page over http(s): timeout, size cap, content-type check, no private targets."""
from __future__ import annotations

import ipaddress
import os
import socket
from urllib.parse import urljoin, urlsplit

import httpx

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT = httpx.Timeout(15.0, connect=5.0)
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = "kabar/0.1 (+news question bot)"


class FetchError(Exception):
    """The page could not be fetched; the message says why."""


def private_allowed() -> bool:
    return os.environ.get("KABAR_ALLOW_PRIVATE_URLS", "").lower() in ("1", "true", "yes")


def check_target(url: str) -> None:
    """Refuse other schemes, and hosts that resolve to loopback, private or link-local addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https links are accepted, not {parts.scheme or 'none'!r}")
    if not parts.hostname:
        raise FetchError(f"{url}: the link has no host")
    if private_allowed():
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as e:
        raise FetchError(f"{url}: host {parts.hostname!r} not found ({e.strerror})") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise FetchError(
                f"{url}: refused, {parts.hostname} is a private, loopback or link-local address ({address})"
            )


def fetch(url: str) -> tuple[str, str]:
    """Return (final URL, decoded page text), following at most five checked redirects."""
    with httpx.Client(timeout=TIMEOUT, headers={"User-Agent": USER_AGENT}, follow_redirects=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_target(url)
            try:
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers.get("location", ""))
                        continue
                    if response.status_code != 200:
                        raise FetchError(f"{url}: the server answered HTTP {response.status_code}")
                    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    if kind and kind not in HTML_TYPES:
                        raise FetchError(f"{url}: not a web page (content-type {kind})")
                    body = bytearray()
                    for piece in response.iter_bytes():
                        body.extend(piece)
                        if len(body) > MAX_BYTES:
                            raise FetchError(f"{url}: page larger than {MAX_BYTES // (1024 * 1024)} MB")
                    return str(response.url), body.decode(response.encoding or "utf-8", errors="replace")
            except httpx.TimeoutException:
                raise FetchError(f"{url}: no answer within {TIMEOUT.read:.0f} s") from None
            except httpx.HTTPError as e:
                raise FetchError(f"{url}: {type(e).__name__}: {e}") from None
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
