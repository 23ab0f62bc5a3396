"""How well a reader file reads FacQA valid's questions as written, paraphrased and typed as in a chat
(train/facqa_rewordings/), each against its own passage and read as kabar reads a question (Question.for_reader):
span F1, exact match, and the share read right and surely enough for a bold answer (span F1 >= 0.5, answer
probability >= AnswerPolicy.min_sure_prob, span probability >= AnswerPolicy.min_span_prob).

    python bench/reworded_reading.py [READER.onnx ...]      # default: the bundled index/reader.onnx

Needs the train extra (torch: train/reader.py loads the rewordings) and ../shared/data/facqa.jsonl.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answer import AnswerPolicy  # noqa: E402
from corpus.question import Question  # noqa: E402
from index.reader import READER_FILE, Reader  # noqa: E402
from train.reader import FACQA, f1, load_facqa, with_rewordings, words  # noqa: E402


def main(paths: list[str]) -> None:
    rows = with_rewordings(load_facqa(FACQA, "valid"), ROOT / "train" / "facqa_rewordings" / "valid.jsonl")
    policy = AnswerPolicy()
    for path in paths or [str(READER_FILE)]:
        reader = Reader(Path(path))
        forms = {"as written": [Question.parse(r["question"]).cased_as_in([r["passage"]]).for_reader for r in rows],
                 "paraphrased": [r["rewordings"][0] for r in rows], "chat": [r["rewordings"][1] for r in rows]}
        for form, questions in forms.items():
            f1s, exact, sure = [], [], []
            for row, question in zip(rows, questions):
                reading = reader.read(question, [row["passage"]])[0]
                read = reading.text(row["passage"]) or ""
                f1s.append(f1(read, row["answer"]))
                exact.append(words(read) == words(row["answer"]))
                sure.append(f1s[-1] >= 0.5 and reading.answer_prob >= policy.min_sure_prob
                            and reading.span_prob >= policy.min_span_prob)
            print(f"{path} {form} ({len(rows)}): F1 {np.mean(f1s):.3f}, exact {np.mean(exact):.3f}, "
                  f"right and sure {np.mean(sure):.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
