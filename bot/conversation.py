"""What a message to the bot is, before anything is searched: pure functions, no Telegram, no database.

* `small_talk(text)`: a greeting, thanks, "apa kabar", a goodbye, an "ok" or an emoji alone -> its kind and
  language, else None. Such messages get a short friendly reply, not a search.
* `latest_request(text)`: "berita terbaru", "Apa berita hari ini?", "What is the latest news?" -> "" (no
  topic: the newest articles), "Apa kabar terbaru soal banjir?" -> "banjir"; None for anything else.
* `needs_context(question)`: whether a question cannot stand alone (no topic words of its own, "bagaimana
  dengan ..." with hardly any, or a pronoun / "-nya" with hardly any or no names) and so leans on the one before.
* `what_to_search(question, previous, answer)`: given what the question before searched for (None when there is
  none) and the short answer it was given, what to search first: that question asked again about the thing a
  follow-up names in its place (`re_ask`: "kalau di Konawe Utara?", "yang putri?"), the follow-up with the person a
  "who" answer named in place of "dia" (`naming_the_answer`) and, when it still leans on the story before, with what
  names it (`attach`: "Defisitnya berapa?"); what to search next when the first finds no answer or none the reader
  is sure of (a follow-up that stands alone, with the names of the story before: "Where was the inauguration
  held?"); and what the reader reads of the first too, when it adds those names (the follow-up as asked).
  bot/service.py Kabar.search_and_answer decides which answer is given. The bot's follow-ups and `kabar eval`'s
  conversations both go through it.
* `quoted_story(text)`, `links_in(text)`, `about_quoted(question, story)`: what a message the question replies to,
  not one of the bot's (a headline someone posted, a forwarded post, a link), names as its story, and what to
  search for a question asked about it.
* `search_terms(words)`: words for a keyword search, with the Indonesian forms of English news words
  (corpus/glossary.py).
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from corpus.glossary import INDONESIAN_TO_ENGLISH, INDONESIAN_WORDS, MONTHS_IN_INDONESIAN, indonesian
from corpus.question import (COUNTERPARTS, OFFICES, PARTICLES, PLACE_KINDS, QUESTION_WORD, STOPWORDS, WORD_SPAN,
                              YEAR, Question, content_terms, name_terms, yes_no)
from corpus.shortened import REGIONS, spell_out

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# -- small talk -----------------------------------------------------------------------------------------------
# (phrase, kind, language); the longest phrase is matched first.
_SMALL_TALK = [
    ("terima kasih", "thanks", "id"), ("terimakasih", "thanks", "id"), ("makasih", "thanks", "id"),
    ("makasi", "thanks", "id"), ("makasih banyak", "thanks", "id"), ("mksh", "thanks", "id"),
    ("trims", "thanks", "id"), ("tengkyu", "thanks", "id"), ("thanks", "thanks", "en"), ("thank you", "thanks", "en"),
    ("thx", "thanks", "en"), ("ty", "thanks", "en"), ("tq", "thanks", "id"), ("thank", "thanks", "en"),
    ("apa kabar", "how_are_you", "id"), ("gimana kabarnya", "how_are_you", "id"), ("apa kabarnya", "how_are_you", "id"),
    ("bagaimana kabarnya", "how_are_you", "id"), ("kabarnya gimana", "how_are_you", "id"),
    ("how are you", "how_are_you", "en"), ("how are you doing", "how_are_you", "en"), ("how r u", "how_are_you", "en"),
    ("whats up", "how_are_you", "en"), ("what s up", "how_are_you", "en"), ("sup", "how_are_you", "en"),
    ("halo", "greeting", "id"), ("hallo", "greeting", "id"), ("hai", "greeting", "id"), ("helo", "greeting", "id"),
    ("hi", "greeting", "en"), ("hello", "greeting", "en"), ("hey", "greeting", "en"), ("hei", "greeting", "id"),
    ("pagi", "greeting", "id"), ("siang", "greeting", "id"), ("sore", "greeting", "id"), ("malam", "greeting", "id"),
    ("selamat pagi", "greeting", "id"), ("selamat siang", "greeting", "id"), ("selamat sore", "greeting", "id"),
    ("selamat malam", "greeting", "id"), ("assalamualaikum", "greeting", "id"), ("assalamu alaikum", "greeting", "id"),
    ("permisi", "greeting", "id"), ("good morning", "greeting", "en"), ("good afternoon", "greeting", "en"),
    ("good evening", "greeting", "en"), ("morning", "greeting", "en"),
    ("dadah", "bye", "id"), ("sampai jumpa", "bye", "id"), ("bye", "bye", "en"), ("goodbye", "bye", "en"),
    ("see you", "bye", "en"),
    ("ok", "ok", "en"), ("oke", "ok", "id"), ("okay", "ok", "en"), ("okey", "ok", "id"), ("sip", "ok", "id"),
    ("siap", "ok", "id"), ("mantap", "ok", "id"), ("mantul", "ok", "id"), ("keren", "ok", "id"), ("baik", "ok", "id"),
    ("good", "ok", "en"), ("great", "ok", "en"), ("nice", "ok", "en"), ("cool", "ok", "en"), ("wow", "ok", "en"),
    ("wkwk", "ok", "id"), ("haha", "ok", "en"), ("hehe", "ok", "id"),
]
_PHRASES = sorted(((tuple(p.split()), kind, lang) for p, kind, lang in _SMALL_TALK), key=lambda x: -len(x[0]))
# Words that may stand around small talk without making it a question.
_FILLER = {"ya", "yah", "dong", "deh", "sih", "kok", "nih", "kak", "min", "mimin", "bang", "mas", "mbak", "pak",
           "bu", "semua", "semuanya", "banyak", "sekali", "ya", "juga", "lagi", "kabar", "bot", "kamu", "anda",
           "a", "lot", "so", "much", "very", "you", "all", "there", "again", "too", "man", "bro", "sis", "guys",
           "kawan", "teman", "gan", "sob", "infonya", "atas", "for", "jawabannya", "the", "answer", "info"}
_KIND_ORDER = ("thanks", "how_are_you", "greeting", "bye", "ok")


def _fold(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower().replace("'", " ").replace("’", " ")
    words = _WORD.findall(text)
    # stretched letters ("haloooo", "makasihhh") count as the word
    return [re.sub(r"(.)\1{2,}", r"\1", w) for w in words]


def small_talk(text: str) -> tuple[str, str | None] | None:
    """(kind, language) when `text` is only small talk (language None for an emoji alone), else None."""
    text = (text or "").strip()
    if not text:
        return None
    words = _fold(text)
    if not words:
        return ("emoji", None) if any(not ch.isspace() for ch in text) and len(text) <= 40 else None
    if len(words) > 8:
        return None
    kinds: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        for phrase, kind, lang in _PHRASES:
            if tuple(words[i:i + len(phrase)]) == phrase:
                kinds.append((kind, lang))
                i += len(phrase)
                break
        else:
            if words[i] in _FILLER or re.fullmatch(r"(ha|he|hi|wk)+|\d+", words[i]):
                i += 1
                continue
            return None
    if not kinds:
        return None
    kinds.sort(key=lambda k: _KIND_ORDER.index(k[0]))
    langs = [lang for _, lang in kinds]
    return kinds[0][0], ("en" if all(lang == "en" for lang in langs) else "id")


# -- "berita terbaru" -----------------------------------------------------------------------------------------
_LATEST = re.compile(
    r"\b(berita|kabar|info|informasi|headline|update|news|headlines|updates)\b.{0,20}?"
    r"\b(terbaru|terkini|teranyar|paling baru|hari ini|saat ini|sekarang|pagi ini|malam ini|today|latest|newest|"
    r"recent|now)\b"
    r"|\b(latest|newest|recent|today'?s|top)\b.{0,12}?\b(news|headlines|stories|articles|updates)\b"
    r"|\bwhat'?s new\b|\bwhat is new\b|\bada berita apa\b|\bberita apa\b.{0,12}\b(hari ini|terbaru)\b"
    r"|^\s*(berita|news|headlines)\s*[?!.]*\s*$", re.I)
# Words of a latest-news request that are not its topic.
_NOT_TOPIC = set("""apa ada adakah yang berita kabar info informasi headline headlines update updates terbaru
    terkini teranyar paling baru hari ini saat sekarang pagi malam soal tentang mengenai seputar terkait dari di
    untuk dong ya sih nih kak min tolong coba mohon minta kasih beri berikan kirim tampilkan lihat mau ingin saya
    aku kami bisa boleh news latest newest recent today today's todays top what whats is are the a any on about
    regarding of from for in please show me give tell there new stories articles s hi halo hai""".split())


def latest_request(text: str) -> str | None:
    """The topic of a request for the latest news ("" when it names none), or None when `text` is not one."""
    text = " ".join((text or "").split())
    if not text or len(text) > 200 or not _LATEST.search(text):
        return None
    words = [w for w in _WORD.findall(text) if w.lower() not in _NOT_TOPIC]
    return " ".join(words)


# -- follow-ups -----------------------------------------------------------------------------------------------
# ("nya" written apart or after a hyphen, as chat and acronyms write it: "kepala bin nya siapa", "DPRD-nya")
_REFERS_BACK = {"itu", "tersebut", "ini", "dia", "ia", "beliau", "mereka", "sana", "situ", "sini", "nya", "it", "its",
                "that", "this", "there", "they", "them", "their", "he", "she", "him", "his", "her", "those", "these"}
_NOT_NYA = {"hanya", "punya", "tanya", "bertanya", "ditanya", "nya", "hanyanya", "lainnya", "sebenarnya",
            "biasanya", "akhirnya", "sebelumnya", "selanjutnya", "berikutnya", "terbarunya", "saja"}
# Words that ask about an attribute rather than name a topic ("Berapa waktu tempuhnya?" has no topic).
_GENERIC = set("""saja lagi lain lainnya juga lebih paling sekitar kira kira-kira banyak sedikit total jumlah
    waktu tempuh lama jam pukul tanggal hari bulan tahun harga biaya nilai nama tempat lokasi alamat acara
    hasil skor penyebab sebab alasan tujuan cara dampak akibat kondisi status detail rincian siapakah pemenang
    juara orang pihak korban pelaku sekarang kemudian lalu terus dulu awal akhir mulai selesai kenapa benar
    betul gimana bagaimana jadi maksud contoh sumber artikel judul isi jelaskan ceritakan sebutkan tolong
    coba mohon dong ya sih kah tuh bisa how long time date place name price cost who winner result why cause
    more else other about details source when where what which happened happen did say said tell me please
    again also still really exactly""".split())
_ELLIPTICAL = re.compile(r"^\s*(bagaimana dengan|gimana dengan|kalau|kalo|lalu|terus|trus|dan|serta|"
                         r"what about|how about|and|and what about)\b", re.I)


def _stem_nya(word: str) -> str:
    return word[:-3] if word.endswith("nya") and len(word) > 5 and word not in _NOT_NYA else word


def topic_words(question: str) -> list[str]:
    """The question's own topic words: content words that are not back-references or attribute words (chat
    shorthand spelled out: "yg" is not a topic)."""
    out = []
    for term in content_terms(spell_out(question)):
        term = _stem_nya(term)
        if term in _REFERS_BACK or term in _GENERIC or term.isdigit() and len(term) < 4:
            continue
        if term not in out:
            out.append(term)
    return out


def refers_back(question: str) -> bool:
    """A back-reference word ("itu", "mereka", "it") or a word ending in -nya ("rakornya")."""
    words = re.findall(r"\w+", question.lower())
    return any(w in _REFERS_BACK for w in words) or any(_stem_nya(w) != w for w in words)


def needs_context(question: str) -> bool:
    """Whether a question cannot stand alone: no topic words of its own, an elliptical start ("bagaimana dengan
    Sampit?", "what about Sampit?") with at most two, or a back-reference ("itu", "dia", "-nya") with at most one or
    with no names ("Kenapa dia menghentikan pencarian setiap sore?")."""
    question = spell_out(question)   # "dmn rakornya?" leans on the question before as "di mana rakornya?" does
    topics = topic_words(question)
    if not topics:
        return True
    if _ELLIPTICAL.search(question) and len(topics) <= 2:
        return True
    return refers_back(question) and (len(topics) <= 1 or not name_terms(question))


def searchable(question: str) -> str:
    """The question with "-nya" taken off its words ("lomba dayungnya" -> "lomba dayung", "DPRD-nya" -> "DPRD",
    "bin nya" -> "bin"), for searching."""
    question = re.sub(r"(?<=\w)(?:-|\s+)nya\b", "", question, flags=re.I)
    return re.sub(r"\w+", lambda m: _stem_nya(m.group(0).lower()) if _stem_nya(m.group(0).lower()) != m.group(0).lower()
                  else m.group(0), question)


# -- the question before, asked again about another thing ("kalau di Konawe Utara?") ------------------------------
_AT = {"di", "ke", "dari", "in", "at", "from", "to"}
# Words before a place's name that are part of how it is named, not the place itself ("Kota Kupang").
_PLACE_KIND = set(PLACE_KINDS) | set("""kab kec kelurahan pulau perairan pantai pasar city regency district village
    province island""".split())
# What may stand beside the new thing in such a follow-up without being part of it.
_ASIDE = set(PARTICLES) | set("""yang the one ones a an about for is are was were so then too also apa apakah siapa
    berapa kapan mana bagaimana how what who when where which many much bang mas mbak pak bu juga saja ini sekarang
    now""".split())
# "itu", "dia": a follow-up about the same story, not another one ("that" and "this" also join clauses in English)
_REFERRING = re.compile(r"\b(?:itu|tersebut|dia|ia|beliau|mereka|it|he|she|they|him|her|them)\b", re.I)
_VERB = re.compile(r"(?:me|ber|di|ter)[a-z]{4,}$")    # "yang disiapkan", "mengungsi": a clause, not a thing


# What a question asks for, where a follow-up asks it again ("kalau di Sulsel berapa?") or asks another thing of the
# same story ("Terus catatan waktunya berapa?" after "Siapa juara ...?")
_ASKS_FOR = re.compile(r"\b(?:siapa|berapa|brp|kapan|who|when|how many|how much)\b")


def _new_thing(question: str, previous: str) -> tuple[list[str], list[str]] | None:
    """What an elliptical follow-up names in place of the question before's: the thing, and the place after "di"
    / "in": "kalau kecelakaan truk pasir di Batu?" -> (["kecelakaan", "truk", "pasir"], ["Batu"]); "yg di Konawe
    Utara brp?" -> ([], ["Konawe", "Utara"]); "Sulteng brp?" after a "berapa" question -> (["Sulteng"], []). None
    for a question of its own ("Terus beras yang disalurkan berapa ton?", "Siapa juara tunggal putri Sirnas
    Sulsel?")."""
    text = spell_out(question).strip()
    if yes_no(text):    # "Ada korban jiwa?" after "Berapa desa terendam banjir …?": whether, of the same story
        return None
    opener = _ELLIPTICAL.match(text)
    body = text[opener.end():] if opener else text
    words = [w for w in WORD_SPAN.findall(body)
             if w.lower() not in _ASIDE and w.lower() not in _GENERIC and _stem_nya(w.lower()) == w.lower()]
    at = next((i for i, w in enumerate(words) if w.lower() in _AT), None)
    thing, place = (words, []) if at is None else (words[:at], words[at + 1:])
    if not thing and not place or len(thing) + len(place) > 5 or at is not None and not place \
            or _REFERRING.search(body):
        return None
    first = (WORD_SPAN.findall(body) or [""])[0].lower()
    asks = list(QUESTION_WORD.finditer(text))
    # a common word capitalised only as the question's first ("Masa jabatannya berapa lama?") is no name
    sentence_case = not opener and bool(thing) and thing[0].lower() == first and first in INDONESIAN_WORDS
    named = not sentence_case and all(w[0].isupper() or w[0].isdigit() for w in thing + place)
    elliptical = (opener or first in ("yang", "and")
                  or first in _AT and (named or text.islower())  # "di Konawe Utara berapa?"
                  or not asks and len(thing + place) <= 3         # "Sulsel?", "yang putri?"
                  or named and asks and not place and len(thing) <= 2 and asks[-1].start() > text.rfind(thing[-1])
                  and asks[-1].group(0).lower() in QUESTION_WORD.findall(previous.lower()))   # "Sulteng brp?"
    own = _ASKS_FOR.findall(body.lower())    # "Terus catatan waktunya berapa?" after a "siapa"
    if not elliptical or opener and own and not set(own) & set(_ASKS_FOR.findall(previous.lower())):
        return None      # "Siapa bupatinya?", "berapa sekolah yang kerendam?", "Terus catatan waktunya berapa?" after
        #                  a "siapa": a new question on the same story
    if any(_VERB.match(w) for w in thing):
        return None      # "Terus dana yang disiapkan berapa?"
    return thing, place


def _name_runs(tokens: list[str], first: int = 1) -> list[tuple[int, int]]:
    """(first, last + 1) positions of runs of capitalised words or numbers, from word `first` on (a question's first
    word is capitalised anyway; a headline's is a name like the rest)."""
    runs, start = [], None
    for i, w in enumerate(tokens + [""]):
        name = first <= i < len(tokens) and (w[0].isupper() or w[0].isdigit()) and not QUESTION_WORD.fullmatch(w)
        if name and start is None:
            start = i
        elif not name and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _place_run(tokens: list[str]) -> tuple[int, int] | None:
    """The run of `tokens` most likely to name the story's place: a province or region the shortened-forms table
    knows ("Kalimantan Selatan" of "KONI Kalimantan Selatan", "Kaltim" of "Sirnas Kaltim 2026"); else a run after
    "di" / "in" or a word such as "Kota", not an acronym ("DBD"); the last of equals."""
    low = [t.lower() for t in tokens]
    runs = _name_runs(tokens)
    regions = [(first, last) for a, b in runs for first in range(a, b) for last in range(b, first, -1)
               if " ".join(low[first:last]) in REGIONS]
    if regions:
        return max(reversed(regions), key=lambda r: r[1] - r[0])

    def score(run: tuple[int, int]) -> int:
        first, last = run
        return 2 * (low[first - 1] in _AT or low[first - 1] in _PLACE_KIND or low[first] in _PLACE_KIND) \
            - 2 * (last - first == 1 and tokens[first].isupper() and len(tokens[first]) > 1)
    if not runs:
        return None
    first, last = max(reversed(runs), key=score)
    while first < last - 1 and low[first] in _PLACE_KIND:     # "Kota Kupang": the place is "Kupang"
        first += 1
    return first, last


_YEAR_WORDS = re.compile(rf"(?:\b(?:tahun|pada|in|of)\s+)?(?P<year>{YEAR.pattern})", re.I)   # "pada 2025"

# A time a follow-up asks about in place of the question before's: a month (with its year), a year, or a time told from
# today ("Kalau 2025?", "Bagaimana dengan bulan September?", "Kalau kemarin?", "What about last month?").
_MONTH = "|".join(sorted({*MONTHS_IN_INDONESIAN, *MONTHS_IN_INDONESIAN.values()}, key=len, reverse=True))
_TIME = re.compile(rf"(?:\b(?:pada|di|in|on|for)\s+)?\b(?:(?:bulan\s+)?(?:{_MONTH})(?:\s+{YEAR.pattern})?|(?:tahun\s+)?"
                   rf"{YEAR.pattern}|(?:minggu|pekan|bulan|tahun)\s+(?:lalu|kemarin|ini|depan)|sepekan\s+lalu|"
                   r"kemarin|hari\s+ini|sekarang|kini|saat\s+ini|last\s+(?:week|month|year)|"
                   r"this\s+(?:week|month|year)|yesterday|today|now|currently)\b", re.I)
_LEADING = re.compile(r"^(?:pada|di|in|on|for)\s+", re.I)


def re_timed(question: str, previous: str) -> str | None:
    """`previous` asked again about the time an elliptical follow-up names in place of its own, or with it where it
    names none: "Kalau 2025?" after "Siapa juara umum Porprov Kalteng 2026?" -> "Siapa juara umum Porprov Kalteng
    2025?"; "Bagaimana dengan bulan September?" after "Berapa inflasi Kalteng Oktober 2026?" -> "… bulan September
    2026?" (a month keeps the year before); "Kalau minggu lalu berapa?" after "Berapa harga cabai rawit sekarang?" ->
    "Berapa harga cabai rawit minggu lalu?". None when the follow-up says more than a time."""
    text = spell_out(question).strip()
    opener = _ELLIPTICAL.match(text)
    body = text[opener.end():] if opener else text
    times = list(_TIME.finditer(body))
    if len(times) != 1 or any(w.lower() not in _ASIDE for w in WORD_SPAN.findall(
            body[:times[0].start()] + " " + body[times[0].end():])):
        return None
    return _at_time(times[0].group(0), previous)


def _at_time(time: str, previous: str) -> str:
    """`previous` with `time` (as a follow-up writes it: "bulan September", "tahun lalu") in place of the time it
    names, or after it where it names none (re_timed())."""
    new = " ".join(w.title() if re.fullmatch(_MONTH, w, re.I) else w.lower()     # "September", "tahun lalu"
                   for w in _LEADING.sub("", time).split())
    before = list(_TIME.finditer(previous))
    if not before:
        return f"{previous.strip().rstrip('?!. ')} {new}?"
    old = before[-1]
    month, year = re.search(_MONTH, new, re.I), YEAR.search(old.group(0))
    if month and year and not YEAR.search(new):
        new = f"{new} {year.group(0)}"
    lead = _LEADING.match(old.group(0)) if month or YEAR.search(new) else None    # "pada September", not "pada kemarin"
    return f"{previous[:old.start()]}{lead.group(0) if lead else ''}{new}{previous[old.end():]}"


def re_ask(question: str, previous: str) -> str | None:
    """`previous` asked again about what an elliptical follow-up names in place of its own: "Banjir di Sintang
    menggenangi berapa sekolah?" then "yg di Konawe Utara brp?" -> "Banjir di Konawe Utara menggenangi berapa
    sekolah?"; "... maraton penuh putra ..." then "kalau yang putri?" -> "... maraton penuh putri ...". None when
    the follow-up asks something of its own, or names nothing that can take a place in `previous`."""
    timed = re_timed(question, previous)
    if timed is not None:
        return timed
    asked, times = question, list(_TIME.finditer(question))
    # "Kalau Sulut bulan Oktober?": another place and another time, each in place of its own
    untimed = f"{question[:times[0].start()]} {question[times[0].end():]}" if len(times) == 1 else None
    found = _new_thing(untimed, previous) if untimed else None
    if found is not None:
        question, previous = untimed, _at_time(times[0].group(0), previous)
    else:
        found = _new_thing(question, previous)
    if found is None:
        return None
    thing, place = found
    spans = list(WORD_SPAN.finditer(previous))
    tokens = [m.group(0) for m in spans]
    low = [t.lower() for t in tokens]
    swaps: list[tuple[int, int, str]] = []      # (first, last + 1, new words) over `tokens`
    elsewhere = False                           # another story, maybe of another year (_without_years)
    counterpart = next((w for w in thing if COUNTERPARTS.get(w.lower()) in low), None)
    if counterpart:                             # "putri" for "putra"
        i = low.index(COUNTERPARTS[counterpart.lower()])
        swaps.append((i, i + 1, counterpart))
        thing = []
    if place or thing and all(w[0].isupper() or w[0].isdigit() for w in thing):
        run = _place_run(tokens)
        if run is None:
            return None
        new = place or thing
        first = run[0] - (run[0] > 0 and low[run[0] - 1] == new[0].lower())   # "Porprov Kalteng" for "Porprov Sumbar"
        swaps.append((first, run[1], " ".join(new)))
        # the event named again with another place ("Porprov Kalteng") or another event with its place ("the junior
        # championships in Semarang") is another story, maybe of another year; a bare place ("kalau di Sulsel?",
        # "Sulteng brp?") asks about the same year's
        elsewhere = first < run[0] or any(w[0].islower() for w in place)
        if not place:
            thing = []
    if thing:     # a thing of the kind asked about: "kalau bawang merah?" after "... harga cabai rawit ..."
        common = [i for i, t in enumerate(tokens) if i > 0 and t.lower() not in STOPWORDS and t.lower() not in
                  _GENERIC and not t[0].isupper() and not t[0].isdigit() and not any(a <= i < b for a, b, _ in swaps)]
        same = [i for i in common if low[i] == thing[0].lower()]
        if not (same or common and not place):     # "kalau yang nasi kotak di X?": X
            return None if not swaps else _without_years(_swapped(previous, spans, swaps), asked, elsewhere)
        first = (same or common)[0]
        last = first + 1
        while last in common:
            last += 1
        swaps.append((first, last, " ".join(thing)))
    return _without_years(_swapped(previous, spans, swaps), asked, elsewhere)


def _without_years(text: str, question: str, elsewhere: bool) -> str:
    """`text` (the question before, asked again) without the years the follow-up does not write, when it asks about
    another story (`elsewhere`): "Kalau Porprov Kalteng?" after "Siapa juara umum Porprov Sumbar 2025?" asks about the
    Porprov of Kalteng, whichever year the archive tells of (a year a question names must be its article's:
    bot/answer.py decide())."""
    if not elsewhere:
        return text
    kept = set(YEAR.findall(question))
    return re.sub(r"\s+", " ", _YEAR_WORDS.sub(lambda m: m.group(0) if m.group("year") in kept else "", text)).strip() \
        .replace(" ?", "?")


def _swapped(text: str, spans: list[re.Match], swaps: list[tuple[int, int, str]]) -> str:
    """`text` with the words at each swap's token positions (`spans`) replaced by its new words."""
    for first, last, new in sorted(swaps, reverse=True):
        text = text[:spans[first].start()] + new + text[spans[last - 1].end():]
    return text


# A follow-up asking where the answer before comes from ("Kata siapa?", "Sumbernya dari mana?", "Who said that?").
_SOURCE = re.compile(r"^\s*(?:(?:kata|menurut)\s+siapa|siapa\s+yang\s+(?:bilang|ngomong|mengatakan(?:nya)?)|"
                     r"(?:apa\s+|mana\s+)?sumber(?:nya)?(?:\s+(?:beritanya\s+)?(?:dari\s+)?(?:mana|apa))?|"
                     r"link(?:nya)?(?:\s+(?:berita)?nya)?|says\s+who|who\s+said\s+(?:that|so|it)|according\s+to\s+whom|"
                     r"(?:what(?:'s|\s+is)\s+(?:the|your)\s+)?sources?)\s*[?!.]*\s*$", re.I)


def asks_source(question: str) -> bool:
    """Whether a follow-up asks where the answer before comes from: it is answered again, with its sources."""
    return bool(_SOURCE.match(spell_out(question)))


class Searches(NamedTuple):
    """What to search for a question and what the reader reads of it (`what_to_search`)."""
    asked: str              # searched first
    then: str | None        # searched when that finds no answer or none the reader is sure of
    reading: str | None     # what the reader reads of `asked` too, when `asked` adds the names of the story before


def what_to_search(question: str, previous: str | None, answer: str | None = None) -> Searches:
    """For a question asked after `previous` (what the question before searched for, or None) and `answer` (the
    short answer it was given):
    - no question before: the question as written ("-nya" taken off);
    - one asking where the answer before comes from ("Kata siapa?", "Sumbernya dari mana?"): the question before
      (`asks_source`), answered again with the sentence that states it and its sources;
    - one that names another thing in place of the question before's ("kalau di Konawe Utara?"): that question asked
      again about it (`re_ask`);
    - else, with the person a "who" answer named in place of "dia" (`naming_the_answer`; "Di mana Joy Wahjudi
      menyampaikannya?" swaps no place in), one that still leans on the question before: asked with its names
      (`attach`) and read as asked too, since those names, written after the question, make one the reader reads
      less surely and less rightly (docs/reader.md, forty-seventh session);
    - one that stands alone: as written, then with the names of the story before (Kabar.search_and_answer): "Where
      was the inauguration held?" after "Who was sworn in as the regional secretary of Kutai Kartanegara in
      January?"."""
    if previous is None:
        return Searches(searchable(question), None, None)
    if asks_source(question):     # "Kata siapa?": the answer before again, with its sources
        return Searches(previous, None, None)
    again = re_ask(question, previous)
    if again is not None:
        return Searches(again, None, None)
    question = naming_the_answer(question, previous, answer)
    if needs_context(question):
        return Searches(attach(question, previous), None, searchable(question))
    return Searches(searchable(question), attach(question, previous), None)


# A word for the person a "who" question before was answered with ("Dia dari mana?", "What was his time?").
_PERSON = re.compile(r"\b(?:dia|ia|beliau|he|she|him|his|her)\b", re.I)
# ... or as the one a verb's "-nya" is done to ("Siapa yang mendampinginya?"): not "memangnya", "mestinya" (adverbs)
_DONE_TO = re.compile(r"\b(?!(?:memang|mesti)nya\b)(me[a-z]{3,})nya\b", re.I)


def naming_the_answer(question: str, previous: str, answer: str | None) -> str:
    """`question` with the short answer given to the question before in place of the first word that stands for
    the person it named: "Dia dari mana?" after "Siapa juara maraton Palangka Raya 2026?", answered **Agustinus
    Lado**, is "Agustinus Lado dari mana?", a question that stands alone and reads as one; so is the "-nya" of a verb
    done to that person ("Siapa yang mendampinginya?" after **Benediktus T. Nyahu**: "Siapa yang mendampingi
    Benediktus T. Nyahu?"; asked with the story's names, the reader gave the Plt Sekda himself again). Unchanged when
    the question before asked no "who" or its short answer names no one (a name is written with a capital; what
    follows a comma describes it: "Agustinus Lado, menjuarai kategori maraton penuh")."""
    name = (answer or "").split(",")[0].strip()
    if not name[:1].isupper() or len(name.split()) > 6 or not Question.parse(previous).asks_person:
        return question
    named = _PERSON.sub(lambda m: name, question, count=1)
    return named if named != question else _DONE_TO.sub(lambda m: f"{m.group(1)} {name}", question, count=1)


def _story(previous: str, whole: bool, first: int = 1) -> str:
    """What names the story of the question before: its names as written ("Kepala Pelaksana BPBD Sintang"), or,
    with `whole` or where it has no names (numbers are none: "tarif grabbike di hanoi utk 2 km pertama brp", typed
    in lower case), its content words ("Kepala Pelaksana BPBD Sintang memimpin pencarian korban longsor"); from word
    `first` on (0 for a headline, whose first word is no question word)."""
    tokens = [m.group(0) for m in WORD_SPAN.finditer(previous)]
    runs = [" ".join(tokens[a:b]) for a, b in _name_runs(tokens, first)]
    if not whole and any(not run.replace(" ", "").isdigit() for run in runs):   # numbers alone name no story
        return " ".join(runs)
    terms = set(content_terms(spell_out(previous)))     # not chat shorthand ("brp", "yg")
    return " ".join(t for t in tokens[first:] if t.lower() in terms and t.lower() not in _GENERIC)


def attach(question: str, previous: str) -> str:
    """A follow-up about the same story, with what names it in the question before. A word that stands for what
    that question was about ("dia", "itu", "they") gets all of its content words: "Kenapa dia menghentikan
    pencarian?" after "Siapa Kepala Kantor SAR Makassar yang memimpin pencarian korban longsor?"; an attribute of
    the story ("Defisitnya berapa?") only its names, since the rest asked about another attribute: "defisit
    berapa APBD 2026 Kabupaten Kotawaringin Timur?"; a holder of an office asked for, the names without their offices
    ("Siapa sekda Kapuas?", not "Siapa sekda Bupati Kapuas?", which asks for a "sekda bupati")."""
    asked, story = searchable(question), _story(previous, bool(_REFERRING.search(question)))
    if Question.parse(asked).offices:   # "Siapa sekdanya?" after "… dilantik Bupati Kapuas": Kapuas's, not its bupati's
        story = " ".join(w for w in story.split() if w.lower() not in OFFICES) or story
    return f"{asked.strip().rstrip('?!. ')} {story}?"


# -- a message the question replies to that is not the bot's ----------------------------------------------------
_LINK = re.compile(r"https?://[^\s<>\"']+", re.I)


def links_in(text: str | None) -> list[str]:
    """The web links written in a message, without the punctuation that follows them in a sentence."""
    return [m.group(0).rstrip(".,;:!?)]") for m in _LINK.finditer(text or "")]


def quoted_story(text: str | None, limit: int = 200) -> str | None:
    """What a message the question replies to says its story is (a headline someone posted, a forwarded post): its
    first line with words in it, links left out, cut at a word within `limit` characters; None without one."""
    for line in (text or "").splitlines():
        line = " ".join(_LINK.sub(" ", line).split())
        if re.search(r"[^\W\d_]{3}", line):
            return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0]
    return None


def about_quoted(question: str, story: str) -> tuple[str, str | None]:
    """What to search for a question that replies to a message whose story is `story` (quoted_story): the question
    with the names that story writes, its first word included (`_story`, as a follow-up gets those of the question
    before), and, when the question stands alone, the question as written, searched next if the first finds nothing
    sure (Kabar.search_and_answer)."""
    asked = f"{searchable(question).strip().rstrip('?!. ')} {_story(story, whole=False, first=0)}?"
    return asked, None if needs_context(question) else searchable(question)


# -- English words in /search and /latest --------------------------------------------------------------------
def _indonesian(words: str) -> tuple[str, ...]:
    """The Indonesian forms of an English news word or two-word phrase ("flood", "public service";
    corpus/glossary.py); () for one it does not know or drops, and for an Indonesian word ("air" in "air bersih" is
    not "udara")."""
    return () if words in INDONESIAN_TO_ENGLISH else indonesian("_".join(words.split())) or ()


def search_terms(words: str) -> str:
    """`words` plus the Indonesian forms of the English news words in it (for a keyword search)."""
    tokens = _WORD.findall((words or "").lower())
    extra: list[str] = []
    i = 0
    while i < len(tokens):
        pair = " ".join(tokens[i:i + 2])
        forms = _indonesian(pair) if " " in pair else ()
        step = 2 if forms else 1
        if not forms and tokens[i] not in STOPWORDS:   # not "di" for "in"
            forms = _indonesian(tokens[i])
        extra += [f for f in forms if f not in extra and f not in tokens]
        i += step
    return " ".join([words.strip(), *extra]).strip()


def coverage(text: str, topic: str) -> float:
    """The share of the topic's words that `text` mentions (an English news word counts when one of its Indonesian
    forms is there); 1.0 for a topic without content words."""
    terms = content_terms(topic)
    if not terms:
        return 1.0
    low = (text or "").lower()

    def present(term: str) -> bool:
        if len(term) >= 4:
            return term in low
        return re.search(rf"\b{re.escape(term)}", low) is not None

    return sum(1 for term in terms if present(term) or any(present(f) for f in _indonesian(term))) / len(terms)


def mentions(text: str, topic: str) -> bool:
    """Whether `text` mentions at least half of the topic's words."""
    return coverage(text, topic) >= 0.5
