"""Would PostgreSQL's snowball `indonesian` stemmer help kabar's keyword search? BM25 over the store's postings
as they are (FTS5's tokens, no stemming: what kabar ships) against BM25 over the same postings merged by stem
(`ts_lexize('indonesian_stem', term)`), keyword search alone, article-level Recall@1/@5.

    python bench/keyword_stemming.py QUESTIONS.jsonl POSTGRESQL_URL

The store at POSTGRESQL_URL holds the corpus of QUESTIONS (as for bench/keyword_backends.py); nothing in it is
changed (the stemmed postings are temporary tables of this connection).
"""
from __future__ import annotations

import math
import sys

from corpus.database import open_database
from corpus.postgres import B, K1, tokens
from corpus.question import content_terms
from corpus.store import Store

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from keyword_backends import questions, recall  # noqa: E402


def stemmed_search(db, question: str, total: int, avgdl: float, k: int = 50) -> list[tuple[int, float]]:
    words = list(dict.fromkeys(t for term in content_terms(question)[:32] for t in tokens(term)))
    if not words:
        return []
    stems = [r[0] for r in db.execute(
        "SELECT DISTINCT COALESCE((ts_lexize('indonesian_stem', w))[1], w) FROM unnest(?::text[]) AS u(w)",
        [words]).fetchall()]
    df = dict(db.execute("SELECT term, COUNT(*) FROM stemmed WHERE term = ANY(?::text[]) GROUP BY term",
                         [stems]).fetchall())
    idf = {s: max(math.log((total - n + 0.5) / (n + 0.5)), 1e-6) for s, n in df.items()}
    if not idf:
        return []
    return db.execute(
        "SELECT passage_id, SUM((?::float8[])[array_position(?::text[], term)] * tf * ? / (tf + ? * (? + ? * length / ?)))"
        " AS score FROM stemmed WHERE term = ANY(?::text[]) GROUP BY passage_id ORDER BY score DESC, passage_id LIMIT ?",
        [list(idf.values()), list(idf), K1 + 1, K1, 1 - B, B, avgdl, list(idf), k]).fetchall()


def main(path: str, url: str) -> None:
    store = Store(open_database(url))
    db = store.db
    db.execute("CREATE TEMP TABLE stems AS SELECT term, COALESCE((ts_lexize('indonesian_stem', term))[1], term) AS stem"
               " FROM (SELECT DISTINCT term FROM passage_terms) t")
    db.execute("CREATE TEMP TABLE stemmed AS SELECT s.stem AS term, p.passage_id, SUM(p.tf) AS tf, MIN(p.length) AS length"
               " FROM passage_terms p JOIN stems s USING (term) GROUP BY s.stem, p.passage_id")
    db.execute("CREATE INDEX ON stemmed (term)")
    db.execute("ANALYZE stemmed")
    vocabulary = db.scalar("SELECT COUNT(DISTINCT term) FROM stems"), db.scalar("SELECT COUNT(DISTINCT stem) FROM stems")
    total, avgdl = store.passage_count(), float(db.scalar("SELECT AVG(length) FROM passages_fts"))
    qs = questions(path)
    print(f"{path}: {len(qs)} questions, {total} passages, {vocabulary[0]} terms -> {vocabulary[1]} stems")
    for label, search in (("BM25, FTS5 tokens (shipped)", lambda q: store.keyword_search(q, k=50)),
                          ("BM25, snowball indonesian stems", lambda q: stemmed_search(db, q, total, avgdl))):
        r1, r5, _ = recall(store, qs, search)
        print(f"{label:<34} R@1 {r1:.3f}  R@5 {r5:.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
