"""Read articles from files and links, store the good ones, report every failure with its place."""
from __future__ import annotations

import csv
import gzip
import io
import json
import sqlite3
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .fetch import FetchError, fetch
from .records import Article, BadRecord, to_article
from .store import Store

SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".csv.gz", ".txt", ".md", ".html", ".htm")
MAX_LINE_BYTES = 2 * 1024 * 1024


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
    failures: list[Failure] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self) -> str:
        return (f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.failed} failed")


# Each reader yields (line number or None, raw record or the exception that spoiled that row).
Row = tuple[int | None, dict | Exception]


def _open_lines(path: Path) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line, its size in bytes); a line longer than MAX_LINE_BYTES comes as None and is
    skipped piece by piece, never held in memory whole."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as fh:
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
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as fh:
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
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield None, ValueError(f"damaged or truncated gzip file ({e}); the rows before it were read")
        return
    if not records:
        yield None, ValueError("empty file: no records")


def _read_csv(path: Path) -> Iterator[Row]:
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as raw:
            data = raw.read()
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        yield None, ValueError(f"not UTF-8 text (byte {e.start})")
        return
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield None, ValueError(f"damaged or truncated gzip file ({e})")
        return
    if not text.strip():
        yield None, ValueError("empty file: no header and no records")
        return
    if "\x00" in text:
        yield None, ValueError("binary content (NUL bytes), not a UTF-8 CSV file")
        return
    csv.field_size_limit(MAX_LINE_BYTES)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or not {"title", "text"} <= set(reader.fieldnames):
        yield 1, ValueError(f"the header must name at least the columns title and text, found {reader.fieldnames}")
        return
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                yield line, ValueError(f"{len(row[None])} more values than header columns")
                continue
            yield line, {k: (v if v != "" else None) for k, v in row.items()}
    except csv.Error as e:
        yield reader.line_num, ValueError(f"malformed CSV: {e}")


def _read_text(path: Path) -> Iterator[Row]:
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
    try:
        html = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as e:
        yield None, e
        return
    try:
        yield None, extract_html(html, url=None)
    except BadRecord as e:
        yield None, e


def extract_html(html: str, url: str | None) -> dict:
    """Title, date, outlet and main text of a page, by trafilatura (scripts and boilerplate dropped)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        raise BadRecord("text", "no article text found in the page")
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return {"title": get("title"), "text": get("text"), "url": url or get("url"),
            "source": get("sitename"), "published": get("date")}


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


def ingest(store: Store, targets: list[str], report: Report | None = None,
           on_article: Callable[[Report], None] | None = None) -> Report:
    """Ingest files, folders and http(s) links; good rows are stored even when others fail."""
    report = report or Report()

    def keep(where: str, raw: dict | Exception) -> None:
        if isinstance(raw, Exception):
            report.failures.append(Failure(where, str(raw)))
            return
        try:
            article = to_article(raw)
        except BadRecord as e:
            report.failures.append(Failure(where, str(e)))
            return
        try:
            status = store.upsert(article)
        except sqlite3.OperationalError as e:   # the article's transaction was rolled back
            if "full" not in str(e):
                raise
            raise _Full(where, f"{e}: stopped here; everything before this row is stored. Free some space "
                               "and run the same command again") from None
        setattr(report, status, getattr(report, status) + 1)
        report.article_ids.append(article.id)
        if on_article:
            on_article(report)

    try:
        for target in [t for item in targets for t in expand(item)]:
            _ingest_one(target, keep, report)
    except _Full as e:
        report.failures.append(Failure(*e.args))
    return report


class _Full(Exception):
    """The disk (or the database's size limit) is full: stop the whole ingest."""


def _ingest_one(target: str, keep: Callable[[str, dict | Exception], None], report: Report) -> None:
    """One file or link: its rows go to `keep`, a file-level problem to the report."""
    if "://" in target:
        try:
            final_url, html = fetch(target)
            keep(target, extract_html(html, url=final_url))
        except (FetchError, BadRecord) as e:
            report.failures.append(Failure(target, str(e)))
        return
    path = Path(target)
    if not path.is_file():
        report.failures.append(Failure(target, "no such file"))
        return
    try:
        for line, raw in _rows(path):
            keep(f"{path}:{line}" if line else str(path), raw)
    except UnsupportedInput as e:
        report.failures.append(Failure(target, str(e).split(": ", 1)[1]))
    except OSError as e:
        report.failures.append(Failure(target, e.strerror or str(e)))


def ingest_text(store: Store, title: str, text: str, **extra) -> tuple[str, str]:
    """Store one pasted article; returns (status, article id). Raises BadRecord on bad input."""
    article: Article = to_article({"title": title, "text": text, **extra})
    return store.upsert(article), article.id
