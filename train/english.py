"""Rough English versions of FacQA's Indonesian questions, for training the reader on English questions.

Readers also ask in English about Indonesian articles ("Who won the men's singles title at the 2017 Japan
Open?"). FacQA has Indonesian questions only, and a reader trained on them gave right answers to English
questions probabilities under 0.001 (docs/reader.md). No English questions about Indonesian passages are
available under a licence that lets a model ship, so training turns some FacQA questions into English word
by word: the question words by the rules below, other words through a glossary of common news words written
for this project; names, numbers and words it does not know stay as they are. The result is not good English
("Who that lead meeting cabinet limited from Missouri?") but it has what the reader must learn: an English
question word and English words for what the Indonesian passage says, around names that stay the same.
"""
from __future__ import annotations

import re

# Common words of news questions, Indonesian to English (written for this project; the run time reads it the other
# way round for English questions).
from corpus.glossary import INDONESIAN_TO_ENGLISH as GLOSSARY

# Question words and phrases, longest first: (Indonesian, English).
QUESTION_PHRASES = [
    ("siapakah nama", "what is the name of"), ("siapa nama", "what is the name of"),
    ("apakah nama", "what is the name of"), ("apa nama", "what is the name of"),
    ("tanggal berapakah", "on what date"), ("tanggal berapa", "on what date"),
    ("tahun berapakah", "in what year"), ("tahun berapa", "in what year"),
    ("pada tahun berapa", "in what year"), ("pada tanggal berapa", "on what date"),
    ("pada tahun", "in the year"), ("pada tanggal", "on the date"),
    ("berapa jumlah", "how many"), ("berapakah jumlah", "how many"),
    ("berapa banyak", "how many"), ("berapa lama", "how long"), ("berapa harga", "how much is the price of"),
    ("di manakah", "where"), ("di mana", "where"), ("dimanakah", "where"), ("dimana", "where"),
    ("ke manakah", "where to"), ("ke mana", "where to"), ("kemanakah", "where to"), ("kemana", "where to"),
    ("dari manakah", "where from"), ("dari mana", "where from"),
    ("sejak kapan", "since when"), ("sampai kapan", "until when"), ("hingga kapan", "until when"),
    ("siapakah", "who"), ("siapa", "who"), ("kapankah", "when"), ("kapan", "when"),
    ("berapakah", "how many"), ("berapa", "how many"), ("apakah", "what"), ("apa", "what"),
    ("manakah", "which"), ("mana", "which"), ("bagaimana", "how"), ("mengapa", "why"), ("kenapa", "why"),
]


def to_english(question: str) -> str:
    """`question` word by word in English (see the module's docstring); names and unknown words stay."""
    text = question.strip()
    lowered = text.lower()
    lead = ""
    for indonesian, english in QUESTION_PHRASES:
        if re.match(rf"{re.escape(indonesian)}\b", lowered):
            lead, text = english, text[len(indonesian):]
            break
    out = []
    for i, token in enumerate(re.findall(r"\w[\w-]*|[^\w\s]", text)):
        english = GLOSSARY.get(token.lower())
        # A capitalised word inside the question is part of a name ("Kota Bandung", "Partai Golkar").
        named = token[:1].isupper() and (i > 0 or lead)
        out.append(token if english is None or named else english.replace("_", " "))
    # The question words that end up inside the question ("Presiden siapa ...", "... tahun berapa?").
    words = " ".join(out)
    for indonesian, english in QUESTION_PHRASES:
        words = re.sub(rf"\b{re.escape(indonesian)}\b", english, words, flags=re.I)
    sentence = f"{lead} {words}".strip()
    sentence = re.sub(r"\s+([?,.!])", r"\1", sentence)
    return sentence[:1].upper() + sentence[1:]
