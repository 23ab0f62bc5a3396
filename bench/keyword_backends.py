"""Keyword search alone on two stores holding the same corpus: FTS5 (SQLite) against PostgreSQL (kabar's
BM25 from postings, and PostgreSQL's ts_rank_cd). Prints article-level Recall@1/@5 and the time per query.

    python bench/keyword_backends.py QUESTIONS.jsonl SQLITE_FILE POSTGRESQL_URL

QUESTIONS: news_dev_qa.jsonl (gold: article_id and `also`) or facqa.jsonl (gold: the test split's passage,
stored as kabar eval does). The full retrieval (dense + keyword fused) is `kabar eval`, run on each backend.
"""
from __future__ import annotations

import json
import sys
import time

from bot.evaluate import _facqa_id
from corpus.database import open_database
from corpus.store import Store


def questions(path: str) -> list[tuple[str, set[str]]]:
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    if rows and "passage" in rows[0]:
        return [(r["question"], {_facqa_id(r["passage"])}) for r in rows if r.get("split") == "test"]
    return [(r["question"], set(filter(None, [r.get("article_id"), *r.get("also", [])]))) for r in rows
            if r.get("article_id")]


def recall(store: Store, qs: list[tuple[str, set[str]]], search=None) -> tuple[float, float, float]:
    """Article-level Recall@1, @5 and ms per query of `search` (default: the store's keyword search)."""
    search = search or (lambda question: store.keyword_search(question, k=50))
    at1 = at5 = 0
    started = time.perf_counter()
    for question, gold in qs:
        hits = search(question)
        rows = store.passages([pid for pid, _ in hits])
        articles = list(dict.fromkeys(rows[pid].article_id for pid, _ in hits if pid in rows))
        at1 += bool(set(articles[:1]) & gold)
        at5 += bool(set(articles[:5]) & gold)
    ms = (time.perf_counter() - started) * 1000 / max(1, len(qs))
    return at1 / len(qs), at5 / len(qs), ms


def main(path: str, sqlite_file: str, url: str) -> None:
    qs = questions(path)
    lite, pg = Store(open_database(sqlite_file)), Store(open_database(url))
    print(f"{path}: {len(qs)} questions; {lite.counts()['passages']} passages in SQLite, "
          f"{pg.counts()['passages']} in PostgreSQL")
    print(f"{'keyword search':<34} {'R@1':>6} {'R@5':>6} {'ms/query':>9}")
    for label, store, ranking in (("SQLite FTS5 bm25", lite, None), ("PostgreSQL BM25 (postings)", pg, "bm25"),
                                  ("PostgreSQL ts_rank_cd", pg, "ts_rank_cd")):
        if ranking:
            store.db.ranking = ranking
        r1, r5, ms = recall(store, qs)
        print(f"{label:<34} {r1:6.3f} {r5:6.3f} {ms:9.1f}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
