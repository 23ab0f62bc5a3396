"""The same story told by several outlets: near-duplicate articles grouped under one story id.

Word 5-shingles of the article text; MinHash (60 permutations) with LSH banding (20 bands of 3 rows)
finds candidates cheaply; each candidate is then checked by the exact Jaccard similarity of the two
shingle sets, recomputed from the stored text. Two dated articles more than MAX_DAYS_APART days apart
are never the same story (templated daily reports: prices, weather), and texts under MIN_SHINGLES
shingles are never grouped. An article joins the story of its most similar
candidate when that similarity reaches THRESHOLD, else it starts a story of its own.

THRESHOLD 0.6 was chosen by reading pairs of news_id.jsonl.gz at each similarity band
(docs/near-duplicates.md): from 0.6 up nearly every pair reports the same event; between 0.4 and 0.6
follow-ups of one case on different days and templated items (daily gold prices, shop promotions)
start to appear, and an answer that keeps only one article per story must not hide those.

Band keys live in `story_bands` (article_id, key); the story id in `articles.story_id`. Everything
here runs inside the caller's transaction (corpus.store.Store.upsert).
"""
from __future__ import annotations

import hashlib
import re
from datetime import date

import numpy as np

SHINGLE = 5
PERMUTATIONS = 60
BANDS = 20
ROWS = PERMUTATIONS // BANDS
THRESHOLD = 0.6
MIN_SHINGLES = 30         # texts shorter than this (about 35 words) are never grouped: too little evidence
MAX_DAYS_APART = 3        # two dated articles further apart than this are different stories (daily reports)
MAX_CANDIDATES = 50

_WORD = re.compile(r"\w+", re.UNICODE)
_rng = np.random.default_rng(20260527)
# Multiply-shift hashing: ((a * x + b) mod 2**64) >> 32 with odd a is a universal family.
_A = _rng.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """The set of k-word sequences of the lower-cased text (its words, for texts shorter than k)."""
    tokens = _WORD.findall(text.lower())
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + k]) for i in range(len(tokens) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def signature(shingle_set: set[str]) -> np.ndarray:
    """The MinHash signature (PERMUTATIONS uint32 values) of a shingle set."""
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")
         for s in shingle_set), dtype=np.uint64, count=len(shingle_set))
    with np.errstate(over="ignore"):
        permuted = (hashes[None, :] * _A[:, None] + _B[:, None]) >> np.uint64(32)
    return permuted.min(axis=1).astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (band number included, so bands never collide)."""
    keys = []
    for band in range(BANDS):
        part = sig[band * ROWS:(band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + part, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def new_story_id(digest: str) -> str:
    return "st-" + digest[:16]


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def close_in_time(a: str | None, b: str | None) -> bool:
    """Whether two publication dates allow the same story (an undated side always does)."""
    da, db = _day(a), _day(b)
    return da is None or db is None or abs((da - db).days) <= MAX_DAYS_APART


def assign(conn, article_id: str, text: str, digest: str,
           published: str | None = None) -> tuple[str, str | None, float]:
    """Find the story of a just-written article, store its band keys and story id.

    Returns (story id, the most similar earlier article or None, their Jaccard similarity).
    `conn`: the corpus Database (or a sqlite3 connection). Runs in the caller's transaction; `digest` (the article's content hash) names a new story.
    """
    conn.execute("DELETE FROM story_bands WHERE article_id = ?", [article_id])
    mine = shingles(text)
    best_id, best_story, best_sim = None, None, 0.0
    if len(mine) >= MIN_SHINGLES:
        keys = band_keys(signature(mine))
        marks = ",".join("?" * len(keys))
        candidates = conn.execute(
            f"SELECT a.id, COUNT(*) AS shared, a.story_id, a.text, a.published FROM story_bands b"
            f" JOIN articles a ON a.id = b.article_id WHERE b.key IN ({marks}) AND b.article_id != ?"
            f" GROUP BY a.id ORDER BY shared DESC, a.id LIMIT {MAX_CANDIDATES}",
            [*keys, article_id],
        ).fetchall()
        for other_id, _, story, other_text, other_published in candidates:
            if not close_in_time(published, other_published):
                continue
            sim = jaccard(mine, shingles(other_text))
            if sim > best_sim:
                best_id, best_story, best_sim = other_id, story, sim
        conn.executemany("INSERT INTO story_bands (article_id, key) VALUES (?, ?)",
                         [(article_id, key) for key in keys])
    if best_story is not None and best_sim >= THRESHOLD:
        story = best_story
    else:
        story = new_story_id(digest)
    conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", [story, article_id])
    return story, best_id, best_sim


def backfill(conn) -> int:
    """Give every article without a story id one (oldest first); returns how many were assigned."""
    rows = conn.execute(
        "SELECT id, text, content_hash, published FROM articles WHERE story_id IS NULL ORDER BY added_at, rowid"
    ).fetchall()
    for article_id, text, digest, published in rows:
        assign(conn, article_id, text, digest, published)
    return len(rows)
