"""The short answer as an English reader reads it: an English question's reply leads with the span the reader found in
an Indonesian sentence ("Rp2,41 triliun", "47 pejabat", "Rabu (2/9)"), and an English reader takes "2,41" for two
hundred and forty-one and "1.200" for one point two. Its numbers are written the English way ("Rp2.41 trillion",
"1,200"), its clock times with a colon, its months, days and dates in English ("Wednesday, 2 September"), and, when
the glossary knows every other word of it, those words in English, a plural after a count ("47 officials", "12 rubber
boats", "six gold medals"). Names stay as written; a span with a word the glossary does not know keeps its words
("peringkat kesebelas"). The sentence that states it is quoted below as its source wrote it, and the span itself
stays in `kabar ask --json` ("short_answer"): it is what the quoted sentence holds.
"""
from __future__ import annotations

import re

from corpus.glossary import CALENDAR, ENGLISH_TO_INDONESIAN, INDONESIAN_TO_ENGLISH

_MONTHS = [name.title() for name in ("january february march april may june july august september october november "
                                     "december").split()]
_CALENDAR = {indonesian.lower(): english.title() for english, indonesian in CALENDAR.items()}   # "rabu": "Wednesday"
_NUMERALS = dict(zip("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas".split(),
                     "one two three four five six seven eight nine ten eleven".split()))
_SAID = {"ribu": "thousand", "juta": "million", "miliar": "billion", "triliun": "trillion", "persen": "percent",
         "sekitar": "about", "hampir": "nearly", "lebih": "more", "dari": "than", "kurang": "less", "hingga": "to",
         "sampai": "to", "dan": "and", "atau": "or", "per": "per", "setiap": "each", "pukul": ""}
_PLURAL = {"person": "people", "people": "people", "child": "children", "man": "men", "woman": "women"}


def _singulars() -> dict[str, str]:
    """Indonesian word -> the English word of which it is the first (most common) form, in the singular."""
    out: dict[str, list[str]] = {}
    for english, forms in ENGLISH_TO_INDONESIAN.items():
        first = forms.split("|")[0].lower()
        if "_" not in english and first and "_" not in first and " " not in first:
            out.setdefault(first, []).append(english)
    chosen = {}
    for word, englishes in out.items():      # the first in the glossary's order that is no plural
        single = [e for e in englishes if (not e.endswith("s") or e.endswith("ss")) and e not in _PLURAL.values()]
        chosen[word] = (single or [e[:-1] if e.endswith("s") else e for e in englishes])[0]
    for word, english in INDONESIAN_TO_ENGLISH.items():
        if "_" not in english:
            chosen.setdefault(word, english)
    return chosen


_ENGLISH = _singulars()
_TOKEN = re.compile(r"\(\d{1,2}/\d{1,2}\)|ke-\d+|\d+(?:[.,]\d+)*|[^\W\d_]+(?:['-][^\W\d_]+)*\.?|\S", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _plural(noun: str) -> str:
    if noun in _PLURAL:
        return _PLURAL[noun]
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + ("es" if re.search(r"(?:s|x|ch|sh)$", noun) else "s")


def _number(token: str, clock: bool) -> str:
    """An Indonesian number written the English way: "1.200" -> "1,200", "2,41" -> "2.41"; a clock time "16.30"
    -> "16:30"."""
    if clock and re.fullmatch(r"\d{1,2}\.\d{2}", token):
        return token.replace(".", ":")
    return token.translate(str.maketrans(".,", ",."))


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def in_english(span: str) -> str:
    """`span`, a short answer read in an Indonesian sentence, as an English reader reads it (see above)."""
    tokens = _TOKEN.findall(span)
    clock = bool(re.search(r"\b(?:pukul|WIB|WITA|WIT)\b", span))
    known = all(not t[:1].islower() or t.lower() in _SAID or t.lower() in _NUMERALS or t.lower() in _ENGLISH
                or t.lower() in _CALENDAR or t.startswith("ke-") for t in tokens)
    out: list[str] = []
    count: float | None = None      # the last count met, for the plural of what it counts
    nouns: list[str] = []           # a run of words the glossary renders, in Indonesian order
    for token in tokens + [""]:
        low = token.lower()
        if known and token[:1].islower() and low in _ENGLISH and low not in _SAID and low not in _NUMERALS:
            nouns.append(_ENGLISH[low])
            continue
        if nouns:   # "medali emas": "gold medal", the head last, in the plural after a count other than one
            nouns.reverse()
            if count is not None and count != 1:
                nouns[-1] = _plural(nouns[-1])
            out.append(" ".join(nouns))
            nouns, count = [], None
        if not token:
            break
        if token.startswith("(") and token.endswith(")"):      # "(2/9)": the day and month news writes
            day, month = (int(x) for x in token[1:-1].split("/"))
            if not 1 <= month <= 12:
                out.append(token)
                continue
            if out:
                out[-1] += ","
            out.append(f"{day} {_MONTHS[month - 1]}")
        elif token.startswith("ke-") and known:                 # "menit ke-74": "74th minute"
            n = int(token[3:])
            last = out.pop() if out and out[-1][:1].islower() else None
            out.append(f"{_ordinal(n)} {last}" if last else _ordinal(n))
        elif _NUMBER.fullmatch(token):
            out.append(_number(token, clock))
            count = float(token.replace(".", "").replace(",", "."))
        elif low in _CALENDAR and token[:1].isupper():
            out.append(_CALENDAR[low])
        elif known and low in _NUMERALS:
            out.append(_NUMERALS[low])
            count = list(_NUMERALS).index(low) + 1
        elif known and low in _SAID:
            if _SAID[low]:
                out.append(_SAID[low])
            if low == "per":        # "Rp48.000 per kilogram": one kilogram
                count = None
        else:
            out.append(token)
    text = " ".join(out)
    text = re.sub(r"(\d) (thousand|million|billion|trillion)\b", r"\1 \2", text)
    text = re.sub(r"\bRp (\d)", r"Rp\1", text)
    return re.sub(r"\s+([,.;:)])", r"\1", text).strip()
