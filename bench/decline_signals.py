"""How well each signal tells an answerable question from the same question with its gold articles hidden.

    KABAR_HOME=/tmp/dev python bench/decline_signals.py ../shared/data/news_dev_qa.jsonl --out dev.jsonl
    python bench/decline_signals.py --table dev.jsonl facqa.jsonl

The first form asks every answerable question twice (as it is, and with `--hide-gold`), an unanswerable one once,
and writes one row of signals per question and side (of a FacQA file, the questions of `--split`, test by default); a
FacQA file builds its corpus under KABAR_HOME/eval-facqa as `kabar eval` does. The second
prints each signal's AUC per file and language, and, for a logistic regression over all of them (fitted on the
other files' rows, or in five folds by question within one file), the hidden-gold questions declined when at
most 5 % and 10 % of the answerable ones are. docs/reader.md has the figures.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.answer import (best_coverage, best_distinct, fits,  # noqa: E402
                        rank_sentences, read_windows)
from bot.evaluate import _facqa_id, facqa_kabar, hidden_ids, load_questions  # noqa: E402
from corpus.text import coverage  # noqa: E402
from bot.service import Kabar  # noqa: E402
from bot.settings import Settings  # noqa: E402
from train.answerable import fit  # noqa: E402

SIGNALS = ["dense", "coverage", "name_coverage", "sentence_cosine", "window_coverage", "window_names",
           "reader_prob", "reader_fit", "rarest_in_best", "rare_coverage", "rare_coverage_hits"]
RARE = 2   # rare_coverage: the share of the question's this many rarest words (not numbers) in the best article;
           # rare_coverage_hits: the most of them one of the articles considered holds (thirteenth session)


def signals(kabar: Kabar, question: str, exclude: frozenset[str]) -> dict:
    """The signals one question gives, whatever the rules decide."""
    policy = kabar.policy
    retrieval = kabar.retriever.search(question, k=5, exclude=exclude)
    answer = kabar.answer(retrieval)
    row = {"rules_declined": answer.abstained, "lang": retrieval.language}
    if not retrieval.hits:
        return dict(row, **{s: 0.0 for s in SIGNALS})
    q = retrieval.question
    terms = list(q.terms)
    weights = kabar.store.term_weights(list(dict.fromkeys(terms + list(q.names))))
    top = retrieval.hits[0]
    texts = [f"{top.title} {p.text}" for p in top.passages]
    names = list(q.names)
    unknown = getattr(weights, "unknown", ())
    words = [w for w in dict.fromkeys(terms + names) if not w.isdigit() and w not in unknown]
    rare = sorted(words, key=lambda w: weights.get(w, 0.0), reverse=True)[:RARE]
    whole = [" ".join([h.title, *(p.text for p in h.passages)]) for h in retrieval.hits[:policy.hits_considered]]
    row["rarest_in_best"] = coverage(rare[:1], weights, whole[0], q.alternatives) if rare else 1.0
    row["rare_coverage"] = coverage(rare, weights, whole[0], q.alternatives) if rare else 1.0
    row["rare_coverage_hits"] = max(coverage(rare, weights, w, q.alternatives) for w in whole) if rare else 1.0
    row["dense"] = max((h.dense for h in retrieval.hits if h.dense is not None), default=0.0)
    row["coverage"] = best_coverage(retrieval, terms, weights)
    row["name_coverage"] = max(coverage(names, weights, t) for t in texts) if names else 1.0
    similarity = kabar._similarity(retrieval)
    candidates = rank_sentences(retrieval, terms, weights, policy, None)
    scope = {(h.article_id, p.position) for h in retrieval.hits[:policy.meaning_hits]
             for p in h.passages[:policy.meaning_passages_per_hit]}
    compared = [c.sentence for c in candidates if (c.hit.article_id, c.position) in scope]
    row["sentence_cosine"] = max(similarity(compared), default=0.0) if similarity and compared else 0.0
    best = best_distinct(candidates, policy.read_candidates)
    found: dict = {}
    reader = kabar.reader
    if reader is not None and best:
        read_windows(retrieval, best, reader, found)
    windows = [found[id(c)].window if id(c) in found else c.sentence for c in best]
    row["window_coverage"] = max((coverage(terms, weights, w) for w in windows), default=0.0)
    row["window_names"] = max((coverage(names, weights, w) for w in windows), default=0.0) if names else 1.0
    reads = [found[id(c)] for c in best if id(c) in found]
    row["reader_prob"] = max((r.reading.answer_prob for r in reads), default=0.0)
    row["reader_fit"] = max((r.reading.answer_prob * r.reading.span_prob for c, r in zip(best, reads)
                             if fits(q, r.span, c.sentence, policy)), default=0.0)
    return row


def collect(path: str, out: Path, limit: int | None, split: str = "test") -> None:
    rows = load_questions(path)
    settings = Settings()
    if rows and "passage" in rows[0]:
        kabar = facqa_kabar(rows, settings)
        questions = [(r["question"], {_facqa_id(r["passage"])}) for r in rows if r.get("split") == split]
    else:
        kabar = Kabar(settings)
        questions = [(r["question"], set(filter(None, [r.get("article_id"), *r.get("also", [])]))) for r in rows]
    questions = questions[:limit]
    with out.open("w", encoding="utf-8") as fh:
        for i, (question, gold) in enumerate(questions):
            for hidden in ((False, True) if gold else (True,)):   # no gold: unanswerable as written
                exclude = hidden_ids(kabar, gold) if hidden and gold else frozenset()
                row = signals(kabar, question, exclude)
                row.update(file=Path(path).name, i=i, hidden=hidden)
                fh.write(json.dumps(row) + "\n")
            print(f"\r{i + 1}/{len(questions)}", end="", file=sys.stderr)
    print(file=sys.stderr)


def auc(pos: list[float], neg: list[float]) -> float:
    """P(a random answerable question scores above a random hidden-gold one)."""
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def features(rows: list[dict]) -> np.ndarray:
    x = [[r[s] for s in SIGNALS] + [math.log(max(r["reader_prob"], 1e-6)), math.log(max(r["reader_fit"], 1e-6)),
                                    r["lang"] == "en"] for r in rows]
    return np.array(x, dtype=np.float64)


def scores(x: np.ndarray, y: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """A logistic regression fitted on (x, y), each row weighing the same, and its scores of `rows`."""
    model = fit(x, y, steps=3000, balanced=False)
    return np.array([model.logit(row) for row in rows])


def operating(scores: np.ndarray, answerable: np.ndarray, rate: float) -> float:
    """Share of hidden-gold questions declined when the threshold declines at most `rate` of the answerable."""
    pos = np.sort(scores[answerable])
    threshold = pos[int(math.floor(rate * len(pos)))] if len(pos) else 0
    return float(np.mean(scores[~answerable] < threshold))


def table(paths: list[str]) -> None:
    files = {p: [json.loads(line) for line in open(p, encoding="utf-8")] for p in paths}
    for path, rows in files.items():
        ans = [r for r in rows if not r["hidden"]]
        hid = [r for r in rows if r["hidden"]]
        print(f"\n{path}: {len(ans)} answerable, {len(hid)} hidden-gold")
        print(f"  rules: answerable declined {np.mean([r['rules_declined'] for r in ans]):.3f}, "
              f"hidden-gold declined {np.mean([r['rules_declined'] for r in hid]):.3f}")
        for lang in ("id", "en"):
            a = [r for r in ans if r["lang"] == lang]
            h = [r for r in hid if r["lang"] == lang]
            if a and h:
                print(f"  {lang} ({len(a)}): " + ", ".join(
                    f"{s} {auc([r[s] for r in a], [r[s] for r in h]):.3f}" for s in SIGNALS))
        x, y = features(rows), np.array([not r["hidden"] for r in rows])
        others = [r for p, rs in files.items() if p != path for r in rs]
        if others:
            s = scores(features(others), np.array([not r["hidden"] for r in others]), x)
            print(f"  logistic fitted on the other files: AUC {auc(list(s[y]), list(s[~y])):.3f}, "
                  f"hidden-gold declined at 5 % / 10 % answerable declined: "
                  f"{operating(s, y, 0.05):.3f} / {operating(s, y, 0.10):.3f}")
        ids = sorted({r["i"] for r in rows})
        random.Random(0).shuffle(ids)
        fold = {i: n % 5 for n, i in enumerate(ids)}
        s = np.zeros(len(rows))
        for k in range(5):
            test = np.array([fold[r["i"]] == k for r in rows])
            s[test] = scores(x[~test], y[~test], x[test])
        print(f"  logistic, five folds by question: AUC {auc(list(s[y]), list(s[~y])):.3f}, "
              f"hidden-gold declined at 5 % / 10 % answerable declined: "
              f"{operating(s, y, 0.05):.3f} / {operating(s, y, 0.10):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--split", default="test", help="of a FacQA file: the questions asked (test, valid, train)")
    parser.add_argument("--table", action="store_true")
    args = parser.parse_args()
    if args.table:
        table(args.files)
    else:
        collect(args.files[0], args.out, args.limit, args.split)


if __name__ == "__main__":
    main()
