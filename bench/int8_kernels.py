"""The reader and the int8 e5 on one thread, with the weights as stored (uint8, exact on every CPU) and turned
back into int8 as the session is made (index/onnx_session.py; faster, and exact, where the CPU has VNNI).

    python bench/int8_kernels.py [--news ../shared/data/news_id.jsonl.gz] [--windows 60] [--repeat 3]

Windows are three sentences of news articles (the bundled sample corpus when the news file is absent), read with
the question "Siapa yang hadir?", as the reader reads them while a question waits. Prints ms per read and per
sentence embedding, and whether the two kinds of kernel gave the same numbers.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.text import split_sentences  # noqa: E402
from index.e5 import bundled_e5  # noqa: E402
from index.embedders import E5_ONNX_FILE  # noqa: E402
from index.onnx_session import has_vnni, open_session  # noqa: E402
from index.reader import READER_FILE, encode  # noqa: E402

SAMPLE = ROOT / "corpus" / "sample" / "articles.jsonl"


def feeds(e5, ids: list[int]) -> dict[str, np.ndarray]:
    x = np.array([ids], dtype=np.int64)
    return {"x": e5.embed(x).astype(np.float32), "mask": np.ones(x.shape, dtype=np.float32)}


def timed(session, inputs: list[dict], repeat: int) -> tuple[list[float], list]:
    """ms per run (the fastest of `repeat` for each input) and the outputs."""
    times, outputs = [], []
    for feed in inputs:
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            out = session.run(None, feed)
            best = min(best, (time.perf_counter() - started) * 1000)
        times.append(best)
        outputs.append(out)
    return times, outputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=ROOT.parent / "shared" / "data" / "news_id.jsonl.gz")
    parser.add_argument("--windows", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    source = gzip.open(args.news, "rt", encoding="utf-8") if args.news.is_file() else SAMPLE.open(encoding="utf-8")
    windows = []
    for line in itertools.islice(source, 2000):
        sentences = [s for s in split_sentences(json.loads(line)["text"]) if len(s.split()) >= 4]
        windows += [" ".join(sentences[i:i + 3]) for i in range(0, min(len(sentences), 6), 3)]
        if len(windows) >= args.windows:
            break
    windows = windows[:args.windows]
    e5 = bundled_e5()
    tok = e5.tokenizer
    reads = [feeds(e5, encode(tok, "Siapa yang hadir?", w).ids) for w in windows]
    sentences = [feeds(e5, [tok.bos, *tok.encode("passage: " + split_sentences(w)[0])[0], tok.eos]) for w in windows]
    print(f"CPU has VNNI: {has_vnni()}; {len(windows)} windows, the fastest of {args.repeat} runs each, one thread")
    for name, path, inputs in (("reader read", READER_FILE, reads), ("e5 sentence", E5_ONNX_FILE, sentences)):
        results = {}
        for signed in (False, True):
            results[signed] = timed(open_session(path, 1, signed=signed), inputs, args.repeat)
        same = all(np.array_equal(a, b) for u, s in zip(results[False][1], results[True][1]) for a, b in zip(u, s))
        for signed, label in ((False, "uint8 weights"), (True, "int8 weights ")):
            t = results[signed][0]
            print(f"{name:12s} {label}: mean {statistics.mean(t):6.1f} ms, p50 {statistics.median(t):6.1f}, "
                  f"max {max(t):6.1f}")
        print(f"{name:12s} same outputs: {same}")


if __name__ == "__main__":
    main()
