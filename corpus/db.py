"""Open the corpus database and keep its schema current (sqlite_utils.Migrations)."""
from __future__ import annotations

import fcntl
import os
import sqlite3
import stat
from pathlib import Path

import sqlite_utils
from contextlib import contextmanager
from sqlite_utils import Migrations

from .database import Database

migrations = Migrations("kabar.corpus")


@migrations()
def m001_articles_passages(db: sqlite_utils.Database) -> None:
    db["articles"].create(
        {
            "id": str,
            "url": str,
            "title": str,
            "source": str,
            "published": str,
            "text": str,
            "content_hash": str,
            "added_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"title", "text", "content_hash", "added_at"},
    )
    db.execute("CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL")
    db["articles"].create_index(["published"])
    db.execute(
        """CREATE TABLE passages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            UNIQUE(article_id, position)
        )"""
    )
    db["passages"].create_index(["content_hash"])
    # Keyword index: rowid = passages.id; kept in step with passages by corpus.store in one transaction.
    db.execute(
        "CREATE VIRTUAL TABLE passages_fts USING fts5("
        "title, text, tokenize = 'unicode61 remove_diacritics 2')"
    )
    # Vectors are stored once per embedded content and model: re-ingesting or rebuilding never re-embeds.
    db["vectors"].create(
        {"model": str, "content_hash": str, "vector": bytes},
        pk=("model", "content_hash"),
    )


@migrations()
def m002_log(db: sqlite_utils.Database) -> None:
    db["questions"].create(
        {
            "id": int,
            "asked_at": str,
            "chat_id": int,
            "user_id": int,
            "question": str,
            "answer": str,
            "abstained": int,
            "sources": str,
            "latency_ms": float,
            "feedback": int,
        },
        pk="id",
    )


@migrations()
def m003_vocabulary(db: sqlite_utils.Database) -> None:
    # Document frequency of each indexed term, for weighting question words when choosing sentences.
    db.execute("CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row')")


@migrations()
def m010_stories(db: sqlite_utils.Database) -> None:
    # Near-duplicates (corpus.stories): articles telling the same story share a story id.
    from .stories import backfill

    db.execute("ALTER TABLE articles ADD COLUMN story_id TEXT")
    db.execute("CREATE INDEX articles_story ON articles(story_id)")
    db.execute(
        """CREATE TABLE story_bands (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            key INTEGER NOT NULL
        )"""
    )
    db.execute("CREATE INDEX story_bands_key ON story_bands(key)")
    db.execute("CREATE INDEX story_bands_article ON story_bands(article_id)")
    backfill(db.conn)


@migrations()
def m011_feeds(db: sqlite_utils.Database) -> None:
    # RSS/Atom feeds polled by corpus.feeds; times are ISO 8601 UTC text.
    db.execute(
        """CREATE TABLE feeds (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            url TEXT NOT NULL UNIQUE,
            title TEXT,
            interval_seconds INTEGER NOT NULL,
            etag TEXT,
            last_modified TEXT,
            added_at TEXT NOT NULL,
            last_polled TEXT,
            last_ok TEXT,
            failures INTEGER NOT NULL DEFAULT 0,
            next_due TEXT,
            last_error TEXT
        )"""
    )
    # Every entry link a feed has shown: ingested (article_id set), or failed so far (attempts, error).
    db.execute(
        """CREATE TABLE feed_entries (
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            link TEXT NOT NULL,
            article_id TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (feed_id, link)
        )"""
    )
    db.execute("CREATE INDEX feed_entries_link ON feed_entries(link)")


@migrations()
def m020_bot_conversation(db: sqlite_utils.Database) -> None:
    # The Telegram bot's conversation state, kept across restarts: what each question searched for (a
    # follow-up is searched with its context), which bot messages carry which answer (a reply to one of
    # them follows up on that answer), and each (chat, user)'s current context (cleared by /baru).
    db.execute("ALTER TABLE questions ADD COLUMN asked TEXT")
    db.execute(
        """CREATE TABLE answer_messages (
            chat_id INTEGER NOT NULL,
            message_id INTEGER NOT NULL,
            question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
            PRIMARY KEY (chat_id, message_id)
        )"""
    )
    db.execute(
        """CREATE TABLE conversations (
            chat_id INTEGER NOT NULL,
            user_id INTEGER NOT NULL,
            question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
            updated_at REAL NOT NULL,
            PRIMARY KEY (chat_id, user_id)
        )"""
    )


@migrations()
def m021_topic_alerts(db: sqlite_utils.Database) -> None:
    # Readers' followed topics (/ikuti banjir) and the alerts sent for them (one per chat and article).
    db.execute(
        """CREATE TABLE follows (
            chat_id INTEGER NOT NULL,
            user_id INTEGER NOT NULL,
            topic TEXT NOT NULL,
            lang TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (chat_id, topic)
        )"""
    )
    db.execute(
        """CREATE TABLE alerts_sent (
            chat_id INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            topic TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            PRIMARY KEY (chat_id, article_id)
        )"""
    )


@migrations()
def m030_llm(db: sqlite_utils.Database) -> None:
    # Answers written by a language model (bot/generate.py): per question its tokens, added latency and
    # outcome ("generated", or "fallback: why"); per day (WIB) the tokens spent, for KABAR_LLM_DAILY_TOKENS.
    for column, kind in (("llm_tokens_in", "INTEGER"), ("llm_tokens_out", "INTEGER"), ("llm_ms", "REAL"),
                         ("llm_outcome", "TEXT")):
        db.execute(f"ALTER TABLE questions ADD COLUMN {column} {kind}")
    db.execute(
        """CREATE TABLE llm_usage (
            day TEXT PRIMARY KEY,
            tokens_in INTEGER NOT NULL DEFAULT 0,
            tokens_out INTEGER NOT NULL DEFAULT 0,
            calls INTEGER NOT NULL DEFAULT 0
        )"""
    )


@migrations()
def m040_replicas(db: sqlite_utils.Database) -> None:
    # Several bot replicas over one database (corpus/coordination.py): heartbeats, Telegram updates taken
    # (exactly once across replicas), per-user question windows, leases, embedding claims, index generation.
    db.execute("CREATE TABLE replicas (id TEXT PRIMARY KEY, host TEXT, pid INTEGER, started_at REAL NOT NULL,"
               " seen_at REAL NOT NULL)")
    db.execute("CREATE TABLE updates (update_id BIGINT PRIMARY KEY, payload TEXT NOT NULL, owner TEXT NOT NULL,"
               " received_at REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 1, done_at REAL, note TEXT)")
    db.execute("CREATE INDEX updates_open ON updates(owner) WHERE done_at IS NULL")
    db.execute("CREATE INDEX updates_done ON updates(done_at)")
    db.execute("CREATE TABLE rate_windows (user_id BIGINT PRIMARY KEY, times TEXT NOT NULL,"
               " version INTEGER NOT NULL, last_at REAL NOT NULL)")
    db.execute("CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at REAL NOT NULL)")
    db.execute("CREATE TABLE embed_claims (model TEXT NOT NULL, content_hash TEXT NOT NULL, holder TEXT NOT NULL,"
               " expires_at REAL NOT NULL, PRIMARY KEY (model, content_hash))")
    db.execute("CREATE TABLE generations (name TEXT PRIMARY KEY, value BIGINT NOT NULL)")
    db.execute("INSERT INTO generations (name, value) VALUES ('index', 0)")


@migrations()
def m050_short_answer(db: sqlite_utils.Database) -> None:
    # The short answer a question was given: a follow-up's "dia" stands for the person it named
    # (bot/conversation.py naming_the_answer).
    db.execute("ALTER TABLE questions ADD COLUMN short_answer TEXT")


def private_dir(directory: Path) -> None:
    """Create `directory` (and its parents) readable by its owner only (0700) when it does not exist yet.
    An existing folder keeps its mode: it may be one the user chose to share."""
    if not directory.exists():
        directory.mkdir(parents=True, exist_ok=True)
        os.chmod(directory, 0o700)


def private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 when it does not exist; tighten it to 0600 when it does."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        if stat.S_IMODE(os.stat(path).st_mode) & 0o077:
            os.chmod(path, 0o600)


def connect(path: str | Path) -> "SQLiteDatabase":
    """Open (creating if needed) the corpus at `path`, in WAL mode, with the schema applied.

    The database holds users' questions and ids: it is created 0600 (SQLite gives its -wal and -shm files
    the same mode) in a folder created 0700. Two processes opening a new database at once (two `kabar
    ingest` runs) apply the schema one after the other, under a lock file next to it."""
    path = Path(path)
    private_dir(path.parent)
    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if name == path or name.exists():
            private_file(name)
    # check_same_thread=False: the bot calls Kabar from worker threads (asyncio.to_thread), one call at
    # a time under its own lock; sqlite's serialized mode makes the shared connection itself safe.
    db = sqlite_utils.Database(sqlite3.connect(str(path), check_same_thread=False))
    try:
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA foreign_keys = ON")
        with _schema_lock(path):
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.enable_wal()
            db.execute("PRAGMA synchronous = NORMAL")
            migrations.apply(db)
    except sqlite3.DatabaseError as e:
        db.conn.close()
        if not damaged(e):
            raise
        raise CorpusUnreadable(f"{path}: not a readable kabar database ({e}). It was left as it is: restore it "
                               "from a backup, or move it away and ingest the articles again") from None
    return SQLiteDatabase(db, str(path))


class _schema_lock:
    """An exclusive lock on `<database>.lock` while the schema is checked and applied."""

    def __init__(self, path: Path):
        self.path = path.with_name(path.name + ".lock")

    def __enter__(self):
        self.fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)


class CorpusUnreadable(Exception):
    """The corpus database file is not a database, or is damaged."""


def damaged(error: Exception) -> bool:
    return any(words in str(error) for words in ("not a database", "malformed", "file is encrypted"))


def memory() -> "SQLiteDatabase":
    db = sqlite_utils.Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db)
    return SQLiteDatabase(db, ":memory:")


def fts_query(terms: list[str]) -> str | None:
    """An FTS5 MATCH expression: the terms OR-ed, each quoted."""
    return " OR ".join(f'"{t}"' for t in terms[:32]) or None


class SQLiteDatabase(Database):
    """The embedded default: one SQLite file (WAL), keyword index in FTS5. `conn` (sqlite3) and `db[table]`
    (sqlite_utils) stay available to SQLite-only code and tests."""

    dialect = "sqlite"

    def __init__(self, db: sqlite_utils.Database, name: str):
        self.sqlite = db
        self.conn = db.conn
        self.name = name
        # Autocommit: a statement outside transaction() is committed at once; transaction() says BEGIN.
        self.conn.isolation_level = None

    def __getitem__(self, table: str):
        return self.sqlite[table]

    def execute(self, sql, params=()):
        return self.conn.execute(sql, list(params))

    def executemany(self, sql, rows):
        return self.conn.executemany(sql, rows).rowcount

    @contextmanager
    def transaction(self):
        if self.conn.in_transaction:
            yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def tables(self) -> list[str]:
        return [t for t in self.sqlite.table_names()
                if not t.startswith(("passages_fts", "passages_vocab", "_sqlite", "sqlite_"))]

    def columns(self, table: str) -> list[str]:
        return [c.name for c in self.sqlite[table].columns]

    def data_version(self):
        return self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes

    def close(self) -> None:
        self.conn.close()

    def is_fatal(self, error: BaseException) -> bool:
        return isinstance(error, sqlite3.OperationalError) and "full" in str(error)

    # -- FTS5 --------------------------------------------------------------------------------------------
    def index_passage(self, passage_id: int, title: str, text: str) -> None:
        self.conn.execute("INSERT INTO passages_fts (rowid, title, text) VALUES (?, ?, ?)", [passage_id, title, text])

    def unindex_passages(self, article_id: str) -> None:
        self.conn.execute(
            "DELETE FROM passages_fts WHERE rowid IN (SELECT id FROM passages WHERE article_id = ?)", [article_id])

    def keyword_search(self, terms, k, df, total):
        match = fts_query(terms)
        if match is None:
            return []
        rows = self.conn.execute(
            "SELECT rowid, bm25(passages_fts, 2.0, 1.0) AS score FROM passages_fts"
            " WHERE passages_fts MATCH ? ORDER BY score LIMIT ?", [match, k]).fetchall()
        return [(r[0], -r[1]) for r in rows]

    def term_document_counts(self, terms):
        if not terms:
            return {}
        marks = ",".join("?" * len(terms))
        found = dict(self.conn.execute(f"SELECT term, doc FROM passages_vocab WHERE term IN ({marks})", list(terms)))
        return {t: found.get(t, 0) for t in terms}
