"""Fits the answerable model (bot/answerable.py) from `kabar eval --records` files.

    kabar eval --split valid --records fqv.jsonl ../shared/data/facqa.jsonl
    kabar eval --split valid --hide-gold --records fqv-hidden.jsonl ../shared/data/facqa.jsonl
    KABAR_HOME=/tmp/nl kabar eval --records nl.jsonl /tmp/nl/questions.jsonl        # bench/news_like_eval.py
    KABAR_HOME=/tmp/nl kabar eval --hide-gold --records nl-hidden.jsonl /tmp/nl/questions.jsonl
    python -m train.answerable fqv.jsonl fqv-hidden.jsonl nl.jsonl nl-hidden.jsonl

Each record with signals is one example: answerable (its gold articles searchable) or not (hidden, or a question its
articles leave open). The model is a logistic regression over Signals.features(), fitted with an L2 penalty by
gradient descent from zero (numpy: the same records give the same model). It writes bot/answerable.json and
prints, for thresholds around the rules' trade-off, the share of the examples' answerable and unanswerable questions
declined (docs/reader.md, thirteenth session). Records come from FacQA valid and the project's news-like questions
only: FacQA test and news_dev_qa stay for evaluation, and nothing is fitted on the news corpus.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

from bot.answerable import ANSWERABLE_FILE, FEATURES, Answerable, Signals


def load_examples(paths: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(features, answerable, declined by the code that wrote the records) of every record with signals; a bad
    line raises ValueError naming the file and line."""
    x, y, declined = [], [], []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    if record.get("signals") is None:
                        continue
                    x.append(Signals(**record["signals"]).features())
                    y.append(bool(record["answerable"]))
                    declined.append(bool(record["abstained"]))
                except (ValueError, TypeError, KeyError) as e:
                    raise ValueError(f"{path}:{number}: not a kabar eval record with signals ({e})") from None
    if not x or len(set(y)) < 2:
        raise ValueError("the records need answerable and unanswerable questions with signals")
    return np.array(x, dtype=np.float64), np.array(y), np.array(declined)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, steps: int = 5000, rate: float = 0.1) -> Answerable:
    """A logistic regression on standardized features; the classes weigh equally."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = (x - mean) / scale
    weight = np.where(y, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        g = weight * (p - y)
        w -= rate * (z.T @ g / len(y) + l2 * w)
        b -= rate * g.mean()
    return Answerable(tuple(mean), tuple(scale), tuple(float(v) for v in w), float(b), {})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", nargs="+", help="kabar eval --records files")
    parser.add_argument("--out", type=Path, default=ANSWERABLE_FILE)
    args = parser.parse_args(argv)
    try:
        x, y, declined = load_examples(args.records)
    except (OSError, ValueError) as e:
        sys.exit(f"error: {e}")
    model = fit(x, y)
    model = Answerable(model.mean, model.scale, model.weights, model.bias, {
        "fitted_on": [Path(p).name for p in args.records], "examples": int(len(y)),
        "answerable": int(y.sum()), "date": date.today().isoformat()})
    args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    p = np.array([model.probability(Signals(*row[:len(FEATURES) - 2])) for row in x])
    print(f"{len(y)} examples ({y.sum()} answerable); wrote {args.out}")
    print(f"the records' own decisions: answerable declined {declined[y].mean():.3f}, "
          f"unanswerable declined {declined[~y].mean():.3f}")
    print("threshold  answerable declined  unanswerable declined")
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        print(f"{threshold:9.2f}  {np.mean(p[y] < threshold):19.3f}  {np.mean(p[~y] < threshold):21.3f}")
    same = float(np.quantile(p[y], declined[y].mean()))
    print(f"the threshold declining as many answerable questions as the records' own decisions: {same:.3f} "
          f"(unanswerable declined {np.mean(p[~y] < same):.3f})")
    for name, weight in zip(FEATURES, model.weights):
        print(f"  {name:16s} {weight:+.3f}")
    print(f"  {'bias':16s} {model.bias:+.3f}")


if __name__ == "__main__":
    main()
