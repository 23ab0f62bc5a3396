"""Hybrid retrieval: dense (FAISS) hits and keyword (FTS5 BM25) hits fused, one hit per article."""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from corpus.question import Question
from corpus.store import PassageRow, Store
from corpus.text import coverage

from .embedders import Embedder
from .store import VectorIndex

_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="kabar-keyword")


@dataclass
class Hit:
    """One article found for a question, with its best passages (best first)."""
    article_id: str
    title: str
    url: str | None
    source: str | None
    published: str | None
    passages: list[PassageRow]
    score: float
    dense: float | None = None      # best cosine similarity of its passages
    keyword: float | None = None    # best BM25 score of its passages
    also: list[tuple[str | None, str | None]] = field(default_factory=list)   # (source, url) of the same story elsewhere


@dataclass
class Retrieval:
    question: Question
    hits: list[Hit]
    timings_ms: dict = field(default_factory=dict)
    vector: np.ndarray | None = None    # the question's embedding, when the dense side ran
    news: bool = False                  # asks for the latest news about something; the best hit has its lead
    reading: Question | None = None     # what the reader reads, when not `question`: a follow-up as it was asked

    @property
    def language(self) -> str:
        return self.question.language

    @property
    def recent(self) -> bool:
        return self.question.recent


@dataclass
class FusionWeights:
    """Weighted reciprocal rank fusion; English questions lean on the dense side (design.md)."""
    rrf_k: float = 60.0
    dense_id: float = 1.0
    keyword_id: float = 1.0
    dense_en: float = 1.0
    keyword_en: float = 0.35
    # A candidate is "close to the best" (for recency and date preferences) within these margins.
    close_depth: int = 10
    close_dense: float = 0.02
    close_keyword: float = 0.8
    # ... and one close by cosine must also hold this share of the best's BM25, when the best has one.
    close_dense_keyword: float = 0.25


class Retriever:
    def __init__(self, store: Store, embedder: Embedder | None, index: VectorIndex | None,
                 weights: FusionWeights | None = None, depth: int = 40):
        self.store = store
        self.embedder = embedder
        self.index = index
        self.weights = weights or FusionWeights()
        self.depth = depth

    @property
    def dense_ready(self) -> bool:
        return self.embedder is not None and self.index is not None and self.index.ntotal > 0

    def search(self, question: Question | str, k: int = 5, exclude: frozenset[str] = frozenset(),
               reading: str | None = None) -> Retrieval:
        """The k best articles for the question; `exclude` leaves articles out (evaluation's --hide-gold).
        `reading`: what the reader reads instead, read as the found passages write its words (a follow-up as it was
        asked, searched with the names of the story before: bot/conversation.py reading)."""
        question = question if isinstance(question, Question) else Question.parse(question)
        timings: dict[str, float] = {}

        started = time.perf_counter()

        def keyword_side() -> list[tuple[int, float]]:
            t = time.perf_counter()
            found = self.store.keyword_search(" ".join(question.terms), self.depth, question.alternative_words)
            timings["keyword_search"] = _ms(t)
            return found

        # SQLite and the embedding engine both release the GIL: the keyword side runs beside the dense one.
        keyword_job = _POOL.submit(keyword_side) if self.dense_ready else None
        dense: list[tuple[int, float]] = []
        vector = None
        if self.dense_ready:
            t = time.perf_counter()
            vector = self.embedder.embed_query(question.for_embedding)
            timings["embed_query"] = _ms(t)
            t = time.perf_counter()
            dense = self.index.search(vector, self.depth)
            timings["dense_search"] = _ms(t)
        keyword = keyword_job.result() if keyword_job else keyword_side()

        t = time.perf_counter()
        hits = self._collapse_stories(self._fuse(dense, keyword, question.language, exclude))
        hits = self._prefer(hits, question)
        news = question.recent and question.news and bool(hits)
        if news and all(p.position != 0 for p in hits[0].passages):
            # A news story is told in its first sentences: the answer to "what is the latest" is the lead.
            hits[0].passages.extend(self.store.lead_passages([hits[0].article_id]).values())
        question = self._as_found(question, hits, k)
        read = self._as_found(Question.parse(reading), hits, k) if reading else None
        timings["fusion"] = _ms(t)
        timings["retrieval"] = _ms(started)   # wall time: the two sides overlap
        return Retrieval(question, hits[:k], timings, vector, news, read)

    def _as_found(self, question: Question, hits: list[Hit], k: int) -> Question:
        """The question read as the candidates write its words: typed in lower case, cased as every candidate writes
        it (a name the best k lack still reads as one); its shortened words and other wordings as the best k do."""
        known = self.store.document_frequencies(list(question.terms))
        question = question.cased_as_in([p.text for h in hits for p in h.passages])
        found = [f"{h.title}\n{p.text}" for h in hits[:k] for p in h.passages]
        return question.spelled_out_in(found, {t for t in question.terms if t not in known}).worded_as_in(found)

    def _fuse(self, dense: list[tuple[int, float]], keyword: list[tuple[int, float]], lang: str,
              exclude: frozenset[str] = frozenset()) -> list[Hit]:
        """Weighted reciprocal rank fusion of the two sides, one hit per article. Passages of `exclude`d articles
        (and ids deleted since indexing) leave both lists before ranks are counted, so the rest rank as they would
        in a corpus without them (what `--hide-gold` stands for)."""
        w = self.weights
        wd, wk = (w.dense_en, w.keyword_en) if lang == "en" else (w.dense_id, w.keyword_id)
        if not dense:
            wd, wk = 0.0, 1.0
        rows = self.store.passages(list(dict.fromkeys(pid for pid, _ in dense + keyword)))
        dense = [(pid, v) for pid, v in dense if pid in rows and rows[pid].article_id not in exclude]
        keyword = [(pid, v) for pid, v in keyword if pid in rows and rows[pid].article_id not in exclude]
        scores: dict[int, float] = {}
        cos: dict[int, float] = dict(dense)
        bm25: dict[int, float] = dict(keyword)
        for rank, (pid, _) in enumerate(dense):
            scores[pid] = scores.get(pid, 0.0) + wd / (w.rrf_k + rank + 1)
        for rank, (pid, _) in enumerate(keyword):
            scores[pid] = scores.get(pid, 0.0) + wk / (w.rrf_k + rank + 1)
        by_article: dict[str, Hit] = {}
        for pid in sorted(scores, key=scores.get, reverse=True):
            row = rows[pid]
            hit = by_article.get(row.article_id)
            if hit is None:
                by_article[row.article_id] = Hit(row.article_id, row.title, row.url, row.source, row.published,
                                                 [row], scores[pid], cos.get(pid), bm25.get(pid))
            else:
                hit.passages.append(row)   # the article keeps the score of its best passage
                hit.dense = max(filter(None, (hit.dense, cos.get(pid))), default=None)
                hit.keyword = max(filter(None, (hit.keyword, bm25.get(pid))), default=None)
        return sorted(by_article.values(), key=lambda h: h.score, reverse=True)

    def _collapse_stories(self, hits: list[Hit]) -> list[Hit]:
        """One hit per story (corpus.stories): the best-ranked article stays, the others of its story
        (retrieved or not) are attached to it as `also`."""
        stories = self.store.stories_of([h.article_id for h in hits])
        kept: list[Hit] = []
        seen: set[str] = set()
        for hit in hits:
            members = stories.get(hit.article_id)
            if members:
                key = min(m[0] for m in members)
                if key in seen:
                    continue
                seen.add(key)
                hit.also = [(source, url) for article_id, source, url in members if article_id != hit.article_id]
            kept.append(hit)
        return kept

    def _close_to_best(self, hits: list[Hit], lang: str) -> tuple[list[Hit], list[Hit]]:
        """Split the candidates into those about as relevant as the best one, and the rest.

        Fused scores are rank-based and too flat to tell; the raw signals are not: a passage whose
        cosine is within `close_dense` of the best, or whose BM25 is within `close_keyword` of it. When the best
        holds the question's words, a candidate close by cosine must hold a share of them too (`close_dense_keyword`
        of the best's BM25): cosines of news passages lie close together, and neither "kabar terbaru soal banjir" nor
        "titik panas di Kalteng minggu ini" may bring a newer story that shares only a word or two. An English
        question shares almost no words with Indonesian text (its BM25 scores are near zero and alike): the cosine
        alone decides."""
        w = self.weights
        top = hits[0]
        close, rest = [], []
        for i, h in enumerate(hits):
            by_cosine = h.dense is not None and top.dense is not None and h.dense >= top.dense - w.close_dense
            by_words = False
            if lang != "en" and top.keyword is not None:
                by_cosine = by_cosine and (h.keyword or 0.0) >= w.close_dense_keyword * top.keyword
                by_words = h.keyword is not None and h.keyword >= w.close_keyword * top.keyword
            (close if i == 0 or i < w.close_depth and (by_cosine or by_words) else rest).append(h)
        return close, rest

    def _prefer(self, hits: list[Hit], question: Question) -> list[Hit]:
        """Among the candidates close to the best (_close_to_best), in this order of precedence:
        - those that write more of the question's names: "Berapa kilogram cabai yang kini diterima Norhayati?" is
          about the trader's article, not the newer price report on the same market that never names her;
        - those published in the period the question names ("Juli 2025");
        - for "terbaru", the newest (undated ones last). So for an English question about a value as it stands ("the
          price of chili now"): its sentences cannot show "kini" or "sekarang" to the scorer the way an Indonesian
          question's do (Question.alternatives), and its closeness is by cosine alone. An Indonesian "sekarang" is no
          retrieval cue: "Harga kopi asalan di petani skrg brp?" then led with palm oil.
        Otherwise they keep the fused order."""
        names = [n for n in question.names if not n.isdigit()]
        newest = question.recent or question.now and question.language == "en"
        if not hits or not (names or question.period or newest):
            return hits
        close, rest = self._close_to_best(hits, question.language)

        def written(hit: Hit) -> float:   # the share of the question's names the candidate writes
            return coverage(names, {}, f"{hit.title} {' '.join(p.text for p in hit.passages)}", question.alternatives)

        if newest:
            close.sort(key=lambda h: (h.published or "")[:10], reverse=True)
        close.sort(key=lambda h: (-written(h), not question.published_in(h.published)))
        return close + rest


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 2)
