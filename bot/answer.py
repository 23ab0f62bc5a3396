"""Extractive answers with citations: pure functions over a Retrieval, no Telegram needed.

Sentences are ranked by the extractive scorer; the reader (index/reader.py) reads the best of them and lifts
those in which it finds a fitting answer, and when it finds the short answer inside a chosen one, puts it first
and that sentence before the others (docs/reader.md).
"""
from __future__ import annotations

import math
import re
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import Enum
from typing import Callable, Iterable, Mapping

from corpus.glossary import INDONESIAN_WORDS
from corpus.question import (CHANGE_VERBS, CLOCK_TIME, DAY, MEASURE_UNITS, MONTHS, NUMBER_WORD, PLACE_KINDS, STOPWORDS,
                             WEEKDAYS, Question, as_when)
from corpus.records import WIB
from corpus.shortened import REGION_FORMS, REGIONS, compass_regions, provinces_in, regencies, regions_in, siblings
from corpus.text import coverage, split_sentences
from index.reader import Reader, Reading
from index.retriever import Hit, Retrieval

from .answerable import Answerable, Signals
from .in_english import in_english

NOT_FOUND = {
    "id": "Maaf, saya tidak menemukan informasi tentang itu di arsip berita kami.",
    "en": "Sorry, I could not find anything about that in our news archive.",
}
SOURCES_HEADING = {"id": "Sumber", "en": "Sources"}
UNDATED = {"id": "tanpa tanggal", "en": "undated"}
ALSO_REPORTED = {"id": "juga diberitakan", "en": "also reported by"}
# Said before the sentences when the reader finds no answer in them more likely than not (AnswerPolicy.min_sure_prob):
# the story may be in the archive without the detail asked for.
UNSURE_NOTE = {
    "id": "Saya tidak yakin arsip kami menjawab ini. Kalimat yang paling mendekati:",
    "en": "I am not sure our archive answers this. The closest sentences:",
}
SOURCE_LANGUAGE_NOTE = "The sources are in Indonesian; the quoted sentences are theirs."
TRANSLATED_NOTE = "The sources are in Indonesian; each sentence above was checked against the source it cites."
_TOKEN = re.compile(r"\w+", re.UNICODE)
# "Jatinangor (Kabar Contoh) - ", "JAKARTA, KOMPAS.com - ", "Jakarta, CNN Indonesia -- ", "Merdeka.com - ",
# "SPANYOL – ": a dateline opens the first sentence of many articles and is not part of what it says. Its words are
# capitalised (a place, an outlet); one alone is written in capitals or as a web address: "Mercedes - Benz", "Paris
# Saint - Germain" and "Catherine Zeta - Jones" are names that a dash splits.
_CAPITALISED = r"[A-Z0-9][\w.'/&-]*(?: [A-Z0-9][\w.'/&-]*){0,4}"
_DATELINE = re.compile(rf"^(?:{_CAPITALISED}\s*(?:,\s*{_CAPITALISED}\s*)?\([^()]{{1,40}}\)|"   # "Sampit (ANTARA) - "
                       rf"{_CAPITALISED}\s*,\s*{_CAPITALISED}|"                                 # "TEMPO.CO, Jakarta - "
                       r"[A-Z][A-Z.'/&-]+(?: [A-Z][A-Z.'/&-]+){0,3}|[A-Z][\w-]*\.(?i:com|net|co|id))"
                       r"\s*(?:-{1,2}|–|—)\s+(?=\S)")
# Related-link boilerplate ("Baca juga: …", "Terkait PREVIEW …", a linked video's title standing alone: "Lihat Video
# '…':"), not "Terkait hal itu, …" (a real sentence).
_BOILERPLATE = re.compile(r"^(?:(?i:baca juga|lihat juga|simak juga|tonton juga|saksikan juga|advertisement|scroll to)"
                          r"\b|(?i:(?:lihat|simak|tonton|saksikan)\s+video)\b.*['\"”’:]$|"   # "Lihat Video '…':" alone
                          r"(?i:terkait|berita terkait)\s*:|TERKAIT\b|PREVIEW\b|Terkait\s+[A-Z]{3,})")

# A name between commas after what it describes: "Perenang Palangka Raya, Kirana Lestari, menjadi …"
_APPOSITION = r",\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})\s*,"
# Spoken Indonesian ends a phrase with a particle ("4.100 mAh lho", "Rp50 ribu sih"): not part of the answer.
_PARTICLE_END = re.compile(r"(?:\s+(?:lho|loh|sih|deh|dong|kok|nih|tuh|toh))+\W*$")


# A span of dates: "12 Oktober hingga 31 Oktober 2026", "1 Juli - 15 Agustus", "12/10 s.d. 16/10".
_DATE_RANGE = re.compile(rf"(?P<start>{DAY})\s*(?:hingga|sampai(?:\s+dengan)?|s\.\s?d\.?|s/d|–|—|-|until|to|"
                         rf"through)\s*(?P<end>{DAY})", re.I)
_YEAR_END = re.compile(r"\b\d{4}$")
# A day as news writes it, its weekday and its date in brackets: "Kamis (10/9)", "Senin (2/11/2026)"
_NEWS_DAY = re.compile(rf"\b(?:{'|'.join(sorted(WEEKDAYS))})\s*\(\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\)", re.I)


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
    short_answer: str | None = None     # the name, number, date or phrase that answers, when there is one
    confidence: float | None = None     # the reader's probability that the passages answer the question
    sure: bool = True                   # False: the reader finds no answer in the sentences more likely than not
    signals: Signals | None = None      # what the answerable model weighs (bot/answerable.py), when the rules answer
    answerable: float | None = None     # ... and the probability it gives that the passages answer
    generated: bool = False             # a language model wrote the answer (KABAR_LLM, docs/llm.md)
    dropped: list[dict] = field(default_factory=list)   # generated sentences that failed verification

    def to_dict(self) -> dict:
        """The JSON contract of `kabar ask --json` (README)."""
        return {
            "question": self.question,
            "answer": self.answer,
            "short_answer": self.short_answer,
            "confidence": None if self.confidence is None else round(self.confidence, 3),
            "abstained": self.abstained,
            "sure": self.sure,
            "citations": [citation_dict(c) for c in self.citations],
            "timings_ms": self.timings_ms,
            "generated": self.generated,
            "dropped": self.dropped,
        }

    @property
    def declined_on_reading(self) -> bool:
        """Whether it declines on what the reader read (its veto, the answerable model, an office no quoted sentence
        names), not by the rules before reading: such a decline gives the reader's `confidence`."""
        return self.abstained and self.confidence is not None

    @property
    def dated(self) -> bool:
        """Whether the cited sources differ in date (each sentence is then shown with its source's date)."""
        return len({(c.published or "")[:10] for c in self.citations}) > 1

    def date_of(self, n: int) -> str | None:
        """The date of citation [n], as stored."""
        return next((c.published for c in self.citations if c.n == n), None)

    @property
    def shown_short(self) -> str | None:
        """The short answer as the reply shows it: for an English question, as an English reader reads it
        ("Rp2,41 triliun" -> "Rp2.41 trillion", "47 pejabat" -> "47 officials": bot/in_english.py)."""
        if self.short_answer and self.language == "en":
            return in_english(self.short_answer)
        return self.short_answer

    @property
    def language_note(self) -> str:
        """Said under an English answer: the sources are Indonesian (quoted, or translated and checked)."""
        return TRANSLATED_NOTE if self.generated else SOURCE_LANGUAGE_NOTE

    def plain(self) -> str:
        """What the bot sends, as plain text."""
        if self.abstained:
            return self.answer
        lines = [] if self.sure else [UNSURE_NOTE[self.language]]
        if self.short_answer:   # the sentence that states it comes first: citation [1]
            lines.append(f"{self.shown_short} [1]")
        for sentence, n in re.findall(r"(.+?) \[(\d+)\](?: |$)", self.answer):
            when = f"({when_text(self.date_of(int(n)), self.language, day_only=True)}) " if self.dated else ""
            lines.append(f"{when}{sentence} [{n}]")
        if self.language == "en" and self.citations:
            lines.append(self.language_note)
        lines += ["", SOURCES_HEADING[self.language] + ":"]
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


def when_text(published: str | None, lang: str, day_only: bool = False) -> str:
    """'2026-11-20 09:15 WIB' for a date-time (shown in WIB whatever offset it was stored with; with `day_only`,
    its day), '2026-11-20' for a plain date, "tanpa tanggal" / "undated" for none."""
    dt = wib(published)
    if dt is None:
        return (published or "")[:10] or UNDATED[lang]
    return f"{dt:%Y-%m-%d}" if day_only else f"{dt:%Y-%m-%d %H:%M} WIB"


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
    """When to answer, how many sentences, and when the reader's span leads as the short answer
    (docs/reader.md says what was measured)."""
    calibrated_languages: tuple[str, ...] = ("id",)   # the answerable model (bot/answerable.py) is fitted on
                                                      # Indonesian questions only
    min_answer_prob: float = 0.0003  # decline when the reader gives every chosen sentence less than this: the
                                     # twelve-layer reader's threshold declining no more answerable FacQA and
                                     # news-like questions than before (docs/reader.md)
    min_answer_prob_en: float = 0.1     # ... for an English question, read word by word in Indonesian: with
                                        # min_dense_en it answers more English questions than the cosine alone did,
                                        # declining about as many without an answer (docs/reader.md, twenty-first
                                        # session); but not for a story it names and finds by this cosine:
    min_dense_named_en: float = 0.812   # names_its_story()
    min_answerable: float = 0.25    # where the best article does not name an Indonesian question's rarest name, or
                                    # the rules doubt, decline when the answerable model (bot/answerable.py) gives
                                    # less than this (train/answerable.py)
    min_span_prob: float = 0.3      # a sentence states the short answer only when the span head is this sure of it
    min_sure_prob: float = 0.5      # ... and the reader finds an answer in its sentence's window more likely than
                                    # not (FacQA, news-like questions; English ones too: docs/reader.md, seventh,
                                    # nineteenth and twenty-first sessions); when no chosen sentence reaches it (of an
                                    # article naming the question's rarest name: naming_the_rarest()), the reply
                                    # says it is not sure
    min_bold_prob: float = 0.95     # the sentence that states it leads, but the short answer stands before it in bold
                                    # only when the reader is this sure of an answer in its window: the twelve-layer
                                    # reader gives 0.5-0.95 to about as many wrong short answers as right ones
                                    # (docs/reader.md, forty-sixth session)
    read_candidates: int = 5        # the reader reads this many of the best sentences (with their neighbours)
    second_look: int = 5            # ... and, when it is sure of none of those chosen, this many more (second_look())
    reader_weight: float = 0.5      # a read sentence gains this times the reader's answer x span probability
    max_short_words: int = 12       # a longer span is a sentence, not a short answer
    max_sentences: int = 3
    hits_considered: int = 3
    passages_per_hit: int = 2
    companion_ratio: float = 0.5    # further sentences must score this share of the best one
    min_coverage: float = 0.5       # idf-weighted share of the question's words in the best article
    min_dense: float = 0.855        # ... or this cosine of the best passage (Indonesian questions)
    min_dense_en: float = 0.78      # ... English questions (the reader's probability decides next: min_answer_prob_en)
    min_name_coverage: float = 0.5  # share of the question's names the best article must mention, else
    min_dense_unnamed: float = 0.855    # ... this cosine is needed (Indonesian questions)
    min_dense_unnamed_en: float = 0.78  # ... English questions
    context_weight: float = 0.3     # share of the best neighbouring sentence's overlap added to a sentence
    type_bonus: float = 0.2         # for holding the kind of thing asked for (number, date, name)
    other_category: float = 1.0     # taken from a sentence about the other of two categories the question names
                                    # one of ("putra" for "putri": Question.about_other)
    rank_prior: float = 0.1         # weight of the article's retrieval score
    meaning_weight: float = 10.0    # weight of a sentence's cosine to the question, added when the question's
                                    # words do not carry the match (English, paraphrase): see rank_sentences()
    meaning_hits: int = 3           # ... for the sentences of this many best articles,
    meaning_passages_per_hit: int = 2   # ... and of this many of their best passages

    def declines(self, answer_prob: float, language: str, named_story: bool = False) -> bool:
        """Whether the reader's highest probability over the chosen sentences is too low to answer at all. Not for an
        English question about a `named_story` (names_its_story()): read word by word, such questions ("... the Iran
        Aseman Airlines plane that crashed in February 2018?") got probabilities near zero with the answer in the
        sentences."""
        if language == "en":
            return not named_story and answer_prob < self.min_answer_prob_en
        return answer_prob < self.min_answer_prob


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

    @property
    def opens_article(self) -> bool:
        """Whether it is its article's first sentence, the only one a dateline stands before."""
        return self.position == 0 and self.order == 0

    @property
    def shown(self) -> str:
        """The sentence as the reply quotes it: without its dateline (clean()) when it opens its article."""
        return clean(self.sentence) if self.opens_article else self.sentence


def best_coverage(retrieval: Retrieval, terms: list[str], weights: dict[str, float],
                  alternatives: Mapping[str, tuple[tuple[str, ...], ...]] | None = None) -> float:
    """The largest idf-weighted share of the question's words that one passage of the best article holds (each as
    written or as one of `alternatives`: the question's own unless given)."""
    top = retrieval.hits[0]
    alternatives = retrieval.question.alternatives if alternatives is None else alternatives
    return max((coverage(terms, weights, f"{top.title} {p.text}", alternatives) for p in top.passages), default=0.0)


def name_coverage(retrieval: Retrieval, weights: dict[str, float]) -> float:
    """The largest share of the question's (idf-weighted) names that one passage of the best article holds; 1 when
    it writes none."""
    top, names = retrieval.hits[0], list(retrieval.question.names)
    if not names:
        return 1.0
    return max((coverage(names, weights, f"{top.title} {p.text}", retrieval.question.alternatives)
                for p in top.passages), default=0.0)


class Decision(Enum):
    """What the scorer's rules say of a question before the reader reads (decide())."""
    ANSWER = "answer"
    DOUBT = "doubt"        # neither the words nor the cosine carry an Indonesian question: the answerable model,
                           # weighing what the reader finds, may still let it answer (compose())
    DECLINE = "decline"


def decide(retrieval: Retrieval, terms: list[str], weights: dict[str, float], policy: AnswerPolicy) -> Decision:
    """Answer when the best article holds most of the question's (idf-weighted) words, or when a
    retrieved passage is semantically close enough; else doubt an Indonesian question (a paraphrase shares few words
    with the sentence that answers it) and decline an English one. An English question's words count in their
    Indonesian forms too (Question.words_in_indonesian), and its cosine has a threshold of its own. Never answer about
    a name the archive has never seen (Indonesian questions; English ones name things in English), a numbered name
    ("iPhone 18") the best article does not contain, a year it neither names nor was published in ("Porprov 2025"
    answered from Porprov 2026), or a month after it was published that it does not name (Question.after): the
    nearest namesake is not the answer, nor the last report before the time asked about. When the best article does
    not mention most of what the question names, only a high cosine lets it answer."""
    if not retrieval.hits:
        return Decision.DECLINE
    top = retrieval.hits[0]
    english = retrieval.language == "en"
    names = retrieval.question.names
    unknown = getattr(weights, "unknown", ())
    if not english and any(not n.isdigit() and retrieval.question.unheard(n, unknown) for n in names):
        return Decision.DECLINE
    # "Women's Islamic Games (WIG) IV" writes "WIG IV"
    joined = " ".join(re.sub(r"[\s()]+", " ", f"{top.title} {p.text}".lower()) for p in top.passages)
    if any(not re.search(rf"\b{re.escape(n)}\b", joined) for n in retrieval.question.numbered_names):
        return Decision.DECLINE
    years = retrieval.question.years   # an undated article (FacQA's) may be of the year without naming it
    if years and top.published and top.published[:4] not in years \
            and not any(re.search(rf"\b{y}\b", joined) for y in years):
        return Decision.DECLINE
    if retrieval.question.after(top.published, joined):   # "… pertengahan Desember 2026?" of a November story
        return Decision.DECLINE
    dense = max((h.dense for h in retrieval.hits if h.dense is not None), default=None)
    if name_coverage(retrieval, weights) < policy.min_name_coverage:
        close = dense is not None and dense >= (policy.min_dense_unnamed_en if english else policy.min_dense_unnamed)
        return Decision.ANSWER if close else Decision.DECLINE
    if best_coverage(retrieval, terms, weights, retrieval.question.words_in_indonesian) >= policy.min_coverage:
        return Decision.ANSWER
    if dense is None:   # keyword-only (no vector index yet): the words must carry it
        return Decision.DECLINE
    if dense >= (policy.min_dense_en if english else policy.min_dense):
        return Decision.ANSWER
    return Decision.DECLINE if english else Decision.DOUBT


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
            units.append((rank, hit, passage, sentences,
                          [coverage(terms, weights, s, retrieval.question.alternatives) for s in sentences]))

    question = retrieval.question
    candidates: list[_Candidate] = []
    for rank, hit, passage, sentences, overlap in units:
        prior = policy.rank_prior * hit.score / top_score
        for order, sentence in enumerate(sentences):
            if not quotable(sentence):
                continue
            # The answer often sits next to the sentence that repeats the question's words.
            context = max((overlap[j] for j in (order - 1, order + 1) if 0 <= j < len(overlap)), default=0.0)
            held = question.holds_kind(sentence)
            score = overlap[order] + policy.context_weight * context + prior + (policy.type_bonus if held else 0.0) \
                - (policy.other_category if question.about_other(sentence) else 0.0)
            candidates.append(_Candidate(score, rank, passage.position, order, sentence, hit, passage.text, held))
    if similarity is not None and candidates and (
            retrieval.language == "en" or best_coverage(retrieval, terms, weights) < policy.min_coverage):
        # Each sentence costs an embedding (about 20 ms on one thread here): only those of the best
        # passages are compared, and when the question asks for a number, a date or a name, only those
        # that hold one it does not.
        scope = {(hit.article_id, passage.position) for hit in retrieval.hits[:policy.meaning_hits]
                 for passage in hit.passages[:policy.meaning_passages_per_hit]}
        compared = [c for c in candidates if (c.hit.article_id, c.position) in scope]
        if question.asks in ("date", "number", "name", "place"):
            compared = [c for c in compared if c.holds_kind]
        for c, cosine in zip(compared, similarity([c.sentence for c in compared])):
            c.score += policy.meaning_weight * cosine
    candidates.sort(key=lambda c: c.score, reverse=True)
    return candidates


def choose_sentences(candidates: list[_Candidate], policy: AnswerPolicy) -> list[_Candidate]:
    """The best sentence and up to two more that score at least `companion_ratio` of it. When the best one holds
    the kind of thing asked for (a number, a date, a name), so must the others: a sentence that only restates
    the question adds nothing."""
    chosen: list[_Candidate] = []
    for c in candidates:
        if len(chosen) == policy.max_sentences or (chosen and c.score < policy.companion_ratio * chosen[0].score):
            break
        if chosen and chosen[0].holds_kind and not c.holds_kind:
            continue
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
    sentences = [s for s in split_sentences(lead.text) if quotable(s)][:policy.max_sentences]
    return [_Candidate(0.0, 0, 0, order, s, hit, lead.text) for order, s in enumerate(sentences)]


def quotable(sentence: str) -> bool:
    """Whether a sentence may be quoted: four words or more, and no link boilerplate ("Baca juga: …")."""
    return len(sentence.split()) >= 4 and not _BOILERPLATE.match(sentence)


def clean(sentence: str) -> str:
    """An article's first sentence without its dateline ("Jatinangor (Kabar Contoh) - "). Only for the first: a
    sentence further on may open with words a dash follows ("Berdasarkan survei itu, Agus - Sylviana …")."""
    m = _DATELINE.match(sentence)
    return sentence[m.end():] if m and len(sentence) - m.end() > 20 else sentence


def undated(sentences: list[str], opens_article: bool) -> list[str]:
    """A passage's sentences as quoted: the first without its dateline (clean()) when the passage opens its article."""
    return [clean(sentences[0]), *sentences[1:]] if opens_article and sentences else sentences


def reading_window(c: _Candidate) -> tuple[str, int, int]:
    """What the reader reads for a chosen sentence (sentence_window()). The reader was trained on FacQA's passages
    of one to three sentences; given whole news passages it gave right answers lower probabilities (docs/reader.md)."""
    sentences = split_sentences(c.passage_text)
    if c.sentence in sentences:
        return sentence_window(sentences, sentences.index(c.sentence), c.position == 0)
    return sentence_window([c.sentence], 0, c.opens_article)


def sentence_window(sentences: list[str], i: int, opens_article: bool = False) -> tuple[str, int, int]:
    """Sentence i with one neighbour on each side, and where sentence i lies in it (start, end); without the dateline
    when `sentences` open the article."""
    parts, mine = undated(sentences, opens_article)[max(0, i - 1):i + 2], min(i, 1)   # mine: sentence i's place
    start = sum(len(part) + 1 for part in parts[:mine])
    return " ".join(parts), start, start + len(parts[mine])


def read_neighbours(candidates: list[_Candidate], read: list[_Candidate], found: dict[int, _Read]) -> None:
    """When the reader's span in a read window lies in a neighbour of its sentence, that neighbour states it: the
    neighbour's candidate takes the same reading, placed on the neighbour (no second read), so it can rise and give
    the short answer ("Rektor UPR Prof. Yosefina Hanyi ..." beside the sentence about the wisuda). A neighbour read
    in its own window keeps the surer of the two readings: read with the sentence before it, "... gelandang Rizky
    Ananda mencetak gol kemenangan" is read surely, and with the lead before it (a 2-1 win over Mahakam Jaya FC)
    less surely than the lead, whose team the reader then gave as the scorer."""
    by_sentence = {(c.passage_text, c.shown): c for c in candidates}
    for c, r in [(c, found[id(c)]) for c in read]:     # as read, before a neighbour's reading replaces one
        span = r.reading.span
        if span is None or r.start <= span[0] < span[1] <= r.end:
            continue
        for start, at in sentence_spans(r.window):
            other = by_sentence.get((c.passage_text, r.window[start:at]))
            if start <= span[0] < span[1] <= at and other is not None and other is not c:
                placed = _Read(r.window, start, at, r.reading)
                if id(other) not in found or placed.sureness > found[id(other)].sureness:
                    found[id(other)] = placed


def sentence_spans(window: str) -> list[tuple[int, int]]:
    """Where each sentence of a reading window lies in it (start, end), as split_sentences() splits it."""
    spans, at = [], 0
    for part in split_sentences(window):
        start = window.find(part, at)
        at = start + len(part)
        spans.append((start, at))
    return spans


@dataclass
class _Read:
    """What the reader found for one candidate sentence, read in its window (reading_window())."""
    window: str
    start: int          # where the sentence lies in the window
    end: int
    reading: Reading

    @property
    def span(self) -> str | None:
        """The reader's span when it lies inside the sentence itself (not in a neighbour)."""
        r = self.reading
        if r.span is None or not self.start <= r.span[0] < r.span[1] <= self.end:
            return None
        for m in _NEWS_DAY.finditer(self.window, self.start, self.end):   # "10/9" or "Kamis" of "Kamis (10/9)": the
            if m.start() <= r.span[0] and r.span[1] <= m.end():             # day as news writes it, the answer to
                return m.group(0)                                           # "kapan" (a date alone is no date)
        return _PARTICLE_END.sub("", r.text(self.window))

    @property
    def words(self) -> set[str]:
        """The window's words, in lower case."""
        return set(_TOKEN.findall(self.window.lower()))

    @property
    def sureness(self) -> float:
        """How sure the reading is of a span inside the sentence: answer x span probability (0 without one)."""
        return self.reading.answer_prob * self.reading.span_prob if self.span is not None else 0.0


def best_distinct(candidates: list[_Candidate], n: int) -> list[_Candidate]:
    """The first `n` candidates with different sentences (a sentence can stand in two retrieved passages)."""
    top: list[_Candidate] = []
    for c in candidates:
        if len(top) == n:
            break
        if c.sentence not in {t.sentence for t in top}:
            top.append(c)
    return top


def read_windows(retrieval: Retrieval, candidates: list[_Candidate], reader: Reader, found: dict[int, _Read]) -> None:
    """Adds to `found` (keyed by id(candidate)) what the reader finds for the candidates not yet read, each in its
    reading window, one text per call (index/reader.py), with the question as its story writes the question's
    shortened words (Question.for_reader_against)."""
    todo = [c for c in candidates if id(c) not in found]
    if not todo:
        return
    windows = [reading_window(c) for c in todo]
    question = retrieval.reading or retrieval.question
    stories = {c.hit.article_id: c.hit for c in todo}     # each story's text read once
    asked = {article_id: question.for_reader_against(article_text(hit)) for article_id, hit in stories.items()}
    started = time.perf_counter()
    contexts = [text for text, _, _ in windows]
    readings = reader.read([asked[c.hit.article_id] for c in todo], contexts)
    if question.asks_clock:   # read as "kapan" too: the time of day beside the day it finds (the_clock_beside())
        when = reader.read([as_when(asked[c.hit.article_id]) for c in todo], contexts)
        readings = [the_clock_beside(r, w, text) for r, w, text in zip(readings, when, contexts)]
    retrieval.timings_ms["read"] = round(retrieval.timings_ms.get("read", 0.0)
                                         + (time.perf_counter() - started) * 1000, 2)
    for c, (text, start, end), reading in zip(todo, windows, readings):
        found[id(c)] = _Read(text, start, end, reading)


def the_clock_beside(asked: Reading, when: Reading, window: str) -> Reading:
    """For a question asking the time of day: the surer of its readings as asked and as "kapan" (as_when()), its span
    the time of day written in the same sentence nearest to the span it found ("Selasa (26/5)" of "… terjadi pada
    Selasa (26/5) pukul 17.05 WIB …"); the reading as asked where neither finds a time there."""
    for reading in sorted((asked, when), key=lambda r: r.answer_prob, reverse=True):   # as asked first on a tie
        if reading.span is None:
            continue
        start, end = reading.span
        sentence = next(((a, b) for a, b in sentence_spans(window) if a <= start < b), (start, start))
        near = list(CLOCK_TIME.finditer(window, *sentence))
        if near:
            clock = min(near, key=lambda m: max(m.start() - end, start - m.end(), 0))
            return Reading(reading.answer_prob, (clock.start(), clock.end()), reading.span_prob)
    return asked


def holds_the_office(question: Question, read: _Read) -> bool:
    """Whether the reader's span in a window stands beside the office the question asks about, if it asks about one,
    and the window names that office (Question.holds_office, Question.names_office)."""
    span = read.reading.text(read.window)
    return span is None or question.holds_office(span, read.window) and question.names_office(read.words)


def of_what_is_asked(question: Question, c: _Candidate, read: _Read) -> bool:
    """Whether what the reader read in a candidate's window is of the office, the place and the time the question asks
    about: beside that office (holds_the_office()), in a sentence that names no other place in place of the question's
    (another_region(): "… di Kabupaten Pulang Pisau sebanyak 64 titik" for "… di Kabupaten Kapuas?"), not of a month
    before the one it names (Question.after: "kini Rp48.000", written on 24 November, for "… pertengahan Desember
    2026?"), nor dated, in the window read, by another month than the one it names (Question.of_another_month:
    February's inflation for January's)."""
    return holds_the_office(question, read) and not another_region(question, c.sentence) \
        and not question.after(c.hit.published, c.sentence) and not question.later(c.hit.published, c.sentence) \
        and not question.of_another_month(c.hit.published, read.window)


def fits(question: Question, span: str | None, sentence: str, policy: AnswerPolicy) -> bool:
    """Whether a span can stand as the short answer: short, not the whole sentence, of the kind asked for
    (Question.answers_kind), and not from a sentence about the other of two categories the question names one of
    ("... maraton penuh 42 kilometer putra" for "Siapa juara setengah maraton putra?": Question.about_other)."""
    return bool(span) and len(span.split()) <= policy.max_short_words and _normal(span) != _normal(sentence) \
        and question.answers_kind(span, sentence) and not question.about_other(sentence)


def rerank_by_reader(retrieval: Retrieval, candidates: list[_Candidate], found: dict[int, _Read],
                     policy: AnswerPolicy) -> list[_Candidate]:
    """Candidates re-ordered after each read sentence gains `reader_weight` x the reader's answer probability
    x its span probability, when the span fits (fits()): the sentence that states the answer rises above one
    that only repeats the question's words (docs/reader.md)."""
    for c in candidates:
        read = found.get(id(c))
        if read is not None and fits(retrieval.question, read.span, c.sentence, policy):
            c.score += policy.reader_weight * read.reading.answer_prob * read.reading.span_prob
    return sorted(candidates, key=lambda c: c.score, reverse=True)


def match_around(pattern: re.Pattern, span: str, sentence: str) -> re.Match | None:
    """The first match of `pattern` in `sentence` that overlaps the span (where the sentence writes it), or None."""
    at = sentence.find(span)
    if at < 0:
        return None
    return next((m for m in pattern.finditer(sentence) if m.start() < at + len(span) and at < m.end()), None)


def part_of_range(question: Question, span: str, sentence: str) -> str:
    """The end or the start of a span of dates in `sentence` that the short answer falls in, when the question asks
    for it (Question.range_part: "Kapan pendaftaran ditutup?" -> "31 Oktober 2026" from "dibuka mulai 12 Oktober
    hingga 31 Oktober 2026"); the start takes the end's year when it writes none. Otherwise the span as it is."""
    part = question.range_part
    m = match_around(_DATE_RANGE, span, sentence) if part else None
    if m is None:
        return span
    start, end = m.group("start"), m.group("end")
    if part == "end":
        return end
    year = _YEAR_END.search(end)
    return f"{start} {year.group(0)}" if year and not _YEAR_END.search(start) and "/" not in start else start


# "213.600 dolar Singapura atau setara Rp 2,9 miliar (kurs Rp 13.800)": the value, then the same in other terms
_EQUIVALENT = re.compile(r"(?:,?\s+(?:atau|alias)\s+(?:setara|senilai|sekitar)|\s+setara)\b.*$", re.S)


# What follows a number's value in its sentence: where, for whom, since when ("974 usulan dari sembilan kecamatan",
# "Rp181,5 miliar untuk 173 desa"), but not a part of the value ("398,5 dari 400", "Rp5 juta per bulan")
_AFTER_VALUE = re.compile(r"(?:(?:,|\s+dari)\s+(?!\d)|"
                          r"\s+(?:untuk|sepanjang|pada|di|sejak|selama|kepada|bagi|yang|dengan|sebagai)\s+).*$", re.S)
# A value as a span starts it: "sekitar 620 ton", "Rp181,5 miliar", "tiga di antaranya"
_VALUE = re.compile(rf"(?:(?:sekitar|sebanyak|hampir|mencapai|lebih dari)\s+)?(?:(?:rp|usd|us\$|\$)\s*)?"
                    rf"(?:\d|{NUMBER_WORD})", re.I)


def one_value(question: Question, span: str, sentence: str = "") -> str:
    """A value without its equivalent in another currency or unit ("213.600 dolar Singapura atau setara Rp 2,9 miliar
    (kurs Rp 13.800)" -> "213.600 dolar Singapura"), and for "berapa" without what the sentence says after it ("1.260
    pengaduan konsumen sepanjang semester I 2025" -> "1.260 pengaduan konsumen"): the sentence beside it gives both.
    Of two values a span joins with "menjadi", the one asked for (from_to())."""
    cut = from_to(question, _EQUIVALENT.sub("", span), sentence)
    if question.asks == "number" and _VALUE.match(cut):
        cut = _AFTER_VALUE.sub("", cut)
    return cut if re.search(r"\w", cut) else span


# What comes before a change ("naik hingga Rp 20.000 menjadi ..."), not before a value it changed from ("dari 5 tahun")
_CHANGED = re.compile(rf"\b(?:{CHANGE_VERBS}|sebesar)(?:\s+(?:hingga|sekitar|sebanyak|sebesar))?\s*$", re.I)


def from_to(question: Question, span: str, sentence: str) -> str:
    """Of two values a span joins with "menjadi", the one asked for: a change ("naik Rp 20.000 per gram menjadi Rp
    2.774.000 per gram") for "naik berapa" (Question.asks_change), a value it changed from ("dari 5 tahun menjadi 8
    tahun") for "awalnya berapa" (Question.asks_before), otherwise what it came to; the span as it is when the one
    asked for is not in it."""
    first, joined, then = span.partition(" menjadi ")
    if question.asks != "number" or not joined or not _VALUE.match(first) or not _VALUE.match(then):
        return span
    at = sentence.find(span)
    change = at >= 0 and bool(_CHANGED.search(sentence[:at]))
    if question.asks_change:
        return first if change else span
    if question.asks_before:
        return span if change else first
    return then


def the_clock(question: Question, span: str, sentence: str) -> str:
    """For "jam berapa" ("what time"), the time of day the span holds, as the sentence writes it ("03.12 WIB dengan
    pusat di darat pada kedalaman 10 kilometer" -> "pukul 03.12 WIB"); otherwise the span as it is."""
    m = match_around(CLOCK_TIME, span, sentence) if question.asks_clock else None
    return m.group(0) if m else span


_BARE_NUMBER = re.compile(r"\d[\d.,]*|" + NUMBER_WORD, re.I)
# What a number is counted or measured in, written after it ("1.240 hektare", "14 hari", "3 orang")
_UNITS = set(MEASURE_UNITS) | {"orang", "jiwa", "unit", "buah", "ekor", "kali", "milimeter", "mm", "sentimeter", "cm"}


def with_its_unit(question: Question, span: str, sentence: str) -> str:
    """A number alone, answering a question that asks for one, with the word after it in `sentence` when that word is
    one the question asks with or a unit ("4.312" -> "4.312 warga" for "Berapa warga Sintang mengungsi?", "47" ->
    "47 pejabat" for "How many officials ...?", read as "Berapa pejabat ...?", "1.240" -> "1.240 hektare", "delapan"
    -> "delapan rekor"): a bare
    number does not say what it counts. Otherwise the span as it is."""
    if question.asks != "number" or not _BARE_NUMBER.fullmatch(span):
        return span
    asked = (set(question.terms) | {w.lower() for w in _TOKEN.findall(question.for_reader)}) - STOPWORDS
    for m in re.finditer(rf"(?<![\w.,]){re.escape(span)}\s+(\w+)", sentence):
        if m.group(1).lower() in asked | _UNITS:
            return f"{span} {m.group(1)}"
    return span


# The other end of a range a value opens ("300" in "berkisar 300 hingga 400 milimeter per bulan"), with its scale, its
# unit and what it is per
_RANGE_END = re.compile(rf"\s+(?:hingga|sampai|s\.d\.?|-|–)\s+(?:rp\s*)?(?:\d[\d.,]*|{NUMBER_WORD})"
                        r"(?:\s+(?:ribu|juta|miliar|triliun)\b)?", re.I)
_NEXT_WORD = re.compile(r"\s+(\w+)")
_PER = re.compile(r"\s+per\s+\w+", re.I)
_CHANGED_FROM = re.compile(rf"\b(?:{CHANGE_VERBS})\s+dari\s*$", re.I)


def whole_range(question: Question, span: str, sentence: str) -> str:
    """For "berapa", a value that opens a range in `sentence`, with the range's other end and its unit ("300" -> "300
    hingga 400 milimeter per bulan" for "Berapa curah hujan saat puncak musim?"; "0,5 meter" -> "0,5 meter hingga
    1,7 meter"): either end alone misstates it. Not a value a change starts from ("naik dari Rp10.000 hingga
    Rp15.000"). Otherwise the span as it is."""
    at = sentence.find(span)
    if question.asks != "number" or at < 0 or not _VALUE.match(span) or _CHANGED_FROM.search(sentence[:at]):
        return span
    m = _RANGE_END.match(sentence, at + len(span))
    if m is None:
        return span
    end = m.end()
    unit = _NEXT_WORD.match(sentence, end)
    if unit and (unit.group(1).lower() in _UNITS | set(question.terms) | set(question.asked_words)
                 or unit.group(1) == span.split()[-1]):
        end = unit.end()
    per = _PER.match(sentence, end)
    return sentence[at:per.end() if per else end]


# A list a span is one item of: the items after it (", B", ", C dan D", ", serta E"), and where the list opens
# (an item is no clause: "…tiga negara Eropa dan akan disalurkan mulai 2027" lists nothing)
_NO_CLAUSE = r"(?!(?i:akan|telah|sudah|sedang|masih|juga|yang|untuk|agar|sehingga|kemudian|lalu|namun|tetapi|kata|" \
             r"ujar)\b)"
_NEXT_ITEM = re.compile(rf",\s+(?!(?:dan|serta|atau)\b){_NO_CLAUSE}([^,.;:()\"]{{1,60}}?)(?=\s*[,.;:\"]|$)")
_LAST_ITEM = re.compile(rf",?\s+(?:dan|serta|atau)\s+{_NO_CLAUSE}([^,.;:()\"]{{1,80}}?)(?=\s*[.;:,\"]|$)")
_LIST_OPENS = re.compile(r"(?:\b(?:meliputi|yakni|yaitu|antara lain|adalah|berupa|seperti|termasuk|terutama(?: di)?|"
                         r"khususnya|di antaranya|misalnya)|:)\s+", re.I)


def whole_list(question: Question, span: str, sentence: str) -> str:
    """For a question asking for several ("Apa saja syarat …?", "Siapa saja …?", "What are the …?"), the whole list in
    `sentence` that the span is an item of, from where it opens ("meliputi", "yakni", ":") to its last item ("kartu
    tanda mahasiswa aktif" -> "kartu tanda mahasiswa aktif, transkrip nilai terakhir, kartu keluarga, serta surat
    keterangan tidak mampu dari desa atau kelurahan"): the reader, trained on questions with one answer, gives the
    first item. The span as it is when it stands in no list."""
    at = sentence.find(span)
    if not question.asks_list or at < 0:
        return span
    end = first = at + len(span)
    while (item := _NEXT_ITEM.match(sentence, end)) is not None:
        end = item.end()
    last = _LAST_ITEM.match(sentence, end)    # "…, C dan D": C's item may have taken "dan D" already
    end = last.end() if last else end
    opens = [m.end() for m in _LIST_OPENS.finditer(sentence, 0, at + 1) if m.end() <= at]
    before = sentence[opens[-1]:at] if opens else ""
    # back to where it opens, over the items before the span ("atletik, " of "terutama di atletik, renang dan …")
    start = opens[-1] if opens and len(before.split()) <= 12 and (end > first or before.rstrip().endswith(",")) \
        else at
    return sentence[start:end] if (start, end) != (at, first) else span


def the_holder(question: Question, span: str) -> str:
    """For the holder of an office, the name without the words of the question before it ("DPRD Kotim Hadi
    Prasetyo" -> "Hadi Prasetyo" for "Who chairs the Kotim regional parliament?", read "Siapa ketua Kotim dprd?"),
    nor the region of the office ("Kotim Hadi Prasetyo" for "Siapa ketua DPRD-nya?" after a question about Kotim's
    budget): the office is what was asked about; a title stays ("dr. Yuliana Tandean" for "Who is the director of
    RSUD dr. Doris Sylvanus?"). The span as it is when that would leave less than two capitalised words."""
    if not question.offices:
        return span
    asked = question.asked_words
    words = span.split()
    low = ["".join(_TOKEN.findall(w)).lower() for w in words]
    lead = 0
    while lead < len(words) and words[lead][:1].isupper():
        region = next((n for n in (2, 1) if " ".join(low[lead:lead + n]) in REGIONS), 0)   # "Kotawaringin Timur"
        if not region and low[lead] not in asked:
            break
        lead += region or 1
    rest = words[lead:]
    return " ".join(rest) if lead and len(rest) >= 2 and all(w[:1].isupper() for w in rest) else span


def the_named(question: Question, span: str, sentence: str) -> str:
    """For "siapa" ("who"), the name that a description of the person stands beside, between commas, as news introduces
    people ("Perenang Palangka Raya, Kirana Lestari, menjadi atlet …": "Kirana Lestari" for "Siapa perenang yang membawa
    pulang emas terbanyak?"), when the description starts with a word of the question (the kind of person asked about
    is not who it is) or follows the office asked about ("Kapten Tim Tambun Bungai, Herman Jaya": the team is what
    the office is of). The span as it is otherwise."""
    if not question.asks_person:
        return span
    m = re.search(re.escape(span) + _APPOSITION, sentence)
    first = _TOKEN.findall(span.lower())[:1]
    # "Kapten Tim Tambun Bungai, Herman Jaya, …" for "Siapa kapten …?": the office asked for stands before the span,
    # which is then what the office is of, and the name after it holds it
    office = [w.lower() for w in _TOKEN.findall(sentence[:m.start()])[-1:]] if m else []
    return m.group(1) if m and (first and first[0] in question.asked_words or set(office) & set(question.offices)) \
        else span


def second_look(retrieval: Retrieval, candidates: list[_Candidate], chosen: list[_Candidate], reader: Reader,
                found: dict[int, _Read], named: set[str], policy: AnswerPolicy) -> _Candidate | None:
    """When the reader is sure of no chosen sentence, the next `second_look` sentences not yet read of the article the
    reply leads with, when it names what the question names (naming_the_rarest()), are read too, and as many sentences
    of its other retrieved passages (further_passages()), and the same of the next article that names it (another
    outlet's report of the story, fifty-fifth session); the first in which it finds a fitting span it is sure of
    (states_answer()) is returned. The sentence that states a fact often shares few of the question's words (an age
    asked in chat, given beside the name further down the story), so it ranks below those that repeat them, or stands
    in a passage of its own (docs/reader.md, forty-fourth and forty-fifth sessions). When the question asks for a
    number or a date, only sentences holding one are read (names and places come in more forms than holds_kind()
    knows)."""
    lead = chosen[0]
    if lead.hit.article_id not in named:
        return None
    read = {c.sentence for c in candidates if id(c) in found}   # the chosen among them; a sentence of two passages once
    numeric = retrieval.question.asks in ("date", "number")
    more: list[_Candidate] = []
    other = next((c for c in candidates if c.hit.article_id in named and c.hit.article_id != lead.hit.article_id), None)
    for story in filter(None, (lead, other)):
        ranked = [c for c in candidates if c.hit.article_id == story.hit.article_id]
        for pool in (ranked, further_passages(retrieval, story, policy)):
            taken = best_distinct([c for c in pool if c.sentence not in read and (c.holds_kind or not numeric)],
                                  policy.second_look)
            read.update(c.sentence for c in taken)
            more += taken
    read_windows(retrieval, more, reader, found)
    return next((c for c in more if states_answer(retrieval, c, found[id(c)], policy)), None)


def further_passages(retrieval: Retrieval, of: _Candidate, policy: AnswerPolicy) -> list[_Candidate]:
    """The quotable sentences of the retrieved passages of `of`'s article beyond the `passages_per_hit` whose sentences
    rank_sentences() ranks, in the order retrieval found the passages."""
    return [_Candidate(0.0, of.hit_rank, p.position, order, sentence, of.hit, p.text,
                       retrieval.question.holds_kind(sentence))
            for p in of.hit.passages[policy.passages_per_hit:]
            for order, sentence in enumerate(split_sentences(p.text)) if quotable(sentence)]


def short_answer(retrieval: Retrieval, chosen: list[_Candidate], found: dict[int, _Read], policy: AnswerPolicy,
                 named: set[str], stating_from: list[_Candidate] | None = None
                 ) -> tuple[str | None, _Candidate | None, float]:
    """The reader's short answer from the first of the chosen sentences (or of `stating_from`, some of them) in
    which it finds a fitting span it is sure of, in one of the `named` articles (naming_the_rarest()): (span, the
    sentence that states it, the reader's highest answer probability). The order
    is the reply's: the best-scored sentence (its score already weighs the reader's finding against the question's
    words), then the others by source and position. The reader's own surest span was right less often: it is as
    sure of a look-alike sentence (docs/reader.md, tenth session)."""
    confidence = max(found[id(c)].reading.answer_prob for c in chosen)
    allowed = {id(c) for c in stating_from or chosen}
    question = retrieval.question
    for c in chosen:
        if id(c) in allowed and c.hit.article_id in named and states_answer(retrieval, c, found[id(c)], policy):
            span = the_clock(question, part_of_range(question, found[id(c)].span, c.sentence), c.sentence)
            span = whole_range(question, one_value(question, span, c.sentence), c.sentence)
            span = whole_list(question, span, c.sentence)
            span = the_named(question, with_its_unit(question, span, c.sentence), c.sentence)
            return the_holder(question, span), c, confidence
    return None, None, confidence


def rarest_names(question: Question, weights: Mapping[str, float]) -> set[str]:
    """What an article must name to be about what the question asks (naming_the_rarest): the rarest name it writes,
    the place it asks about, the thing it asks the price of and its variety; empty when it writes none of them. A name
    counts when the archive holds it, as written or in another form ("CPNS" as "calon pegawai negeri sipil"); the kind
    of a place ("Kota" in "Kota Palangka Raya") is no name, nor is a month or a day ("24 May 2026": Question.after
    weighs when)."""
    unknown = getattr(weights, "unknown", ())
    names = [n for n in question.written_names if not n.isdigit() and n not in PLACE_KINDS and n not in MONTHS
             and n not in WEEKDAYS and not question.unheard(n, unknown)]
    required = {max(names, key=lambda n: weights.get(n, 0.0))} if names else set()
    place = [n for n in question.place if n in names]
    if place:       # the place it asks about: a look-alike story of another place names the rest as well
        required.add(max(place, key=lambda n: weights.get(n, 0.0)))
    if question.priced:     # the thing it asks the price of: another commodity's story states a price as surely
        required.add(question.priced)
    if question.price_variety:   # ... and which of its kind ("bawang putih": a list with "bawang merah" only is not it)
        required.add(question.price_variety)
    return required


def naming_the_rarest(question: Question, hits: Iterable[Hit], weights: Mapping[str, float],
                      required: set[str] | None = None) -> set[str]:
    """The ids of the articles (title and retrieved passages) that name the rarest of the names the question writes
    (not numbers; of those the archive holds, directly or in another form: "Kalteng" as "Kalimantan Tengah") and the
    thing it asks the price of (Question.priced); all of them when it writes neither; none that names another province
    or region in place of the question's (another_region()). A look-alike story of another place, person or commodity
    states a value just as surely, and it is not the answer (docs/reader.md, twelfth, twentieth and twenty-second
    sessions). `required`: rarest_names(), when already known."""
    required = rarest_names(question, weights) if required is None else required
    texts = {hit.article_id: article_text(hit) for hit in hits}
    forms = question.words_in_indonesian if question.language == "en" else question.alternatives
    forms = {**forms, **{name: forms.get(name, ()) + tuple((part,) for part in name_parts(question, name, weights))
                         for name in required}}
    return {article_id for article_id, text in texts.items() if not another_region(question, text) and all(
        coverage([name], weights, text, forms) > 0.0 for name in required)}


def article_text(hit: Hit) -> str:
    """What retrieval holds of an article: its title and its retrieved passages."""
    return " ".join([hit.title, *(p.text for p in hit.passages)])


def name_parts(question: Question, name: str, weights: Mapping[str, float]) -> list[str]:
    """The words after `name` in the run of names it stands in that name it alone in an article's passages: news writes
    a person in full once, then by one word ("Dibaba (19)" for "Tirunesh Dibaba", "Darling" for "Tonique
    Williams-Darling"), and a passage retrieved from further down never writes the rest (docs/reader.md,
    thirty-seventh session). Not an everyday word ("Jaya", "Putra"), a region's ("Kalteng" of "Porprov Kalteng"), a
    kind of place or a date's, nor a word in ten times as many passages as `name`."""
    unknown = getattr(weights, "unknown", ())
    regional = {w for region in question.regions for form in (region, *REGION_FORMS.get(region, ()))
                for w in form.split()} | question.regencies
    floor = weights.get(name, 0.0) - math.log(10)
    return [part for part in question.names_after.get(name, ()) if len(part) > 2 and not part.isdigit()
            and part not in INDONESIAN_WORDS and part not in STOPWORDS and part not in PLACE_KINDS and part not in MONTHS
            and part not in WEEKDAYS and part not in regional and part not in unknown and weights.get(part, 0.0) >= floor]


def another_region(question: Question, text: str) -> bool:
    """Whether `text` names provinces and none the question names ("Kejati Kalbar" for "Kejati Sultra"), or a sibling
    of a region the question names and not that region ("Kotawaringin Barat" for "Kotim", "Jakarta Barat" for
    "Jakarta Selatan"): a story of another place, which states its own values as surely. The rarest name cannot tell
    them apart: "Kejati" and "Bulog" stand in both. Regions the tables do not list count when named as a place and a
    compass word ("Barito Selatan" for "Barito Timur": compass_regions()), and so does a regency or city named as one
    ("Kabupaten Pulang Pisau") in place of the one the question names so ("Kabupaten Kapuas": regencies())."""
    asked = question.compass_regions
    if not question.regions and not question.provinces and not asked and not question.regencies:
        return False
    words = _TOKEN.findall(text.lower())
    if question.regencies and regencies(text) - question.regencies and not question.regencies <= set(words):
        return True
    provinces = provinces_in(words)
    if question.provinces and provinces and not provinces & question.provinces:
        return True
    named = set(regions_in(words))
    if any(region not in named and named.intersection(siblings(region)) for region in question.regions):
        return True
    written = compass_regions(text)
    return any(pair not in written and any(w[0] == pair[0] for w in written) for pair in asked)


# The regencies and cities of corpus/shortened.py's table (its long forms that name no province)
_LOCAL_REGIONS = frozenset(region for region in REGION_FORMS if not provinces_in(region.split()))


def of_other_regions(question: Question, text: str) -> bool:
    """Whether `text` names regencies or cities of corpus/shortened.py's table and none of those the question names
    ("Kotawaringin Barat" for "… di Palangka Raya?"); provinces do not count on either side (a regency's story names
    its province, and a province's question may be of any of its regencies)."""
    asked = _LOCAL_REGIONS.intersection(question.regions)
    written = _LOCAL_REGIONS.intersection(regions_in(_TOKEN.findall(text.lower()))) if asked else set()
    return bool(written) and not asked & written


def names_its_story(chosen: list[_Candidate], required: set[str], named: set[str], policy: AnswerPolicy) -> bool:
    """Whether a chosen sentence comes from an article that names what the question names (naming_the_rarest(), for
    a question with names to name: `required`, rarest_names()) and is close to it by cosine (min_dense_named_en):
    such an English question was answered before the reader's probability could decline it, and rightly (dev)."""
    return bool(required) and any(
        c.hit.article_id in named and (c.hit.dense or 0.0) >= policy.min_dense_named_en for c in chosen)


def weigh(retrieval: Retrieval, terms: list[str], weights: dict[str, float], read: list[_Candidate],
          found: dict[int, _Read], named: set[str], policy: AnswerPolicy) -> Signals | None:
    """What the answerable model weighs: retrieval's evidence and the reader's, over the windows it read (`named`:
    naming_the_rarest() of the retrieved articles); None when retrieval has no cosine (keyword-only answers, while the
    vector index is missing or damaged)."""
    question, alternatives = retrieval.question, retrieval.question.alternatives
    names = list(question.names)
    reads = [found[id(c)] for c in read]
    dense = [h.dense for h in retrieval.hits if h.dense is not None]
    if not dense:
        return None
    return Signals(
        dense=max(dense),
        coverage=best_coverage(retrieval, terms, weights),
        name_coverage=name_coverage(retrieval, weights),
        window_coverage=max(coverage(terms, weights, r.window, alternatives) for r in reads),
        window_names=max(coverage(names, weights, r.window, alternatives) for r in reads) if names else 1.0,
        reader_prob=max(r.reading.answer_prob for r in reads),
        reader_fit=max((r.reading.answer_prob * r.reading.span_prob for c, r in zip(read, reads)
                        if fits(question, r.span, c.sentence, policy)), default=0.0),
        names_rarest=retrieval.hits[0].article_id in named)


def states_answer(retrieval: Retrieval, c: _Candidate, read: _Read, policy: AnswerPolicy) -> bool:
    """Whether the reader finds in the sentence a span it is sure of that can stand as the short answer, of the office
    and the place asked about (of_what_is_asked())."""
    reading = read.reading
    sure = reading.span_prob >= policy.min_span_prob and reading.answer_prob >= policy.min_sure_prob
    question = retrieval.question
    return sure and fits(question, read.span, c.sentence, policy) and of_what_is_asked(question, c, read)


def supports(retrieval: Retrieval, c: _Candidate, stating: _Candidate, short: str, found: dict[int, _Read],
             policy: AnswerPolicy) -> bool:
    """Whether a companion sentence belongs beside the short answer: it comes from the article that states it, it
    states the same answer, or it states another one (a look-alike story's value: the reader sees both, each with
    its source). A sentence of another story that only shares the question's words is left out: it would cite an
    article that does not support the answer (docs/reader.md, twelfth session)."""
    return c.hit.article_id == stating.hit.article_id or _normal(short) in _normal(c.sentence) \
        or states_answer(retrieval, c, found[id(c)], policy)


def _normal(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def compose(retrieval: Retrieval, term_weights: Callable[[list[str]], dict[str, float]],
            policy: AnswerPolicy | None = None,
            similarity: Callable[[list[str]], list[float]] | None = None,
            reader: Reader | None = None, answerable: Answerable | None = None) -> Answer:
    """Choose the 1-3 sentences that best answer the question, each followed by its [n]; with a reader, lead
    with the short answer it finds inside them. `similarity` gives sentences' cosines to the question
    (rank_sentences says when it is asked). The scorer's rules decide whether to answer; for an Indonesian question
    whose words the best article holds without naming its rarest name, the `answerable` model may still decline,
    and the reader may veto any Indonesian answer."""
    policy = policy or AnswerPolicy()
    question, lang = retrieval.question, retrieval.language
    terms = list(question.terms)
    weights = term_weights(list(dict.fromkeys(terms + list(question.names) + question.alternative_words)))

    def declined(**found_out) -> Answer:
        return Answer(question.text, NOT_FOUND[lang], True, [], lang, dict(retrieval.timings_ms), **found_out)

    decision = decide(retrieval, terms, weights, policy)
    use_reader = reader is not None and not retrieval.news and question.asks
    doubt = decision is Decision.DOUBT   # only the answerable model, weighing what the reader finds, may answer it
    weighable = use_reader and answerable is not None and lang in policy.calibrated_languages
    if decision is Decision.DECLINE or doubt and not weighable:
        return declined()
    required = rarest_names(question, weights) if use_reader else set()
    named = naming_the_rarest(question, retrieval.hits, weights, required) if use_reader else set()
    if use_reader and not named:
        # No story found names what the question names. Where it asks a price (of "bawang putih", of a market story
        # listing bawang merah), none holds it; where the best story is of another province or region than the one
        # asked about, its values are no answer, however many of the question's words it holds (docs/reader.md,
        # forty-sixth and forty-ninth sessions).
        best = article_text(retrieval.hits[0])
        if question.priced or another_region(question, best) or of_other_regions(question, best):
            return declined()
    found: dict[int, _Read] = {}
    signals, probability = None, None
    if retrieval.news:
        chosen = lead_sentences(retrieval, policy)
    else:
        candidates = rank_sentences(retrieval, terms, weights, policy, similarity)
        if use_reader:
            best = best_distinct(candidates, policy.read_candidates)
            read_windows(retrieval, best, reader, found)
            if best and lang in policy.calibrated_languages:
                signals = weigh(retrieval, terms, weights, best, found, named, policy)
                probability = answerable.probability(signals) if answerable and signals else None
            # Where the best article does not name the question's rarest name it may be a look-alike story of another
            # place or person, and there the answerable model may still decline, whichever rule let it through
            # (docs/reader.md, thirteenth and forty-fifth sessions). Where the rules doubt, it decides (forty-first
            # session); a doubted question with nothing read to weigh is declined.
            weighed = doubt or signals is not None and not signals.names_rarest
            if weighed and (probability < policy.min_answerable if probability is not None else doubt):
                return declined(confidence=signals.reader_prob if signals else None, signals=signals,
                                answerable=probability)
            read_neighbours(candidates, best, found)
            candidates = rerank_by_reader(retrieval, candidates, found, policy)
        chosen = choose_sentences(candidates, policy)
    if not chosen:
        return declined()
    # The best sentence leads (the one stating the short answer, when the reader finds one); the others follow
    # in natural order: by source as ranked, then as they stand in the article.
    chosen = chosen[:1] + sorted(chosen[1:], key=lambda c: (c.hit_rank, c.position, c.order))
    # "harga cabai sekarang": the newest source about what the question names leads (another hospital's newer story
    # does not say how many doctors this one has now)
    newest = max((c.hit.published or "" for c in chosen if not named or c.hit.article_id in named), default="")
    if question.now and len({c.hit.published for c in chosen}) > 1:
        chosen.sort(key=lambda c: (c.hit.article_id in named, c.hit.published or ""), reverse=True)
    short, stating, confidence, sure = None, None, None, True
    if use_reader:
        # An older value is not the answer to "now": the short answer comes from the newest source.
        current = [c for c in chosen if (c.hit.published or "") == newest] if question.now else None
        read_windows(retrieval, chosen, reader, found)   # a companion below the best five
        short, stating, confidence = short_answer(retrieval, chosen, found, policy, named, current)
        if policy.declines(confidence, lang, names_its_story(chosen, required, named, policy)):
            return declined(confidence=confidence)
        # Sure only of an answer in an article about what the question names (a look-alike story's does not count), and
        # of one of the office and place asked about (the bupati a sentence names is no Wakil Bupati).
        sure = max((found[id(c)].reading.answer_prob for c in chosen if c.hit.article_id in named
                    and of_what_is_asked(question, c, found[id(c)])), default=0.0) >= policy.min_sure_prob
        if doubt:   # answered on the answerable model's word: the closest sentences, no short answer, not sure
            short, stating, sure = None, None, False
        elif not sure and (look := second_look(retrieval, candidates, chosen, reader, found, named, policy)):
            # found on a second look: it leads, still without a short answer and with the "not sure" note
            chosen = [look] + chosen[:policy.max_sentences - 1]
            confidence = max(confidence, found[id(look)].reading.answer_prob)
        if question.offices and not any(question.names_office(found[id(c)].words) for c in chosen):
            # "Siapa Kapolda Kalteng?": no sentence quoted (nor its neighbours) names the office, so none says who holds
            # it, however close the rest of its words
            return declined(confidence=confidence)
        if stating is not None:   # it leads; the best-scored sentence stays beside it, and what supports it
            best = chosen[0]
            chosen = [stating] + [c for c in chosen if c is not stating and (
                c is best or supports(retrieval, c, stating, short, found, policy))]
            if found[id(stating)].reading.answer_prob < policy.min_bold_prob or question.whether:
                short = None    # the sentence states it, without the short answer in bold before it (nor a span
                                # of it for a question asking whether: "18.600 ton" for "Apakah stok … cukup?")
        elif chosen[0].hit.article_id in named:   # no short answer: nor a sentence of a story naming nothing it asks about
            chosen = [c for c in chosen if c.hit.article_id in named]
        else:   # ... and where it is of another story, those of stories naming it lead when one holds as much of the
                # question's words; the rest follow, since a passage may answer without the name (docs/reader.md,
                # fifty-third session)
            lead = coverage(terms, weights, chosen[0].sentence, question.alternatives)
            if any(c.hit.article_id in named and coverage(terms, weights, c.sentence, question.alternatives) >= lead
                   for c in chosen):
                chosen = sorted(chosen, key=lambda c: c.hit.article_id not in named)

    citations: dict[str, Citation] = {}
    parts = []
    for c in chosen:
        sentence = c.shown
        cite = citations.get(c.hit.article_id)
        if cite is None:
            cite = Citation(len(citations) + 1, c.hit.article_id, c.hit.title, c.hit.url, c.hit.source,
                            c.hit.published, c.passage_text, also=list(c.hit.also))
            citations[c.hit.article_id] = cite
        elif c.passage_text not in cite.passage:
            cite.passage += "\n…\n" + c.passage_text
        cite.sentences.append(sentence)
        parts.append(f"{sentence} [{cite.n}]")
    return Answer(question.text, " ".join(parts), False, list(citations.values()), lang,
                  dict(retrieval.timings_ms), short, confidence, sure=sure, signals=signals, answerable=probability)
