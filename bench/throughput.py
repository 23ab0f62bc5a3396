"""Ingest + index throughput against the embedder's own speed, on a fixed slice of the real corpus.

1. The first --articles articles of news_id.jsonl.gz are written to a JSON Lines file and ingested into a
   fresh KABAR_HOME the way `kabar ingest FILE` does (read, validate, chunk, store with FTS and story
   grouping, embed, add to FAISS, save the index): articles/s and passages/s over the whole job.
2. In the same process, the same embedder embeds the same passage texts (title + passage, the text the
   pipeline embeds) in batches of KABAR_EMBED_BATCH (32): the embedder's own passages/s.
The ratio pipeline / embedder shows what the pipeline adds around the model (target: >= 0.9).

    python bench/throughput.py [--articles 200] [--data ../shared/data/news_id.jsonl.gz]
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "data" / "news_id.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()

    from bot.service import Kabar
    from bot.settings import Settings
    from corpus.store import embed_text
    from index.indexer import embed_batch_size

    with tempfile.TemporaryDirectory(prefix="kabar-bench-") as tmp:
        sliced = Path(tmp) / "slice.jsonl"
        with gzip.open(args.data, "rb") as src, sliced.open("wb") as out:
            out.writelines(itertools.islice(src, args.articles))
        kabar = Kabar(Settings(home=Path(tmp) / "home"))
        embedder = kabar.embedder
        embedder.embed_passages(["pemanasan model"])   # load the model outside both timings

        t = time.perf_counter()
        report, result = kabar.ingest([str(sliced)])
        pipeline = time.perf_counter() - t
        passages = kabar.store.counts()["passages"]
        texts = [embed_text(title, text) for title, text in kabar.store.db.execute(
            "SELECT a.title, p.text FROM passages p JOIN articles a ON a.id = p.article_id ORDER BY p.id")]
        print(f"slice: {report.added} articles, {passages} passages ({result['embedded']} embedded), "
              f"{len(report.failures)} failed")

        size = embed_batch_size()
        t = time.perf_counter()
        for i in range(0, len(texts), size):
            embedder.embed_passages(texts[i:i + size])
        alone = time.perf_counter() - t

    p_rate, e_rate = result["embedded"] / pipeline, len(texts) / alone
    print(f"pipeline (ingest + embed + index + save): {pipeline:.1f} s, {report.added / pipeline:.2f} articles/s, "
          f"{p_rate:.2f} passages/s")
    print(f"embedder alone ({type(embedder).__name__}, batches of {size}): {alone:.1f} s, {e_rate:.2f} passages/s")
    print(f"pipeline / embedder: {p_rate / e_rate:.2f}  (cpu threads: {os.cpu_count()})")


if __name__ == "__main__":
    main()
