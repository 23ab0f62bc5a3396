"""The article inside an HTML page (trafilatura), bounded in input size and in time.

Extraction of hostile markup can be very slow (one `<p>` with 300,000 attributes ran for more than ten
minutes; 160,000 `<p>` elements 87 s), and a thread cannot be stopped from outside. So every page is
extracted in a short-lived child of a fork server (trafilatura preloaded there, so a child starts in a
few milliseconds) that is killed when its time is up. The page is refused beforehand when it is longer
than MAX_HTML_CHARS.
"""
from __future__ import annotations

import multiprocessing
import threading

from .records import BadRecord

MAX_HTML_CHARS = 5 * 1024 * 1024
EXTRACT_SECONDS = 20.0

_lock = threading.Lock()
_context = None


def _mp():
    global _context
    with _lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["trafilatura", "corpus.extract"])
            _context = context
    return _context


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


def _child(conn, html: str, url: str | None) -> None:
    try:
        conn.send(("ok", extract_in_process(html, url)))
    except BadRecord as e:
        conn.send(("bad", e.field, str(e).split(": ", 1)[1]))
    except BaseException as e:   # noqa: BLE001 -- whatever went wrong is reported, never raised in the parent
        conn.send(("bad", "html", f"extraction failed ({type(e).__name__}: {str(e)[:200]})"))
    finally:
        conn.close()


def extract_html(html: str, url: str | None, seconds: float | None = None) -> dict:
    """The page's article fields, or BadRecord (field 'html' when the page is too large, too slow or
    breaks the extractor; field 'text' when there is no article in it)."""
    if len(html) > MAX_HTML_CHARS:
        raise BadRecord("html", f"{len(html):,} characters, more than the {MAX_HTML_CHARS:,} extracted")
    seconds = EXTRACT_SECONDS if seconds is None else seconds
    if seconds <= 0:
        raise BadRecord("html", "no time left to extract the page")
    context = _mp()
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_child, args=(sender, html, url), daemon=True)
    worker.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise BadRecord("html", f"extraction stopped after {seconds:g} s (page too complex); skipped")
        try:
            answer = receiver.recv()
        except EOFError:
            raise BadRecord("html", "the extraction process died (page too large or too complex)") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receiver.close()
    if answer[0] == "ok":
        return answer[1]
    raise BadRecord(answer[1], answer[2])
