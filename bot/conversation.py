"""What a message to the bot is, before anything is searched: pure functions, no Telegram, no database.

* `small_talk(text)`: a greeting, thanks, "apa kabar", a goodbye, an "ok" or an emoji alone -> its kind and
  language, else None. Such messages get a short friendly reply, not a search.
* `latest_request(text)`: "berita terbaru", "Apa berita hari ini?", "What is the latest news?" -> "" (no
  topic: the newest articles), "Apa kabar terbaru soal banjir?" -> "banjir"; None for anything else.
* `needs_context(question)`: whether a question cannot stand alone (no topic words of its own, or a
  pronoun / "-nya" / "bagaimana dengan ..." with hardly any) and so leans on the one before.
* `merge(question, previous, titles)`: the question searched together with the earlier question's topic
  words (and the titles of the articles that answered it).
* `search_terms(words)`: words for a keyword search, with the Indonesian word for common English news words.
"""
from __future__ import annotations

import re
import unicodedata

from corpus.question import content_terms
from corpus.shortened import spell_out

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
_REFERS_BACK = {"itu", "tersebut", "ini", "dia", "ia", "beliau", "mereka", "sana", "situ", "sini", "it", "its",
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
    """Whether a question cannot stand alone: no topic words of its own, a back-reference with at most one,
    or an elliptical start ("bagaimana dengan Sampit?", "what about Sampit?") with at most two."""
    question = spell_out(question)   # "dmn rakornya?" leans on the question before as "di mana rakornya?" does
    topics = topic_words(question)
    if not topics:
        return True
    if _ELLIPTICAL.search(question) and len(topics) <= 2:
        return True
    return refers_back(question) and len(topics) <= 1


def searchable(question: str) -> str:
    """The question with "-nya" taken off its words ("lomba dayungnya" -> "lomba dayung"), for searching."""
    return re.sub(r"\w+", lambda m: _stem_nya(m.group(0).lower()) if _stem_nya(m.group(0).lower()) != m.group(0).lower()
                  else m.group(0), question)


def merge(question: str, previous: str, titles: list[str] | tuple[str, ...] = (), limit: int = 8) -> str:
    """`question` with the topic words of `previous` (and then of `titles`) it does not already have."""
    own_terms = content_terms(spell_out(question))
    own = set(own_terms) | {_stem_nya(t) for t in own_terms}
    extra: list[str] = []
    for source in (previous, *titles):
        taken = 0
        for term in content_terms(source or ""):
            if term not in own and term not in extra and taken < limit:
                extra.append(term)
                taken += 1
    return f"{question} {' '.join(extra)}" if extra else question


# -- English words in /search and /latest --------------------------------------------------------------------
EN_ID = {
    "flood": "banjir", "floods": "banjir", "flooding": "banjir", "fire": "kebakaran", "fires": "kebakaran",
    "hotspot": "titik panas", "hotspots": "titik panas", "haze": "kabut asap", "smoke": "asap",
    "earthquake": "gempa", "volcano": "gunung api", "eruption": "erupsi", "landslide": "longsor",
    "rain": "hujan", "weather": "cuaca", "drought": "kemarau", "river": "sungai", "village": "desa",
    "villages": "desa", "price": "harga", "prices": "harga", "chili": "cabai", "chilli": "cabai", "rice": "beras",
    "market": "pasar", "harvest": "panen", "farmer": "petani", "farmers": "petani", "export": "ekspor",
    "budget": "anggaran", "election": "pemilu", "governor": "gubernur", "regent": "bupati", "mayor": "wali kota",
    "police": "polisi", "corruption": "korupsi", "court": "pengadilan", "health": "kesehatan",
    "hospital": "rumah sakit", "dengue": "dbd", "polio": "polio", "vaccine": "vaksin",
    "immunization": "imunisasi", "immunisation": "imunisasi", "school": "sekolah", "schools": "sekolah",
    "students": "mahasiswa", "student": "mahasiswa", "scholarship": "beasiswa", "university": "universitas",
    "graduation": "wisuda", "education": "pendidikan", "road": "jalan", "roads": "jalan", "bridge": "jembatan",
    "flight": "penerbangan", "flights": "penerbangan", "airline": "maskapai", "airport": "bandara",
    "football": "sepak bola", "soccer": "sepak bola", "marathon": "maraton", "badminton": "bulu tangkis",
    "race": "lomba", "festival": "festival", "sports": "olahraga", "champion": "juara", "tower": "menara",
    "towers": "menara", "signal": "sinyal", "internet": "internet", "officials": "pejabat", "official": "pejabat",
    "parliament": "dprd", "meeting": "rapat", "government": "pemerintah", "public service": "pelayanan publik",
    "rattan": "rotan", "stock": "stok", "volunteers": "relawan", "waste": "sampah", "trash": "sampah",
    "heart": "jantung", "frost": "embun es", "temperature": "suhu", "economy": "ekonomi", "tourism": "wisata",
    "boat": "perahu", "rowing": "dayung", "app": "aplikasi", "application": "aplikasi",
}


def search_terms(words: str) -> str:
    """`words` plus the Indonesian word for each common English news word in it (for a keyword search)."""
    tokens = _WORD.findall((words or "").lower())
    extra: list[str] = []
    for i, token in enumerate(tokens):
        pair = " ".join(tokens[i:i + 2])
        for key in (pair, token):
            if key in EN_ID and EN_ID[key] not in extra:
                extra.append(EN_ID[key])
                break
    return " ".join([words.strip(), *extra]).strip()


def coverage(text: str, topic: str) -> float:
    """The share of the topic's words that `text` mentions (an English news word counts when its Indonesian
    equivalent is there); 1.0 for a topic without content words."""
    terms = content_terms(topic)
    if not terms:
        return 1.0
    low = (text or "").lower()

    def present(term: str) -> bool:
        if len(term) >= 4:
            return term in low
        return re.search(rf"\b{re.escape(term)}", low) is not None

    return sum(1 for term in terms if present(term) or (term in EN_ID and present(EN_ID[term]))) / len(terms)


def mentions(text: str, topic: str) -> bool:
    """Whether `text` mentions at least half of the topic's words."""
    return coverage(text, topic) >= 0.5
