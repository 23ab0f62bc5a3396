"""Whether the passages found answer a question: one probability from what retrieval and the reader found.

The scorer's rules answer an Indonesian question whenever the best article holds most of its words, and a
look-alike story (another regency's budget, another month's price) holds them as well. Where that article does not
name the question's rarest name, whichever rule let the question through, and where the rules doubt, `Answerable`
weighs the rest of the evidence: a logistic model over `Signals`, fitted by `python -m train.answerable` on the
questions the rules answered by their words, with and without their gold articles (FacQA valid and the project's
news-like questions; docs/reader.md, thirteenth, forty-first and forty-fifth sessions). It ships as a few numbers in
bot/answerable.json; kabar declines when it gives less than AnswerPolicy.min_answerable.
"""
from __future__ import annotations

import json
import logging
import math
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Sequence

log = logging.getLogger(__name__)

ANSWERABLE_FILE = Path(__file__).with_name("answerable.json")


@dataclass(frozen=True)
class Signals:
    """What the decision to answer weighs, for one question (bot/answer.py computes them)."""
    dense: float            # the best retrieved passage's cosine to the question
    coverage: float         # idf-weighted share of the question's words in the best article's best passage
    name_coverage: float    # ... of the names it writes (1 when it writes none)
    window_coverage: float  # ... of its words within the best of the windows the reader read
    window_names: float     # ... of its names there (1 when it writes none)
    reader_prob: float      # the reader's highest answer probability over those windows
    reader_fit: float       # ... times its span probability, for a span that can stand as the short answer
    names_rarest: bool      # the best article names the rarest of the question's names (all do when it has none)

    def features(self) -> list[float]:
        """The model's inputs: the measures above, and the reader's two probabilities also as logarithms (they
        matter most near zero). `names_rarest` is not one: it says where the model decides."""
        values = [getattr(self, name) for name in MEASURES]
        return values + [math.log(max(self.reader_prob, 1e-6)), math.log(max(self.reader_fit, 1e-6))]

    def to_dict(self) -> dict:
        return asdict(self)


MEASURES = ("dense", "coverage", "name_coverage", "window_coverage", "window_names", "reader_prob", "reader_fit")
FEATURES = [*MEASURES, "log_reader_prob", "log_reader_fit"]


class AnswerableUnavailable(Exception):
    """The model file is missing or damaged (the message names it)."""


@dataclass(frozen=True)
class Answerable:
    """A logistic model: the probability that the question is answered by the passages found."""
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    info: dict

    def probability(self, signals: Signals) -> float:
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, self.logit(signals.features())))))

    def logit(self, features: Sequence[float]) -> float:
        """The model's score of one row of features, before the sigmoid."""
        return self.bias + sum(w * (x - m) / s for w, x, m, s in zip(self.weights, features, self.mean, self.scale))

    def to_json(self) -> dict:
        return {"features": FEATURES, "mean": list(self.mean), "scale": list(self.scale),
                "weights": list(self.weights), "bias": self.bias, **self.info}

    @classmethod
    def load(cls, path: str | os.PathLike = ANSWERABLE_FILE) -> "Answerable":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise AnswerableUnavailable(f"answerable model not found: {path}") from None
        except (OSError, ValueError) as e:
            raise AnswerableUnavailable(f"answerable model {path} cannot be read: {e}") from None
        try:
            if data["features"] != FEATURES:
                raise ValueError(f"its features are {data['features']}, this kabar computes {FEATURES}")
            vectors = [tuple(float(v) for v in data[k]) for k in ("mean", "scale", "weights")]
            if any(len(v) != len(FEATURES) for v in vectors) or not all(s > 0 for s in vectors[1]):
                raise ValueError(f"mean, scale and weights need {len(FEATURES)} numbers each, scales above 0")
            info = {k: v for k, v in data.items() if k not in ("features", "mean", "scale", "weights", "bias")}
            return cls(*vectors, float(data["bias"]), info)
        except (KeyError, TypeError, ValueError) as e:
            raise AnswerableUnavailable(f"answerable model {path} is not valid: {e}") from None


def load_answerable(path: str | os.PathLike | None = None) -> Answerable | None:
    """The bundled model, or None with one logged warning when it cannot be loaded (the scorer's rules then decide
    alone, as they do for English questions)."""
    try:
        return Answerable.load(path or ANSWERABLE_FILE)
    except AnswerableUnavailable as e:
        log.warning("%s; the scorer's rules decide when to decline", e)
        return None
