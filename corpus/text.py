"""Sentences and passages: split article text without ever cutting a sentence."""
from __future__ import annotations

import hashlib
import re
import unicodedata

# Words after which a full stop does not end a sentence (Indonesian and English news usage).
ABBREVIATIONS = {
    "dr", "drs", "dra", "ir", "prof", "h", "hj", "kh", "st", "sh", "se", "mm", "mt", "jl", "jln", "no",
    "nomor", "rp", "tn", "ny", "sdr", "bpk", "kol", "let", "jen", "brigjen", "mayjen", "letjen", "kapt",
    "ipda", "iptu", "akp", "kompol", "akbp", "kombes", "irjen", "komjen", "dll", "dsb", "dst", "tsb",
    "mr", "mrs", "ms", "jr", "sr", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp", "tbk",
    "pt", "cv", "kab", "kec", "kel", "prov", "hlm", "tel", "telp", "a.n", "u.p", "s.pd", "m.si", "s.h",
    "br", "drg", "pdt", "ust", "apt",   # "Rosmawati Br. Ginting" (boru, in Batak names), "drg. Yanti", "Pdt. Yohanes"
}

_SENTENCE_END = re.compile(r'([.!?…]+["”’\')\]]*)(\s+)(?=["“‘(\[]?[A-ZÀ-Ý0-9])')
_WORD = re.compile(r"\w+", re.UNICODE)


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def normalize(text: str) -> str:
    """NFC, unify whitespace inside lines, keep paragraph breaks; other control characters (terminal
    escape sequences start with ESC or the C1 CSI) are dropped."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u00a0\u200b\u200c\u200d\ufeff\t\f\v ]+", " ", text)
    text = _CONTROL.sub("", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{2,}", "\n", text)
    return text.strip()


def content_hash(*parts: str) -> str:
    """A stable hash of some text, used to notice changes and to never embed the same text twice."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _ends_with_abbreviation(chunk: str) -> bool:
    tail = chunk.rstrip('.!?…"”’\')]').rsplit(None, 1)
    if not tail:
        return False
    last = tail[-1].lower().lstrip('("“‘[')
    if last in ABBREVIATIONS:
        return True
    # Initials such as "M. Angga" or "S. Ampung".
    return len(last) == 1 and last.isalpha()


def split_sentences(text: str) -> list[str]:
    """Split into sentences; paragraph breaks always end a sentence."""
    sentences: list[str] = []
    for paragraph in normalize(text).split("\n"):
        start = 0
        for m in _SENTENCE_END.finditer(paragraph):
            end = m.end(1)
            if _ends_with_abbreviation(paragraph[start:end]):
                continue
            sentence = paragraph[start:end].strip()
            if sentence:
                sentences.append(sentence)
            start = m.end()
        rest = paragraph[start:].strip()
        if rest:
            sentences.append(rest)
    return sentences


def chunk(text: str, target: int = 100, maximum: int = 150, hard_limit: int = 300) -> list[str]:
    """Group whole sentences into passages of about `target` words, at most `maximum`.

    A passage closes once it reaches `target` words, or before a sentence that would push it past
    `maximum`. A short tail is merged into the previous passage. Only a single "sentence" longer than
    `hard_limit` words (a list or a run of text without punctuation) is split at word boundaries.
    """
    sentences: list[tuple[str, int]] = []
    for sentence in split_sentences(text):
        tokens = sentence.split()
        if len(tokens) > hard_limit:
            for i in range(0, len(tokens), maximum):
                piece = " ".join(tokens[i:i + maximum])
                sentences.append((piece, len(piece.split())))
        else:
            sentences.append((sentence, len(tokens)))

    passages: list[list[str]] = []
    counts: list[int] = []
    current: list[str] = []
    count = 0
    for sentence, n in sentences:
        if current and count + n > maximum:
            passages.append(current)
            counts.append(count)
            current, count = [], 0
        current.append(sentence)
        count += n
        if count >= target:
            passages.append(current)
            counts.append(count)
            current, count = [], 0
    if current:
        if passages and count < target // 2 and counts[-1] + count <= maximum + target // 2:
            passages[-1].extend(current)
        else:
            passages.append(current)
    return [" ".join(p) for p in passages]
