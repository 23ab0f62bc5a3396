"""The store's one seam to its database: SQLite (corpus.db, the embedded default) or PostgreSQL
(corpus.postgres, KABAR_DATABASE_URL=postgresql://...).

Callers write SQL once, with `?` placeholders, in the dialect both engines share (ON CONFLICT ... DO UPDATE,
INSERT ... RETURNING, COUNT(*) FILTER (WHERE ...), ORDER BY x IS NULL). What differs lives in the two
classes: placeholders, transactions and locks, the keyword index (FTS5 vs a tsvector table with kabar's own
BM25), streaming large results, and how a reader notices that another process wrote.

    db = open_database("postgresql://kabar@db/kabar")      # or a path to a SQLite file
    with db.transaction():                                   # one transaction; an inner one joins it
        db.lock("articles")                                  # serialise writers of one kind (all processes)
        new_id = db.insert("questions", {"question": "..."})
    rows = db.query("SELECT id, title FROM articles WHERE source = ?", ["Antara"])   # list of dicts
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence
from urllib.parse import urlsplit


class DatabaseError(Exception):
    """The database cannot be used."""


class DatabaseUnavailable(DatabaseError):
    """The database server cannot be reached or refused the connection."""


def is_url(target: str | Path) -> bool:
    return isinstance(target, str) and bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", target))


def redact_url(url: str) -> str:
    """`url` with its password replaced by *** (postgresql://user:***@host/db)."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        user = parts.username or ""
        host = parts.netloc.rpartition("@")[2]
        return parts._replace(netloc=f"{user}:***@{host}").geturl()
    except ValueError:
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def without_secret(text: str, url: str) -> str:
    """`text` (an error message) with the password of `url` taken out wherever it appears."""
    try:
        password = urlsplit(url).password
    except ValueError:
        password = None
    if password:
        text = text.replace(password, "***")
    return text.replace(url, redact_url(url))


class Database:
    """What Store and the bot use of a database. Subclasses: corpus.db.SQLiteDatabase,
    corpus.postgres.PostgresDatabase."""

    dialect: str = ""
    name: str = ""     # what to call it in messages: a path, or a URL without its password

    # -- statements ----------------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement (`?` placeholders); a DB-API cursor (fetchone, fetchall, fetchmany, rowcount,
        iteration). Outside `transaction()` a write is committed at once."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> int:
        """Run one statement per row; the rows it changed (an insert skipped by ON CONFLICT counts 0)."""
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        """Rows as dicts keyed by column name."""
        cursor = self.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    def insert(self, table: str, row: dict, pk: str = "id") -> Any:
        """Insert one row; its `pk` (the id the database gave it, or the one in `row`)."""
        columns = list(row)
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
               f" RETURNING {pk}")
        return self.execute(sql, [row[c] for c in columns]).fetchone()[0]

    def stream(self, sql: str, params: Sequence[Any] = (), batch: int = 50_000) -> Iterator[list[tuple]]:
        """The rows of a large result in lists of up to `batch`, without holding them all in memory."""
        cursor = self.execute(sql, params)
        while rows := cursor.fetchmany(batch):
            yield rows

    # -- transactions ----------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator["Database"]:
        """One transaction, committed at the end of the block and rolled back on an exception. Inside an
        open transaction the block joins it. On SQLite it takes the write lock at once (BEGIN IMMEDIATE)."""
        raise NotImplementedError
        yield self

    def lock(self, key: str) -> None:
        """Inside a transaction: wait until no other transaction (any process) holds `key`, and hold it until
        this one ends. SQLite needs nothing (one writer at a time already); PostgreSQL takes an advisory lock."""

    @property
    def in_transaction(self) -> bool:
        raise NotImplementedError

    # -- schema and housekeeping ----------------------------------------------------------------------
    def tables(self) -> list[str]:
        """The tables kabar's migrations made (keyword-index internals excluded)."""
        raise NotImplementedError

    def columns(self, table: str) -> list[str]:
        raise NotImplementedError

    def data_version(self) -> Any:
        """A value that changes when the corpus changed (this connection or another): remembered counts are
        valid while it stays the same."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def is_fatal(self, error: BaseException) -> bool:
        """Whether `error` means the database itself is unusable now (a full disk, a lost server): ingesting
        stops instead of failing row after row."""
        return False

    # -- the keyword index ----------------------------------------------------------------------------
    def index_passage(self, passage_id: int, title: str, text: str) -> None:
        """Add one passage to the keyword index (inside the caller's transaction)."""
        raise NotImplementedError

    def index_missing_passages(self, batch: int = 2000,
                               progress: Callable[[str, int], None] | None = None) -> int:
        """Add the passages missing from the keyword index, a batch per transaction; how many were added
        (`kabar migrate`, `kabar index check --repair`)."""
        done = 0
        while True:
            with self.transaction():
                rows = self.execute(
                    "SELECT p.id, a.title, p.text FROM passages p JOIN articles a ON a.id = p.article_id WHERE NOT"
                    " EXISTS (SELECT 1 FROM passages_fts f WHERE f.rowid = p.id) ORDER BY p.id LIMIT ?",
                    [batch]).fetchall()
                for passage_id, title, text in rows:
                    self.index_passage(passage_id, title, text)
            done += len(rows)
            if progress and rows:
                progress("keyword index", done)
            if len(rows) < batch:
                return done

    def unindex_passages(self, article_id: str) -> None:
        """Drop the keyword entries of an article's passages (before the passages themselves)."""
        raise NotImplementedError

    def keyword_search(self, terms: list[str], k: int, df: dict[str, int], total: int) -> list[tuple[int, float]]:
        """BM25 over passage title (weight 2) and text (weight 1): (passage id, score), best first, higher is
        better. `df`: the passages holding each term (term_document_counts), `total`: all passages."""
        raise NotImplementedError

    def term_document_counts(self, terms: list[str]) -> dict[str, int]:
        """For each of `terms` the number of passages holding it (0 for none)."""
        raise NotImplementedError


def open_database(target: str | Path) -> Database:
    """A path (SQLite, created if needed) or a postgresql:// URL, with the schema current."""
    if is_url(str(target)) and isinstance(target, str):
        scheme = target.split("://", 1)[0].lower()
        if scheme in ("postgresql", "postgres"):
            from .postgres import connect as connect_postgres

            return connect_postgres(target)
        raise DatabaseError(f"{redact_url(target)}: unsupported database URL (expected postgresql://… "
                            "or a path to a SQLite file)")
    from .db import connect

    return connect(target)
