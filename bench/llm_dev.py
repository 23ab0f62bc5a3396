"""What KABAR_LLM's model does on the news_dev_qa questions: how many generated sentences pass verification,
how often the extractive answer is sent instead (and why), and the latency the model and the check add.

    KABAR_HOME=/tmp/dev-llm KABAR_LLM=SmolLM2 python bench/llm_dev.py ../shared/data/news_dev_qa.jsonl \
        [--step K] [--limit N] [--records out.jsonl]

Only questions the extractive reader answers reach the model (kabar's decision that the archive holds no
answer stays with the reader). Added latency = the model's time (`timings_ms.llm`) + verification
(`timings_ms.verify`).
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.service import Kabar  # noqa: E402


def kind_of(reason: str) -> str:
    """'number 'Rp65.000' not in [2]' -> 'number'; 'meaning too far from [1] (...)' -> 'meaning';
    'no [n] marker' -> 'no [n] marker'; 'cites [7]; ...' -> 'cites a passage not given'."""
    if reason.startswith("no [n]"):
        return "no [n] marker"
    if reason.startswith("cites"):
        return "cites a passage not given"
    if reason.startswith("reads as"):
        return "reads as an instruction"
    return re.split(r"[ ;']", reason, maxsplit=1)[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("qa_file")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--step", type=int, default=1, help="take every STEP-th question (a subset across kinds)")
    parser.add_argument("--records")
    args = parser.parse_args()
    questions = [json.loads(line) for line in Path(args.qa_file).read_text().splitlines() if line.strip()]
    questions = questions[::args.step]
    questions = questions[:args.limit] if args.limit else questions
    kabar = Kabar()
    if kabar.writer is None:
        sys.exit("set KABAR_LLM to the model to measure")
    kabar.ask("pemanasan")   # load the embedder, the reader, the index and the model once
    outcomes: collections.Counter = collections.Counter()
    dropped: collections.Counter = collections.Counter()
    sentences = kept = answered_right = 0
    added, model_ms, wall = [], [], []
    records = open(args.records, "w", encoding="utf-8") if args.records else None
    for q in questions:
        started = time.perf_counter()
        answer, run = kabar.ask_llm(q["question"])
        wall.append((time.perf_counter() - started) * 1000)
        if run is None:
            outcomes["not asked (the reader abstained)"] += 1
        else:
            outcomes["generated" if run.generated else run.outcome] += 1
            added.append(answer.timings_ms.get("llm", 0) + answer.timings_ms.get("verify", 0))
            model_ms.append(answer.timings_ms.get("llm", 0))
            n_kept = len(re.findall(r" \[\d+\](?: |$)", answer.answer)) if answer.generated else 0
            sentences += n_kept + len(run.dropped)
            kept += n_kept
            dropped.update(kind_of(d["reason"]) for d in run.dropped)
            if answer.generated and q.get("answer") and q["answer"].lower() in answer.answer.lower():
                answered_right += 1
        if records:
            records.write(json.dumps({"qid": q["qid"], "lang": q["lang"], "kind": q["kind"],
                                      "outcome": None if run is None else run.outcome, **answer.to_dict()},
                                     ensure_ascii=False) + "\n")
        print(f"{q['qid']} {'-' if run is None else run.outcome[:60]:60} "
              f"{answer.timings_ms.get('llm', 0):8.0f} ms", file=sys.stderr)
    asked = sum(v for k, v in outcomes.items() if not k.startswith("not asked"))
    print(f"questions: {len(questions)}; asked the model: {asked}")
    for outcome, n in outcomes.most_common():
        print(f"  {outcome}: {n}")
    print(f"generated sentences: {sentences}; passed verification: {kept}"
          f" ({kept / sentences:.0%})" if sentences else "generated sentences: 0")
    for reason, n in dropped.most_common():
        print(f"  dropped for {reason}: {n}")
    print(f"generated answers holding the gold short answer: {answered_right}")
    if added:
        print(f"added latency per answer (model + verification): median {statistics.median(added):.0f} ms, "
              f"mean {statistics.mean(added):.0f} ms, max {max(added):.0f} ms; model alone median "
              f"{statistics.median(model_ms):.0f} ms")
    print(f"whole answer: median {statistics.median(wall):.0f} ms")


if __name__ == "__main__":
    main()
