"""News-like articles and questions written for this project (train/news_like/*.jsonl), for training the reader.

FacQA's questions mostly reuse their passage's words. Readers of a news bot paraphrase ("bupati yang baru
dilantik"), abbreviate ("Plt Sekda Kalteng"), ask in English, and ask about a story the archive holds only a
look-alike of (another regency's budget, another tournament's final). These files hold fictional articles
written for the project (MIT, like the sample corpus), in pairs of look-alike stories ("gov-01a" and its twin
"gov-01b"), each with five questions: paraphrase, abbreviation, English, plain, and one about the same story
that the article does not answer (answer null). Nothing here comes from the news corpus.

Examples are read as kabar reads them (bot/answer.py `sentence_window`): a sentence with one neighbour on each
side, without the dateline. A positive is the window of the sentence that holds the answer; a negative is the
window in the twin article, or in the article itself, that shares the most words with the question.
"""
from __future__ import annotations

import json
import math
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bot.answer import sentence_window
from corpus.question import Question
from corpus.text import split_sentences, words
from index.e5 import Tokenizer
from index.reader import Encoded, char_span_to_tokens, encode

FOLDER = Path(__file__).with_name("news_like")
STYLES = ("paraphrase", "abbreviation", "english", "plain", "not_stated")


class NewsLikeError(ValueError):
    """A news-like file that cannot be used, with the file, line and field at fault."""


@dataclass(frozen=True)
class WrittenQuestion:
    text: str
    answer: str | None      # an exact substring of the article's text; None: the article does not answer it
    style: str


@dataclass(frozen=True)
class WrittenArticle:
    id: str
    twin: str
    text: str
    questions: tuple[WrittenQuestion, ...]

    @property
    def sentences(self) -> list[str]:
        """The article's sentences, paragraph by paragraph (no sentence crosses a paragraph break)."""
        return [s for paragraph in self.text.split("\n") for s in split_sentences(paragraph)]


def load(folder: Path = FOLDER) -> list[WrittenArticle]:
    """Every article of the folder's .jsonl files, checked: each answer occurs in its article and not in its twin."""
    articles: dict[str, WrittenArticle] = {}
    where: dict[str, str] = {}
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise NewsLikeError(f"{folder}: no .jsonl files")
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            at = f"{path}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise NewsLikeError(f"{at}: not JSON ({e.msg})") from None
            for field in ("id", "twin", "text", "questions"):
                if not row.get(field):
                    raise NewsLikeError(f"{at}: field '{field}' is missing or empty")
            questions = []
            for k, q in enumerate(row["questions"]):
                if not isinstance(q, dict) or not q.get("question") or q.get("style") not in STYLES:
                    raise NewsLikeError(f"{at}: questions[{k}] needs 'question' and a 'style' of {', '.join(STYLES)}")
                answer = q.get("answer")
                if (answer is None) != (q["style"] == "not_stated"):
                    raise NewsLikeError(f"{at}: questions[{k}] 'answer' must be null exactly when style is not_stated")
                if answer is not None and answer not in row["text"]:
                    raise NewsLikeError(f"{at}: questions[{k}] 'answer' {answer!r} does not occur in 'text'")
                questions.append(WrittenQuestion(q["question"], answer, q["style"]))
            if row["id"] in articles:
                raise NewsLikeError(f"{at}: 'id' {row['id']!r} is also at {where[row['id']]}")
            articles[row["id"]] = WrittenArticle(row["id"], row["twin"], row["text"], tuple(questions))
            where[row["id"]] = at
    for a in articles.values():
        twin = articles.get(a.twin)
        if twin is None:
            raise NewsLikeError(f"{where[a.id]}: 'twin' {a.twin!r} is not an article of {folder}")
        for k, q in enumerate(a.questions):
            if q.answer is not None and q.answer in twin.text:
                raise NewsLikeError(f"{where[a.id]}: questions[{k}] 'answer' {q.answer!r} also occurs in twin {twin.id}")
    return list(articles.values())


def held_out(article: WrittenArticle, every: int = 7) -> bool:
    """Whether the article's pair is kept for validation: pairs numbered 7, 14, ... ("gov-07a", "gov-07b")."""
    number = re.search(r"(\d+)[a-z]?$", article.id)
    return bool(number) and int(number.group(1)) % every == 0


def window(sentences: list[str], i: int) -> str:
    """Sentence i of an article's `sentences` with its neighbours, as kabar's reader reads it (bot/answer.py
    sentence_window(): the first sentence without its dateline)."""
    return sentence_window(sentences, i, opens_article=True)[0]


class NewsLikeExamples:
    """One epoch of (Encoded, answer token span or None) pairs from the written articles: each answerable
    question against the window that holds its answer, and every question against a window without it (its
    twin's most word-sharing window, or for a question the article does not answer, the article's own)."""

    def __init__(self, articles: list[WrittenArticle], tokenizer: Tokenizer, seed: int, own_negatives: float = 0.3):
        self.articles = {a.id: a for a in articles}
        self.tok = tokenizer
        self.rng = random.Random(seed)
        self.own_negatives = own_negatives   # share of answerable questions whose negative is their own article's
        df = Counter(w for a in articles for w in _lower_words(a.text))
        self.idf = {w: math.log(len(articles) / c) for w, c in df.items()}

    def questions(self) -> list[tuple[WrittenArticle, WrittenQuestion]]:
        return [(a, q) for a in self.articles.values() for q in a.questions]

    def _best_window(self, question: str, article: WrittenArticle, without: str | None) -> str | None:
        """The window of `article` sharing the most (idf-weighted) words with the question, not holding `without`."""
        q = _lower_words(question)
        sentences = article.sentences
        scored = []
        for i in range(len(sentences)):
            text = window(sentences, i)
            if without is not None and without in text:
                continue
            scored.append((sum(self.idf.get(w, 0.0) for w in q & _lower_words(sentences[i])), text))
        return max(scored)[1] if scored else None

    @staticmethod
    def answer_window(article: WrittenArticle, q: WrittenQuestion) -> str | None:
        """The window of the first sentence that holds the answer (None when the answer crosses sentences)."""
        sentences = article.sentences
        where = next((i for i, s in enumerate(sentences) if q.answer in s), None)
        return None if where is None else window(sentences, where)

    def positive(self, article: WrittenArticle, q: WrittenQuestion) -> tuple[Encoded, tuple[int, int]] | None:
        text = self.answer_window(article, q)
        if text is None:
            return None
        start = text.find(q.answer)
        enc = encode(self.tok, reader_question(q.text), text)
        span = char_span_to_tokens(enc, start, start + len(q.answer)) if start >= 0 else None
        return (enc, span) if span and span[1] < len(enc.ids) - 1 else None

    def negative(self, article: WrittenArticle, q: WrittenQuestion) -> Encoded | None:
        own = q.answer is None or self.rng.random() < self.own_negatives or article.twin not in self.articles
        source = article if own else self.articles[article.twin]
        text = self._best_window(q.text, source, q.answer)
        return encode(self.tok, reader_question(q.text), text) if text else None

    def epoch(self) -> list[tuple[Encoded, tuple[int, int] | None]]:
        out: list[tuple[Encoded, tuple[int, int] | None]] = []
        for article, q in self.questions():
            if q.answer is not None and (pos := self.positive(article, q)):
                out.append(pos)
            if (neg := self.negative(article, q)) is not None:
                out.append((neg, None))
        return out


def reader_question(text: str) -> str:
    """The question as kabar's reader gets it (an English question word put in Indonesian: Question.for_reader)."""
    return Question.parse(text).for_reader


def _lower_words(text: str) -> set[str]:
    return {w.lower() for w in words(text)}
