"""Kabar: one object that holds the corpus, the embedder and the index, and answers questions."""
from __future__ import annotations

import logging
import time
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import numpy as np

import corpus
from corpus.database import open_database
from corpus.ingest import Report, ingest
from corpus.store import Store
from index import indexer
from index.embedders import Embedder, load_embedder, sentence_embedder
from index.indexer import IndexUpdate
from index.reader import Reader, load_reader
from index.retriever import Retrieval, Retriever
from index.store import IndexCorrupt, VectorIndex

from .answer import Answer, AnswerPolicy, compose
from .answerable import Answerable, load_answerable
from .settings import Settings

if TYPE_CHECKING:
    from .generate import LLMRun, Writer

log = logging.getLogger("kabar")
MAX_QUESTION_CHARS = 1000
SENTENCE_VECTORS_KEPT = 20_000   # per Kabar, about 30 MB of 384-dimension vectors
SAMPLE = Path(corpus.__file__).resolve().parent / "sample" / "articles.jsonl"


def surer(as_searched: Answer, as_asked: Answer) -> Answer:
    """Of a follow-up's two readings of the same passages (with the names of the story before, and as it was asked),
    the one the reader is surer of. Where the reading as asked declines, the reading as searched stands: without the
    story's names, the reader finds answers less surely and leaves the decision to them. Where only the reading as
    searched declines, and on what the reader read (Answer.declined_on_reading), the reading as asked answers:
    "Siapa kaptennya?" after the dragon-boat race, searched as "Siapa kapten Festival Dayung Sungai Kahayan?", ranks
    the captain's sentence below the festival's own."""
    if as_asked.abstained or as_searched.abstained and not as_searched.declined_on_reading:
        return as_searched
    if as_searched.abstained:
        return as_asked
    return as_asked if (as_asked.confidence or 0.0) > (as_searched.confidence or 0.0) else as_searched


class Kabar:
    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None,
                 policy: AnswerPolicy | None = None, reader: Reader | None | bool = True,
                 answerable: Answerable | None | bool = True):
        """`reader`: the reader model to answer with, None for the extractive scorer, True (default) to load
        the bundled one on first use; `answerable`: the same for the model that may decline what the rules answer (None:
        the rules decide alone)."""
        self.settings = settings or Settings()
        self.store = Store(open_database(self.settings.database))
        self._embedder = embedder
        self._sentence_embedder: Embedder | None = None
        self._reader = reader
        self._answerable = answerable
        self.policy = policy or AnswerPolicy()
        self._index: VectorIndex | None = None
        self._retriever: Retriever | None = None
        self.index_problem: str | None = None   # why answers are keyword-only, when they are
        self._sentence_vectors: OrderedDict[str, np.ndarray] = OrderedDict()   # most recently used last
        self._writer: Writer | None = None

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = load_embedder(self.settings.model)
        return self._embedder

    @property
    def sentence_embedder(self) -> Embedder:
        """The model that compares candidate sentences with the question (index.embedders.sentence_embedder)."""
        if self._sentence_embedder is None:
            self._sentence_embedder = sentence_embedder(self.embedder)
        return self._sentence_embedder

    @property
    def index_loaded(self) -> bool:
        """Whether the vector index is in memory (load_index() reads it from disk)."""
        return self._index is not None

    def load_index(self) -> VectorIndex | None:
        """The stored FAISS index (raises ModelMismatch when another model built it).

        An unreadable index, or none while there are passages, is not fatal: answers use keywords only,
        one warning is logged and `index_problem` says why (`kabar run` then rebuilds in the background)."""
        self._index, self._retriever, self.index_problem = None, None, None
        try:
            self._index = VectorIndex.load(self.settings.index_dir, model=self.embedder.model_id)
        except IndexCorrupt as e:
            self.index_problem = str(e)
        if self._index is None and self.index_problem is None and self.store.counts()["passages"]:
            self.index_problem = f"no vector index in {self.settings.index_dir}; run `kabar index rebuild`"
        if self.index_problem:
            log.warning("answering by keywords only: %s", self.index_problem)
        return self._index

    @property
    def retriever(self) -> Retriever:
        if self._retriever is None:
            if self._index is None:
                self.load_index()
            self._retriever = Retriever(self.store, self.embedder, self._index)
        return self._retriever

    @property
    def reader(self) -> Reader | None:
        """The reader model (loaded on first use; None, with one logged warning, when it cannot be)."""
        if self._reader is True:
            self._reader = load_reader()
        return self._reader

    @property
    def answerable(self) -> Answerable | None:
        """The model that may decline what the rules answer (loaded on first use; None, with one logged warning, when it
        cannot be)."""
        if self._answerable is True:
            self._answerable = load_answerable()
        return self._answerable

    def worker(self) -> "Kabar":
        """Another Kabar that answers questions beside this one: its own database connection and embedder,
        this one's FAISS index object and reader (both only read). `follow` it after this one loads an index."""
        self.retriever   # the index is loaded once, here
        other = Kabar(self.settings, embedder=load_embedder(self.settings.model), policy=self.policy,
                      reader=self.reader, answerable=self.answerable)
        other.follow(self)
        return other

    def follow(self, primary: "Kabar") -> None:
        """Answer from `primary`'s current index."""
        self._index, self.index_problem = primary._index, primary.index_problem
        self._retriever = Retriever(self.store, self.embedder, self._index)

    @property
    def writer(self) -> "Writer | None":
        """The KABAR_LLM model (loaded on first use; None without KABAR_LLM). Raises LLMUnavailable when the
        model cannot be used (unknown id, no key, llm not installed)."""
        if self._writer is None and self.settings.llm.model:
            from .generate import Writer, install_key_filter

            self._writer = Writer(self.settings.llm)
            install_key_filter(self._writer)
        return self._writer

    def ask(self, question: str, k: int = 5, exclude: frozenset[str] = frozenset(),
            on_draft: Callable[[str], None] | None = None, llm: bool = True) -> Answer:
        """The cited answer; only the first MAX_QUESTION_CHARS characters are searched (embedding time grows
        with length: 10,000 characters took 12 s here, 1,000 about 2 s). `exclude`: article ids left out.
        With KABAR_LLM (and `llm`), `on_draft(text so far)` sees the model's unverified answer as it is written."""
        return self.ask_llm(question, k, exclude, on_draft, llm)[0]

    def ask_llm(self, question: str, k: int = 5, exclude: frozenset[str] = frozenset(),
                on_draft: Callable[[str], None] | None = None, llm: bool = True,
                then: str | None = None, reading: str | None = None) -> tuple[Answer, "LLMRun | None"]:
        """`ask`, and what the model did for it (None when no model was asked: KABAR_LLM unset, `llm` False,
        or the archive has no answer, which the extractive reader decides). With `then` and `reading`, see
        search_and_answer; the answer's `question` is what was searched."""
        question, retrieval, answer = self.search_and_answer(question, k, exclude, then, reading)
        run = None
        if llm and self.settings.llm.model and not answer.abstained and retrieval.hits:
            answer, run = self.generate(retrieval, answer, on_draft)
        answer.question = question
        return answer, run

    def search_and_answer(self, question: str, k: int = 5, exclude: frozenset[str] = frozenset(),
                          then: str | None = None, reading: str | None = None) -> tuple[str, Retrieval, Answer]:
        """What was searched, what it found and the extractive answer. `then` is a follow-up with the names of the
        story before (bot/conversation.py searches), searched when `question` finds no answer, none the reader is
        sure of, or names nothing (asked next, "Who opened the meeting?" is about the meeting before, even where
        another story's opening answers it): its answer is taken when `question` had none (a decline too: then what
        was searched names the story before, for the follow-up after it), or when the reader is sure of it.
        `reading`: the follow-up as it was asked, when `question` adds the names of the story before
        (bot/conversation.py reading): what it finds is read that way too (`surer`), unless the reader is sure
        enough of its reading as searched for a bold answer."""
        retrieval = self.retriever.search(question[:MAX_QUESTION_CHARS], k=k, exclude=exclude,
                                          reading=reading and reading[:MAX_QUESTION_CHARS])
        answer = self.answer(replace(retrieval, reading=None))
        if retrieval.reading is not None and (answer.declined_on_reading or not answer.abstained
                                              and (answer.confidence or 0.0) < self.policy.min_bold_prob):
            as_asked = self.answer(retrieval)
            total = round(answer.timings_ms["total"] + as_asked.timings_ms["compose"], 2)   # both readings' time
            answer = surer(answer, as_asked)
            answer.timings_ms["total"] = total
        if then and (answer.abstained or not answer.sure or not retrieval.question.names):
            again = self.retriever.search(then[:MAX_QUESTION_CHARS], k=k, exclude=exclude)
            other = self.answer(again)
            if answer.abstained or other.sure and not other.abstained:
                return then, again, other
        return question, retrieval, answer

    def generate(self, retrieval: Retrieval, extractive: Answer,
                 on_draft: Callable[[str], None] | None = None) -> tuple[Answer, "LLMRun"]:
        """The model's answer, sentence by sentence verified (bot/verify.py), or `extractive` when the budget is
        spent, the model errs, times out, finds no answer, or no sentence passes (docs/llm.md)."""
        from .generate import Budget, LLMRun, dropped_list, fit, generated_answer, is_no_answer, sources_for
        from .verify import MEANING_THRESHOLDS, check

        writer = self.writer
        run = LLMRun(self.settings.llm.model)
        budget = Budget(self.settings.llm.daily_tokens)
        if not budget.allows(self.store.db):
            run.outcome = "fallback: the daily token budget is spent"
            log.info("extractive answer: KABAR_LLM_DAILY_TOKENS (%s) reached today", budget.limit)
            return extractive, run
        sources = fit(sources_for(retrieval), retrieval.question.text, self.settings.llm.context)
        if not sources:
            run.outcome = "fallback: KABAR_LLM_CONTEXT leaves no room for a passage"
            log.warning("extractive answer: KABAR_LLM_CONTEXT=%s leaves no room for a passage",
                        self.settings.llm.context)
            return extractive, run
        draft = writer.write(retrieval.question.text, retrieval.language, sources, on_draft)
        budget.spend(self.store.db, draft.tokens_in, draft.tokens_out)
        run.tokens_in, run.tokens_out, run.ms = draft.tokens_in or 0, draft.tokens_out or 0, draft.ms
        timings = extractive.timings_ms
        timings["llm"] = draft.ms
        if draft.error or is_no_answer(draft.text) or not draft.text.strip():
            run.outcome = "fallback: " + (draft.error or "the model found no answer in the passages")
            log.info("extractive answer: %s", run.outcome.removeprefix("fallback: "))
            timings["total"] = round(timings.get("total", 0.0) + draft.ms, 2)
            return extractive, run
        started = time.perf_counter()
        checked = check(draft.text, sources, self.sentence_vectors,
                        MEANING_THRESHOLDS.get(retrieval.language, MEANING_THRESHOLDS["id"]))
        timings["verify"] = round((time.perf_counter() - started) * 1000, 2)
        timings["total"] = round(timings.get("total", 0.0) + draft.ms + timings["verify"], 2)
        run.dropped = dropped_list(checked)
        for item in run.dropped:
            log.info("dropped a generated sentence (%s): %s", item["reason"], item["sentence"][:300])
        answer = generated_answer(extractive, sources, checked)
        if answer is None:
            run.outcome = "fallback: no sentence passed verification"
            extractive.dropped = run.dropped
            return extractive, run
        return answer, run

    def sentence_vectors(self, sentences: list[str], timings_ms: dict | None = None) -> np.ndarray:
        """Unit vectors of `sentences`, kept across questions (the least recently used dropped first); the time
        spent embedding those not kept goes to `timings_ms["embed_sentences"]`."""
        if not sentences:
            return np.zeros((0, self.sentence_embedder.dim), dtype=np.float32)
        kept = self._sentence_vectors
        missing = [s for s in dict.fromkeys(sentences) if s not in kept]
        if missing:
            t = time.perf_counter()
            kept.update(zip(missing, self.sentence_embedder.embed_sentences(missing)))
            if timings_ms is not None:
                timings_ms["embed_sentences"] = round((time.perf_counter() - t) * 1000, 2)
        vectors = np.stack([kept[s] for s in sentences])
        for s in sentences:
            kept.move_to_end(s)
        while len(kept) > SENTENCE_VECTORS_KEPT:
            kept.popitem(last=False)
        return vectors

    def answer(self, retrieval: Retrieval) -> Answer:
        """Compose the cited answer for a retrieval; timings cover both steps."""
        t = time.perf_counter()
        answer = compose(retrieval, self.store.term_weights, self.policy, self._similarity(retrieval), self.reader,
                         self.answerable)
        answer.timings_ms["compose"] = round((time.perf_counter() - t) * 1000, 2)
        answer.timings_ms["total"] = round(answer.timings_ms.get("retrieval", 0.0) + answer.timings_ms["compose"], 2)
        return answer

    def _similarity(self, retrieval: Retrieval) -> Callable[[list[str]], list[float]] | None:
        """Sentences' cosines to the question (None when the question was not embedded)."""
        if retrieval.vector is None:
            return None

        def similarity(sentences: list[str]) -> list[float]:
            question = retrieval.vector
            if self.sentence_embedder is not self.embedder:
                question = self.sentence_embedder.embed_query(retrieval.question.normal)
            return [float(v @ question) for v in self.sentence_vectors(sentences, retrieval.timings_ms)]

        return similarity

    def ingest(self, targets: list[str], index: bool = True,
               progress: Callable[[int, int], None] | None = None) -> tuple[Report, IndexUpdate | None]:
        report = ingest(self.store, targets)
        return report, (self.update_index(progress) if index else None)

    def update_index(self, progress: Callable[[int, int], None] | None = None) -> IndexUpdate:
        result = indexer.update(self.store, self.embedder, self.settings.index_dir, progress)
        self.forget_index()
        return result

    def rebuild_index(self, progress: Callable[[int, int], None] | None = None) -> IndexUpdate:
        result = indexer.rebuild(self.store, self.embedder, self.settings.index_dir, progress)
        self.forget_index()
        return result

    def forget_index(self) -> None:
        """Load the index again at the next question (not now: a background job's Kabar never asks, and
        at 1M passages a load reads 1.5 GB)."""
        self._index, self._retriever, self.index_problem = None, None, None

    def status(self) -> dict:
        from index.store import IndexCorrupt, ModelMismatch

        model = self.embedder.model_id
        out = self.store.counts(model)
        out["model"] = model
        reader = self.reader
        out["reader"] = (f"{reader.path.name}: {reader.info.get('layers')} e5 layers, trained on "
                         f"{reader.info.get('trained_on')} ({reader.info.get('date')})") if reader else \
            "none: answers by the extractive scorer"
        try:
            index = VectorIndex.load(self.settings.index_dir)
        except IndexCorrupt as e:
            out["index"] = f"unreadable: {e}"
            return out
        if index is None:
            out["index"] = "none"
        else:
            out["index"] = f"{index.ntotal} vectors, {index.meta.kind}, built with {index.meta.model}"
            out["index_vectors"] = index.ntotal
            if index.meta.model != model:
                out["warning"] = str(ModelMismatch(f"index built with {index.meta.model!r}, configured {model!r}: "
                                                   "run `kabar index rebuild`"))
        return out
