"""Read and write articles, passages, keyword index and vectors; every write is one transaction."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple
from datetime import datetime, timezone

import numpy as np

from . import coordination, stories
from .database import Database
from .question import content_terms
from .records import Article, BadRecord, article_id_for
from .text import chunk, content_hash


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# The keyword query ranks every passage holding any of its words: about 1.3 ms per 1,000 postings at 1M
# passages (bench/README.md). It takes the question's words from the rarest up while their postings stay
# within this budget, so the commonest words are left out only in a large archive (at the 24k passages of
# the test corpus no dev question reaches it; at 1M half of them would rank over 200,000 postings).
KEYWORD_POSTINGS = 60_000


_PASSAGE_ROWS = ("SELECT p.id, p.article_id, p.position, p.text, a.title, a.url, a.source, a.published"
                 " FROM passages p JOIN articles a ON a.id = p.article_id")


class TermWeights(dict):
    """idf per term; `unknown` holds the terms that no passage contains."""

    def __init__(self, weights: dict[str, float] | None = None, unknown: set[str] | None = None):
        super().__init__(weights or {})
        self.unknown = unknown or set()


@dataclass
class PassageRow:
    id: int
    article_id: str
    position: int
    text: str
    title: str
    url: str | None
    source: str | None
    published: str | None


class Upserted(NamedTuple):
    """What `Store.upsert` did, and the id the article is stored under (which may be an earlier one)."""
    status: str          # added | updated | unchanged
    article_id: str


class DuplicateUrl(BadRecord):
    """The row's URL belongs to an article stored under another id."""


class Store:
    """The corpus database, with the operations the rest of kabar needs."""

    def __init__(self, db: Database):
        self.db = db
        self._version: tuple[int, int] | None = None   # remembered counts below are valid for this version
        self._count: int | None = None
        self._df: dict[str, int] = {}

    # -- writing -------------------------------------------------------------------------------
    def upsert(self, article: Article) -> Upserted:
        """Store one article with its passages and keyword index: Upserted(added / updated / unchanged, the
        id it is stored under). The existence check and the writes are one immediate transaction, so two
        writers (two `kabar ingest` runs) are serialised instead of both inserting. A URL stored under
        another explicit id is a DuplicateUrl (BadRecord), and nothing is written."""
        digest = content_hash(article.title, article.text, article.url or "", article.source or "",
                              article.published or "")
        with self.db.transaction() as db:
            db.lock("articles")
            return self._upsert(db, article, digest)

    def _upsert(self, conn: Database, article: Article, digest: str) -> Upserted:
        row = conn.execute("SELECT id, content_hash, url FROM articles WHERE id = ?", [article.id]).fetchone()
        if article.url:
            holder = conn.execute("SELECT id, content_hash, url FROM articles WHERE url = ?",
                                  [article.url]).fetchone()
            if holder is not None and (row is None or holder[0] != row[0]):
                # The URL is the identity of an article whose id was derived from it (an older id rule,
                # a redirect): update that one. An explicit other id is a conflict the row must resolve.
                if row is None and article.id == article_id_for(article.url, article.title, article.text):
                    row = holder
                else:
                    raise DuplicateUrl("url", f"already stored as article {holder[0]!r}, not {article.id!r}; "
                                              "give the same id or another URL")
        if row is not None and row[1] == digest:
            return Upserted("unchanged", row[0])
        stamp = now_iso()
        if row is None:
            status = "added"
            conn.execute(
                "INSERT INTO articles (id, url, title, source, published, text, content_hash,"
                " added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article.id, article.url, article.title, article.source, article.published,
                 article.text, digest, stamp, stamp],
            )
            article_id = article.id
        else:
            status = "updated"
            article_id = row[0]
            conn.execute(
                "UPDATE articles SET url = ?, title = ?, source = ?, published = ?, text = ?,"
                " content_hash = ?, updated_at = ? WHERE id = ?",
                [article.url, article.title, article.source, article.published, article.text,
                 digest, stamp, article_id],
            )
            self._drop_passages(article_id)
        for position, passage in enumerate(chunk(article.text)):
            passage_id = conn.execute(
                "INSERT INTO passages (article_id, position, text, content_hash) VALUES (?, ?, ?, ?) RETURNING id",
                [article_id, position, passage, passage_hash(article.title, passage)],
            ).fetchone()[0]
            conn.index_passage(passage_id, article.title, passage)
        # The same story from another outlet (near-duplicate text) joins that story, in this transaction.
        stories.assign(conn, article_id, article.text, digest, article.published)
        coordination.bump(conn)   # the vector index of every replica has passages to add or drop
        return Upserted(status, article_id)

    def _drop_passages(self, article_id: str) -> None:
        self.db.unindex_passages(article_id)
        self.db.execute("DELETE FROM passages WHERE article_id = ?", [article_id])

    def delete(self, article_id: str) -> bool:
        """Remove an article, its passages and their keyword entries; stored vectors stay reusable."""
        with self.db.transaction() as db:
            db.lock("articles")
            self._drop_passages(article_id)
            deleted = db.execute("DELETE FROM articles WHERE id = ?", [article_id]).rowcount > 0
            if deleted:
                coordination.bump(db)
            return deleted

    def repair_keyword_index(self) -> int:
        """Re-add passages missing from the keyword index and drop its entries without a passage; the count."""
        added = self.db.index_missing_passages()
        return added + self.db.execute("DELETE FROM passages_fts WHERE rowid NOT IN (SELECT id FROM passages)").rowcount

    # -- vectors -------------------------------------------------------------------------------
    def passages_without_vectors(self, model: str, limit: int | None = None) -> list[tuple[str, str]]:
        """(content_hash, text to embed) for passage contents that have no vector for `model` yet."""
        sql = (
            "SELECT p.content_hash, a.title, p.text FROM passages p JOIN articles a ON a.id = p.article_id"
            " WHERE p.id IN (SELECT MIN(q.id) FROM passages q WHERE NOT EXISTS (SELECT 1 FROM vectors v"
            " WHERE v.model = ? AND v.content_hash = q.content_hash) GROUP BY q.content_hash) ORDER BY p.id"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [(h, embed_text(t, p)) for h, t, p in self.db.execute(sql, [model]).fetchall()]

    def count_without_vectors(self, model: str) -> int:
        return self.db.execute(
            "SELECT COUNT(DISTINCT content_hash) FROM passages p WHERE NOT EXISTS (SELECT 1 FROM vectors v"
            " WHERE v.model = ? AND v.content_hash = p.content_hash)", [model]
        ).fetchone()[0]

    def put_vectors(self, model: str, hashes: list[str], vectors: np.ndarray) -> None:
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        with self.db.transaction() as db:
            db.executemany(
                "INSERT INTO vectors (model, content_hash, vector) VALUES (?, ?, ?)"
                " ON CONFLICT (model, content_hash) DO UPDATE SET vector = excluded.vector",
                [(model, h, v.tobytes()) for h, v in zip(hashes, vectors)],
            )
            coordination.bump(db)

    def passage_vectors(self, model: str, dim: int, batch: int = 50_000):
        """Yield (passage ids, vectors) for every passage with a stored vector.

        The vectors table is read in its stored order (`+v.model` keeps SQLite from walking it through its
        index) and each passage found through the small content-hash index: in passage-id order every row
        cost a random read of the large table, and 1M passages had not been read after 40 minutes here."""
        if self.db.dialect == "sqlite":
            sql = ("SELECT p.id, v.vector FROM vectors v CROSS JOIN passages p ON p.content_hash = v.content_hash"
                   " WHERE +v.model = ?")
        else:
            sql = "SELECT p.id, v.vector FROM vectors v JOIN passages p ON p.content_hash = v.content_hash WHERE v.model = ?"
        for rows in self.db.stream(sql, [model], batch):
            ids = np.array([r[0] for r in rows], dtype=np.int64)
            vectors = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), dim)
            yield ids, vectors

    def passage_ids(self, model: str | None = None) -> np.ndarray:
        """All passage ids, or with `model` only those whose vector is stored."""
        if model is None:
            rows = self.db.execute("SELECT id FROM passages")
        else:
            rows = self.db.execute(
                "SELECT p.id FROM passages p JOIN vectors v ON v.model = ? AND v.content_hash = p.content_hash",
                [model])
        return np.fromiter((r[0] for r in rows), dtype=np.int64)

    def vectors_for(self, model: str, dim: int, ids: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """(ids, vectors) of those passages among `ids` that have a stored vector."""
        out_ids, blobs = [], []
        for start in range(0, len(ids), 900):
            part = [int(i) for i in ids[start:start + 900]]
            marks = ",".join("?" * len(part))
            for pid, blob in self.db.execute(
                "SELECT p.id, v.vector FROM passages p JOIN vectors v ON v.model = ? AND"
                f" v.content_hash = p.content_hash WHERE p.id IN ({marks})", [model, *part]
            ):
                out_ids.append(pid)
                blobs.append(blob)
        vectors = np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), dim)
        return np.array(out_ids, dtype=np.int64), vectors

    # -- reading -------------------------------------------------------------------------------
    def keyword_search(self, question: str, k: int = 50, also: list[str] = ()) -> list[tuple[int, float]]:
        """BM25 over passage text and title: (passage id, score), best first, higher is better. `also`: more words
        to search for (the long or short forms of the question's words, Question.alternative_words)."""
        terms = list(dict.fromkeys(content_terms(question)[:32] + list(also)))
        if len(terms) > 1 and self.passage_count() > KEYWORD_POSTINGS:
            df = self.document_frequencies(terms)
            kept, postings = [], 0
            for term in sorted(df, key=df.get):   # unknown words match nothing: left out
                if kept and postings + df[term] > KEYWORD_POSTINGS:
                    break
                kept.append(term)
                postings += df[term]
            terms = kept or terms
        if not terms:
            return []
        df = self.document_frequencies(terms) if self.db.dialect != "sqlite" else {}
        return self.db.keyword_search(terms, k, df, self.passage_count())

    def document_frequencies(self, terms: list[str]) -> dict[str, int]:
        """How many passages hold each term (terms in none are left out). Remembered until the next write:
        the keyword search and the answer ask for the same words (each lookup ~8 ms at 1M passages)."""
        self._current()
        missing = [t for t in dict.fromkeys(terms) if t not in self._df]
        if missing:
            self._df.update(self.db.term_document_counts(missing))
        return {t: self._df[t] for t in terms if self._df[t]}

    def passage_count(self) -> int:
        """The number of passages, counted again only after a write (COUNT(*) takes ~50 ms at 1M)."""
        self._current()
        if self._count is None:
            self._count = self.db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
        return self._count

    def _current(self) -> None:
        """Forget the remembered counts when the database changed (this connection or another)."""
        version = self.db.data_version()
        if self._version != version or len(self._df) > 100_000:
            self._version, self._count, self._df = version, None, {}

    def term_weights(self, terms: list[str]) -> "TermWeights":
        """Inverse document frequency of each term among passages (unknown terms weigh the most)."""
        import math

        if not terms:
            return TermWeights()
        total = max(1, self.passage_count())
        df = self.document_frequencies(terms)
        return TermWeights({t: math.log(1 + total / (1 + df.get(t, 0))) for t in terms}, {t for t in terms if t not in df})

    def _passage_rows(self, where: str, params: list) -> list[PassageRow]:
        return [PassageRow(*r) for r in self.db.execute(f"{_PASSAGE_ROWS} WHERE {where}", params).fetchall()]

    def passages(self, ids: list[int]) -> dict[int, PassageRow]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {r.id: r for r in self._passage_rows(f"p.id IN ({marks})", list(ids))}

    def lead_passages(self, article_ids: list[str]) -> dict[str, PassageRow]:
        """The first passage of each article."""
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        return {r.article_id: r for r in self._passage_rows(f"p.position = 0 AND p.article_id IN ({marks})",
                                                              list(article_ids))}

    def story_members(self, article_id: str) -> list[tuple[str, str | None, str | None]]:
        """(article id, source, url) of every article telling the same story, this one included,
        oldest first (undated ones last)."""
        return [tuple(r) for r in self.db.execute(
            "SELECT id, source, url FROM articles WHERE story_id = (SELECT story_id FROM articles WHERE id = ?)"
            " ORDER BY published IS NULL, published, id", [article_id]).fetchall()]

    def stories_of(self, article_ids: list[str]) -> dict[str, list[tuple[str, str | None, str | None]]]:
        """For each of `article_ids` that shares its story with others: all members, as story_members."""
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        rows = self.db.execute(
            "SELECT s.id, a.id, a.source, a.url FROM articles s JOIN articles a ON a.story_id = s.story_id"
            f" WHERE s.id IN ({marks}) ORDER BY a.published IS NULL, a.published, a.id", list(article_ids)
        ).fetchall()
        out: dict[str, list] = {}
        for own, other, source, url in rows:
            out.setdefault(own, []).append((other, source, url))
        return {k: v for k, v in out.items() if len(v) > 1}

    def article(self, article_id: str) -> dict | None:
        rows = self.db.query("SELECT * FROM articles WHERE id = ?", [article_id])
        return rows[0] if rows else None

    def counts(self, model: str | None = None) -> dict:
        q = lambda sql, *a: self.db.execute(sql, a).fetchone()[0]  # noqa: E731
        out = {
            "articles": q("SELECT COUNT(*) FROM articles"),
            "passages": q("SELECT COUNT(*) FROM passages"),
            "sources": q("SELECT COUNT(DISTINCT source) FROM articles"),
            "newest": q("SELECT MAX(substr(published, 1, 10)) FROM articles"),
        }
        if model:
            out["passages_with_vectors"] = q(
                "SELECT COUNT(*) FROM passages p JOIN vectors v ON v.model = ? AND v.content_hash ="
                " p.content_hash", model)
        return out


def embed_text(title: str, passage: str) -> str:
    """What the embedder sees for a passage: the headline gives a later passage its context."""
    return f"{title}\n{passage}"


def passage_hash(title: str, passage: str) -> str:
    return content_hash(embed_text(title, passage))
