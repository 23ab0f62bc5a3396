"""Freshness: from an admin's add to the article being found, by keywords and by dense search, while serving.

The bot's own path is used (bot.telegram_app.Gate, as /add does): a reader loop keeps asking questions
on the serving Kabar; the admin's add stores one article on a second connection and returns (the bot
then replies "added"); the index update runs in the background and the serving Kabar loads the result.
From the moment the add returns, the serving side polls every 50 ms:
  keyword: the article's passages come back from FTS5 for its title words;
  dense: the serving index returns one of its passages among the 10 nearest to its title.
Each added article is a real one from news_id.jsonl.gz under a new id, URL and title; they are deleted
(and dropped from the index) at the end, so the KABAR_HOME is left as it was.

    python bench/freshness.py /work/kabar-100k [--adds 5]
"""
from __future__ import annotations

import argparse
import asyncio
import gzip
import itertools
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"


def seconds(value: float | None) -> str:
    return "not found within 120 s" if value is None else f"{value:.2f} s"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--adds", type=int, default=5)
    args = parser.parse_args()
    os.environ["KABAR_HOME"] = str(args.home)

    from bot.service import Kabar
    from bot.telegram_app import Gate, _ask, _delete, _ingest_text

    gate = Gate(Kabar())
    await gate.call(_ask, "pemanasan")
    questions = [json.loads(line)["question"] for line in (DATA / "news_dev_qa.jsonl").open()]
    with gzip.open(DATA / "news_id.jsonl.gz", "rt") as fh:
        sources = [json.loads(line) for line in itertools.islice(fh, 2000, 2000 + args.adds)]

    answered = 0
    stop = asyncio.Event()

    async def reader() -> None:
        nonlocal answered
        for q in itertools.cycle(questions):
            if stop.is_set():
                return
            await gate.call(_ask, q)
            answered += 1

    def found_by_keyword(kabar: Kabar, words: str, article_id: str) -> bool:
        hits = kabar.store.keyword_search(words, 20)
        rows = kabar.store.passages([pid for pid, _ in hits])
        return any(r.article_id == article_id for r in rows.values())

    def found_by_dense(kabar: Kabar, vector, article_id: str) -> bool:
        index = kabar._index
        if index is None:
            return False
        rows = kabar.store.passages([pid for pid, _ in index.search(vector, 10)])
        return any(r.article_id == article_id for r in rows.values())

    readers = [asyncio.create_task(reader())]
    keyword_s, dense_s = [], []
    added_ids = []
    for n, row in enumerate(sources):
        token = f"kabarsegar{n}"
        title = f"{row['title']} {token}"
        vector = gate.kabar.embedder.embed_query(title)
        status, article_id = await gate.separately(_ingest_text, title, row["text"])
        returned = time.perf_counter()
        added_ids.append(article_id)
        job = asyncio.create_task(gate.index_job())   # what update_index_later starts
        k_time = d_time = None
        while k_time is None or d_time is None:
            now = time.perf_counter() - returned
            if k_time is None and await gate.call(found_by_keyword, token, article_id):
                k_time = now
            if d_time is None and await gate.call(found_by_dense, vector, article_id):
                d_time = now
            if now > 120:
                break
            await asyncio.sleep(0.05)
        await job
        keyword_s.append(k_time)
        dense_s.append(d_time)
        print(f"add {n + 1} ({status}, {article_id}): keyword {seconds(k_time)}, dense {seconds(d_time)}", flush=True)

    stop.set()
    await asyncio.gather(*readers)
    for article_id in added_ids:
        await gate.separately(_delete, article_id)
    await gate.index_job()
    for name, values in (("keyword", keyword_s), ("dense", dense_s)):
        found = [v for v in values if v is not None]
        print(f"{name}: found {len(found)} of {len(values)}"
              + (f", median {statistics.median(found):.2f} s, max {max(found):.2f} s" if found else ""))
    print(f"{answered} questions answered meanwhile")


if __name__ == "__main__":
    asyncio.run(main())
