"""The short answer as an English reader reads it: an English question's reply leads with the span the reader found in
an Indonesian sentence ("Rp2,41 triliun", "47 pejabat", "Rabu (2/9)"), and an English reader takes "2,41" for two
hundred and forty-one and "1.200" for one point two. Its numbers are written the English way ("Rp2.41 trillion",
"1,200"), its clock times with a colon, its months, days and dates in English ("Wednesday, 2 September"), and, when
the span is counts and measures alone and the glossary knows the word of each, those words in English, a plural after a
count ("47 officials", "about Rp60 billion", "4 years 6 months", "three passengers"). Names stay as written, and so do
the words of any other span ("enam medali emas": word by word, "medal gold"; "Kabupaten Agam dan Solok"). The sentence
that states it is quoted below as its source wrote it, and the span itself stays in `kabar ask --json`
("short_answer"): it is what the quoted sentence holds.
"""
from __future__ import annotations

import re

from corpus.glossary import CALENDAR, INDONESIAN_TO_ENGLISH, MONTHS_IN_INDONESIAN, english

_MONTHS = [name.title() for name in MONTHS_IN_INDONESIAN]
_CALENDAR = {indonesian.lower(): english_.title() for english_, indonesian in CALENDAR.items()}   # "rabu": "Wednesday"
_NUMERALS = {word: INDONESIAN_TO_ENGLISH[word] for word in
             "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh".split()}      # in order: "satu" is 1
_PLURAL = {"person": "people", "people": "people", "child": "children", "man": "men", "woman": "women",
           **{word: word for word in ("percent", "personnel", "staff", "police", "equipment", "livestock", "aircraft",
                                      "data", "evidence", "cattle")}}      # no plural of their own
_LEAD = {"sekitar": "about", "hampir": "nearly", "lebih dari": "more than", "kurang dari": "less than"}
_SCALE = {"ribu": "thousand", "juta": "million", "miliar": "billion", "triliun": "trillion"}
# thousands in groups of three ("1.200", "1.234,5") or a decimal comma ("2,41"); not "One UI 8.5", "Rp 2.5" typed so
_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+)(?![.,]?\d)")
_CLOCK = re.compile(r"\b(?:pukul\s+)?(\d{1,2})\.(\d{2})(?=\s*(?:WIB|WITA|WIT)\b)")
_DAY_MONTH = re.compile(r"\s*\((\d{1,2})/(\d{1,2})\)")       # news's "Rabu (2/9)"
_NAMED = re.compile(r"\b(" + "|".join(name.title() for name in _CALENDAR) + r")\b")
# a count or a measure: an optional lead ("sekitar"), a number in digits or words, an optional scale ("juta"), and one
# word of what it counts ("pejabat") or its unit, "per" a unit; several in a row ("4 tahun 6 bulan")
_WORDS = "|".join(sorted(_NUMERALS, key=len, reverse=True))
_COUNT = re.compile(rf"(?:(?P<lead>{'|'.join(_LEAD)})\s+)?(?:(?P<cur>Rp)\s?)?(?P<n>\d+(?:[.,]\d+)*|{_WORDS})"
                    rf"(?:\s+(?P<scale>{'|'.join(_SCALE)}))?(?:\s+(?P<noun>(?!per\b)[a-z]+))?"
                    r"(?:\s+per\s+(?P<per>[a-z]+))?", re.I)


def _plural(noun: str) -> str:
    if noun in _PLURAL:
        return _PLURAL[noun]
    if noun.endswith("s") and not noun.endswith("ss") or noun.endswith("men"):
        return noun
    if noun.endswith("man"):
        return noun[:-3] + "men"        # "fisherman"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + ("es" if re.search(r"(?:s|x|ch|sh)$", noun) else "s")


def _numbers(text: str) -> str:
    """Numbers written the English way: "1.200" -> "1,200", "2,41" -> "2.41"; clock times "16.30 WIB" -> "16:30 WIB"."""
    text = _CLOCK.sub(r"\1:\2", text)
    return _NUMBER.sub(lambda m: m.group(0).translate(str.maketrans(".,", ",.")), text)


def _dates(text: str) -> str:
    """Days and months in English, and news's "(2/9)" as "2 September" ("Rabu (2/9)" -> "Wednesday, 2 September")."""
    text = _DAY_MONTH.sub(lambda m: f", {int(m.group(1))} {_MONTHS[int(m.group(2)) - 1]}"
                          if 1 <= int(m.group(2)) <= 12 else m.group(0), text)
    return _NAMED.sub(lambda m: _CALENDAR[m.group(1).lower()], text)


def _count(m: re.Match) -> str | None:
    """One count of _COUNT in English, or None when the glossary lacks one of its words."""
    n, noun, per = m.group("n"), m.group("noun"), m.group("per")
    if any(w is not None and (english(w) is None or w.lower() in _CALENDAR) for w in (noun, per)) \
            or m.group("cur") and noun:     # "30 Juni" is a date; "Rp4,6 miliar uang" no count of a thing
        return None
    number = _NUMERALS.get(n.lower(), n)
    value = list(_NUMERALS).index(n.lower()) + 1 if n.lower() in _NUMERALS else None
    words = [_LEAD[m.group("lead").lower()]] if m.group("lead") else []
    words.append(f"{m.group('cur') or ''}{number}")
    if m.group("scale"):
        words.append(_SCALE[m.group("scale").lower()])
    if noun:
        counted = english(noun)
        words.append(counted if value == 1 or n == "1" else _plural(counted))
    if per:
        words += ["per", english(per)]
    return " ".join(words)


def in_english(span: str) -> str:
    """`span`, a short answer read in an Indonesian sentence, as an English reader reads it (see above)."""
    text = span
    counts = [c for c in _COUNT.finditer(span) if c.group(0)]
    if counts and re.fullmatch(r"\s*" + r"\s+".join(re.escape(c.group(0)) for c in counts) + r"\s*", span):
        english = [_count(c) for c in counts]    # the span is counts and measures alone: "4 tahun 6 bulan"
        if all(e is not None for e in english):
            text = " ".join(english)
            text = text[:1].upper() + text[1:] if span[:1].isupper() else text    # "Tiga penumpang"
    return _dates(_numbers(text))
