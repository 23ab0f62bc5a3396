"""A question, parsed once: its language, words, names, what kind of answer it asks for, and when.

Retrieval (keyword terms, recency, a named date), the reader and the reply (the kind of short answer, the
language to answer in) all read the same `Question`. It is read with chat shorthand spelled out ("brp" ->
"berapa") and knows the other forms of its shortened words ("Kalteng" <-> "Kalimantan Tengah"): corpus/shortened.py.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date

from .colloquial import standard_forms
from .glossary import (DAYS_IN_INDONESIAN, INDONESIAN_WORDS, MONTHS_IN_INDONESIAN, cognates, indonesian,
                       rough_indonesian, same_meaning)
from .epithets import plainly
from .shortened import (CHAT, REGIONS, SHORTENED, SPELLED, alternatives, compass_regions, forms, long_forms,
                        province_of, provinces_in, regencies, regions_in, spell_out)
from .text import agent_verbs, other_voice, split_sentences

SHORT_WORDS = {word for short in SHORTENED for word in short}   # "plt", "kalteng", "satpol", "pp"
# What chat shorthand spells out ("tgl" -> "tanggal"): everyday words, never shortened names themselves.
CHAT_WORDS = {word for long in CHAT.values() for word in long.split("_")}

STOPWORDS = set(
    """yang dan di ke dari ini itu untuk dengan pada adalah akan oleh atau juga dalam tidak sudah telah
    bisa dapat ada para saat karena sebagai bahwa apa apakah siapa siapakah berapa berapakah kapan
    kapankah mana manakah dimana dimanakah bagaimana bagaimanakah mengapa mengapakah kenapa banyakkah tentang terbaru
    terkini kabar berita sebut sebutkan saja kira kira2 kurleb dimaksud
    disebut menurut tersebut nya lah kah pun si sang the a an of in on at to for and or is are was were
    be been what who whom which when where why how did does do much many about latest news this that
    with from by as it its has have had""".split()
)
# Month names in both languages and their abbreviations -> the month's number; day names in both languages
MONTHS = {name: number for number, (english, indonesian) in enumerate(MONTHS_IN_INDONESIAN.items(), start=1)
          for name in (english, indonesian.lower())}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "aug": 8, "sep": 9, "sept": 9,
               "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12})
WEEKDAYS = {name for english, indonesian in DAYS_IN_INDONESIAN.items() for name in (english, indonesian.lower())}
# A month named in a text, by its name in either language or a day of it as news writes one ("(20/12)"): Question.after
_MONTH_NAMED = {month: re.compile(rf"\b(?:{'|'.join(n for n, m in MONTHS.items() if m == month)})\b"
                                  rf"|\b\d{{1,2}}/0?{month}\b", re.I) for month in range(1, 13)}
# ... by its name in full and capitalised (not the verb "may", nor "Jan" Ethes), as a sentence dates a figure by it
# ("inflasi Februari 2026"); a day in brackets ("Senin (2/2)") is as often the day it was said:
# Question.of_another_month
_MONTH_WRITTEN = re.compile(r"\b(?:" + "|".join(f"{english.capitalize()}|{indonesian}"
                                               for english, indonesian in MONTHS_IN_INDONESIAN.items()) + r")\b")

_TOKEN = re.compile(r"\w+", re.UNICODE)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Two categories that stories report side by side ("tunggal putra" and "tunggal putri"): a sentence about one does
# not answer a question about the other, and "kalau yang putri?" re-asks a question about the other (bot/conversation.py).
COUNTERPARTS = {a: b for x, y in [("putra", "putri"), ("pria", "wanita"), ("laki-laki", "perempuan"),
                                   ("cowok", "cewek"), ("men", "women"), ("men's", "women's"), ("male", "female"),
                                   ("boys", "girls"), ("tunggal", "ganda"), ("singles", "doubles"),
                                   ("setengah", "penuh"), ("half", "full"),     # maraton, marathon
                                   ("tahunan", "bulanan"), ("annual", "monthly")]   # a rate: year on year, monthly
                for a, b in ((x, y), (y, x))}
# A medal's colour, in either language: "sembilan medali emas" does not answer "How many bronze medals ...?".
MEDAL_COLOURS = (frozenset({"emas", "gold"}), frozenset({"perak", "silver"}), frozenset({"perunggu", "bronze"}))
# Words that name the kind of place before its name ("Kota Jember"): Question.place and restates ("Kabupaten Katingan"
# says no more than "Katingan"), and bot/conversation.py's
# re-asked follow-ups ("kalau di Jember?" after "Dinkes Kota Kupang ..." replaces "Kupang").
PLACE_KINDS = ("kota", "kabupaten", "provinsi", "kecamatan", "kelurahan", "desa")
_KINDS = "|".join(PLACE_KINDS)
_PLACE = re.compile(rf"(?:\b(?:di|in|at)\s+(?:(?i:{_KINDS})\s+)?|\b(?i:{_KINDS})\s+)"
                    r"((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)*)")
def _asked_by_kind(kinds: str, english: str) -> re.Pattern:
    """A question asking for one of `kinds` by the kind ("kecamatan mana", "sekolah apa", "which country")."""
    return re.compile(rf"\b(?:{kinds})\s+(?:mana|apa)(?:kah)?\b|\b(?:which|what)\s+(?:{english})\b", re.I)


# A "mana" / "which" question asking for a place of a kind below or beside a province ("negara mana", "kecamatan mana",
# "which country"): a province alone is not such a place. Islands and cities are left out: Bali, Gorontalo and Bengkulu
# are both.
_FINER_PLACE = _asked_by_kind("negara|kecamatan|kabupaten|desa|kelurahan|kampung",
                              "countries|country|district|subdistrict|regency|village")
# A school, firm, party or office asked for by its kind ("sekolah mana", "which company"): a region alone is no
# answer (of FacQA's train and valid questions that ask so, none is answered with one)
_BODIES = ("sekolah|sma|smp|smk|sd|madrasah|pesantren|universitas|kampus|perguruan tinggi|perusahaan|pabrik|partai|"
           "bank|lembaga|organisasi|instansi|klub|bandara|pelabuhan|rumah sakit|rs|rsud|puskesmas|maskapai|stadion|"
           "hotel|dinas|kementerian|badan|komunitas|yayasan|koperasi")
_BODY_ASKED = _asked_by_kind(_BODIES, "(?:school|university|campus|company|firm|factory|party|bank|agency|"
                                      "institution|organi[sz]ation|club|airport|port|hospital|airline|stadium|hotel|"
                                      "office|ministry|foundation|cooperative)s?")
# "Kecamatan mana ...?", "kabupaten/kota apa ...?": the kind of place asked for.
_ASKED_KINDS = "|".join(("negara", *PLACE_KINDS, "kampung"))   # "negara apa" asks for a place too
_KIND_ASKED = re.compile(rf"\b((?:{_KINDS})(?:\s*(?:/|atau|dan)\s*(?:{_KINDS}))*)\s+(?:mana|apa)(?:kah)?\b", re.I)
# A word with its hyphen or apostrophe ("laki-laki", "men's"), where a pair of categories or a follow-up's words are read.
WORD_SPAN = re.compile(r"[^\W_][\w'’-]*", re.UNICODE)
# Particles and forms of address that chat puts in a question ("siapa ya?", "berapa kak?", "pak, kapan ...").
PARTICLES = ("ya", "yah", "sih", "dong", "deh", "nih", "tuh", "kok", "lho", "loh",
             "kak", "min", "gan", "bang", "pak", "bu")
STOPWORDS.update(PARTICLES)     # chat's particles and forms of address ask nothing: "berapa sih ... ya, kak?"
_WEEK = re.compile(r"\bminggu(?=\s+(?:ini|lalu|kemarin|depan|terakhir)\b)")
_MONTH_WORDS = "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True))
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))    # every month name and abbreviation, as a pattern
# A day as news writes it ("12 Oktober", "Oktober 2026", "12/10/2026"): in a span of dates (bot/answer.py), or no answer
# to "berapa"
DAY = (r"(?:\d{1,2}\s+)?\b(?:" + MONTH_NAMES + r")\b(?:\s+\d{4})?|"
       r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?")
_DATE_MENTION = re.compile(r"\b(?:(\d{1,2})\s+)?(" + MONTH_NAMES + r")\.?\s+(\d{4})\b", re.I)
RECENCY_CUES = re.compile(
    r"\b(terbaru|terkini|teranyar|paling baru|hari ini|kemarin|pekan ini|minggu ini|bulan ini|"
    r"baru-baru ini|barusan|latest|newest|most recent|recent(ly)?|today|yesterday|this week|this month)\b",
    re.I)
# "Harga cabai sekarang", "what does it cost now": the value as it stands, so the newest source leads the
# reply. Not a retrieval cue for an Indonesian question ("sekarang" in a FacQA question names the time of its own
# article; "kini" is everyday Indonesian, and preferring the newest of the candidates close to the best put other
# stories first: docs/reader.md); an English one's is (Retriever.search).
NOW_CUES = re.compile(r"\b(sekarang|saat ini|kini|now|nowadays|these days|currently|current|at the moment|at present)\b",
                      re.I)
# How news writes "now": a sentence saying any of these holds a question's "sekarang" (Question.alternatives),
# so "harga cabai sekarang" finds "kini berada di kisaran Rp48.000" rather than last week's price.
NOW_FORMS = (("sekarang",), ("kini",), ("saat", "ini"))
NOW_TERMS = {"sekarang", "kini", "now", "currently", "current"}
# English names Indonesian regions with the compass word first ("Central Kalimantan", "East Nusa Tenggara", "North
# Sumatra"), Indonesian with it last ("Kalimantan Tengah", "Nusa Tenggara Timur", "Sumatera Utara"): an English
# question's compass word is found in a text that names the region the Indonesian way (Question.alternatives).
COMPASS = {"central": "tengah", "east": "timur", "west": "barat", "north": "utara", "south": "selatan",
           "southeast": "tenggara", "southwest": "barat daya", "northeast": "timur laut", "northwest": "barat laut"}
ENGLISH_SPELLING = {"sumatra": "sumatera", "java": "jawa"}
_ADMIN_WORDS = {"regency", "province", "city", "district", "island", "islands", "region", "sea"}   # not in the name
_COMPASS_PLACE = re.compile(r"\b((?i:" + "|".join(COMPASS) + r"))((?:\s+[A-Z][a-z]+){1,2})\b")
# A place or body English names before its kind ("Palangka Raya University", "Kahayan Market"), as Indonesian names it,
# kind first, in the glossary's word ("Universitas Palangka Raya"): the reader gave "Siapa rektor Palangka Raya
# universitas?" 0.19 and "Siapa rektor Universitas Palangka Raya?" 1.0
_KINDS_NAMED_LAST = ("university", "regency", "city", "province", "hospital", "airport", "market", "stadium", "river",
                     "bridge", "port", "harbour", "harbor", "lake", "island", "mosque", "mountain", "village",
                     "district")
_NAME_WORD = r"(?!(?:In|At|On|Of|For|From|To|By|The|A|An|And|Or|Which|What|Who|Whom|Where|When|How|Why|Is|Are|Was|" \
             r"Were|Did|Does|Do|Has|Have|Had|Will|Can)\b)[A-Z][\w'-]*"    # not the English word opening a question
_NAMED_KIND = re.compile(rf"\b((?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD})\s+((?i:{'|'.join(_KINDS_NAMED_LAST)}))\b")
# "Apa kabar terbaru soal X?", "What is the latest news on X?": the news itself, not one fact of it.
NEWS_REQUEST = re.compile(
    r"\b(kabar|berita|info|informasi|perkembangan|update)\s+(terbaru|terkini|teranyar|paling baru)\b|"
    r"\blatest (news|updates?|developments?)\b|\bwhat'?s new\b", re.I)
# "Kabar terbaru soal banjir": in a request for the news these only introduce its topic, and are not searched for.
_ABOUT = {"soal", "mengenai", "seputar", "perihal", "terkait", "regarding", "concerning"}
_ENGLISH = set("what who whom which when where why how is are was were the of did does do about in on "
               "with for has have had will would could should latest news".split())
_INDONESIAN = set("apa siapa berapa kapan mana dimana bagaimana mengapa kenapa yang di ke dari dan "
                  "itu ini dengan untuk adalah tentang terbaru sudah akan bisa oleh para pada".split())

# A number news writes in words ("tujuh", "dua puluh", "seratus")
NUMBER_WORD = r"(?:(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)" \
              r"(?:\s*(?:belas|puluh|ratus|ribu|juta|miliar|triliun))?|se(?:belas|puluh|ratus|ribu))"
_TIME_UNITS = ("detik", "menit", "jam", "hari", "pekan", "minggu", "bulan", "tahun", "windu", "dekade", "abad",
               "semester", "triwulan")
# One of a unit of time, written with "se-" ("setahun", "sepekan"), not "sehari-hari" (daily)
_ONE_UNIT_OF_TIME = rf"se(?:{'|'.join(_TIME_UNITS)})(?!-)"
# What a short answer of each kind looks like in a sentence.
LOOKS_LIKE = {
    "date": re.compile(rf"\b({'|'.join(sorted(WEEKDAYS))}|{_MONTH_WORDS}|\d{{4}}|pukul|tanggal)\b", re.I),
    # numbers in digits or in words: news writes small ones out ("tujuh kali", "dua tahun", "setahun"), and sums of
    # money with the currency before them, often without a space ("Rp6 juta", "Rp214 miliar", "US$5")
    "number": re.compile(
        r"(?:\b(?:Rp|US\$|USD|IDR)\.?\s?|\b)(\d[\d.,]*|" + NUMBER_WORD + r"|setengah|one|two|three|"
        r"four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|millions|" + _ONE_UNIT_OF_TIME
        + r")\b", re.I),
    "name": re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z.]+)+"),
}
LOOKS_LIKE["place"] = LOOKS_LIKE["name"]
# Offices news names people by, in front of or after the name ("Ketua DPRD Kotim Hadi Prasetyo", "Sahrul Fadillah,
# Bupati Kotawaringin Timur"), written from general usage: a "siapa" question naming one asks for its holder
# (Question.offices, Question.holds_office). "Wakil", "Plt" and "mantan" make another office of the one they precede.
OFFICES = frozenset("""presiden wapres menteri menko gubernur wagub bupati wabup walikota wali camat lurah kades kepala
    kadis ketua ketum sekretaris sekda sekjen direktur dirut rektor dekan kapolri kapolda kapolres kapolsek kapolresta
    panglima kasad jaksa kajari kajati hakim komandan dandim danrem pangdam pelatih kapten juru jubir duta penjabat pj
    plt wakil mantan wakapolri wakapolda wakapolres wakapolresta wakapolsek""".split())
_OFFICE_MODIFIERS = frozenset({"wakil", "plt", "mantan"})   # ... without one they name none ("wakil Indonesia")
# "Berapa nilai APBD ...?", "berapa dana ...?", "how much did it cost?", "what is the value of the export?": a sum of
# money, so a short answer names its currency ("Rp6 juta", not the "2.500" students the money went to)
# English asks for a number with "what is the price" where Indonesian says "berapa harga".
_WHAT_THE = r"what(?:'s| is| was| are| were)? the (?:\w+ )?"
_CURRENCY_NAMES = r"rupiah|dolar|dollars?|euros?|ringgit|baht|yen|yuan|riyal|rial|peso|pounds?|poundsterling"
MONEY_ASKED = re.compile(
    r"\bberapa(?:kah)?\s+(?:besar\s+|banyak\s+|jumlah\s+|total\s+)?(?:nilai|dana|harga|biaya|anggaran|bantuan|"
    r"gaji|tarif|upah|iuran|denda|hadiah|insentif|tunjangan|modal|investasi|kerugian|utang|pinjaman|ongkos|"
    r"pendapatan|omzet|belanja|uang|saldo|laba|pajak|retribusi|honor|honorarium|cicilan|premi|suap|subsidi)\b|"
    r"\bhow much\b.*\b(?:cost|costs|price|fare|tickets?|budget|funds?|funding|money|worth|paid|spend|spent|salary|fee|"
    r"fine|lose|lost|losses|loss|cash|revenue|profit|grants?|allowance|compensation|bribes?|tax|taxes|debts?|loans?|"
    r"prize|income|investment|subsid(?:y|ies)|donations?|wages?|salaries|fees|(?:sold|sell|sells|bought|buy)\s+for)\b|"
    r"\b" + _WHAT_THE + r"(?:price|cost|fare|budget|salary|wage|fee|fine|toll|"
    r"tariff|value)s?\b|"
    rf"\b(?:berapa(?:kah)?|how\s+many)\s+(?:{_CURRENCY_NAMES})\b", re.I)   # "merosot berapa rupiah"
CURRENCY = re.compile(rf"(?<![a-z])(?:rp|us\$|usd|idr|sgd|s\$|rm)(?=[\s\d.])|[$€£¥]|\b(?:{_CURRENCY_NAMES})\b", re.I)
# What an English "what is the ..." asks the number of, with up to two words (and a year) before it ("What share of
# ...", "What economic growth target ...", "what was the penalty shootout score", "What is Central Kalimantan's 2027
# budget"); "the" may be left out, but "what area" asks where, so an area needs it, and "the target of the raid" is
# no number
_MEASURES = r"(?:price|cost|number|amount|total|value|rate|population|percentage|share|proportion|size|height|length|" \
            r"depth|speed|budget|fee|fine|salary|wage|score|capacity|distance|toll|tariff|turnout|target(?! of)|" \
            r"coverage|growth|ceiling|deposit|temperature|magnitude|quota|ratio)s?"
_WHAT_MEASURE = r"what(?:'s| is| was| are| were)?(?: the)? (?:\w+(?:['’]s)? ){0,2}(?:\d{4} )?" + _MEASURES + "|" \
    + _WHAT_THE + "areas?"
# "how deep was the water?", "how often ...?": a measure, asked in Indonesian as "berapa dalam", "berapa kali"
_HOW_MEASURES = {"long": "lama", "old": "umur", "deep": "dalam", "far": "jauh", "high": "tinggi", "tall": "tinggi",
                 "big": "besar", "large": "besar", "wide": "luas", "heavy": "berat", "fast": "cepat", "often": "kali"}
_HOW_MEASURE = "|".join(_HOW_MEASURES)
_ASKS = (   # the first that matches decides
    # "periode mana", "tahun mana": a time, asked with the word for where
    ("date", re.compile(r"\b(kapan(kah)?|when|(tanggal|tahun|hari|bulan) (berapa|apa)(kah)?|"
                        r"(what|which) (date|year|day|month)|(periode|masa|tahun|musim|era|bulan|tanggal|edisi) "
                        r"mana(kah)?)\b")),
    ("number", re.compile(r"\b((ke)?berapa(kah)?|how (many|much|" + _HOW_MEASURE + r")|what time|jumlah|besaran|nilai|"
                          r"persen|" + _WHAT_MEASURE + r")\b")),
    ("name", re.compile(r"\b(siapa|siapakah|who|whom)\b")),
    # "kecamatan apa", "negara apa": a place asked for by its kind
    ("place", re.compile(r"\b(((di|ke|dari) ?)?mana(kah)?|where|lokasi|tempat|"
                         rf"(?:{_ASKED_KINDS}) apa(kah)?)\b")),
    # "rumah sakit apa", "seri apa saja", "apa nama ...", "what is the name": a thing asked for by its name
    ("name", re.compile(r"\b(apa nama|nama \w+|\w+ apa( saja| lagi)?\b(?!\s+(yang|saja yang))|"
                        r"which|what (is|was) the name)")),
    ("thing", re.compile(r"\b(apa|apakah|what)\b")),
    # a price asked without a question word ("harga tomat di pasar Kahayan pas cabai tembus 85 ribu"), not why or how
    ("number", re.compile(r"^(?!.*\b(mengapa|kenapa|bagaimana|gimana|why|how)\b).*\b(harga|price)\b")),
)
# The question word a question opens with (or ends with, read first: question_word_first)
# A question word, in either language (a question opening with "Apakah" that writes another asks what that one asks)
QUESTION_WORD = re.compile(r"\b(?:(?:siapa|berapa|kapan|mana|apa|bagaimana|mengapa|kenapa)(?:kah)?|who|what|when|"
                           r"where|which|how|why)\b", re.I)
_LEADING_ASK = re.compile(r"\W*(?:(?P<place>(?:di|ke|dari)\s?mana(?:kah)?|where)|(?P<name>siapa(?:kah)?|who|whom)|"
                          r"(?P<date>kapan(?:kah)?|when)|(?P<number>berapa(?:kah)?|how\s+(?:many|much)))\b", re.I)
# The reader was trained on Indonesian questions (FacQA); an English question's word for what it asks is given
# to it in Indonesian (docs/reader.md). The first that matches is replaced.
_READER_ASKS = re.compile(
    rf"\b(how (?:many|much|{_HOW_MEASURE})|until when|since when|when|who|whom|where|(?:at )?what time|which|what)\b",
    re.I)
_RELATIVE = re.compile(r"(?<=\S)(\s+)(?:who|which|whom)\b", re.I)    # after a word: "... the coach who commented"
# "How much does a ticket cost?", read "berapa does a ticket cost?": Indonesian asks its price ("Berapa harga tiket?"),
# which the reader reads far surer than "biaya" (cost) in either order, of a project too
_COSTS = re.compile(r"\bberapa\s+(?:does|do|did|will|would)\s+(.+?)\s+cost\b", re.I)
# "How much is a ticket ...?", read "berapa is a ticket ...?": the price of one, as above ("How much is the APBD?" asks
# its value)
_PRICE_OF_ONE = re.compile(r"\bberapa\s+(?:is|are)\s+(?:an?|one)\s+", re.I)
_READER_WORDS = {"how many": "berapa", "how much": "berapa", "until when": "sampai kapan", "since when": "sejak kapan",
                 "what time": "pukul berapa", "at what time": "pukul berapa",
                 "when": "kapan", "who": "siapa", "whom": "siapa", "where": "di mana", "which": "apa", "what": "apa",
                 **{f"how {word}": f"berapa {indonesian}" for word, indonesian in _HOW_MEASURES.items()}}
_WHICH = re.compile(r"\bwhich (\w+(?:-\w+)*)", re.I)     # "which sub-district": the whole word
# "What share of total exports …?" asks "berapa persen" (word by word, "Berapa saham …": shares of stock)
_SHARE_OF = re.compile(r"\b(?:what|which)\s+(?:percentage|percent|share|proportion)(?:\s+of)?\b", re.I)
# "Seberapa luas lahan ...?" is asked as FacQA's questions ask it, "Berapa luas ...?": the reader gave the answer's
# window more for five of the news-like set's seven "seberapa" questions (0.006 -> 0.997 for "Seberapa tinggi ombak")
_SEBERAPA = re.compile(r"\bse(b)erapa\b", re.I)
# "Palangka Raya's", "this year's", "what's": the reader reads the name or word alone (Indonesian has no such ending)
_APOSTROPHE_S = re.compile(r"(?<=\w)['’]s\b")
_WHERE_TO = re.compile(r"\bwhere\b(.*?)\s+to\s*(?=[?.!]*\s*$)", re.I)
# Chat puts the question word last ("APBD Kotim 2027 berapa?", "Rektor UPR siapa?", "Wabup Bekasi siapa namanya?");
# the reader learned from questions that put it first, and is less sure of the same answer in the other order
# (docs/reader.md, sixteenth and seventeenth sessions).
_WH = r"berapa(?:kah)?(?:\s+(?:lama|banyak|besar|jauh|tinggi|luas|persen|kali))?|siapa(?:kah)?|kapan(?:kah)?|" \
      r"(?:di|ke|dari)\s?mana(?:kah)?"
_WH_LAST = re.compile(rf"^(?P<rest>.+?)[\s,]+(?P<wh>{_WH})(?:\s+namanya)?"
                      rf"(?:[\s,]+(?:{'|'.join(PARTICLES)}))*\s*[?!.]*\s*$", re.I)
# ... but not where it fills a slot after a preposition, a verb or a noun it asks about ("di urutan berapa"), nor out
# of "sampai kapan", "sejak kapan", "paling lambat kapan". "Apa" stays: after a noun it asks which one
# ("rumah sakit apa").
_SLOT_WORDS = set("""dengan oleh di ke dari pada untuk kepada dalam sebagai jadi ada adalah ialah yaitu yakni harga nama
    nomor urutan peringkat posisi tiket ukuran usia umur tahun tanggal hari bulan jam pukul gedung kelas angka uang dana
    sampai hingga sejak mulai lambat cepat""".split())
_AFTER_VERB = re.compile(r"(?:me|ber|di|ter)[a-z]{3,}|se(?:besar|nilai|banyak|harga|tinggi|panjang|luas|jauh|berat)")
_WH_ANY = re.compile(rf"\b(?:{_WH})\b", re.I)
# "Di peringkat berapa ...?", "lompatan ke berapa", "keberapa", "what place ...": a rank or an order, answered by an
# ordinal ("peringkat kesebelas", "ke-3", "juara 2", "fifth"), not by a count ("49 negara") or a measure ("6,52 meter");
# "ke berapa perusahaan" asks "to how many companies".
_RANK_ASKED = re.compile(r"\b(?:peringkat|urutan|posisi|ranking|rangking|juara|lompatan|percobaan|babak|putaran|"
                         r"edisi|gelombang|tahap)\s+(?:ke\s*-?\s*)?berapa(?:kah)?\b|\bke(?:-\s*)?berapa(?:kah)?\b|"
                         r"\b(?:what|which)\s+(?:rank|ranking|place|position)\b", re.I)
_ORDINAL = re.compile(rf"\bke-?\s?\d+|\bke{NUMBER_WORD}\b|"     # "ke-3", "kesebelas", "ketujuh belas"
                      r"\b(?:pertama|terakhir|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\b|"
                      r"\b\d+(?:st|nd|rd|th)\b|"
                      r"\b(?:peringkat|urutan|posisi|juara|rank|place|position)\s+\d+", re.I)
# "Naik berapa ...?", "kenaikan", "by how much" ask for a change; "turun menjadi berapa?" for the value it came to
CHANGE_VERBS = r"naik|turun|bertambah|berkurang|meningkat|menurun|melonjak|anjlok|merosot|susut"
_CHANGE_ASKED = re.compile(rf"\b(?:{CHANGE_VERBS})\s+(?:sebesar\s+|sebanyak\s+)?(?:berapa|brp)\b|"
                           r"\b(?:kenaikan|penurunan|selisih)(?:nya)?\b|"
                           r"\bby how much\b|\b(?:rise|rose|risen|fall|fell|fallen|increase|increased|decrease|"
                           r"decreased|drop|dropped|grow|grew|grown)\s+by\b", re.I)
_BEFORE_ASKED = re.compile(r"\b(?:sebelumnya|sebelum|awalnya|semula|mula-mula|tadinya|before|previously|originally|"
                           r"initially|earlier)\b|\bawal\b(?!\s+(?:tahun|bulan|pekan|minggu|\d|"
                           + "|".join(MONTHS) + r")\b)", re.I)   # "vonis awal(nya)", not "awal Mei"
_BECAME_ASKED = re.compile(r"\bmenjadi\s+(?:berapa|brp)\b|\bto\s+what\b", re.I)
# "Berapa lama ...?" asks how long: a span of time ("tujuh bulan", "2x24 jam"), not a price or a count
_DURATION_ASKED = re.compile(r"\bberapa(?:kah)?\s+lama\b|\blama(?:nya)?\s+berapa\b", re.I)
# "86 kali": how often, a count of times (not "dua kali lipat", twice as much)
_TIMES = re.compile(r"^\S+\s+kali\b(?!\s+lipat)", re.I)
# "Berapa berat ...?", "tingginya berapa", "How far ...?" ask for a measure of weight, length or area: a number in one of
# its units, or alone ("14 unit robodog" is no weight, "3.000 warga" no distance).
_DIMENSIONS = {"weight": ("kg", "kilogram", "gram", "g", "ton", "kuintal", "ons"),
               "length": ("meter", "m", "km", "kilometer", "cm", "sentimeter", "mm", "milimeter", "mil", "mdpl", "kaki"),
               "area": ("hektare", "hektar", "ha", "m2", "km2", "persegi"),
               "age": ("tahun", "bulan", "hari", "pekan", "minggu")}   # "0,9 detik", "6,41 meter": no age
_MEASURED = {"berat": "weight", "panjang": "length", "tinggi": "length", "lebar": "length", "jarak": "length",
             "jauh": "length", "kedalaman": "length", "luas": "area",
             "usia": "age", "umur": "age"}                                             # "berapa berat", "beratnya berapa"
_MEASURED_EN = {"heavy": "weight", "tall": "length", "high": "length", "far": "length", "deep": "length",
                "old": "age"}                                                          # "how heavy", "how old"
_DIMENSION_ASKED = re.compile(rf"\b(?:berapa|brp)(?:kah)?\s+({'|'.join(_MEASURED)})\b|"
                              rf"\b({'|'.join(_MEASURED)})(?:nya)?\s+(?:berapa|brp)\b|"
                              rf"\bhow\s+({'|'.join(_MEASURED_EN)})\b|\b(weigh)(?:s|ed)?\b", re.I)
_DIMENSION_OF = {**_MEASURED, **_MEASURED_EN, "weigh": "weight"}
# A date after who said it ("kata Zudan, dalam keterangan pers, Kamis (22/5/2025)", "ujar Purbaya di Kantor Kemenkeu,
# Senin (20/10/2025)") is when it was said: no answer to when the thing said happens, unless the question asks about the
# saying. FacQA's training split answers none of its 303 "kapan" questions with such a date.
_SAID_BEFORE = re.compile(r"\b(?:kata|ujar|ucap|tutur|jelas|sebut|imbuh|tambah|ungkap|terang|tegas|papar|pungkas)\w*\b"
                          r"[^.;\"“”]{0,120}?,\s*$|\bdalam\s+keterangan(?:\s+\w+)?,\s*$", re.I)
# An outlet a sentence cites ("Dilansir The Dailymeal, ...", "dikutip dari Reuters"): where the news came from
_CITED_FROM = re.compile(r"\b(?:dilansir|melansir|dikutip|mengutip|lansiran)(?:\s+(?:dari|oleh))?\s*$", re.I)
_SAYING_ASKED = re.compile(r"\b(?:kata|berkata|bilang|mengatakan|menyatakan|menyampaikan|menjelaskan|menyebut(?:kan)?|"
                           r"mengungkapkan|menegaskan|mengumumkan|said|say|says|stated|told|announced?)\b", re.I)
# "Jam berapa ...?", "What time ...?" ask for a time of day ("pukul 16.00 WIB", "Senin malam"), not for the day itself
# ("Senin (25/5)"); "berapa jam" asks how long.
_CLOCK_ASKED = re.compile(r"\b(?:jam|pukul)\s+(?:berapa|brp)(?:kah)?\b|\b(?:what|which)\s+time\b", re.I)
# A time of day as news writes it: "pukul 03.12 WIB", "pukul 08.00-12.00 WIB", "19:30 WITA"
CLOCK_TIME = re.compile(r"(?:\b(?:pukul|jam)\s+)?\b\d{1,2}[.:]\d{2}\b(?:\s*(?:-|–|sampai|hingga)\s*\d{1,2}[.:]\d{2}\b)?"
                        r"(?:\s+(?:WIB|WITA|WIT)\b)?", re.I)
_CLOCK = re.compile(rf"{CLOCK_TIME.pattern}|\bpukul\b|\bjam\s+\d|\b(?:WIB|WITA|WIT)\b|"
                    r"\b(?:pagi|siang|sore|petang|malam|subuh|dini hari)\b", re.I)
# "Film apakah ...?", "Which team ...?" ask for something named in words; these ask for something that may be a number
# or a date alone ("Nomor apa ...?", "Which year ...?", "Apa hasil ...?": "2-1")
_NUMBERED = r"(?:nomor|no|angka|kode|code|skor|score|hasil|result|tahun|year|tanggal|date|hari|day|bulan|month|jam|" \
            r"pukul|versi|version|number|pasal|article|nilai|grade|kelas|class)"
_NUMBERED_ASKED = re.compile(rf"\b{_NUMBERED}\s+apa(?:kah)?\b|\b(?:apa(?:kah)?|which|what)\s+(?:\w+\s+)?{_NUMBERED}\b",
                             re.I)
# "Berapa persen ...?", "persentase", "What share of ...?" ask for a share: a count or a sum is no answer.
_SHARE_ASKED = re.compile(r"\b(?:berapa|brp)(?:kah)?\s+persen\b|\bpersen(?:nya)?\s+(?:berapa|brp)\b|\bpersentase\b|"
                          r"\bwhat\s+(?:percentage|percent|share|proportion)\b|\bhow\s+many\s+percent\b", re.I)
_SHARE = re.compile(r"persen|%|percent", re.I)
# A name with its short form after it in brackets ("Departemen Efisiensi Pemerintah (DOGE)"), and a question that asks
# what a short form or initials stand for
_NAMED_SO = re.compile(r"[^()]+?\s*\(\s*([\w.&-]+)\s*\)")
# What may follow a span that is the beginning of a name: the rest of the name, then its short form in brackets
_NAME_GOES_ON = re.compile(r"(?:\s+[A-Z][\w.&-]*)*\s*\(\s*([\w.&-]+)\s*\)")
_LONG_FORM_ASKED = re.compile(r"\b(?:kepanjangan|singkatan|inisial|berinisial|stands?\s+for|short\s+for|abbreviation|"
                              r"initials?|nama\s+(?:lengkap|resmi)|(?:full|official)\s+name)\b", re.I)
# What a thing is ("Apa itu 3M Plus?", "Apa yang dimaksud dengan SPHP?", "3M Plus itu apa?"): a span naming it is no
# answer
_DEFINITION_ASKED = re.compile(r"^\s*apa(?:kah)?\s+(?:itu|yang\s+dimaksud)\b|\bitu\s+apa(?:\s+sih)?\s*\??\s*$", re.I)
_DURATION = re.compile(rf"\b(?:{'|'.join(_TIME_UNITS)}|{_ONE_UNIT_OF_TIME})\b", re.I)     # "lima tahun", "setahun"
# What a number is measured in, written after it ("1.240 hektare", "14 hari")
MEASURE_UNITS = ("persen", "hektare", "hektar", "ha", "ton", "kilogram", "kg", "gram", "liter", "meter", "kilometer",
                 "km", "mil", "derajat", *_TIME_UNITS)
# The forms of one unit ("berapa kilometer" is answered in "km" as well).
_SAME_UNIT = {unit: forms for forms in (("kilometer", "km"), ("kilogram", "kg"), ("hektare", "hektar", "ha"))
              for unit in forms}
# "90" for "berapa hektar", "75+" for "umur berapa": a number alone may leave its unit out
_BARE_NUMBER = re.compile(r"\d[\d.,]*\+?")
# "5" in "… laga pada 5 dan 13 Juni": the day of a date, before its month (after the other day of a pair or a range)
_DAY_OF_MONTH = re.compile(rf"\s*(?:(?:-|–|dan|hingga|sampai|s/d)\s*\d{{1,2}}\s*)?(?:{MONTH_NAMES})\b", re.I)
# "Berapa lulusan ...?" counts graduates: "38 persen lulusan ..." is a share of them, not their number.
_COUNTED = re.compile(r"\bberapa(?:kah)?\s+(?:banyak\s+|jumlah\s+)?([a-z]{3,})\b")
# People a "berapa" question counts. A measure ("42 kilometer", "3 jam", "Rp5 juta") is no count of them.
_PEOPLE = set("""orang warga jiwa korban pasien siswa murid mahasiswa pelajar atlet tersangka terdakwa saksi wisatawan
    wisman turis anak balita bayi lansia keluarga lulusan guru dokter bidan perawat relawan personel pegawai karyawan
    buruh nelayan pemudik calon anggota kader tamu pelari peserta pedagang petani pekerja pemain penonton pengunjung penumpang
    pendaftar penerima pelamar perajin pendayung perenang pesepeda pengungsi penduduk pemilih pendukung penghuni
    pengemudi pelanggan pembeli penjual penyidik petugas penyuluh penambang peternak pengusaha pejabat pemuda pelatih
    pelaku camat lurah kades asn pns honorer polisi prajurit tentara santri jemaah dosen wartawan hakim jaksa
    finalis narapidana napi tahanan awak pendaki nasabah nakes wni wna""".split())
# Places and things a "berapa" question counts, or a number counts ("17 kecamatan", "34 ruang kelas"), and the words
# Indonesian counts things by and people never ("142 jenis layanan", "12 ekor sapi"): no count of people, nor people a
# count of them.
_THINGS = frozenset((*PLACE_KINDS, *"""kampung dusun sekolah ruang kelas kamar unit rumah gedung bangunan titik lokasi
    kendaraan mobil motor kapal perahu pesawat gudang pasar toko kios sumur jembatan menara pos jenis macam ekor buah
    paket lembar batang butir helai petak karung botol dosis gelar trofi piala gol rekor film buku judul lagu album laga
    pertandingan kursi proyek perusahaan program""".split()))
_HOW_MANY = re.compile(r"\bhow many\b", re.I)   # a count ("how many rupiah" asks for money: MONEY_ASKED)
# A count asked for as one ("berapa jumlah SPPG", "how many"): a share ("35 persen") is none
_COUNT_ASKED = re.compile(r"\b(?:berapa|brp)(?:kah)?\s+(?:jumlah|banyak)\b|\bjumlah\b[^?]*\bberapa\b|\bhow many\b",
                          re.I)
# What befell the people a disaster or a crime story counts: a count of the dead is no count of the injured, nor of
# those missing or displaced ("enam orang tewas dan 30 orang lainnya terluka"); written from general usage, in the
# forms news writes and the English a question may ask in (Question.state_asked, Question.of_another_state)
_STATES = {
    "dead": r"tewas|menewaskan|meninggal|wafat|terbunuh|korban jiwa|died|dead|killed|deaths?|fatalities",
    "injured": r"luka(?:-luka)?|terluka|melukai|cedera|mencederai|injured|wounded|hurt",
    "missing": r"hilang|missing",
    "displaced": r"mengungsi|pengungsi|dievakuasi|evacuated|displaced|evacuees",
}
_STATE = {kind: re.compile(rf"\b(?:{words})\b", re.I) for kind, words in _STATES.items()}
_CLAUSE_END = re.compile(r"[,;.:]|\s(?:dan|serta|sedangkan|sementara)\s")
# A question asking for several ("Apa saja …?", "Kota mana aja …?", "What are the …?"): whole_list() in bot/answer.py
_LIST_ASKED = re.compile(r"\b(?:apa|siapa|mana|kapan)(?:kah)?\s+saja\b|^\s*(?:what|who|which)\s+(?:are|were)\b", re.I)
# What a value is given for each of ("Berapa beasiswa yang diterima tiap mahasiswa?", "How much does each student
# get?"): a count of those ("2.500 mahasiswa") is how many there are, not what each has
_PER_UNIT = re.compile(r"\b(?:tiap|setiap|per|masing-masing|each|every)\s+([a-z]{3,})\b")
_COUNT_OF = re.compile(r"^(?:sekitar\s+|sebanyak\s+|lebih dari\s+)?\d[\d.,]*\s+(?:ribu\s+|juta\s+)?([a-z]+)\b")
_MEASURE = re.compile(rf"(?:rp|us\$|\$)\s*\d|\d[\d.,]*\s*(?:%|(?:{'|'.join(MEASURE_UNITS)}|rupiah|dolar)\b)", re.I)
_WHO = re.compile(r"\b(siapa|siapakah|who|whom)\b", re.I)
_CAPITALISED = re.compile(r"\b[A-Z]")
# How a person is addressed before the name: alone, no answer to "siapa" ("Saudari" of "Saudari Lesti Kejora").
_HONORIFICS = frozenset("""saudara saudari sdr sdri bapak ibu pak bu tuan nyonya nona mr mrs ms""".split())
# What stands beside the name of a firm or a club, alone no name of one ("FC" of "Liverpool FC")
_DESIGNATORS = frozenset("""fc sc cf ac afc pt cv tbk persero ud inc ltd co corp""".split())
_PRICED = re.compile(r"\bharga\s+(?:jual\s+|beli\s+|eceran\s+|rata-rata\s+)?([a-z]{3,})\b(?!-)(?:\s+([a-z]{3,})\b)?")
# Words that tell one commodity of a market's price list from its namesake: "bawang putih" is not "bawang merah",
# "beras premium" not "beras medium", "cabai rawit" not "cabai merah keriting" (Question.price_variety).
_VARIETIES = frozenset("""merah putih hijau hitam kuning rawit keriting medium premium curah kemasan super asalan goreng
    ras kampung segar""".split())
_PERCENT = re.compile(rf"(?:{_SHARE.pattern})$", re.I)   # a share that ends the span ("38 persen")
# "Kapan pendaftaran ditutup?" asks for the end of "dibuka 12 Oktober hingga 31 Oktober 2026"; "kapan dibuka?" for
# its start.
_RANGE_END = re.compile(r"\b(ditutup|tutup|berakhir\w*|selesai|batas (akhir|waktu)|terakhir|(sampai|hingga) kapan|"
                        r"until when|deadline|clos(e|es|ed|ing)|ends?|ended|last day)\b")
_RANGE_START = re.compile(r"\b(dibuka|buka|dimulai|mulai|sejak kapan|since when|opens?|opened|starts?|started|"
                          r"begins?|began)\b")
# A date as news writes it ("Agustus 2026", "12-14 Oktober"): like a year alone, no answer to "berapa" (of FacQA's 483
# train and valid questions that ask for a number, no answer is a date alone); "2000 mg" is no year
_A_DATE = re.compile(rf"(?:\b\d{{1,2}}\s*[-–]\s*)?(?:{DAY})", re.I)    # "12-14 Oktober" too
_MODEL_NUMBER = re.compile(r"\b([A-Za-z][\w-]*)\s+(\d+(?:[.,]\d+)?|[IVXLC]{2,})\b")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+|%)")
# A number followed by one of these is a day of a month, a year of the Islamic or the Christian era, or a measure (not a
# time: "iPhone 18 tahun ini" names the phone)
_NOT_A_NUMBERED_NAME = frozenset(MONTHS) | {"h", "hijriah", "hijriyah", "m", "masehi", "sm", "karat", "%", "percent",
                                            *(u for u in MEASURE_UNITS if u not in _TIME_UNITS)}


# A number as English writes it: "2,000", "6,130.19", "1.5" (Indonesian writes "2.000", "6.130,19", "1,5"); not one
# already written the Indonesian way ("Rp 2.000"), nor an hour ("17.00 WIB").
_ENGLISH_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.(?!\d{3}\b)\d+)"
                             r"(?![\d]|[.,]\d|\s*(?:WIB|WITA|WIT)\b)")


def indonesian_numbers(text: str) -> str:
    """An English question's numbers written the Indonesian way, as the articles write them: a point between
    thousands, a comma before decimals ("from Rp 2,000" -> "from Rp 2.000", "1.5 million" -> "1,5 million")."""
    return _ENGLISH_NUMBER.sub(lambda m: m.group(0).translate(str.maketrans(".,", ",.")), text)


def language(text: str) -> str:
    """'en' when English function words outnumber Indonesian ones, else 'id'."""
    tokens = re.findall(r"[a-z]+", text.lower())
    en = sum(t in _ENGLISH for t in tokens)
    ind = sum(t in _INDONESIAN for t in tokens)
    return "en" if en > ind else "id"


def content_terms(text: str) -> list[str]:
    """The words that carry meaning: lower-case, no stopwords, no repeats, and no "minggu" of "minggu ini" (this
    week: a recency cue, while the word as a term matched Sunday, "Minggu (15/11)", in the datelines of other
    stories)."""
    terms: list[str] = []
    for token in _TOKEN.findall(_WEEK.sub(" ", text.lower())):
        if token in STOPWORDS or (len(token) < 2 and not token.isdigit()) or token in terms:
            continue
        terms.append(token)
    return terms


def _significant(words) -> list[str]:
    return [w for w in words if w not in STOPWORDS]


_FORMS = forms(_significant)   # the shortened forms as a question's terms spell them, worked out once


def name_terms(text: str) -> list[str]:
    """Words written as names or numbers ("Lewotobi", "PON XXI", "iPhone 18"), lower-cased."""
    names: list[str] = []
    for token in _TOKEN.findall(text)[1:]:   # the first word is capitalised anyway
        if (token[0].isupper() or token.isdigit() or any(c.isupper() for c in token[1:])) \
                and token.lower() not in STOPWORDS and token.lower() not in names:
            names.append(token.lower())
    return names


def casings(texts: list[str], words: set[str]) -> dict[str, str]:
    """How `texts` write `words` (lower case) inside a sentence, for those they write with a capital there at least
    nine times in ten: "upr" -> "UPR", "kalteng" -> "Kalteng". A sentence's first word does not count."""
    seen: dict[str, dict[str, int]] = {}
    for text in texts:
        for sentence in split_sentences(text):
            for word in _TOKEN.findall(sentence)[1:]:
                if word.lower() in words:
                    forms_of = seen.setdefault(word.lower(), {})
                    forms_of[word] = forms_of.get(word, 0) + 1
    out = {}
    for lower, forms_of in seen.items():
        form, count = max(forms_of.items(), key=lambda kv: kv[1])
        if form != lower and count >= 0.9 * sum(forms_of.values()):
            out[lower] = form
    return out


def numbered_names(text: str) -> list[str]:
    """Names that carry a number or numeral ("iPhone 18", "Switch 2", "PON XXI"; a sum, "Rp 2.000"), lower-cased: the
    number tells one thing from its namesake. Years and dates are not such names ("Juli 2025", "pemilu Inggris 8 Juni",
    "Idul Fitri 1438 H"), nor is a measure after a word ("emas Antam 24 karat": the article need not write them side by
    side)."""
    found = []
    for m in _MODEL_NUMBER.finditer(text):
        word, number = m.groups()
        after = _NEXT_WORD.match(text, m.end())
        if (word[0].isupper() or any(c.isupper() for c in word[1:])) and word.lower() not in MONTHS \
                and word.lower() not in WEEKDAYS and not YEAR.fullmatch(number) \
                and not (after and after.group(1).lower() in _NOT_A_NUMBERED_NAME):
            found.append(f"{word} {number}".lower())
    return found


def named_period(text: str) -> tuple[str, str] | None:
    """The date or month named ("26 Mei 2026", "Juli 2025"), as an inclusive ISO prefix range."""
    m = _DATE_MENTION.search(text)
    if not m:
        return None
    day, month, year = m.group(1), MONTHS[m.group(2).lower()], int(m.group(3))
    if day:
        try:
            d = date(year, month, int(day)).isoformat()
            return d, d
        except ValueError:
            pass
    return f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}"


def blends(short: str, name: str) -> bool:
    """Whether `short` is blended from `name` as news shortens a name: its first letter and the rest of its letters in
    order ("Aher" from "Ahmad Heryawan", "Perbanas" from "Perhimpunan Bank Nasional"; not "Jakarta" from "Budi
    Santoso")."""
    letters, rest = iter(name.lower()), short.lower()
    return len(rest) >= 3 and name[:1].lower() == rest[:1] and all(c in letters for c in rest)


def question_word_first(text: str) -> str:
    """An Indonesian question with its question word moved from the end to the front, the order the reader learned
    ("APBD Kotim 2027 berapa?" -> "Berapa APBD Kotim 2027?"); any other question as it is."""
    m = _WH_LAST.match(text.strip())
    if not m or _WH_ANY.search(m.group("rest")):
        return text
    wh, rest = m.group("wh"), m.group("rest")
    before = rest.split()[-1].lower()
    if before in _SLOT_WORDS or wh.lower().startswith("berapa") and _AFTER_VERB.fullmatch(before):
        return text     # "dijual dengan harga berapa", "diterbitkan oleh siapa": the word fills a slot, stays there
    first = rest.split()[0]
    if first.lower() in STOPWORDS:     # "Yang menang siapa?" -> "Siapa yang menang?"
        rest = first.lower() + rest[len(first):]
    return as_asked(f"{wh.lower()} {rest}")


def as_asked(text: str) -> str:
    """A question written as the reader learned them: a capital first and a question mark last ("siapa juara umum
    porprov" -> "Siapa juara umum porprov?"; on FacQA valid the mark raised span F1 0.815 -> 0.828: docs/reader.md)."""
    text = text.strip().rstrip(".!? ")
    return f"{text[:1].upper()}{text[1:]}?"


def _named_place(span: str, kinds: tuple[str, ...]) -> list[str]:
    """The words of `span` in lower case, without a kind of place it starts with ("Provinsi NTT" -> ["ntt"])."""
    words = [w.lower() for w in WORD_SPAN.findall(span)]
    return words[1:] if words[:1] and words[0] in kinds else words


def only_a_province(span: str) -> bool:
    """Whether `span` names a province and nothing more ("Sulawesi Utara", "Provinsi NTT")."""
    return province_of(_named_place(span, ("provinsi", "province"))) is not None


def known_region(words: list[str]) -> bool:
    """Whether `words` (lower case) name, as a whole, a province or a region of the tables ("kotawaringin barat")."""
    return bool(words) and (province_of(words) is not None or " ".join(words) in REGIONS)


def only_a_region(span: str) -> bool:
    """Whether `span` names a province or a region of the tables and nothing more ("Kotawaringin Barat", "Kabupaten
    Kotim", "Provinsi NTT")."""
    return known_region(_named_place(span, (*PLACE_KINDS, "province", "regency", "city")))


# A question asking whether ("Apakah banjir sudah surut?", "Apa benar ...?", "Did Kalteng Putra win?"): what opens it,
# and what its main clause says it of (a modal or aspect word, or a verb: "ditanggung", "melantik"). FacQA's "Apakah
# nama bandara di Medan?" asks what: its main clause, before "yang", "tempat" and the like, holds neither.
# "Apakah …?", "Apa benar …?", and chat's bare "Ada korban jiwa?", "Sudah surut?", "Benarkah …?"
_WHETHER_OPENS = re.compile(r"^\W*(?:apakah|apa\s+(?:benar|betul|iya|memang|sudah|masih|bisa|ada)|"
                            r"(?:ada|sudah|masih|belum|bisa|benar|betul)(?:kah)?)\b", re.I)
_PREDICATE = re.compile(r"\b(?:(?i:sudah|belum|masih|akan|bisa|dapat|boleh|benar|betul|pernah|sedang|jadi|tidak|bukan|"
                        r"ada|cukup|sempat|harus|wajib|perlu|mau|ingin|telah)|(?:me|di|ber)[a-z]{3,})\b")
_CLAUSE_ENDS = re.compile(r"\b(?:yang|tempat|saat|ketika|untuk|dari|pada|selain)\b", re.I)
_ENGLISH_WHETHER = re.compile(r"^\W*(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|should)\b", re.I)
_THERE_IS = re.compile(r"^\W*(?:(?:is|are|was|were)\s+there|will\s+there\s+be)\s+(?:any\s+)?", re.I)   # "Apakah ada"


def yes_no(text: str) -> bool:
    """Whether the question asks whether something is so, not for a name, number, date or place: no span of a
    sentence is its answer ("Bandara Tjilik Riwut" for "Apakah rute Palangka Raya-Yogyakarta penerbangan langsung?"),
    the sentence that tells is (Question.whether)."""
    if _ENGLISH_WHETHER.match(text):
        return not QUESTION_WORD.search(text)
    opens = _WHETHER_OPENS.match(text)
    if opens is None or QUESTION_WORD.search(text, opens.end()):
        return False
    main = _CLAUSE_ENDS.split(text[opens.end():], 1)[0]
    return bool(_PREDICATE.search(main)) or opens.group(0).strip().lower() != "apakah"


def as_when(text: str) -> str:
    """A question asking the time of day as the reader reads "kapan" ("Pukul berapa gangguan terjadi?" -> "Kapan
    gangguan terjadi?"): it learned no "pukul berapa" from FacQA, which asks none, and gave the sentence "… terjadi pada
    Selasa (26/5) pukul 17.05 WIB …" 0.002 asked so, 1.0 asked "kapan" (bot/answer.py the_clock_beside())."""
    return _CLOCK_ASKED.sub(lambda m: "Kapan" if m.group(0)[0].isupper() else "kapan", text, count=1)


def asks_for(text: str) -> str | None:
    """The kind of short answer asked for: date, number, name, place, thing; None for why / how / news. A question
    that opens with its question word asks what that word asks ("Siapa ... naik 6 persen?" asks for a name, "How many
    houses were flooded when ...?" for a number); otherwise the first of _ASKS that matches decides."""
    lead = _LEADING_ASK.match(question_word_first(text))
    if lead:
        return lead.lastgroup
    q = text.lower()
    # an English question asking whether ("Is the rice stock enough …?") is read as an Indonesian "Apakah …?" is
    return next((kind for kind, pattern in _ASKS if pattern.search(q)), "thing" if yes_no(text) else None)


def now_alternatives(terms: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The other ways news writes a question's "now" (NOW_FORMS), for finding it in sentences; not searched for:
    "sekarang" in a FacQA question names the time of its own article."""
    return {t: tuple(f for f in NOW_FORMS if f != (t,)) for t in dict.fromkeys(terms) if t in NOW_TERMS}


def indonesian_topic(terms: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """For an English request for the latest news ("the latest news about floods"): its topic words in the Indonesian
    the articles write (corpus/glossary.py: "floods" -> ("banjir",)), searched for and counted as the words. Only
    there: a request names its topic in a word or two, while the words of an English question about one fact moved
    the sentences chosen when translated (docs/reader.md, eleventh session); such a question's are counted only when
    deciding whether to answer (Question.words_in_indonesian)."""
    out = {}
    for term in terms:
        found = indonesian(term)
        if found:
            out[term] = tuple(tuple(form.split()) for form in found)
    return out


def english_place_alternatives(text: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """For an English question: its compass words as the Indonesian names of their regions ("central" in "Central
    Kalimantan" -> ("kalimantan", "tengah")) and English spellings of islands ("sumatra" -> ("sumatera",))."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for m in _COMPASS_PLACE.finditer(text):
        region, _ = _region(m)
        if region:
            out.setdefault(m.group(1).lower(), []).append(tuple(w.lower() for w in region))
    for word in _TOKEN.findall(text.lower()):
        if word in ENGLISH_SPELLING:
            out.setdefault(word, []).append((ENGLISH_SPELLING[word],))
    return {term: tuple(dict.fromkeys(groups)) for term, groups in out.items()}


def _region(m: re.Match) -> tuple[list[str], list[str]]:
    """A compass word and place (_COMPASS_PLACE) as Indonesian names the region, and the words left out of the name:
    "Central Kalimantan" -> (["Kalimantan", "Tengah"], []), "North Konawe Regency" -> (["Konawe", "Utara"],
    ["Regency"]), "Central Kalimantan Student" -> (["Kalimantan", "Tengah"], ["Student"]): a second capitalised word
    is part of the place only where the tables do not know the region without it ("East Nusa Tenggara"); no name
    when the place is only such words."""
    words = m.group(2).split()
    place = [ENGLISH_SPELLING.get(w.lower(), w.lower()).title() for w in words if w.lower() not in _ADMIN_WORDS]
    compass = COMPASS[m.group(1).lower()].title().split()
    left = [w for w in words if w.lower() in _ADMIN_WORDS]
    if len(place) == 2 and known_region([w.lower() for w in place[:1] + compass]) \
            and not known_region([w.lower() for w in place + compass]):   # "Kalimantan" of "Kalimantan Student"
        place, left = place[:1], [words[1], *left]
    return ([*place, *compass] if place else []), left


def _kind_first(m: re.Match) -> str:
    """A place or body named kind last (_NAMED_KIND), kind first in the glossary's Indonesian ("Universitas Palangka
    Raya", "Rumah Sakit Doris Sylvanus")."""
    return f"{indonesian(m.group(2))[0].title()} {m.group(1)}"


def _indonesian_place(m: re.Match) -> str:
    """The region as Indonesian names it, in the text ("Central Kalimantan" -> "Kalimantan Tengah")."""
    region, left = _region(m)
    return " ".join(region + left) if region else m.group(0)


def merged(*maps: dict[str, tuple[tuple[str, ...], ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Alternatives from several sources, a term keeping the groups of each."""
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for alternatives_of in maps:
        for term, groups in alternatives_of.items():
            out[term] = tuple(dict.fromkeys(out.get(term, ()) + groups))
    return out


def _written_in(thing: str, text: str) -> bool:
    """Whether `text` writes `thing` as a whole ("2" is not written in "1 September 2026", nor "1" in "1,5")."""
    return re.search(rf"(?<!\w)(?<!\d[.,]){re.escape(thing)}(?!\w)(?![.,]\d)", text) is not None


@dataclass(frozen=True)
class Question:
    text: str
    language: str                       # 'id' or 'en'
    terms: tuple[str, ...]              # content words, for keyword search and overlap
    names: tuple[str, ...]              # what the question writes as names and numbers
    numbered_names: tuple[str, ...]     # "iPhone 18", "PON XXI"
    asks: str | None                    # date / number / name / place / thing, None for why, how, news
    money: bool                         # the number asked for is a sum of money (MONEY_ASKED)
    recent: bool                        # wants the newest ("terbaru", "latest"): retrieval prefers it
    now: bool                           # ... or the value as it stands ("sekarang"): the newest source leads
    news: bool                          # asks for the latest news about something, not one fact of it
    period: tuple[str, str] | None      # a named day or month
    normal: str                         # the text with chat shorthand spelled out ("brp" -> "berapa") and places named
                                        # plainly ("Negeri Kiwi" -> "Selandia Baru"), as read
    # term -> other word groups that say the same ("kalteng" -> ("kalimantan", "tengah")): corpus/shortened.py
    alternatives: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False)
    # a shortened word -> the long form the retrieved passages write instead, as the reader reads it: spelled_out_in()
    long_names: dict[str, str] = field(default_factory=dict, compare=False)
    # a word typed in lower case -> as the passages write it ("upr" -> "UPR"), as the reader reads it: cased_as_in()
    casing: dict[str, str] = field(default_factory=dict, compare=False)
    # an English question: the glossary's Indonesian words the retrieved passages write, as the reader reads it:
    # worded_as_in()
    written: frozenset[str] = field(default=frozenset(), compare=False)
    # an English question: its words the glossary does not know -> as the retrieved passages write them borrowed
    # ("coordination" -> "koordinasi"), as the reader reads it: worded_as_in()
    loans: dict[str, str] = field(default_factory=dict, compare=False)

    @classmethod
    def parse(cls, text: str) -> "Question":
        """`text` as asked; everything else is read from it with chat shorthand spelled out and a place named by its
        epithet named plainly ("Negeri Kiwi": "Selandia Baru"; corpus/epithets.py)."""
        normal = plainly(_SEBERAPA.sub(lambda m: m.group(1) + "erapa", spell_out(text)))
        lang = language(normal)
        if lang == "en":
            normal = indonesian_numbers(normal)
        news = bool(NEWS_REQUEST.search(normal))
        terms = [t for t in content_terms(normal) if not (news and t in _ABOUT)]
        places = english_place_alternatives(normal) if lang == "en" else {}
        topic = indonesian_topic(terms) if lang == "en" and news else {}
        recent = news or bool(RECENCY_CUES.search(normal))      # "what's new on ...": the newest, too
        return cls(text, lang, tuple(terms), tuple(name_terms(normal)),
                   tuple(numbered_names(normal)), None if news else asks_for(normal),
                   bool(MONEY_ASKED.search(question_word_first(normal))),   # "Saldo ... totalnya brp?": money too
                   recent, bool(RECENCY_CUES.search(normal) or NOW_CUES.search(normal)),
                   news, named_period(normal), normal,
                   merged(alternatives(terms, _FORMS), now_alternatives(terms), places, topic))

    def cased_as_in(self, texts: list[str]) -> "Question":
        """A question typed in lower case ("berapa lulusan upr yang diwisuda"), read with its words cased as `texts`
        (the candidate passages of retrieval) write them inside a sentence ("UPR", "Kalteng", "Sekda"): the reader
        learned from questions that write names as names (`for_reader`), and a short answer comes from an article that
        names the rarest of them (`written_names`). The rules that decline keep `names` as typed: news capitalises
        offices and titles ("Wakil Ketua", "Partai") that a question names with ordinary words (docs/reader.md,
        seventeenth session). A question that starts with a capital and writes another is read as it is: its lower
        case words are written so on purpose ("gerakan pangan murah", "city"); one that starts in lower case and
        writes capitals ("kapan MPP palangka raya buka") has the words it types in lower case cased all the same. An
        everyday word is cased only beside another cased word, as part of a name ("raya" of "palangka raya"): alone,
        "tumbang" is the verb, not the "Tumbang" of "Tumbang Samba" that the passages write."""
        if self.normal[:1].isupper() and any(c.isupper() for c in self.normal[1:]):
            return self
        words = _TOKEN.findall(self.normal)
        typed_lower = {w.lower() for i, w in enumerate(words) if (w[1:] if i == 0 else w).islower()}   # "Upr ..."
        if self.language == "en":   # the English words it asks with are no names, whatever the passages write
            typed_lower = {w for w in typed_lower if indonesian(w) is None}
        cased = casings(texts, typed_lower - STOPWORDS)
        lower = [w.lower() for w in words]
        named = {i for i, w in enumerate(lower)
                 if w in cased and w not in INDONESIAN_WORDS or i and words[i][:1].isupper()}
        while True:     # out from the names: "rumah sakit umum daerah" before "doris sylvanus"
            grown = {i for i, w in enumerate(lower) if i not in named and w in cased and {i - 1, i + 1} & named}
            if not grown:
                break
            named |= grown
        kept = {w: form for w, form in cased.items() if any(lower[i] == w for i in named)}
        return replace(self, casing=kept) if kept else self

    def spelled_out_in(self, texts: list[str], unknown: set[str] = frozenset()) -> "Question":
        """The question as `texts` (the passages retrieved for it) would write it: for each of its words that no text
        holds, the long form a text writes instead, from the table of shortened forms ("Sekda" -> "Sekretaris Daerah")
        or, for a name no table knows or a word the archive never saw (`unknown`), found in the texts ("Lotim" ->
        "Lombok Timur", "BTT" -> "belanja tidak terduga"; corpus/shortened.py; an everyday word such as "pemenang" is
        left as it is); a word the archive never saw that is typed as spoken, in the form a text writes, or in the other
        voice of one it writes ("nanganin" -> "menangani", "dapet" -> "dapat": corpus/colloquial.py; "dipertandingin" ->
        "dipertandingkan" beside "mempertandingkan"). Those found count as the word wherever they stand, and the reader
        reads the question with the long forms in place (`for_reader`)."""
        present = {w for text in texts for w in _TOKEN.findall(text.lower())}
        acronyms = {w.lower() for w in _TOKEN.findall(self.normal) if w.isupper()}
        found: dict[str, tuple[tuple[str, ...], ...]] = {}
        written: dict[str, str] = {}
        for word in self.terms:
            if len(word) < 3 or word in present:
                continue
            everyday = next((form for form in standard_forms(word) if form in present or any(
                voice in present for voice in other_voice(form))), None) if word in unknown and word not in self.names \
                else None
            if everyday:    # typed as spoken: "nanganin" as "menangani", "dapet" as "dapat", "umurnya" as "umur"
                found[word] = ((everyday,),)
                written[word] = everyday
                continue
            verb = next((v for v in agent_verbs(word) if v in present), None) if self.asks == "name" else None
            if verb:        # "Siapa pencetak gol …?" of a story that writes who "mencetak gol": "Siapa yang mencetak …"
                found[word] = ((verb,),)
                written[word] = f"yang {verb}"
                continue
            if not word.isalpha():
                continue
            if word in self.alternatives:
                if self._spelled_in(word, present):
                    written[word] = SPELLED[word]
                continue
            if word not in self.names and word not in unknown or word in CHAT_WORDS:
                continue
            groups = long_forms(word, texts, word in acronyms)
            if groups:
                found[word] = tuple(tuple(_significant(w.lower() for w in g)) for g in groups)
                written[word] = " ".join(groups[0])
        if not written and not found:
            return self
        return replace(self, alternatives=merged(self.alternatives, found), long_names=written)

    def for_reader_against(self, text: str) -> str:
        """The question as the reader reads it against `text` (a story found for it), with each shortened word spelled
        out where that story writes only its long form: "Siapa Sekretaris Daerah Kapuas?" for "Siapa Sekda Kapuas?"
        against "Sekretaris Daerah Kapuas Benny Arifin Hutapea" (the reader gave 1.0 and 0.006), though another story
        found writes "Sekda" (spelled_out_in() spells out only what no story found writes)."""
        if self.language == "en":     # read word by word through the glossary: its short forms stay as typed
            return self.for_reader
        words = set(_TOKEN.findall(text.lower()))
        spelled = {w: SPELLED[w] for w in self.terms
                   if w not in words and w not in self.long_names and self._spelled_in(w, words)}
        return replace(self, long_names={**self.long_names, **spelled}).for_reader if spelled else self.for_reader

    def _spelled_in(self, word: str, words: Collection[str]) -> bool:
        """Whether `word` is a short form of the table whose long form `words` hold ("sekda": "sekretaris",
        "daerah")."""
        return word in SPELLED and any(all(w in words for w in group) for group in self.alternatives.get(word, ()))

    def worded_as_in(self, texts: list[str]) -> "Question":
        """An English question read with each of its words in the Indonesian form `texts` (the passages retrieved for
        it) write, where the glossary gives it several ("inaugurate": "meresmikan" for a building, "melantik" for
        officials; the reader gave the Kapuas regent's 47 officials 0.13 with the first and 1.0 with the second), and each
        word the glossary does not know in the form `texts` borrow it in ("coordination": "koordinasi"; cognates())."""
        if self.language != "en":
            return self
        present = frozenset(w for text in texts for w in _TOKEN.findall(text.lower()))
        loans = {term: loan for term in self.terms if (term not in self.names or term not in present)
                 and indonesian(term) is None and (loan := next((c for c in cognates(term) if c in present), None))}
        written = present & INDONESIAN_WORDS
        return replace(self, written=written, loans=loans) if written or loans else self

    @property
    def cased(self) -> str:
        """The question with the words it types in lower case cased as the passages write them (cased_as_in)."""
        if not self.casing:
            return self.normal
        return _TOKEN.sub(lambda m: self.casing.get(m.group(0).lower(), m.group(0)), self.normal)

    def unheard(self, word: str, unknown: Collection[str]) -> bool:
        """Whether the archive holds `word` in none of its forms: neither as written nor in another form it has
        (`alternatives`: "CPNS" is held as "calon pegawai negeri sipil"). `unknown`: the words the archive lacks."""
        return word in unknown and not any(all(w not in unknown for w in group)
                                           for group in self.alternatives.get(word, ()))

    @property
    def written_names(self) -> tuple[str, ...]:
        """The names it writes, and of the words it types in lower case, those the passages write as names
        (cased_as_in)."""
        return tuple(name_terms(self.cased)) if self.casing else self.names

    @cached_property
    def names_after(self) -> dict[str, tuple[str, ...]]:
        """For each name it writes (written_names), the words after it in the run of names it stands in, lower-cased
        ("Tonique Williams-Darling": "tonique" -> ("williams", "darling"); "Bupati Kapuas Yusran Mahdi": "yusran" ->
        ("mahdi",)): news names a person in full once, then by one of them ("Darling", "Dibaba (19)")."""
        names = set(self.written_names)
        runs: list[list[str]] = [[]]
        for i, word in enumerate(_TOKEN.findall(self.cased)):
            if i and word.lower() in names:
                runs[-1].append(word.lower())
            elif runs[-1]:
                runs.append([])
        return {w: tuple(run[i + 1:]) for run in runs for i, w in enumerate(run)}

    @property
    def place(self) -> tuple[str, ...]:
        """The name it writes after "di" / "in" / "at" or "Kota" / "Kabupaten" / "Provinsi" / "Kecamatan" / "Desa" ("di
        Pasar Kahayan" -> ("pasar", "kahayan"); "Dinkes Kota Jember", "di Kota Jember" -> ("jember",)), lower-cased."""
        m = _PLACE.search(self.cased)
        return tuple(w.lower() for w in _TOKEN.findall(m.group(1))) if m else ()

    @property
    def for_embedding(self) -> str:
        """The question as it is embedded: followed by the long forms of its shortened ones, in brackets."""
        longs = [" ".join(group) for term in self.terms if term in SHORT_WORDS for group in self.alternatives.get(term, ())]
        return f"{self.normal} ({', '.join(dict.fromkeys(longs))})" if longs else self.normal

    @cached_property
    def words_in_indonesian(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """The alternatives, and the other words an article may write for its words: for an English question their
        Indonesian forms (corpus/glossary.py: "services" -> ("layanan",)), for an Indonesian one the words that render
        the same English word ("online" -> ("daring",): same_meaning()). For telling whether the best article holds
        what it asks (decide() in bot/answer.py), not for searching or ranking sentences, where translated words
        moved the sentences chosen (docs/reader.md, eleventh, twenty-fourth and thirtieth sessions); and for whether
        an article names an English question's names (naming_the_rarest in bot/answer.py: "Minister" as "Menteri"),
        or the thing it is read as asking about, also as the English word news borrows ("peti" as "box": "Satu box Kit
        Kat … dibanderol …")."""
        if self.language != "en":
            return merged(self.alternatives, {t: tuple(tuple(w.split()) for w in others)
                                              for t in self.terms if (others := same_meaning(t))})
        read = indonesian_topic(list(self.terms))
        borrowed = {said[0]: ((term,),) for term, saids in read.items() for said in saids if len(said) == 1}
        return merged(self.alternatives, read, {t: ((w,),) for t, w in self.loans.items()}, borrowed)

    @property
    def alternative_words(self) -> list[str]:
        """The words of the alternatives that carry meaning, for keyword search."""
        return list(dict.fromkeys(w for term, groups in self.alternatives.items() if term not in NOW_TERMS
                                  for group in groups for w in group if w not in self.terms and w not in STOPWORDS))

    @cached_property
    def _text_read(self) -> str:
        """Its text, lower-case; for an English one, also its Indonesian reading ("Kalimantan Selatan" for "South
        Kalimantan")."""
        return f"{self.normal} {self.for_reader if self.language == 'en' else ''}".lower()

    @cached_property
    def _words_read(self) -> list[str]:
        """The words of _text_read."""
        return _TOKEN.findall(self._text_read)

    @cached_property
    def regions(self) -> tuple[str, ...]:
        """The provinces and regions it names, as the long forms of corpus/shortened.py's table ("Bulog Kalsel",
        "Bulog Kalimantan Selatan", "Bulog in South Kalimantan" -> ("kalimantan selatan",))."""
        return tuple(regions_in(self._words_read))

    @cached_property
    def compass_regions(self) -> set[tuple[str, str]]:
        """The regions it names as a place and a compass word that corpus/shortened.py's tables do not list ("Barito
        Timur": compass_regions()), as written or as the reader reads it ("East Barito" as "Barito Timur")."""
        return compass_regions(f"{self.normal} {self.for_reader}")

    @cached_property
    def regencies(self) -> set[str]:
        """The regencies and cities it names as one ("Kabupaten Kapuas" -> "kapuas": corpus/shortened.py regencies()),
        as written or as the reader reads it."""
        return regencies(f"{self.normal} {self.for_reader}")

    @cached_property
    def provinces(self) -> frozenset[str]:
        """The provinces it names (corpus/shortened.py provinces_in: "Kejati Sultra" -> {"sulawesi tenggara"})."""
        return frozenset(provinces_in(self._words_read))

    def published_in(self, published: str | None) -> bool:
        """Whether an article published then (ISO date) falls in the period it names."""
        if not published or not self.period:
            return False
        start, end = self.period
        return start <= published[:len(start)] <= end

    def after(self, published: str | None, text: str) -> bool:
        """Whether the period it names begins in a month after an article published then (ISO date) whose `text` names
        no day of that month ("Desember", "(20/12)"): an article of 24 November cannot report the price of mid-December,
        though a plan or a forecast, which names the month, may tell of it."""
        if not published or not self.period or published[:7] >= self.period[0][:7]:
            return False
        return not _MONTH_NAMED[int(self.period[0][5:7])].search(text)

    def of_another_month(self, published: str | None, text: str) -> bool:
        """Whether `text` (what the reader read, of an article published then) dates what it tells by another month
        than the one the period names, and not by that one: "inflasi tahunan Februari 2026 sebesar 2,37 persen" does
        not answer "… pada Januari 2026?", however sure the reader is of its figure. An article of the month asked
        about tells of that month, whatever month it recalls beside ("… turun dari Rp85.000 pada awal September" in
        October's report)."""
        if not self.period or published and self.period[0][:7] <= published[:7] <= self.period[1][:7]:
            return False
        named = {MONTHS[name.lower()] for name in _MONTH_WRITTEN.findall(text)}
        return bool(named) and int(self.period[0][5:7]) not in named

    def later(self, published: str | None, text: str) -> bool:
        """Whether `text`, of an article published after the month the period it names ends, gives a value as it stands
        "now" ("kini", "saat ini"): the price a report of 24 November says holds now is not September's. A question
        about now itself is not such a one."""
        if not published or not self.period or self.now or published[:7] <= self.period[1][:7]:
            return False
        return bool(NOW_CUES.search(text))

    @cached_property
    def years(self) -> tuple[str, ...]:
        """The years the question names ("Porprov 2025", "pada 2026")."""
        return tuple(dict.fromkeys(YEAR.findall(self.normal)))

    @cached_property
    def for_reader(self) -> str:
        """The question as the reader reads it: an Indonesian one with its shortened words spelled out ("Siapa Pelaksana
        Tugas Sekretaris Daerah Kalimantan Tengah ...?": the reader learned from questions that write names in full),
        an English one word by word in Indonesian, its regions named the Indonesian way ("Siapa menang putra tunggal di
        Kalimantan Tengah pelajar bulu tangkis kejuaraan?"; corpus/glossary.py); typed in lower case, cased as the
        passages write it (cased_as_in); either way with a capital first and a question mark last (as_asked)."""
        text = self.cased
        if self.language != "en":
            text = question_word_first(text)
            for short, long in self.long_names.items():
                text = re.sub(rf"\b{re.escape(short)}\b", long, text, flags=re.I)
            return as_asked(text)
        text = _SHARE_OF.sub("berapa persen", _APOSTROPHE_S.sub("", text))
        which = _WHICH.search(text)    # "which airline started ..." -> "airline apa started ..."
        if which and not _READER_ASKS.search(text[:which.start()]):
            text = f"{text[:which.start()]}{which.group(1)} apa{text[which.end():]}"
        elif _WHERE_TO.search(text):   # "where was the rattan exported to?": "ke mana", not "di mana ... ke"
            text = _WHERE_TO.sub(lambda m: f"ke mana{m.group(1)}", text, count=1)
        else:
            text = _READER_ASKS.sub(lambda m: "berapa" if self.asks == "number" and m.group(1).lower() == "what"
                                    else _READER_WORDS[m.group(1).lower()], text, count=1)
        if self.whether:   # "Is the rice stock enough …?": "Apakah beras stok cukup …?"
            there = _THERE_IS.match(text)
            text = "Apakah ada " + text[there.end():] if there else _ENGLISH_WHETHER.sub("Apakah", text, count=1)
        text = _PRICE_OF_ONE.sub("berapa price of ", _COSTS.sub(r"berapa price of \1", text))
        text = _RELATIVE.sub(r"\1yang", text)    # "the head of BBPOM who announced ...": the question word is read already
        text = _COMPASS_PLACE.sub(_indonesian_place, text)
        text = rough_indonesian(_NAMED_KIND.sub(_kind_first, text), self.written)
        for word, loan in self.loans.items():     # left in English by the glossary, borrowed by the passages
            text = re.sub(rf"\b{re.escape(word)}\b", loan, text, flags=re.I)
        return as_asked(text)

    @cached_property
    def offices(self) -> tuple[str, ...]:
        """The office an Indonesian "siapa" question asks for the holder of: the office words right after its question
        word ("wakil", "bupati" in "Siapa Wakil Bupati Kotim?" and in "wakil bupati kotim siapa?"); an English
        question's as the reader reads it ("Who is the deputy regent of ...?": "Siapa wakil bupati ...?";
        corpus/glossary.py writes an office of two words in the order news writes it: "head coach" is "pelatih
        kepala")."""
        if self.asks != "name":
            return ()
        asked = self.for_reader if self.language == "en" else question_word_first(self.normal)
        words = [w.lower() for w in _TOKEN.findall(asked)]
        if words[:1] not in (["siapa"], ["siapakah"]):   # "musda dibuka siapa Ketua DPD ...": a follow-up's story
            return ()
        at = 1 + (words[1:2] == ["nama"])
        run = []
        while at < len(words) and words[at] in OFFICES:
            run.append(words[at])
            at += 1
        if run[-1:] == ["kepala"] and words[at:at + 1] == ["daerah"]:   # a regional head: a bupati, wali kota, ...
            return ()
        if set(run) <= _OFFICE_MODIFIERS:   # "Siapa mantan pimpinan badan ...?", "Siapa wakil Indonesia di final?"
            return ()
        return tuple(run)

    def holds_office(self, span: str, sentence: str) -> bool:
        """Whether the office named beside `span` in `sentence`, if any, is the one the question asks about (offices),
        in any of its forms ("Sekda" or "Sekretaris Daerah"), and not another ("Wakil Bupati" for "Bupati", "Bupati"
        for "Ketua DPRD", "pelatih kepala" for "Dirut"). Beside: the office words nearest before it (within six
        words), or those right after it ("Agus Rahmat Hidayat sebagai pelatih kepala"). Without an office beside it,
        the sentence may name it in a neighbour ("... panglima angkatan darat ... Jenderal Sonthi akan menggantikan
        Jenderal Prawit"): names_office()."""
        at = sentence.find(span)
        if not self.offices or at < 0:
            return True
        allowed = {w for groups in self._office_forms.values() for group in groups for w in group}

        def agrees(run: list[str], context: list[str]) -> bool:
            return all(w in allowed for w in run) and self.names_office(context)

        before = [w.lower() for w in _TOKEN.findall(sentence[:at])][-6:]
        after = [w.lower() for w in _TOKEN.findall(sentence[at + len(span):])][:6]
        named_as = after[:1] in (["sebagai"], ["selaku"])      # "... sebagai pelatih kepala"
        if named_as:
            after = after[1:]
        run_after = list(itertools.takewhile(lambda w: w in OFFICES, after))
        if run_after and not agrees(run_after, after):
            return False
        if named_as and run_after:      # "Presiden melantik Listyo Sigit Prabowo sebagai Kapolri": its own office
            return True
        near = [i for i, w in enumerate(before) if w in OFFICES]
        if not near:
            return True
        first = last = near[-1]
        while first > 0 and before[first - 1] in OFFICES:
            first -= 1
        return agrees(before[first:last + 1], before)

    @cached_property
    def _office_forms(self) -> dict[str, list[tuple[str, ...]]]:
        """Each office word asked about, with its other forms ("sekda": ("sekretaris", "daerah"))."""
        return {o: [(o,)] + list(self.alternatives.get(o, ())) for o in self.offices}

    def names_office(self, words: Iterable[str]) -> bool:
        """Whether `words` (lower case) name the office the question asks for the holder of (offices), in one of its
        forms, or it asks for none: a reading window that never writes "kapten" does not say who the captain is,
        however surely the reader gives a name."""
        present = set(words)
        return all(any(all(w in present for w in group) for group in groups) for groups in self._office_forms.values())

    def restates(self, span: str, sentence: str = "") -> bool:
        """Whether `span` says nothing but what the question says: in its words ("motor" for "Motor apa ...?"), and for
        a place or a name also in their other forms, with or without the word for what kind of place it is: "Sulawesi
        Tenggara" does not answer "Kabupaten mana di Sultra ...?", nor "Kabupaten Katingan" "kecamatan mana yang paling
        parah kena banjir Katingan?" (but "lembaga swadaya masyarakat" answers "Apakah kepanjangan dari LSM?"); nor
        does a name followed by the short form the question writes ("PT Merak Chemical Indonesia (MCCI)" for "apa pemicu
        ledakan di PT MCCI?", "Ahmad Heryawan (Aher)" for "Siapa yang menggantikan Aher …?"), or a part of that name
        ("PT Pembiayaan Digital" in `sentence` "PT Pembiayaan Digital Indonesia (AdaKami) ..." for "Lembaga apa yang
        mengawasi AdaKami?"), unless it asks what that short form stands for; nor, asked what a thing is ("Apa itu 3M
        Plus?"), a span that names it ("gerakan 3M Plus")."""
        own = set(self.terms)

        def shortens_own(m: re.Match | None) -> bool:
            # a short form ("MCCI", "AdaKami"; not "1926", "Mataram"), or the span's blend ("Ahmad Heryawan (Aher)")
            return bool(m) and m.group(1).lower() in own and (
                sum(c.isupper() for c in m.group(1)) >= 2 or blends(m.group(1), span.partition("(")[0]))

        if not _LONG_FORM_ASKED.search(self.normal):
            if shortens_own(_NAMED_SO.fullmatch(span.strip())):
                return True     # "Departemen Efisiensi Pemerintah (DOGE)": what the question names as DOGE
            last = (span.split() or [""])[-1]
            at = sentence.find(span) if last[:1].isupper() and last[-1:].isalpha() else -1   # ends inside a name
            if at >= 0 and shortens_own(_NAME_GOES_ON.match(sentence, at + len(span))):
                return True     # "PT Pembiayaan Digital" of "PT Pembiayaan Digital Indonesia (AdaKami)"
        words = [w.lower() for w in _TOKEN.findall(span)]
        if _DEFINITION_ASKED.search(self.normal) and own and own <= set(words):
            return True     # "gerakan 3M Plus" names what "Apa itu 3M Plus?" asks to have explained
        if self.asks in ("place", "name"):
            own |= {w for groups in self.alternatives.values() for group in groups for w in group} \
                | {w.lower() for long in self.long_names.values() for w in _TOKEN.findall(long)} | set(PLACE_KINDS)
        return bool(words) and all(w in own or w in STOPWORDS for w in words)

    def answers_kind(self, span: str, sentence: str = "") -> bool:
        """Whether a short answer is of the kind asked for: for "berapa" or "kapan" it holds a number or a date (for
        "berapa" a number that is not only a date's, "Agustus 2026", nor a date's day, "5" of "5 dan 13 Juni"), for a
        sum of money ("berapa dana ...") it names its currency, for a count ("berapa lulusan ...") it is not a share of
        what is counted ("38 persen lulusan" in `sentence`), for a rank ("peringkat berapa", "ke berapa") it is an
        ordinal ("peringkat kesebelas", "ke-3"), for "berapa lama" a span of time ("lima tahun"; for "how long" a length
        too), for a count of things no count of times ("86 kali" for "berapa helikopter"), for "siapa" ("who") it is a
        name, written with a capital, that does not start with a number nor is only how a person is addressed
        ("Saudari") and, for the holder of an office, that office stands beside it (holds_office); for "mana" ("where")
        it is named (with a capital), not only a date or a number, and for a country, district, regency or village
        ("negara mana", "which country") not a province alone, and for a kind of place ("kecamatan mana") not a place of
        another kind ("Kabupaten Kotawaringin Barat"), and for a school, firm, party or office ("sekolah mana", "which
        company") not a region alone; no short answer only restates the question's own words (restates), a count of
        medals is of the colour asked (other_medal), a count of people is no measure nor a count of things ("42
        kilometer" for "berapa pelari", "142 jenis layanan" for "berapa pegawai": counts_people), nor a count of things
        a measure ("2.450 ton" for "berapa gudang"), nor a count of the dead one of the injured (of_another_state) nor
        of what each gets the value asked for ("2.500 mahasiswa" for "… diterima tiap mahasiswa": per_unit), a weight, a
        length or an area ("berapa berat", "how far") is in one of its units and "berapa menit" in minutes, or a number
        alone (measure_units); "jam berapa" ("what time") asks for a time of day, "berapa persen" for a share, and
        "kapan" not for when something was said ("kata Zudan, Kamis (22/5/2025)")."""
        if _RANK_ASKED.search(self.normal):
            if not _ORDINAL.search(span):
                return False
        elif self.asks in ("number", "date") and not self.holds_kind(span):
            return False
        elif self.asks == "number" and YEAR.fullmatch(span.strip()):
            return False     # "2026" is when, not how much (holds_kind() leaves out "Agustus 2026" already)
        elif self.asks == "number" and _BARE_NUMBER.fullmatch(span.strip()) and (
                m := re.search(rf"(?<![\d.,]){re.escape(span.strip())}(?![\d.,])", sentence)) \
                and _DAY_OF_MONTH.match(sentence, m.end()):
            return False     # "5" of "pada 5 dan 13 Juni" is a day, not how much (nor the score asked for)
        # "How long …?" is read "Berapa lama …?" (for_reader), and may ask a length in English too ("How long is the
        # bridge?"): "lima tahun" for Neymar's contract, not "€ 222 juta"; a bridge's in meters
        if _DURATION_ASKED.search(f"{self.normal} {self.for_reader}") and not _DURATION.search(span) and not (
                self.language == "en" and set(_DIMENSIONS["length"]) & set(_TOKEN.findall(span.lower()))):
            return False
        if self.counted and self.counted != "kali" and _TIMES.search(span):
            return False     # "86 kali" is how often, not how many helicopters
        if self.measure_units and not _BARE_NUMBER.fullmatch(span.strip()) \
                and not set(self.measure_units) & set(_TOKEN.findall(span.lower())):
            return False     # "berapa menit": "23-21" is the score, not the minutes; "berapa berat": "14 unit" no weight
        if self.asks_clock and not _CLOCK.search(span):
            return False     # "Senin (25/5)" is the day, not the hour
        at = sentence.find(span) if self.asks == "date" else -1
        if at > 0 and _SAID_BEFORE.search(sentence[max(0, at - 160):at]) and not _SAYING_ASKED.search(self.normal):
            return False     # "… kata Zudan, Kamis (22/5/2025)": when it was said, not when it happens
        if self.asks == "number" and _SHARE_ASKED.search(self.normal) and not _SHARE.search(span):
            return False     # "11 tembakan" is no share of possession
        if self.other_medal(span):
            return False
        words = set(WORD_SPAN.findall(span.lower()))
        if words <= _DESIGNATORS:
            return False     # "FC" of "Liverpool FC" is no club
        # "2-1 atas Mahakam Jaya FC" is a score, not who scored; "Saudari" is how she is addressed; "perorangan" is a
        # category, not who won it: a name is written with a capital
        if self.asks_person and (span[:1].isdigit() or words <= _HONORIFICS
                                 or self.asks == "name" and not _CAPITALISED.search(span)):
            return False
        in_words = re.search(r"[^\W\d_]", LOOKS_LIKE["date"].sub("", span)) is not None   # not only numbers, dates
        if self.asks == "place" and (not in_words or not _CAPITALISED.search(span)):
            return False     # "2030", "Kamis (19/11)": a year or a day is not where; nor is "luar negeri" (where is
                             # named: 512 of FacQA's 514 answers to "mana" hold a capital)
        if self.asks == "place" and span in sentence and _CITED_FROM.search(sentence.partition(span)[0]):
            return False     # "Dilansir The Dailymeal, permen kapas ini ...": the outlet it comes from is not where
        if self.asks in ("name", "thing") and not self.asks_person and not in_words \
                and not _NUMBERED_ASKED.search(self.normal):
            return False     # "1934-2001" is no film, "5 Oktober" no organisation
        if _FINER_PLACE.search(self.normal) and only_a_province(span):
            return False     # "Sulawesi Utara" is no answer to "which country ...?" or "Kecamatan mana ...?"
        if _BODY_ASKED.search(self.normal) and only_a_region(span):
            return False     # "Kotawaringin Barat" is where the pupil comes from, not "sekolah mana" he attends
        kind, said = _KIND_ASKED.search(self.normal), set(WORD_SPAN.findall(span.lower())) & set(PLACE_KINDS)
        if kind and said and not said & set(WORD_SPAN.findall(kind.group(1).lower())):
            return False     # "Dinas Kesehatan Kabupaten Kotawaringin Barat" is no answer to "Kecamatan mana ...?"
        # "Kabupaten mana di Sultra ...?" is not "Sulawesi Tenggara"; "Who opened the Porprov?" is not "Pekan Olahraga
        # Provinsi (Porprov) ..."; "Motor apa yang didakwakan ...?" is not "motor"
        if self.restates(span, sentence):
            return False
        if sentence and not self.holds_office(span, sentence):
            return False
        if self.counted and _PERCENT.search(span) \
                and re.search(rf"{re.escape(span)}\s+(dari\s+)?{self.counted}\b", sentence, re.I):
            return False
        if _COUNT_ASKED.search(self.normal) and not _SHARE_ASKED.search(self.normal) and _PERCENT.search(span):
            return False     # "35 persen" is no number of SPPG
        count = _COUNT_OF.match(span.lower())
        of = count.group(1) if count else None
        if self.of_another_state(span, sentence):
            return False     # "14 orang korban meninggal dunia" is no count of the injured
        if of and of in self.per_unit:
            return False     # "2.500 mahasiswa" is no sum each student receives
        # "42 kilometer putra" and "17 kecamatan" are no count of "pelari" or "camat", "15.600 orang" none of schools,
        # "2.450 ton" none of warehouses
        if self.counts_people and (_MEASURE.search(span) or of in _THINGS) \
                or self.counted in _THINGS and (of in _PEOPLE or of in MEASURE_UNITS):
            return False
        if not self.money and (self.counted in _PEOPLE | _THINGS or _HOW_MANY.search(self.normal)) \
                and CURRENCY.search(span):
            return False     # "Rp35,18 triliun" is no number of projects
        return not self.money or CURRENCY.search(span) is not None

    @cached_property
    def _price_asked(self) -> tuple[str, str | None] | None:
        """What a "berapa harga ..." question asks the price of, and the word after it (_PRICED), read as the reader
        reads it; None for a question that asks no price, or of a word it does not know."""
        english = self.language == "en"
        m = _PRICED.search((self.for_reader if english else self.normal).lower())
        if not m or self.asks != "number" or m.group(1) in STOPWORDS:
            return None     # nor an English word the glossary does not know ("cayenne" in "harga cayenne lada")
        return None if english and m.group(1) in self.normal.lower().split() else (m.group(1), m.group(2))

    @property
    def priced(self) -> str | None:
        """What a question asks the price of ("pupuk" in "Berapa harga pupuk bersubsidi?", "cabai" in "harga cabai rawit
        sekarang berapa?"; "karet" in "What is the price of rubber ...?", read as the reader reads it): an article
        that never mentions it does not hold its price."""
        return self._price_asked[0] if self._price_asked else None

    @property
    def price_variety(self) -> str | None:
        """The word after what it asks the price of that tells it from its namesakes ("putih" in "harga bawang putih",
        "rawit" in "harga cabai rawit"; _VARIETIES): an article that never writes it does not hold that price, though it
        may state the price of "bawang merah" just as surely."""
        variety = self._price_asked[1] if self._price_asked else None
        return variety if variety in _VARIETIES else None

    @cached_property
    def state_asked(self) -> str | None:
        """What befell the people it asks the number of, when it names one thing (_STATES: "Berapa korban luka ...?",
        "How many people were injured ...?": "injured"); None otherwise."""
        asked = [kind for kind, pattern in _STATE.items() if pattern.search(f"{self.normal} {self.for_reader}")]
        return asked[0] if self.asks == "number" and len(asked) == 1 else None

    def of_another_state(self, span: str, sentence: str) -> bool:
        """Whether a number in `sentence` counts people to whom something else befell than the question asks
        (state_asked): the words after it in its clause name another state and not the asked one ("14 orang korban
        meninggal dunia" for "How many people were injured?"), or, naming none, the words just before it do ("korban
        tewas 12 orang" for "Berapa korban luka?")."""
        at = sentence.find(span)
        if self.state_asked is None or at < 0:
            return False
        after = _CLAUSE_END.split(sentence[at + len(span):], maxsplit=1)[0]
        after = " ".join(after.split()[:5])
        before = " ".join(_CLAUSE_END.split(sentence[:at])[-1].split()[-3:])
        for context in (after, before):
            named = {kind for kind, pattern in _STATE.items() if pattern.search(context)}
            if named:
                return self.state_asked not in named
        return False

    @cached_property
    def measure_units(self) -> tuple[str, ...]:
        """The units a number it asks for is given in: the unit it counts in, in any of its forms ("berapa menit",
        "berapa kilometer": also "km"), or those of the weight, length or area it asks for ("berapa berat", "tingginya
        berapa", "how far": _DIMENSIONS); () when it asks for none."""
        if self.counted in MEASURE_UNITS:
            return _SAME_UNIT.get(self.counted, (self.counted,))
        m = _DIMENSION_ASKED.search(self.normal)
        return _DIMENSIONS[_DIMENSION_OF[next(g for g in m.groups() if g).lower()]] if m else ()

    @property
    def asks_person(self) -> bool:
        """Whether it asks who ("siapa", "who")."""
        return bool(_WHO.search(self.normal))

    @cached_property
    def asked_words(self) -> frozenset[str]:
        """Its words, as asked and as the reader reads it, in lower case."""
        return frozenset(w.lower() for w in _TOKEN.findall(f"{self.normal} {self.for_reader}"))

    @property
    def counts_people(self) -> bool:
        """Whether what it counts are people ("Berapa pelari ...?", "How many runners ...?")."""
        return self.counted in _PEOPLE

    @cached_property
    def whether(self) -> bool:
        """Whether it asks whether something is so ("Apakah stok beras cukup sampai awal 2027?": yes_no())."""
        return yes_no(self.normal)

    @property
    def asks_list(self) -> bool:
        """Whether it asks for several things ("Apa saja …?", "Siapa saja …?", "What are the …?")."""
        return bool(_LIST_ASKED.search(self.normal))

    @cached_property
    def per_unit(self) -> tuple[str, ...]:
        """What the value asked for is given for each of ("mahasiswa" in "… diterima tiap mahasiswa?"; an English
        question's as the reader reads it, too: "each student", "setiap pelajar")."""
        return tuple(_PER_UNIT.findall(f"{self.normal} {self.for_reader if self.language == 'en' else ''}".lower()))

    @property
    def counted(self) -> str | None:
        """What a "berapa" question counts ("lulusan" in "Berapa lulusan UPR yang diwisuda?"; an English one read as
        the reader reads it: "How many runners ...?" as "Berapa pelari ...?"), unless it asks for a share or a sum of
        money."""
        lower = (self.for_reader if self.language == "en" else self.normal).lower()
        m = _COUNTED.search(lower)
        if self.asks != "number" or self.money or not m or "persen" in lower or "%" in lower \
                or m.group(1) in STOPWORDS:
            return None
        return m.group(1)

    @property
    def asks_clock(self) -> bool:
        """Whether it asks for a time of day ("Jam berapa ...?", "pukul brp", "What time ...?"; not "berapa jam")."""
        return bool(_CLOCK_ASKED.search(self.normal))

    @property
    def asks_change(self) -> bool:
        """Whether it asks by how much a value rose or fell ("naik berapa", "kenaikannya", "by how much"), not what it
        became ("turun menjadi berapa?")."""
        return self.asks == "number" and bool(_CHANGE_ASKED.search(self.normal)) \
            and not _BECAME_ASKED.search(self.normal)

    @property
    def asks_before(self) -> bool:
        """Whether it asks for a value as it was before ("Sebelumnya berapa?", "vonis awalnya", "previously")."""
        return self.asks == "number" and bool(_BEFORE_ASKED.search(self.normal))

    @property
    def range_part(self) -> str | None:
        """Which end of a span of dates a "kapan" question asks for: "end" ("kapan pendaftaran ditutup?", "until
        when"), "start" ("kapan dibuka?", "since when") or None."""
        if self.asks != "date":
            return None
        lower = self.normal.lower()
        end, start = _RANGE_END.search(lower), _RANGE_START.search(lower)
        return None if bool(end) == bool(start) else "end" if end else "start"

    @cached_property
    def categories(self) -> frozenset[str]:
        """The words it names one of two categories with ("putri" in "Siapa juara tunggal putri?"; COUNTERPARTS), an
        English question's in both languages ("women's" and "putri")."""
        return frozenset(w for w in WORD_SPAN.findall(self._text_read) if w in COUNTERPARTS)

    def other_medal(self, span: str) -> bool:
        """Whether `span` names a medal of another colour than the one the question asks about, and not that one
        ("9 medali emas" for "Berapa medali perunggu ...?")."""
        def colours(text: str) -> set[int]:
            words = set(WORD_SPAN.findall(text.lower()))
            return {i for i, colour in enumerate(MEDAL_COLOURS) if colour & words}

        asked, said = colours(self.normal), colours(span)
        return bool(asked and said) and not asked & said

    def about_other(self, sentence: str) -> bool:
        """Whether `sentence` names the other of two categories the question names one of, and not the question's
        ("... maraton penuh putra ..." for "Siapa juara maraton penuh putri?")."""
        if not self.categories:
            return False
        said = set(WORD_SPAN.findall(sentence.lower()))
        return any(COUNTERPARTS[w] in said and w not in said for w in self.categories)

    def holds_kind(self, sentence: str) -> bool:
        """Whether `sentence` holds a thing of the kind asked for (a number for "berapa", not a date's; a date for
        "kapan", a name for "siapa") that the question itself does not write."""
        pattern = LOOKS_LIKE.get(self.asks or "")
        q = self.normal.lower()
        if self.asks == "number":     # a date's day and year are when, not how many ("Minggu (18/2/2018)")
            sentence = _A_DATE.sub(" ", sentence)
        return pattern is not None and any(not _written_in(m.group(0).lower(), q) for m in pattern.finditer(sentence))
