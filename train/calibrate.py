"""Choose the reader's answer threshold from `kabar eval --records` files: `python -m train.calibrate`.

Give it pairs of record files for the same questions, each run with `--answer-threshold 0` (answer
everything): the questions as they are, then with `--hide-gold` (their answers left out of the corpus).
Every other question (by position) tunes, the rest are held out. The threshold chosen is the one that
declines most hidden-gold questions while declining at most `--max-declined` of the answerable ones, pooled
over all pairs on the tuning half; both halves are printed, per file, so overfitting shows.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def rates(answerable: list[dict], hidden: list[dict], threshold: float) -> dict:
    declined = sum((r["confidence"] or 0.0) < threshold for r in answerable)
    right = sum(r.get("contains", False) and (r["confidence"] or 0.0) >= threshold for r in answerable)
    hidden_declined = sum((r["confidence"] or 0.0) < threshold for r in hidden)
    return {"answerable_declined": declined / max(1, len(answerable)),
            "contains": right / max(1, len(answerable)),
            "hidden_declined": hidden_declined / max(1, len(hidden))}


def main(argv: list[str] | None = None) -> float:
    parser = argparse.ArgumentParser(prog="python -m train.calibrate", description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="+", type=Path, help="ANSWERABLE.jsonl HIDDEN.jsonl [ANSWERABLE HIDDEN ...]")
    parser.add_argument("--max-declined", type=float, default=0.05)
    args = parser.parse_args(argv)
    if len(args.pairs) % 2:
        parser.error("give record files in pairs: answerable, then hidden-gold")
    sets = []
    for shown, hidden in zip(args.pairs[::2], args.pairs[1::2]):
        answerable = [r for r in load(shown) if r["answerable"]]
        hid = load(hidden)
        sets.append((shown.name, answerable[0::2], hid[0::2], answerable[1::2], hid[1::2]))
    pooled = lambda i: [r for s in sets for r in s[i]]  # noqa: E731
    best, best_hidden = 0.0, -1.0
    for step in range(1, 100):
        threshold = step / 100
        r = rates(pooled(1), pooled(2), threshold)
        if r["answerable_declined"] <= args.max_declined and r["hidden_declined"] > best_hidden:
            best, best_hidden = threshold, r["hidden_declined"]
    print(f"threshold {best:.2f} (answerable declined <= {args.max_declined} on the tuning half, pooled)")
    for name, *halves in sets:
        for label, answerable, hidden in (("tune", halves[0], halves[1]), ("held out", halves[2], halves[3])):
            r = rates(answerable, hidden, best)
            print(f"  {name} {label:8} n={len(answerable)}/{len(hidden)}: answerable declined "
                  f"{r['answerable_declined']:.3f}, contains {r['contains']:.3f}, hidden-gold declined "
                  f"{r['hidden_declined']:.3f}")
    return best


if __name__ == "__main__":
    main()
