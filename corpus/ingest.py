"""Read articles from files and links, store the good ones, report every failure with its place."""
from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from . import extract as _extract
from . import fetch as _fetch
from .extract import extract_html
from .fetch import Deadline, FetchError, fetch
from .records import Article, BadRecord, to_article
from .store import Store, Upserted

SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".csv.gz", ".txt", ".md", ".html", ".htm")
MAX_LINE_BYTES = 2 * 1024 * 1024
MAX_DECOMPRESSED_BYTES = 4 * 1024 * 1024 * 1024   # a .gz file is read at most this far (4 GiB; the 7,997
                                                  # test articles are 21 MB)
MAX_NAMED_FAILURES = 100                          # a report names this many failures, then counts the rest


class UnsupportedInput(Exception):
    """The path is not a file kind kabar reads."""


@dataclass
class Failure:
    where: str          # "file:line" or a URL
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class Report:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)   # the first MAX_NAMED_FAILURES
    more_failures: int = 0                                  # failures counted but not named
    article_ids: list[str] = field(default_factory=list)

    def fail(self, where: str, reason: str) -> None:
        if len(self.failures) < MAX_NAMED_FAILURES:
            self.failures.append(Failure(where, reason))
        else:
            self.more_failures += 1

    def count(self, upserted: Upserted) -> None:
        setattr(self, upserted.status, getattr(self, upserted.status) + 1)
        self.article_ids.append(upserted.article_id)

    @property
    def failed(self) -> int:
        return len(self.failures) + self.more_failures

    def failure_lines(self) -> list[str]:
        """Each named failure, then one line counting the others."""
        lines = [str(f) for f in self.failures]
        if self.more_failures:
            lines.append(f"... and {self.more_failures:,} more failures (only the first {MAX_NAMED_FAILURES} "
                         "are named)")
        return lines

    def summary(self) -> str:
        return (f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.failed} failed")


# Each reader yields (line number or None, raw record or the exception that spoiled that row).
Row = tuple[int | None, dict | Exception]


class TooLarge(ValueError):
    """A compressed file decompresses to more than MAX_DECOMPRESSED_BYTES."""


class _Capped(io.RawIOBase):
    """A decompressed stream that stops with TooLarge past MAX_DECOMPRESSED_BYTES (gzip decompresses in
    pieces as it is read, so a small file holding gigabytes is refused after reading the cap, in bounded
    memory)."""

    def __init__(self, inner):
        self._inner, self._read = inner, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._inner.read1(len(buffer))   # read1: what is there, so rows before damage still come
        n = len(data)
        buffer[:n] = data
        self._read += n
        if self._read > MAX_DECOMPRESSED_BYTES:
            raise TooLarge(f"more than {MAX_DECOMPRESSED_BYTES:,} bytes once decompressed; the rest of the "
                           "file was not read")
        return n

    def close(self) -> None:
        self._inner.close()
        super().close()


def _open_binary(path: Path):
    if path.name.lower().endswith(".gz"):
        return io.BufferedReader(_Capped(gzip.open(path, "rb")), 1 << 16)
    return open(path, "rb")


def _open_lines(path: Path) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line, its size in bytes); a line longer than MAX_LINE_BYTES comes as None and is
    skipped piece by piece, never held in memory whole."""
    with _open_binary(path) as fh:
        number = 0
        while True:
            line = fh.readline(MAX_LINE_BYTES + 1)
            if not line:
                return
            number += 1
            if len(line) <= MAX_LINE_BYTES:
                yield number, line, len(line)
                continue
            size = len(line)
            while not line.endswith(b"\n"):
                line = fh.readline(1 << 20)
                if not line:
                    break
                size += len(line)
            yield number, None, size


def _binary(path: Path) -> bool:
    """NUL bytes in the first 8 KiB: an image, an archive, UTF-16 text, not UTF-8 lines."""
    with _open_binary(path) as fh:
        return b"\x00" in fh.read(8192)


def _read_jsonl(path: Path) -> Iterator[Row]:
    records = 0
    try:
        if _binary(path):
            yield None, ValueError("binary content (NUL bytes; UTF-16 text?), not UTF-8 JSON Lines")
            return
        for number, line, size in _open_lines(path):
            if line is None:
                yield number, BadRecord("line", f"{size:,} bytes, more than {MAX_LINE_BYTES:,}")
                continue
            if not line.strip():
                continue
            records += 1
            if b"\x00" in line:
                yield number, ValueError("binary content (NUL bytes; UTF-16 text?), not UTF-8 JSON Lines; "
                                         "the rest of the file was not read")
                return
            try:
                yield number, json.loads(line.decode("utf-8-sig"))
            except UnicodeDecodeError as e:
                yield number, ValueError(f"not UTF-8 text (byte {e.start})")
            except json.JSONDecodeError as e:
                yield number, ValueError(f"invalid JSON: {e.msg} at column {e.colno}")
            except RecursionError:
                yield number, ValueError("invalid JSON: nested too deeply")
            except ValueError as e:   # e.g. an integer of more than 4,300 digits
                yield number, ValueError(f"invalid JSON: {str(e)[:120]}")
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield None, ValueError(f"damaged or truncated gzip file ({e}); the rows before it were read")
        return
    except TooLarge as e:
        yield None, e
        return
    if not records:
        yield None, ValueError("empty file: no records")


def _csv_lines(path: Path, state: dict) -> Iterator[str]:
    """The file's lines as text for csv.reader, read one at a time; a line longer than MAX_LINE_BYTES
    (or bytes that are not UTF-8, or NUL bytes) ends the file with `state['error']` set."""
    offset = 0
    with _open_binary(path) as fh:
        while True:
            line = fh.readline(MAX_LINE_BYTES + 1)
            if not line:
                return
            if len(line) > MAX_LINE_BYTES:
                state["error"] = ValueError(f"malformed CSV: a line longer than {MAX_LINE_BYTES:,} bytes; "
                                            "the rest of the file was not read")
                return
            if b"\x00" in line:
                state["error"] = ValueError("binary content (NUL bytes), not a UTF-8 CSV file; the rest of the "
                                            "file was not read")
                return
            try:
                text = line.decode("utf-8-sig" if offset == 0 else "utf-8")
            except UnicodeDecodeError as e:
                state["error"] = ValueError(f"not UTF-8 text (byte {offset + e.start}); the rest of the file "
                                            "was not read")
                return
            offset += len(line)
            yield text


def _read_csv(path: Path) -> Iterator[Row]:
    try:
        if _binary(path):
            yield None, ValueError("binary content (NUL bytes), not a UTF-8 CSV file")
            return
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield None, ValueError(f"damaged or truncated gzip file ({e})")
        return
    csv.field_size_limit(MAX_LINE_BYTES)
    state: dict = {}
    reader = csv.DictReader(_csv_lines(path, state))
    records = 0
    try:
        fieldnames = reader.fieldnames
        if state.get("error") and not fieldnames:
            yield None, state["error"]
            return
        if not fieldnames or not any(name.strip() for name in fieldnames):
            yield None, ValueError("empty file: no header and no records")
            return
        if not {"title", "text"} <= set(fieldnames):
            yield 1, ValueError(f"the header must name at least the columns title and text, found {fieldnames}")
            return
        for row in reader:
            line = reader.line_num
            records += 1
            if None in row:
                yield line, ValueError(f"{len(row[None])} more values than header columns")
                continue
            yield line, {k: (v if v != "" else None) for k, v in row.items()}
    except csv.Error as e:
        yield max(reader.line_num, 1), ValueError(f"malformed CSV: {e}; the rest of the file was not read")
        return
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield None, ValueError(f"damaged or truncated gzip file ({e}); the rows before it were read")
        return
    except TooLarge as e:
        yield None, e
        return
    if state.get("error"):
        yield reader.line_num + 1, state["error"]


def _read_text(path: Path) -> Iterator[Row]:
    if path.stat().st_size > _extract.MAX_HTML_CHARS:
        yield None, ValueError(f"{path.stat().st_size:,} bytes, more than the {_extract.MAX_HTML_CHARS:,} read from a text file")
        return
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        yield None, ValueError(f"not UTF-8 text (byte {e.start})")
        return
    if "\x00" in text:
        yield None, ValueError("binary content, not a text file")
        return
    lines = text.strip().splitlines()
    if not lines:
        yield None, ValueError("empty file")
        return
    title = lines[0].lstrip("#").strip()
    yield 1, {"title": title, "text": "\n".join(lines[1:]), "id": None}


def _read_html_file(path: Path) -> Iterator[Row]:
    size = path.stat().st_size
    if size > _extract.MAX_HTML_CHARS:
        yield None, BadRecord("html", f"{size:,} bytes, more than the {_extract.MAX_HTML_CHARS:,} extracted")
        return
    html = path.read_bytes().decode("utf-8-sig", errors="replace")
    try:
        yield None, extract_html(html, url=None)
    except BadRecord as e:
        yield None, e


def fetch_article(url: str) -> dict:
    """Fetch a page and extract its article, both within one TOTAL_SECONDS budget."""
    deadline = Deadline(_fetch.TOTAL_SECONDS)
    final_url, html = fetch(url, deadline)
    left = deadline.remaining()
    if left <= 0:
        raise FetchError(f"{url}: not fully received within {deadline.seconds:g} s")
    return extract_html(html, url=final_url, seconds=min(_extract.EXTRACT_SECONDS, left))


def _rows(path: Path) -> Iterator[Row]:
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        return _read_jsonl(path)
    if name.endswith((".csv", ".csv.gz")):
        return _read_csv(path)
    if name.endswith((".txt", ".md")):
        return _read_text(path)
    if name.endswith((".html", ".htm")):
        return _read_html_file(path)
    raise UnsupportedInput(f"{path}: unsupported file kind (use one of {', '.join(SUFFIXES)})")


def expand(target: str) -> list[str]:
    """A directory becomes the supported files under it; anything else stays as it is."""
    path = Path(target)
    if path.is_dir():
        return sorted(str(p) for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(SUFFIXES))
    return [target]


def store_row(store: Store, raw: dict | Exception) -> Upserted:
    """The one place a row becomes an article: Upserted, or BadRecord / ValueError naming the field or the
    problem. Any other exception (a bug, a library's surprise) is turned into a ValueError naming its type,
    so nothing a row holds can stop a file; only a full disk (_Full) stops the ingest."""
    if isinstance(raw, Exception):
        raise raw if isinstance(raw, (BadRecord, ValueError)) else ValueError(f"{type(raw).__name__}: {raw}")
    try:
        article = to_article(raw)
        return store.upsert(article)
    except (BadRecord, _Full):
        raise
    except Exception as e:   # noqa: BLE001 -- the article's transaction was rolled back
        if store.db.is_fatal(e):
            hint = "Free some space and" if "full" in str(e) else "When the database answers again,"
            raise _Full(f"{e}: stopped here; everything before this row is stored. {hint} "
                        "run the same command again") from None
        raise ValueError(f"not stored ({type(e).__name__}: {str(e)[:200]})") from None


def ingest(store: Store, targets: list[str], report: Report | None = None,
           on_article: Callable[[Report], None] | None = None) -> Report:
    """Ingest files, folders and http(s) links; good rows are stored even when others fail."""
    report = report or Report()

    def keep(where: str, raw: dict | Exception) -> None:
        try:
            upserted = store_row(store, raw)
        except _Full as e:
            raise _Full(where, str(e)) from None
        except (BadRecord, ValueError) as e:
            report.fail(where, str(e))
            return
        report.count(upserted)
        if on_article:
            on_article(report)

    try:
        for target in [t for item in targets for t in expand(item)]:
            _ingest_one(target, keep, report)
    except _Full as e:
        report.fail(*e.args)
    return report


class _Full(Exception):
    """The disk (or the database's size limit) is full: stop the whole ingest."""


def _ingest_one(target: str, keep: Callable[[str, dict | Exception], None], report: Report) -> None:
    """One file or link: its rows go to `keep`, a file-level problem to the report."""
    if "://" in target:
        try:
            raw: dict | Exception = fetch_article(target)
        except (FetchError, BadRecord) as e:
            report.fail(target, str(e))
            return
        except Exception as e:   # noqa: BLE001 -- one link's trouble never stops the others
            report.fail(target, f"{type(e).__name__}: {str(e)[:200]}")
            return
        keep(target, raw)
        return
    path = Path(target)
    if not path.is_file():
        report.fail(target, "no such file")
        return
    try:
        for line, raw in _rows(path):
            keep(f"{path}:{line}" if line else str(path), raw)
    except _Full:
        raise
    except UnsupportedInput as e:
        report.fail(target, str(e).split(": ", 1)[1])
    except OSError as e:
        report.fail(target, e.strerror or str(e))
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        report.fail(target, f"damaged or truncated gzip file ({e}); the rows before it were read")
    except Exception as e:   # noqa: BLE001 -- a reader's surprise names the file; the rows before it are kept
        report.fail(target, f"{type(e).__name__}: {str(e)[:200]}; the rows before it were read")


def ingest_text(store: Store, title: str, text: str, **extra) -> Upserted:
    """Store one pasted article: Upserted(status, article id). Raises BadRecord on bad input."""
    article: Article = to_article({"title": title, "text": text, **extra})
    return store.upsert(article)
