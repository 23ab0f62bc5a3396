"""Run the near-duplicate detector (corpus.stories) over a news JSONL file, as ingestion does.

Prints the number of stories with more than one article, their size distribution, the time the
detector adds per article, how many exact pairs above the threshold the MinHash/LSH step found
(--recall), and sample groups (titles and outlets) to check by eye. Nothing is written to disk.

    python bench/near_duplicates.py [../shared/data/news_id.jsonl.gz] [--samples 10] [--recall]
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import stories  # noqa: E402
from corpus.db import memory  # noqa: E402
from corpus.records import BadRecord, to_article  # noqa: E402
from corpus.store import Store  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "news_id.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--samples", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--recall", action="store_true", help="Also count exact pairs >= threshold (slower).")
    args = parser.parse_args()

    opener = gzip.open if args.path.endswith(".gz") else open
    with opener(args.path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]

    store = Store(memory())
    spent: list[float] = []
    original = stories.assign

    def timed(*a, **kw):
        start = time.perf_counter()
        try:
            return original(*a, **kw)
        finally:
            spent.append(time.perf_counter() - start)

    stories.assign = timed
    start = time.perf_counter()
    skipped = 0
    for row in rows:
        try:
            store.upsert(to_article(row))
        except BadRecord:
            skipped += 1
    total = time.perf_counter() - start
    stories.assign = original

    db = store.db
    sizes = [n for (n,) in db.execute("SELECT COUNT(*) FROM articles GROUP BY story_id HAVING COUNT(*) > 1")]
    articles = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    cross = db.execute("SELECT COUNT(*) FROM (SELECT story_id FROM articles GROUP BY story_id"
                       " HAVING COUNT(DISTINCT source) > 1)").fetchone()[0]
    print(f"articles: {articles} ({skipped} rejected by to_article)")
    print(f"threshold: Jaccard >= {stories.THRESHOLD} of word {stories.SHINGLE}-shingles, within "
          f"{stories.MAX_DAYS_APART} days; MinHash {stories.PERMUTATIONS} permutations, {stories.BANDS} bands "
          f"x {stories.ROWS} rows")
    print(f"groups (stories with more than one article): {len(sizes)}, holding {sum(sizes)} articles "
          f"({sum(sizes) - len(sizes)} collapsed away in answers); across outlets: {cross}")
    print("group sizes: " + ", ".join(f"{size}: {count}" for size, count in sorted(Counter(sizes).items())))
    ms = sorted(s * 1000 for s in spent)
    print(f"detector time per article: mean {statistics.mean(ms):.2f} ms, median {statistics.median(ms):.2f} ms, "
          f"p95 {ms[int(len(ms) * 0.95)]:.2f} ms, max {ms[-1]:.1f} ms "
          f"(whole upsert incl. passages and FTS: {total / len(rows) * 1000:.2f} ms)")
    bands = db.execute("SELECT COUNT(*) FROM story_bands").fetchone()[0]
    print(f"band rows stored: {bands} ({bands / max(1, articles):.1f} per article)")

    if args.recall:
        _recall(store)

    groups = defaultdict(list)
    for story, title, source, published in db.execute(
            "SELECT story_id, title, source, published FROM articles WHERE story_id IN (SELECT story_id FROM"
            " articles GROUP BY story_id HAVING COUNT(*) > 1) ORDER BY published"):
        groups[story].append((title, source, published))
    rng = random.Random(args.seed)
    multi = [g for g in groups.values() if len({s for _, s, _ in g}) > 1]
    single = [g for g in groups.values() if len({s for _, s, _ in g}) == 1]
    chosen = rng.sample(multi, min(len(multi), args.samples // 2))
    chosen += rng.sample(single, min(len(single), args.samples - len(chosen)))
    print(f"\n{len(chosen)} sample groups ({min(len(multi), args.samples // 2)} across outlets):")
    for i, group in enumerate(chosen, 1):
        print(f"[{i}]")
        for title, source, published in group:
            print(f"    {source} | {(published or 'undated')[:16]} | {title[:100]}")


def _recall(store: Store) -> None:
    """Exact pairs with Jaccard >= threshold (and close enough in time), and how many share a story."""
    db = store.db
    rows = db.execute("SELECT id, text, published, story_id FROM articles").fetchall()
    sets = [stories.shingles(text) for _, text, _, _ in rows]
    inverted = defaultdict(list)
    for i, s in enumerate(sets):
        if len(s) >= stories.MIN_SHINGLES:
            for shingle in s:
                inverted[shingle].append(i)
    shared = Counter()
    for ids in inverted.values():
        if 1 < len(ids) < 100:
            for a, b in itertools.combinations(ids, 2):
                shared[a, b] += 1
    pairs = together = 0
    for (a, b), n in shared.items():
        if n < 5 or not stories.close_in_time(rows[a][2], rows[b][2]):
            continue
        if stories.jaccard(sets[a], sets[b]) >= stories.THRESHOLD:
            pairs += 1
            together += rows[a][3] == rows[b][3]
    print(f"exact pairs >= {stories.THRESHOLD}: {pairs}; in the same story: {together} "
          f"({together / max(1, pairs):.1%})")


if __name__ == "__main__":
    main()
