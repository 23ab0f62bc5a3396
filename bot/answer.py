"""Extractive answers with citations: pure functions over a Retrieval, no Telegram needed."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Callable

from corpus.store import content_terms
from corpus.text import split_sentences
from index.retriever import Hit, Retrieval

NOT_FOUND = {
    "id": "Maaf, saya tidak menemukan informasi tentang itu di arsip berita kami.",
    "en": "Sorry, I could not find anything about that in our news archive.",
}
SOURCES_HEADING = {"id": "Sumber", "en": "Sources"}
UNDATED = {"id": "tanpa tanggal", "en": "undated"}
_TOKEN = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d")
_WHEN = re.compile(r"\b(senin|selasa|rabu|kamis|jumat|sabtu|minggu|januari|februari|maret|april|mei|juni|"
                   r"juli|agustus|september|oktober|november|desember|\d{4}|pukul|tanggal)\b", re.I)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z.]+)+")


@dataclass
class Citation:
    n: int
    article_id: str
    title: str
    url: str | None
    source: str | None
    published: str | None
    passage: str
    sentences: list[str] = field(default_factory=list)


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    language: str
    timings_ms: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The JSON contract of `kabar ask --json` (design.md)."""
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [{k: v for k, v in asdict(c).items() if k != "sentences"} for c in self.citations],
            "timings_ms": self.timings_ms,
        }

    def plain(self) -> str:
        """What the bot sends, as plain text."""
        if self.abstained:
            return self.answer
        lines = [self.answer, "", SOURCES_HEADING[self.language] + ":"]
        for c in self.citations:
            lines.append(f"[{c.n}] {source_line(c, self.language)}")
            if c.url:
                lines.append(f"    {c.url}")
        return "\n".join(lines)


def source_line(c: Citation, lang: str) -> str:
    when = (c.published or "")[:10] or UNDATED[lang]
    return " — ".join(p for p in (c.title, c.source, when) if p)


@dataclass
class AnswerPolicy:
    """When to answer and how many sentences; the thresholds are calibrated on the dev set (README)."""
    max_sentences: int = 3
    hits_considered: int = 3
    passages_per_hit: int = 2
    companion_ratio: float = 0.7    # further sentences must score this share of the best one
    min_coverage: float = 0.45      # weighted share of question words found in the best passage
    min_dense: float = 0.84         # ... or this cosine similarity of the best passage
    min_coverage_with_dense: float = 0.2
    context_weight: float = 0.3     # share of the best neighbouring sentence's overlap added to a sentence


@dataclass
class _Candidate:
    score: float
    hit_rank: int
    position: int            # passage position in the article, then sentence order
    order: int
    sentence: str
    hit: Hit
    passage_text: str


def coverage(terms: list[str], weights: dict[str, float], text: str) -> float:
    """The idf-weighted share of `terms` that occur in `text`."""
    if not terms:
        return 0.0
    present = set(_TOKEN.findall(text.lower()))
    total = sum(weights.get(t, 1.0) for t in terms)
    found = sum(weights.get(t, 1.0) for t in terms if _occurs(t, present))
    return found / total if total else 0.0


def _occurs(term: str, present: set[str]) -> bool:
    """Exact, or as the stem of an affixed Indonesian word ("setor" in "disetorkan", "rekrut" in "merekrut")."""
    if term in present:
        return True
    if len(term) < 4 or term.isdigit():
        return False
    return any(len(word) > len(term) and term in word and len(word) - len(term) <= 5 for word in present)


_ANSWER_TYPES = (
    (re.compile(r"\b(berapa|berapakah|how (many|much)|jumlah|besaran|nilai|persen)\b"), re.compile(r"\d[\d.,]*")),
    (re.compile(r"\b(kapan|when|tanggal|what date|what year|tahun berapa|sejak)\b"), _WHEN),
    (re.compile(r"\b(siapa|siapakah|who|whom)\b"), _NAME),
    (re.compile(r"\b(di mana|dimana|mana|where|lokasi|tempat)\b"), _NAME),
)


def answer_type_bonus(question: str, sentence: str) -> float:
    """A sentence that holds what the question asks for (a number, a date, a name) that the question
    itself does not contain is likelier to be the answer than one that repeats the question."""
    q = question.lower()
    for asks, looks_like in _ANSWER_TYPES:
        if asks.search(q):
            novel = any(m.group(0).lower() not in q for m in looks_like.finditer(sentence))
            return 0.2 if novel else 0.0
    return 0.0


def should_answer(retrieval: Retrieval, terms: list[str], weights: dict[str, float],
                  policy: AnswerPolicy) -> bool:
    if not retrieval.hits:
        return False
    top = retrieval.hits[0]
    cover = max(coverage(terms, weights, f"{top.title} {p.text}") for p in top.passages)
    dense = top.dense or 0.0
    if cover >= policy.min_coverage:
        return True
    return dense >= policy.min_dense and cover >= policy.min_coverage_with_dense


def compose(retrieval: Retrieval, term_weights: Callable[[list[str]], dict[str, float]],
            policy: AnswerPolicy | None = None) -> Answer:
    """Choose the 1-3 sentences that best answer the question, each followed by its [n]."""
    policy = policy or AnswerPolicy()
    lang = retrieval.language
    terms = content_terms(retrieval.question)
    weights = term_weights(terms) if terms else {}
    if not should_answer(retrieval, terms, weights, policy):
        return Answer(retrieval.question, NOT_FOUND[lang], True, [], lang, dict(retrieval.timings_ms))

    top_score = retrieval.hits[0].score or 1.0
    candidates: list[_Candidate] = []
    for rank, hit in enumerate(retrieval.hits[:policy.hits_considered]):
        prior = 0.25 * hit.score / top_score
        for passage in hit.passages[:policy.passages_per_hit]:
            sentences = split_sentences(passage.text)
            overlap = [coverage(terms, weights, sentence) for sentence in sentences]
            for order, sentence in enumerate(sentences):
                if len(sentence.split()) < 4:
                    continue
                # The answer often sits next to the sentence that repeats the question's words.
                context = max((overlap[j] for j in (order - 1, order + 1) if 0 <= j < len(overlap)), default=0.0)
                score = (overlap[order] + policy.context_weight * context + prior
                         + answer_type_bonus(retrieval.question, sentence))
                candidates.append(_Candidate(score, rank, passage.position, order, sentence, hit, passage.text))
    if not candidates:
        return Answer(retrieval.question, NOT_FOUND[lang], True, [], lang, dict(retrieval.timings_ms))

    candidates.sort(key=lambda c: c.score, reverse=True)
    best = candidates[0]
    chosen = [best]
    for c in candidates[1:]:
        if len(chosen) == policy.max_sentences or c.score < policy.companion_ratio * best.score:
            break
        if c.sentence not in {x.sentence for x in chosen}:
            chosen.append(c)
    # Natural order: by source as ranked, then as the sentences stand in the article.
    chosen.sort(key=lambda c: (c.hit_rank, c.position, c.order))

    citations: dict[str, Citation] = {}
    parts = []
    for c in chosen:
        cite = citations.get(c.hit.article_id)
        if cite is None:
            cite = Citation(len(citations) + 1, c.hit.article_id, c.hit.title, c.hit.url, c.hit.source,
                            c.hit.published, c.passage_text)
            citations[c.hit.article_id] = cite
        elif c.passage_text not in cite.passage:
            cite.passage += "\n…\n" + c.passage_text
        cite.sentences.append(c.sentence)
        parts.append(f"{c.sentence} [{cite.n}]")
    return Answer(retrieval.question, " ".join(parts), False, list(citations.values()), lang,
                  dict(retrieval.timings_ms))
