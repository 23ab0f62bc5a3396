"""Write a smaller news corpus for quick evaluation: the dev questions' gold articles plus N others at random.

    python bench/dev_subset.py OUT.jsonl.gz [--others 1900] [--seed 0]
    KABAR_HOME=/tmp/dev kabar ingest OUT.jsonl.gz && KABAR_HOME=/tmp/dev kabar eval --hide-gold QUESTIONS

The output holds copyrighted articles: write it outside the repository (it is test data, never shipped).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--others", type=int, default=1900)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--news", type=Path, default=SHARED / "news_id.jsonl.gz")
    parser.add_argument("--questions", type=Path, default=SHARED / "news_dev_qa.jsonl")
    args = parser.parse_args()
    gold = set()
    for line in args.questions.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold.update(filter(None, [row.get("article_id"), *row.get("also", [])]))
    with gzip.open(args.news, "rt", encoding="utf-8") as fh:
        lines = fh.readlines()
    kept = [line for line in lines if json.loads(line)["id"] in gold]
    others = [line for line in lines if json.loads(line)["id"] not in gold]
    kept += random.Random(args.seed).sample(others, min(args.others, len(others)))
    with gzip.open(args.out, "wt", encoding="utf-8") as fh:
        fh.writelines(kept)
    print(f"{args.out}: {len(kept)} articles ({len(kept) - args.others} gold, {args.others} others, seed {args.seed})")


if __name__ == "__main__":
    main()
