"""The news-like articles written for the project (train/news_like/) as a third question set for `kabar eval`.

    python bench/news_like_eval.py /tmp/nl
    KABAR_HOME=/tmp/nl-home kabar ingest /tmp/nl/articles.jsonl
    KABAR_HOME=/tmp/nl-home kabar eval [--hide-gold] /tmp/nl/questions.jsonl

Writes articles.jsonl (168 articles in look-alike pairs) and questions.jsonl (840 questions: per article a
paraphrase, an abbreviation, an English and a plain question, and one the article leaves open, which is
unanswerable). `kabar eval` reports them by style ("by_kind"). followups.jsonl holds the 252 conversations of
train/news_like/followups/ (a first question, then a follow-up that leans on it: the twin story's "kalau di …?",
a detail of the same story, a back-reference), which `kabar eval` asks in that order. Unlike FacQA and
news_dev_qa, nothing here comes from the news corpus, so the set may be tuned on and shipped; its questions were
written for reading, and many leave out what story they are about ("How many people are still missing?"), which
makes open retrieval harder than a reader's question would.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from train.news_like import FOLDER  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--folder", type=Path, default=FOLDER)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    articles = questions = 0
    with (args.out / "articles.jsonl").open("w", encoding="utf-8") as arts, \
            (args.out / "questions.jsonl").open("w", encoding="utf-8") as qs:
        for path in sorted(args.folder.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                a = json.loads(line)
                article_id = f"nl-{a['id']}"
                arts.write(json.dumps({"id": article_id, "title": a["title"], "text": a["text"],
                                       "published": a["published"], "source": "Kabar Contoh",
                                       "url": f"https://contoh.kabar.example/{a['id']}"}, ensure_ascii=False) + "\n")
                articles += 1
                for i, q in enumerate(a["questions"]):
                    qs.write(json.dumps({"qid": f"{a['id']}-{i}", "question": q["question"], "answer": q["answer"],
                                         "lang": q["lang"], "kind": q["style"],
                                         "article_id": article_id if q["answer"] else None}, ensure_ascii=False) + "\n")
                    questions += 1
    follow_ups = 0
    with (args.out / "followups.jsonl").open("w", encoding="utf-8") as out:
        for path in sorted((args.folder / "followups").glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                f = json.loads(line)
                before = f["previous"]
                out.write(json.dumps({"qid": f["id"], "question": f["question"], "answer": f["answer"],
                                      "lang": f["lang"], "kind": f["style"], "article_id": f"nl-{f['article']}",
                                      "previous": {"question": before["question"], "answer": before["answer"],
                                                   "article_id": f"nl-{before['article']}"}},
                                     ensure_ascii=False) + "\n")
                follow_ups += 1
    print(f"{args.out}: {articles} articles, {questions} questions, {follow_ups} follow-ups after a first question")


if __name__ == "__main__":
    main()
