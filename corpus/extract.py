"""The article inside an HTML page (trafilatura), bounded in input size and in time.

Extraction of hostile markup can be very slow (one `<p>` with 300,000 attributes ran for more than ten
minutes; 160,000 `<p>` elements 87 s), and a thread cannot be stopped from outside. So pages are extracted
in a worker process (`python -m corpus.extract`, started on first use and warmed up with a small page:
trafilatura's first extraction costs seconds), which is killed when a page's time is up and started again
for the next page. The page is refused beforehand when it is longer than MAX_HTML_CHARS. Messages are
length-prefixed pickles over the worker's standard input and output (the worker is kabar's own child).
"""
from __future__ import annotations

import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time

from .records import BadRecord

MAX_HTML_CHARS = 5 * 1024 * 1024
EXTRACT_SECONDS = 20.0
START_SECONDS = 120.0         # start-up and warm-up of the worker (not counted in a page's budget)

_lock = threading.Lock()
_worker: subprocess.Popen | None = None
_WARM_PAGE = ("<html><head><title>Pasar baru</title></head><body><article><p>"
              + "Gubernur meresmikan pasar baru di Palangka Raya pada Senin pagi. " * 4 + "</p></article></body></html>")


class _Late(Exception):
    """The worker did not answer in time."""


def extract_in_process(html: str, url: str | None) -> dict:
    """Title, date, outlet and main text of a page, by trafilatura (scripts and boilerplate dropped)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        raise BadRecord("text", "no article text found in the page")
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return {"title": get("title"), "text": get("text"), "url": url or get("url"),
            "source": get("sitename"), "published": get("date")}


def _answer(html: str, url: str | None) -> tuple:
    try:
        return ("ok", extract_in_process(html, url))
    except BadRecord as e:
        return ("bad", e.field, str(e).split(": ", 1)[1])
    except Exception as e:   # noqa: BLE001 -- whatever went wrong is reported, never raised in the parent
        return ("bad", "html", f"extraction failed ({type(e).__name__}: {str(e)[:200]})")


def _send(fd: int, message) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    data = struct.pack(">I", len(data)) + data
    while data:
        data = data[os.write(fd, data):]


def _read_exact(fd: int, size: int, deadline: float | None) -> bytes:
    out = bytearray()
    while len(out) < size:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise _Late()
        piece = os.read(fd, size - len(out))
        if not piece:
            raise EOFError("the worker closed its output")
        out.extend(piece)
    return bytes(out)


def _receive(fd: int, deadline: float | None):
    (size,) = struct.unpack(">I", _read_exact(fd, 4, deadline))
    return pickle.loads(_read_exact(fd, size, deadline))


def _serve() -> None:
    """The worker's loop: read (html, url), answer, until its standard input closes."""
    inp = sys.stdin.buffer.fileno()
    out = os.dup(sys.stdout.buffer.fileno())   # the protocol's own descriptor; anything printed goes to stderr
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    _answer(_WARM_PAGE, None)
    _send(out, ("ready",))
    while True:
        try:
            html, url = _receive(inp, None)
        except EOFError:
            return
        _send(out, _answer(html, url))


def _start() -> subprocess.Popen:
    worker = subprocess.Popen([sys.executable, "-m", "corpus.extract"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
    try:
        if _receive(worker.stdout.fileno(), time.monotonic() + START_SECONDS) != ("ready",):
            raise EOFError("unexpected first message")
    except (_Late, EOFError, pickle.UnpicklingError, struct.error):
        _stop(worker)
        raise BadRecord("html", "the extraction worker did not start") from None
    return worker


def _stop(worker: subprocess.Popen) -> None:
    worker.kill()
    worker.wait()
    for stream in (worker.stdin, worker.stdout):
        stream.close()


def extract_html(html: str, url: str | None, seconds: float | None = None) -> dict:
    """The page's article fields, or BadRecord (field 'html' when the page is too large, too slow or
    breaks the extractor; field 'text' when there is no article in it)."""
    global _worker
    if len(html) > MAX_HTML_CHARS:
        raise BadRecord("html", f"{len(html):,} characters, more than the {MAX_HTML_CHARS:,} extracted")
    seconds = EXTRACT_SECONDS if seconds is None else seconds
    if seconds <= 0:
        raise BadRecord("html", "no time left to extract the page")
    with _lock:                      # one page at a time per process; the worker is reused
        if _worker is None or _worker.poll() is not None:
            _worker = _start()
        deadline = time.monotonic() + seconds
        try:
            _send(_worker.stdin.fileno(), (html, url))
            answer = _receive(_worker.stdout.fileno(), deadline)
        except _Late:
            _stop(_worker)
            _worker = None
            raise BadRecord("html", f"extraction stopped after {seconds:g} s (page too complex); skipped") from None
        except (EOFError, OSError, pickle.UnpicklingError, struct.error):
            _stop(_worker)
            _worker = None
            raise BadRecord("html", "the extraction process died (page too large or too complex)") from None
    if answer[0] == "ok":
        return answer[1]
    raise BadRecord(answer[1], answer[2])


if __name__ == "__main__":
    _serve()
