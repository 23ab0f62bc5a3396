"""A small round-robin reverse proxy for the replica tests and bench/replicas.py: what a load balancer does in
front of several `kabar run --webhook` replicas.

Each POST goes to the next upstream in turn; when one cannot be reached, times out or answers 5xx, the same
request goes to the next one (as nginx's `proxy_next_upstream`), and only when every upstream failed does the
proxy answer 502 (Telegram, here the emulator, then delivers the update again). `pin(i)` sends everything to
upstream i (a test that must reach one replica); `routes` records, per request, the update id, the upstreams
tried and the one that answered.

It runs its own event loop in a thread: `with RoundRobinProxy([port_a, port_b]) as proxy: proxy.url`.
"""
from __future__ import annotations

import asyncio
import json
import threading
from dataclasses import dataclass, field

import httpx

UPSTREAM_TIMEOUT = httpx.Timeout(5.0, connect=1.0)   # recording an update takes milliseconds
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "host", "content-length"}


@dataclass
class Route:
    update_id: int | None
    tried: list[int] = field(default_factory=list)
    answered_by: int | None = None
    status: int = 502


class RoundRobinProxy:
    def __init__(self, upstream_ports: list[int], host: str = "127.0.0.1"):
        self.upstreams = [f"http://{host}:{p}" for p in upstream_ports]
        self.host = host
        self.routes: list[Route] = []
        self.pinned: int | None = None
        self._next = 0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="replica-proxy", daemon=True)
        self._server: asyncio.AbstractServer | None = None
        self._client: httpx.AsyncClient | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self.port = 0

    # -- life cycle ------------------------------------------------------------------------------------------
    def __enter__(self) -> "RoundRobinProxy":
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    def __exit__(self, *exc) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    async def _start(self) -> None:
        self._client = httpx.AsyncClient(timeout=UPSTREAM_TIMEOUT)
        self._server = await asyncio.start_server(self._serve, self.host, 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _stop(self) -> None:
        for writer in list(self._writers):
            writer.close()
        self._server.close()
        await self._server.wait_closed()
        await self._client.aclose()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def pin(self, upstream: int | None) -> None:
        """Send every request to upstream `upstream` (None: round robin again)."""
        self.pinned = upstream

    def answered_by(self, update_id: int) -> set[int]:
        return {r.answered_by for r in self.routes if r.update_id == update_id and r.answered_by is not None}

    # -- serving ---------------------------------------------------------------------------------------------
    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    break
                method, path, headers, body = request
                status, content_type, payload = await self._forward(method, path, headers, body)
                writer.write(f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\n"
                             f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n"
                             f"Connection: keep-alive\r\n\r\n".encode() + payload)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _forward(self, method: str, path: str, headers: dict, body: bytes) -> tuple[int, str, bytes]:
        try:
            update_id = json.loads(body).get("update_id") if body else None
        except ValueError:
            update_id = None
        route = Route(update_id)
        self.routes.append(route)
        n = len(self.upstreams)
        if self.pinned is not None:
            order = [self.pinned]
        else:
            first, self._next = self._next, (self._next + 1) % n
            order = [(first + i) % n for i in range(n)]
        forwarded = {k: v for k, v in headers.items() if k.lower() not in HOP_HEADERS}
        for i in order:
            route.tried.append(i)
            try:
                response = await self._client.request(method, self.upstreams[i] + path, content=body, headers=forwarded)
            except httpx.HTTPError:
                continue              # refused, reset or timed out: the next replica
            if response.status_code >= 500:
                continue
            route.answered_by, route.status = i, response.status_code
            return response.status_code, response.headers.get("content-type", "text/plain"), response.content
        return 502, "text/plain", b"no replica answered"


async def _read_request(reader: asyncio.StreamReader):
    line = await reader.readline()
    if not line:
        return None
    method, path, _ = line.decode("latin-1").split(" ", 2)
    headers = {}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip()] = value.strip()
    length = int(next((v for k, v in headers.items() if k.lower() == "content-length"), "0"))
    body = await reader.readexactly(length) if length else b""
    return method, path, headers, body
