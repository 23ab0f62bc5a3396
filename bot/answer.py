"""Extractive answers with citations: pure functions over a Retrieval, no Telegram needed."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Callable

from corpus.records import WIB
from corpus.store import STOPWORDS, content_terms
from corpus.text import split_sentences
from index.retriever import Hit, Retrieval

NOT_FOUND = {
    "id": "Maaf, saya tidak menemukan informasi tentang itu di arsip berita kami.",
    "en": "Sorry, I could not find anything about that in our news archive.",
}
SOURCES_HEADING = {"id": "Sumber", "en": "Sources"}
UNDATED = {"id": "tanpa tanggal", "en": "undated"}
ALSO_REPORTED = {"id": "juga diberitakan", "en": "also reported by"}
_TOKEN = re.compile(r"\w+", re.UNICODE)
_WHEN = re.compile(r"\b(senin|selasa|rabu|kamis|jumat|sabtu|minggu|januari|februari|maret|april|mei|juni|"
                   r"juli|agustus|september|oktober|november|desember|\d{4}|pukul|tanggal)\b", re.I)
# Numbers in digits or in words: news writes small ones out ("tujuh kali", "dua tahun", "lima orang").
_NUMBER = re.compile(r"\b(\d[\d.,]*|(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)"
                     r"(\s*(belas|puluh|ratus|ribu|juta|miliar|triliun))?|se(belas|puluh|ratus|ribu)|setengah|one|two|three|four|"
                     r"five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|millions)\b", re.I)
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
    also: list[tuple[str | None, str | None]] = field(default_factory=list)   # (source, url), same story elsewhere


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
            "citations": [citation_dict(c) for c in self.citations],
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


def citation_dict(c: Citation) -> dict:
    """A citation in the JSON contract; "also" (other outlets of the same story) only when there are some."""
    out = {k: v for k, v in asdict(c).items() if k not in ("sentences", "also")}
    if c.also:
        out["also"] = [{"source": source, "url": url} for source, url in c.also]
    return out


def wib(published: str | None) -> datetime | None:
    """A stored date-time (ISO 8601 with its offset) as Western Indonesian Time; None for plain dates."""
    if not published or "T" not in published:
        return None
    try:
        dt = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (dt if dt.tzinfo else dt.replace(tzinfo=WIB)).astimezone(WIB)


def when_text(published: str | None, lang: str) -> str:
    """'2026-11-20 09:15 WIB' for a date-time (shown in WIB whatever offset it was stored with),
    '2026-11-20' for a plain date."""
    dt = wib(published)
    if dt is None:
        return (published or "")[:10] or UNDATED[lang]
    return f"{dt:%Y-%m-%d %H:%M} WIB"


def other_outlets(c: Citation) -> list[str]:
    """The outlets, other than the cited one, that told the same story."""
    names: list[str] = []
    for source, _ in c.also:
        if source and source != c.source and source not in names:
            names.append(source)
    return names


def also_text(c: Citation, lang: str) -> str:
    """'(juga diberitakan: Kompas, Detik)', or '' when no other outlet told the story."""
    names = other_outlets(c)
    return f"({ALSO_REPORTED[lang]}: {', '.join(names)})" if names else ""


def source_line(c: Citation, lang: str) -> str:
    line = " — ".join(p for p in (c.title, c.source, when_text(c.published, lang)) if p)
    also = also_text(c, lang)
    return f"{line} {also}" if also else line


@dataclass
class AnswerPolicy:
    """When to answer and how many sentences; the thresholds are calibrated on the dev set (README)."""
    max_sentences: int = 3
    hits_considered: int = 3
    passages_per_hit: int = 2
    companion_ratio: float = 0.5    # further sentences must score this share of the best one
    min_coverage: float = 0.5       # idf-weighted share of the question's words in the best article
    min_dense: float = 0.855        # ... or this cosine of the best passage (Indonesian questions)
    min_dense_en: float = 0.812     # ... English questions
    min_name_coverage: float = 0.5  # share of the question's names the best article must mention, else
    min_dense_unnamed: float = 0.855    # ... this cosine is needed (Indonesian questions)
    min_dense_unnamed_en: float = 0.82  # ... English questions
    context_weight: float = 0.3     # share of the best neighbouring sentence's overlap added to a sentence
    type_bonus: float = 0.2         # for holding the kind of thing asked for (number, date, name)
    rank_prior: float = 0.1         # weight of the article's retrieval score
    meaning_weight: float = 10.0    # weight of a sentence's cosine to the question, added when the question's
                                    # words do not carry the match (English, paraphrase): see rank_sentences()
    meaning_hits: int = 3           # ... for the sentences of this many best articles,
    meaning_passages_per_hit: int = 2   # ... and of this many of their best passages


@dataclass
class _Candidate:
    score: float
    hit_rank: int
    position: int            # passage position in the article, then sentence order
    order: int
    sentence: str
    hit: Hit
    passage_text: str
    holds_kind: bool = False   # holds the kind of thing the question asks for (holds_kind())


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


_ANSWER_TYPES = (   # the first that the question matches decides
    (re.compile(r"\b(kapan|when|(tanggal|tahun|hari|bulan) (berapa|apa)|what (date|year|day)|sejak kapan)\b"), _WHEN),
    (re.compile(r"\b(berapa|berapakah|how (many|much)|jumlah|besaran|nilai|persen)\b"), _NUMBER),
    (re.compile(r"\b(siapa|siapakah|who|whom)\b"), _NAME),
    (re.compile(r"\b(di mana|dimana|mana|where|lokasi|tempat)\b"), _NAME),
    # "rumah sakit apa", "seri apa saja", "apa nama ...": a thing asked for by its name
    (re.compile(r"\b(apa nama|nama \w+|\w+ apa( saja| lagi)?\b(?!\s+(yang|saja yang)))"), _NAME),
)


def asked_kind(question: str) -> re.Pattern | None:
    """What an answer to the question looks like (a number, a date, a name), when it asks for one."""
    q = question.lower()
    return next((looks_like for asks, looks_like in _ANSWER_TYPES if asks.search(q)), None)


def holds_kind(question: str, kind: re.Pattern | None, sentence: str) -> bool:
    """Whether the sentence holds the kind of thing asked for that the question itself does not contain."""
    q = question.lower()
    return kind is not None and any(m.group(0).lower() not in q for m in kind.finditer(sentence))


def answer_type_bonus(question: str, sentence: str, bonus: float = 0.2) -> float:
    """A sentence that holds what the question asks for (a number, a date, a name) that the question
    itself does not contain is likelier to be the answer than one that repeats the question."""
    return bonus if holds_kind(question, asked_kind(question), sentence) else 0.0


def name_terms(question: str) -> list[str]:
    """Words the question writes as names or numbers ("Lewotobi", "PON XXI", "iPhone 18"), lower-cased."""
    tokens = _TOKEN.findall(question)
    names: list[str] = []
    for token in tokens[1:]:   # the first word is capitalised anyway
        if (token[0].isupper() or token.isdigit() or any(c.isupper() for c in token[1:])) \
                and token.lower() not in STOPWORDS and token.lower() not in names:
            names.append(token.lower())
    return names


_MODEL_NUMBER = re.compile(r"\b([A-Za-z][\w-]*)\s+(\d+(?:[.,]\d+)?|[IVXLC]{2,})\b")
_CALENDAR = set("senin selasa rabu kamis jumat sabtu minggu monday tuesday wednesday thursday friday saturday sunday "
                "januari februari maret april mei juni juli agustus september oktober november desember january "
                "february march may june july august october december jan feb mar apr jun jul agu aug sep sept "
                "okt oct nov des dec".split())


def numbered_names(question: str) -> list[str]:
    """Names that carry a number or numeral ("iPhone 18", "Switch 2", "PON XXI", "One UI 8.5"), lower-cased:
    the number tells one thing from its namesake. Years and dates ("Juli 2025") are not such names."""
    found = []
    for m in _MODEL_NUMBER.finditer(question):
        word, number = m.groups()
        if (word[0].isupper() or any(c.isupper() for c in word[1:])) and word.lower() not in _CALENDAR \
                and not re.fullmatch(r"(19|20)\d\d", number):
            found.append(f"{word} {number}".lower())
    return found


def best_coverage(retrieval: Retrieval, terms: list[str], weights: dict[str, float]) -> float:
    """The largest idf-weighted share of the question's words that one passage of the best article holds."""
    top = retrieval.hits[0]
    return max((coverage(terms, weights, f"{top.title} {p.text}") for p in top.passages), default=0.0)


def should_answer(retrieval: Retrieval, terms: list[str], weights: dict[str, float],
                  policy: AnswerPolicy) -> bool:
    """Answer when the best article holds most of the question's (idf-weighted) words, or when its
    passage is semantically close enough. English questions over Indonesian text share few words,
    so for them the cosine decides, with a threshold of its own. Never answer about a name the archive
    has never seen (Indonesian questions; English ones name things in English) or a numbered name
    ("iPhone 18") the best article does not contain: the nearest namesake is not the answer. When the
    best article does not mention most of what the question names, only a high cosine lets it answer."""
    if not retrieval.hits:
        return False
    top = retrieval.hits[0]
    texts = [f"{top.title} {p.text}" for p in top.passages]
    english = retrieval.language == "en"
    names = name_terms(retrieval.question)
    if not english and any(n in getattr(weights, "unknown", ()) and not n.isdigit() for n in names):
        return False
    joined = " ".join(re.sub(r"\s+", " ", t.lower()) for t in texts)
    if any(not re.search(rf"\b{re.escape(n)}\b", joined) for n in numbered_names(retrieval.question)):
        return False
    dense = max((h.dense for h in retrieval.hits if h.dense is not None), default=None)
    if names and max(coverage(names, weights, t) for t in texts) < policy.min_name_coverage:
        return dense is not None and dense >= (policy.min_dense_unnamed_en if english else policy.min_dense_unnamed)
    if best_coverage(retrieval, terms, weights) >= policy.min_coverage:
        return True
    if dense is None:   # keyword-only (no vector index yet): the words must carry it
        return False
    return dense >= (policy.min_dense_en if english else policy.min_dense)


def rank_sentences(retrieval: Retrieval, terms: list[str], weights: dict[str, float], policy: AnswerPolicy,
                   similarity: Callable[[list[str]], list[float]] | None = None) -> list[_Candidate]:
    """Every sentence of the passages considered, best answer first. Sentences are scored by the question's
    words they hold (idf-weighted, with their neighbours' and the kind of thing asked for). When those words
    do not carry the match (an English question over Indonesian text, or a paraphrase that the best article
    answers in other words) the sentence's cosine to the question, from `similarity`, is added as well."""
    top_score = retrieval.hits[0].score or 1.0
    units = []   # (rank, hit, passage, sentences, overlap)
    # A question about the latest news is answered from the newest close candidate alone.
    considered = retrieval.hits[:1] if retrieval.recent else retrieval.hits[:policy.hits_considered]
    for rank, hit in enumerate(considered):
        for passage in hit.passages[:policy.passages_per_hit]:
            sentences = split_sentences(passage.text)
            units.append((rank, hit, passage, sentences, [coverage(terms, weights, s) for s in sentences]))

    kind = asked_kind(retrieval.question)
    candidates: list[_Candidate] = []
    for rank, hit, passage, sentences, overlap in units:
        prior = policy.rank_prior * hit.score / top_score
        for order, sentence in enumerate(sentences):
            if len(sentence.split()) < 4:
                continue
            # The answer often sits next to the sentence that repeats the question's words.
            context = max((overlap[j] for j in (order - 1, order + 1) if 0 <= j < len(overlap)), default=0.0)
            held = holds_kind(retrieval.question, kind, sentence)
            score = overlap[order] + policy.context_weight * context + prior + (policy.type_bonus if held else 0.0)
            candidates.append(_Candidate(score, rank, passage.position, order, sentence, hit, passage.text, held))
    if similarity is not None and candidates and (
            retrieval.language == "en" or best_coverage(retrieval, terms, weights) < policy.min_coverage):
        # Each sentence costs an embedding (about 60 ms on one thread here): only those of the best
        # passages are compared, and when the question asks for a number, a date or a name, only those
        # that hold one it does not.
        scope = {(hit.article_id, passage.position) for hit in retrieval.hits[:policy.meaning_hits]
                 for passage in hit.passages[:policy.meaning_passages_per_hit]}
        compared = [c for c in candidates if (c.hit.article_id, c.position) in scope]
        if kind is not None:
            compared = [c for c in compared if c.holds_kind]
        for c, cosine in zip(compared, similarity([c.sentence for c in compared])):
            c.score += policy.meaning_weight * cosine
    candidates.sort(key=lambda c: c.score, reverse=True)
    return candidates


def choose_sentences(candidates: list[_Candidate], policy: AnswerPolicy) -> list[_Candidate]:
    """The best sentence and up to two more that score at least `companion_ratio` of it."""
    chosen: list[_Candidate] = []
    for c in candidates:
        if len(chosen) == policy.max_sentences or (chosen and c.score < policy.companion_ratio * chosen[0].score):
            break
        if c.sentence not in {x.sentence for x in chosen}:
            chosen.append(c)
    return chosen


def lead_sentences(retrieval: Retrieval, policy: AnswerPolicy) -> list[_Candidate]:
    """For "what is the latest news about X": the first sentences of the newest fitting article, where a
    news story says what happened (the retriever adds that article's first passage)."""
    hit = retrieval.hits[0]
    lead = next((p for p in hit.passages if p.position == 0), None)
    if lead is None:
        return []
    sentences = [s for s in split_sentences(lead.text) if len(s.split()) >= 4][:policy.max_sentences]
    return [_Candidate(0.0, 0, 0, order, s, hit, lead.text) for order, s in enumerate(sentences)]


def compose(retrieval: Retrieval, term_weights: Callable[[list[str]], dict[str, float]],
            policy: AnswerPolicy | None = None,
            similarity: Callable[[list[str]], list[float]] | None = None) -> Answer:
    """Choose the 1-3 sentences that best answer the question, each followed by its [n]. `similarity` gives
    sentences' cosines to the question (rank_sentences says when it is asked)."""
    policy = policy or AnswerPolicy()
    lang = retrieval.language
    terms = content_terms(retrieval.question)
    weights = term_weights(list(dict.fromkeys(terms + name_terms(retrieval.question))))
    if not should_answer(retrieval, terms, weights, policy):
        return Answer(retrieval.question, NOT_FOUND[lang], True, [], lang, dict(retrieval.timings_ms))

    chosen = lead_sentences(retrieval, policy) if retrieval.news else choose_sentences(
        rank_sentences(retrieval, terms, weights, policy, similarity), policy)
    if not chosen:
        return Answer(retrieval.question, NOT_FOUND[lang], True, [], lang, dict(retrieval.timings_ms))
    # Natural order: by source as ranked, then as the sentences stand in the article.
    chosen.sort(key=lambda c: (c.hit_rank, c.position, c.order))

    citations: dict[str, Citation] = {}
    parts = []
    for c in chosen:
        cite = citations.get(c.hit.article_id)
        if cite is None:
            cite = Citation(len(citations) + 1, c.hit.article_id, c.hit.title, c.hit.url, c.hit.source,
                            c.hit.published, c.passage_text, also=list(c.hit.also))
            citations[c.hit.article_id] = cite
        elif c.passage_text not in cite.passage:
            cite.passage += "\n…\n" + c.passage_text
        cite.sentences.append(c.sentence)
        parts.append(f"{c.sentence} [{cite.n}]")
    return Answer(retrieval.question, " ".join(parts), False, list(citations.values()), lang,
                  dict(retrieval.timings_ms))
