"""Question latency by stage, peak memory and start-up time of one serving process over a KABAR_HOME.

Start-up is measured from the moment the Python process started (its /proc start time) to the first
answer, including imports, opening SQLite, loading the FAISS index and the model: what a restarted
bot costs before it answers. Then every question (the development questions and FacQA test
questions, ../shared/data; --rounds passes) is answered in this one process, as `kabar run` does,
and p50 / p95 / p99 are printed per stage: embed query, dense search, keyword search, fusion,
embed sentences (part of compose, only for questions whose words do not carry the match, and only for
sentences not compared before), compose, retrieval (wall time of the first four: the keyword side runs
beside embedding and dense search) and the whole answer. Peak memory is the process's ru_maxrss.

    python bench/latency.py /work/kabar-100k [--questions 300] [--rounds 2] [--file QUESTIONS.jsonl ...]

On a corpus built from the dev articles most FacQA questions are declined before anything is read; --file
(question files of the `kabar eval` format, read in the order given) times questions about the corpus's own stories.
"""
from __future__ import annotations

import os
import time

START = time.time()

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
STAGES = ["embed_query", "dense_search", "keyword_search", "fusion", "read", "embed_sentences", "compose", "retrieval", "total"]


def process_age() -> float:
    """Seconds since this process started, from /proc (includes interpreter start-up)."""
    ticks = os.sysconf("SC_CLK_TCK")
    start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return uptime - start


def questions(limit: int, files: list[Path]) -> list[str]:
    if files:
        out = [json.loads(line)["question"] for f in files for line in f.open() if line.strip()]
    else:
        out = [json.loads(line)["question"] for line in (DATA / "news_dev_qa.jsonl").open()]
        out += [row["question"] for row in map(json.loads, (DATA / "facqa.jsonl").open()) if row.get("split") == "test"]
    return out[:limit]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=1, help="passes over the questions (later ones hit caches)")
    parser.add_argument("--file", type=Path, action="append", default=[],
                        help="a question file (JSON Lines with a question field) in place of dev + FacQA test")
    args = parser.parse_args()
    os.environ["KABAR_HOME"] = str(args.home)

    from bot.service import Kabar

    kabar = Kabar()
    first = kabar.ask("Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?")
    startup = process_age()
    counts = kabar.store.counts()
    index = kabar._index
    print(f"{args.home}: {counts['passages']:,} passages, index "
          f"{index.meta.kind if index else 'none'} {index.ntotal if index else 0:,} vectors "
          f"{json.dumps(index.meta.params) if index else ''}")
    print(f"start-up to first answer: {startup:.2f} s (first answer {first.timings_ms['total']:.0f} ms)")

    qs = questions(args.questions, args.file)
    timings: dict[str, list[float]] = {s: [] for s in STAGES}
    t = time.perf_counter()
    for _ in range(args.rounds):
        for q in qs:
            answer = kabar.ask(q)
            ms = answer.timings_ms
            for s in STAGES:
                timings[s].append(ms.get(s, 0.0))
    wall = time.perf_counter() - t
    n = len(timings["total"])
    print(f"{n} answers in {wall:.1f} s ({n / wall:.1f} questions/s, one thread); "
          f"{sum(v > 0 for v in timings['read'])} of them read by the reader, "
          f"{sum(v > 0 for v in timings['embed_sentences'])} embedded sentences to compare")
    print(f"{'stage':<15}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for s in STAGES:
        v = timings[s]
        print(f"{s:<15}{percentile(v, 50):>9.1f}{percentile(v, 95):>9.1f}{percentile(v, 99):>9.1f}{max(v):>9.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (ru_maxrss): {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
