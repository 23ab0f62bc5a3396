"""Fits the answerable model (bot/answerable.py) from `kabar eval --records` files, and says which threshold pays.

    P="--policy min_answerable=0"     # the records must show the rules' own decisions
    kabar eval $P --split valid --records fqv.jsonl ../shared/data/facqa.jsonl
    kabar eval $P --split valid --hide-gold --records fqv-hidden.jsonl ../shared/data/facqa.jsonl
    KABAR_HOME=/tmp/nl kabar eval $P --records nl.jsonl /tmp/nl/questions.jsonl        # bench/news_like_eval.py
    KABAR_HOME=/tmp/nl kabar eval $P --hide-gold --records nl-hidden.jsonl /tmp/nl/questions.jsonl
    python -m train.answerable fqv.jsonl fqv-hidden.jsonl nl.jsonl nl-hidden.jsonl

The model weighs the questions the scorer's rules answer because the best article holds most of their words
(coverage at least AnswerPolicy.min_coverage): a look-alike story shares the words. So its examples are the records
the rules answered there, answerable (the gold articles searchable) or not (hidden, or a question the articles leave
open). It is a logistic regression over Signals.features(), the classes weighing equally, fitted with an L2 penalty
by gradient descent from zero (numpy: the same records give the same model). It declines only where the best article
does not name the question's rarest name (Signals.names_rarest), whichever rule let the question through (the cosine
too: docs/reader.md, forty-fifth session), and where the rules doubt: the script writes bot/answerable.json and prints,
for each threshold, the questions it would decline there and their balance (unanswerable declined - 2 x answerable
declined); AnswerPolicy.min_answerable is the best (docs/reader.md, thirteenth session).
Records come from FacQA valid and the project's news-like questions only: FacQA test and news_dev_qa stay for
evaluation, and nothing is fitted on the news corpus.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

from bot.answer import AnswerPolicy
from bot.answerable import ANSWERABLE_FILE, FEATURES, Answerable, Signals

THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def load_examples(paths: list[str], min_coverage: float) -> tuple[list[Signals], np.ndarray]:
    """(signals, answerable) of the records the rules answered with the question's words covered (records made with
    `--policy min_answerable=0`, so that the model declined none); ValueError names the file and line of a bad one."""
    signals, y = [], []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    if record.get("signals") is None or record["abstained"] or \
                            record["signals"]["coverage"] < min_coverage:
                        continue
                    signals.append(Signals(**record["signals"]))
                    y.append(bool(record["answerable"]))
                except (ValueError, TypeError, KeyError) as e:
                    raise ValueError(f"{path}:{number}: not a kabar eval record with signals ({e})") from None
    if not signals or len(set(y)) < 2:
        raise ValueError("the records need answered answerable and unanswerable questions with signals")
    return signals, np.array(y)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, steps: int = 5000, rate: float = 0.1,
        balanced: bool = True) -> Answerable:
    """A logistic regression on standardized features (also bench/decline_signals.py's); with `balanced` the classes
    weigh equally, otherwise each row does."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = (x - mean) / scale
    weight = np.where(y, 0.5 / y.mean(), 0.5 / (1 - y.mean())) if balanced else np.ones(len(y))
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
        signals, y = load_examples(args.records, AnswerPolicy().min_coverage)
    except (OSError, ValueError) as e:
        sys.exit(f"error: {e}")
    fitted = fit(np.array([s.features() for s in signals], dtype=np.float64), y)
    model = Answerable(fitted.mean, fitted.scale, fitted.weights, fitted.bias, {
        "fitted_on": [Path(p).name for p in args.records], "examples": int(len(y)),
        "answerable": int(y.sum()), "date": date.today().isoformat()})
    args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    gated = np.array([not s.names_rarest for s in signals])
    p = np.array([model.probability(s) if g else 1.0 for s, g in zip(signals, gated)])
    print(f"{len(y)} answered examples ({y.sum()} answerable); wrote {args.out}")
    print(f"where the best article does not name the question's rarest name ({gated.sum()} of them):")
    print("threshold  answerable declined  unanswerable declined  balance")
    balance = {t: int(np.sum(p[~y] < t)) - 2 * int(np.sum(p[y] < t)) for t in THRESHOLDS}
    for t in THRESHOLDS:
        print(f"{t:9.2f}  {np.sum(p[y] < t):19d}  {np.sum(p[~y] < t):21d}  {balance[t]:+7d}")
    print(f"best threshold (AnswerPolicy.min_answerable): {max(THRESHOLDS, key=lambda t: (balance[t], -t)):.2f}")
    for name, weight in zip(FEATURES, model.weights):
        print(f"  {name:16s} {weight:+.3f}")
    print(f"  {'bias':16s} {model.bias:+.3f}")


if __name__ == "__main__":
    main()
