"""Everyday spoken forms of Indonesian words, as readers type them in chat, and the forms news writes instead.

Colloquial Indonesian (the Jakarta register that chat across the country uses) changes words in a few regular ways
(J. N. Sneddon, *Colloquial Jakartan Indonesian*, Pacific Linguistics, 2006):
- the suffix -in stands for -kan and -i ("siapin" for "siapkan", "ditemuin" for "ditemukan");
- a nasal alone stands for the prefix meN- ("nutup" for "menutup", "nanganin" for "menangani"), and so does nge-
  ("ngelantik" for "melantik");
- a last syllable closed by a consonant is written with e for a ("dapet", "ditangkep"), and a last -ai as -e ("pake");
- h falls at a word's start and between two vowels ("abis" for "habis", "taun" for "tahun");
- -nya is added to nearly any word ("umurnya"), and a word said twice is written with a 2 ("rata2").

`standard_forms(word)` gives the forms a word so typed may stand for. Many are no words at all and some are other
words; the one meant is the one the passages retrieved for the question write (Question.spelled_out_in), and only for
a word the archive never saw: "kemarin" (yesterday) is not read as "kemari" (here).
"""
from __future__ import annotations

import re

from .text import active

_VOWELS = "aeiou"
_CLOSED_E = re.compile(r"e([^aeiou\W\d]+)$")     # "dapet", "tangkep": the last syllable's e before its consonants
_NASAL = re.compile(r"(?:ng|ny|n|m)[a-z]")       # "ngumum-", "nyiap-", "nangan-", "mimpin"


def _sounded(root: str) -> list[str]:
    """`root` with the sounds colloquial speech changes written as news writes them: a for the e of a closed last
    syllable, -ai for a last -e, an h at the start or between two vowels; the root itself first."""
    forms = [root]
    if _CLOSED_E.search(root):
        forms.append(_CLOSED_E.sub(r"a\1", root))
    elif root.endswith("e") and len(root) > 3:
        forms.append(root[:-1] + "ai")
    for form in list(forms):
        if form[0] in _VOWELS:
            forms.append("h" + form)
        for i in range(1, len(form) - 1):
            if form[i] in _VOWELS and form[i + 1] in _VOWELS and form[i:i + 2] not in ("ai", "au", "ia", "ua"):
                forms.append(form[:i + 1] + "h" + form[i + 1:])
            elif form[i:i + 2] in ("au", "ia", "ua") and i + 2 == len(form) - 1:   # "taun", "liat": a last syllable
                forms.append(form[:i + 1] + "h" + form[i + 1:])
    return list(dict.fromkeys(forms))


def _prefixed(stem: str) -> list[str]:
    """The meN- forms of a verb typed with a nasal alone: "me" before it ("nutup": "menutup", "ngecek": "mengecek"),
    and for nge- the meN- form of the root after it ("ngelantik": "melantik")."""
    if stem.startswith("me") or not _NASAL.match(stem):
        return []
    return ["me" + stem, *([active(stem[3:])] if stem.startswith("nge") and len(stem) > 5 else [])]


def standard_forms(word: str) -> list[str]:
    """The forms news may write for `word` (lower case) typed as it is spoken, most likely first; none for a word too
    short to tell."""
    if len(word) < 4:
        return []
    if word.endswith("2") and word[:-1].isalpha():         # "rata2", "anak2"
        return [word[:-1], *standard_forms(word[:-1])]
    if not word.isalpha():
        return []
    forms: list[str] = []
    if word.endswith("nya") and len(word) > 6:              # "umurnya", "pakenya"
        forms += [word[:-3], *standard_forms(word[:-3])]
    forms += _prefixed(word)                                # "mimpin" is "memimpin" before it is "mimpi"
    if word.endswith("in") and len(word) > 5:               # -in for -kan and -i
        for root in _sounded(word[:-2]):
            for suffix in ("kan", "i"):
                forms += [root + suffix, *(form + suffix for form in _prefixed(root))]
    for root in _sounded(word):
        forms += [root, *_prefixed(root)]
    return [f for f in dict.fromkeys(forms) if f != word]
