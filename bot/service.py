"""Kabar: one object that holds the corpus, the embedder and the index, and answers questions."""
from __future__ import annotations

import logging
import time
from collections import OrderedDict
from pathlib import Path
from typing import Callable

import numpy as np

import corpus
from corpus.db import connect
from corpus.ingest import Report, ingest
from corpus.store import Store
from index import indexer
from index.embedders import Embedder, load_embedder
from index.indexer import IndexUpdate
from index.reader import Reader, load_reader
from index.retriever import Retrieval, Retriever
from index.store import IndexCorrupt, VectorIndex

from .answer import Answer, AnswerPolicy, compose
from .settings import Settings

log = logging.getLogger("kabar")
MAX_QUESTION_CHARS = 1000
SENTENCE_VECTORS_KEPT = 20_000   # per Kabar, about 30 MB of 384-dimension vectors
SAMPLE = Path(corpus.__file__).resolve().parent / "sample" / "articles.jsonl"


class Kabar:
    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None,
                 policy: AnswerPolicy | None = None, reader: Reader | None | bool = True):
        """`reader`: the reader model to answer with, None for the extractive scorer, True (default) to load
        the bundled one on first use."""
        self.settings = settings or Settings()
        self.store = Store(connect(self.settings.db_path))
        self._embedder = embedder
        self._reader = reader
        self.policy = policy or AnswerPolicy()
        self._index: VectorIndex | None = None
        self._retriever: Retriever | None = None
        self.index_problem: str | None = None   # why answers are keyword-only, when they are
        self._sentence_vectors: OrderedDict[str, np.ndarray] = OrderedDict()   # most recently used last

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = load_embedder(self.settings.model)
        return self._embedder

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

    def worker(self) -> "Kabar":
        """Another Kabar that answers questions beside this one: its own database connection and embedder,
        this one's FAISS index object and reader (both only read). `follow` it after this one loads an index."""
        self.retriever   # the index is loaded once, here
        other = Kabar(self.settings, embedder=load_embedder(self.settings.model), policy=self.policy,
                      reader=self.reader)
        other.follow(self)
        return other

    def follow(self, primary: "Kabar") -> None:
        """Answer from `primary`'s current index."""
        self._index, self.index_problem = primary._index, primary.index_problem
        self._retriever = Retriever(self.store, self.embedder, self._index)

    def ask(self, question: str, k: int = 5, exclude: frozenset[str] = frozenset()) -> Answer:
        """The cited answer; only the first MAX_QUESTION_CHARS characters are searched (embedding time grows
        with length: 10,000 characters took 12 s here, 1,000 about 2 s). `exclude`: article ids left out."""
        answer = self.answer(self.retriever.search(question[:MAX_QUESTION_CHARS], k=k, exclude=exclude))
        answer.question = question
        return answer

    def answer(self, retrieval: Retrieval) -> Answer:
        """Compose the cited answer for a retrieval; timings cover both steps."""
        t = time.perf_counter()
        answer = compose(retrieval, self.store.term_weights, self.policy, self._similarity(retrieval), self.reader)
        answer.timings_ms["compose"] = round((time.perf_counter() - t) * 1000, 2)
        answer.timings_ms["total"] = round(answer.timings_ms.get("retrieval", 0.0) + answer.timings_ms["compose"], 2)
        return answer

    def _similarity(self, retrieval: Retrieval) -> Callable[[list[str]], list[float]] | None:
        """Sentences' cosines to the question (None when the question was not embedded). Sentence vectors
        are kept across questions, the least recently used dropped first."""
        if retrieval.vector is None:
            return None
        kept = self._sentence_vectors

        def similarity(sentences: list[str]) -> list[float]:
            missing = [s for s in dict.fromkeys(sentences) if s not in kept]
            if missing:
                t = time.perf_counter()
                kept.update(zip(missing, self.embedder.embed_sentences(missing)))
                retrieval.timings_ms["embed_sentences"] = round((time.perf_counter() - t) * 1000, 2)
            for s in sentences:
                kept.move_to_end(s)
            cosines = [float(kept[s] @ retrieval.vector) for s in sentences]
            while len(kept) > SENTENCE_VECTORS_KEPT:
                kept.popitem(last=False)
            return cosines

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
