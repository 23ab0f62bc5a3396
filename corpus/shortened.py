"""Shortened forms: those Indonesian news writes both ways ("Kalteng" and "Kalimantan Tengah", "Plt" and
"Pelaksana Tugas"), so that a question in one form is matched with an article in the other; and the chat
shorthand and everyday spellings readers type ("brp", "yg", "skrg"; "cabe", which news writes "cabai"), spelled out
before a question is read.

Both tables were written for this project from general usage: common acronyms and contractions of Indonesian
public life (provinces, offices, titles, institutions, budgets, services), and common Indonesian chat shorthand.
Forms with several common readings ("PT", "BI", "RS", "DPD", "Bpk", "GK", "dr", "pd", "tp") are left out. A short form
that no table knows is looked for in the passages retrieved for the question, as the words it shortens ("Lotim":
"Lombok Timur"; `long_forms`).
"""
from __future__ import annotations

import re

_REGIONS = """
nad: nanggroe aceh darussalam
sumut: sumatera utara
sumbar: sumatera barat
sumsel: sumatera selatan
kepri: kepulauan riau
babel: bangka belitung
jabar: jawa barat
jateng: jawa tengah
jatim: jawa timur
diy: daerah istimewa yogyakarta
jogja: yogyakarta
jakpus: jakarta pusat
jaksel: jakarta selatan
jakbar: jakarta barat
jaktim: jakarta timur
jakut: jakarta utara
kalbar: kalimantan barat
kalteng: kalimantan tengah
kalsel: kalimantan selatan
kaltim: kalimantan timur
kaltara: kalimantan utara
sulut: sulawesi utara
sulteng: sulawesi tengah
sulsel: sulawesi selatan
sultra: sulawesi tenggara
sulbar: sulawesi barat
ntb: nusa tenggara barat
ntt: nusa tenggara timur
malut: maluku utara
kotim: kotawaringin timur
kobar: kotawaringin barat
palangkaraya: palangka raya
"""
_TABLE = _REGIONS + """pemprov: pemerintah provinsi
pemkab: pemerintah kabupaten
pemkot: pemerintah kota
pemda: pemerintah daerah
pemdes: pemerintah desa
sekda: sekretaris daerah
sekjen: sekretaris jenderal
sekdes: sekretaris desa
plt: pelaksana tugas
plh: pelaksana harian
pj: penjabat
wagub: wakil gubernur
wabup: wakil bupati
wawali: wakil wali kota
walkot: wali kota
wapres: wakil presiden
kades: kepala desa
kadis: kepala dinas
kabid: kepala bidang
kabag: kepala bagian
kasat: kepala satuan
kakanwil: kepala kantor wilayah
kanwil: kantor wilayah
dirut: direktur utama
dirjen: direktur jenderal
ditjen: direktorat jenderal
ketum: ketua umum
mendagri: menteri dalam negeri
kemendagri: kementerian dalam negeri
menkeu: menteri keuangan
kemenkeu: kementerian keuangan
menkes: menteri kesehatan
kemenkes: kementerian kesehatan
mentan: menteri pertanian
kementan: kementerian pertanian
menhub: menteri perhubungan
kemenhub: kementerian perhubungan
menlu: menteri luar negeri
kemlu: kementerian luar negeri
menhan: menteri pertahanan
kemenhan: kementerian pertahanan
mensos: menteri sosial
kemensos: kementerian sosial
menag: menteri agama
kemenag: kementerian agama
menpora: menteri pemuda dan olahraga
kemenpora: kementerian pemuda dan olahraga
mendikbud: menteri pendidikan dan kebudayaan
kemendikbud: kementerian pendidikan dan kebudayaan
kemenkumham: kementerian hukum dan hak asasi manusia
menkumham: menteri hukum dan hak asasi manusia
kemenparekraf: kementerian pariwisata dan ekonomi kreatif
kementerian pupr: kementerian pekerjaan umum dan perumahan rakyat
pupr: pekerjaan umum dan perumahan rakyat
kapolri: kepala kepolisian negara republik indonesia
kapolda: kepala kepolisian daerah
kapolres: kepala kepolisian resor
kapolresta: kepala kepolisian resor kota
kapolsek: kepala kepolisian sektor
polri: kepolisian negara republik indonesia
polda: kepolisian daerah
polres: kepolisian resor
polresta: kepolisian resor kota
polsek: kepolisian sektor
kajati: kepala kejaksaan tinggi
kajari: kepala kejaksaan negeri
kejati: kejaksaan tinggi
kejari: kejaksaan negeri
kejagung: kejaksaan agung
jpu: jaksa penuntut umum
pn: pengadilan negeri
pangdam: panglima kodam
kodam: komando daerah militer
kodim: komando distrik militer
dandim: komandan kodim
korem: komando resor militer
danrem: komandan korem
tni: tentara nasional indonesia
dpr: dewan perwakilan rakyat
dprd: dewan perwakilan rakyat daerah
mpr: majelis permusyawaratan rakyat
kpu: komisi pemilihan umum
kpud: komisi pemilihan umum daerah
bawaslu: badan pengawas pemilihan umum
kpk: komisi pemberantasan korupsi
ma: mahkamah agung
mk: mahkamah konstitusi
bpkp: badan pengawasan keuangan dan pembangunan
bpbd: badan penanggulangan bencana daerah
bnpb: badan nasional penanggulangan bencana
basarnas: badan search and rescue nasional
bmkg: badan meteorologi klimatologi dan geofisika
bps: badan pusat statistik
bnn: badan narkotika nasional
bnnp: badan narkotika nasional provinsi
bpom: badan pengawas obat dan makanan
bkkbn: badan kependudukan dan keluarga berencana nasional
bappeda: badan perencanaan pembangunan daerah
bappenas: badan perencanaan pembangunan nasional
bpjs: badan penyelenggara jaminan sosial
ojk: otoritas jasa keuangan
bumn: badan usaha milik negara
bumd: badan usaha milik daerah
bumdes: badan usaha milik desa
apbd: anggaran pendapatan dan belanja daerah
apbn: anggaran pendapatan dan belanja negara
pad: pendapatan asli daerah
dak: dana alokasi khusus
dau: dana alokasi umum
umkm: usaha mikro kecil dan menengah
ump: upah minimum provinsi
umk: upah minimum kabupaten kota
rsud: rumah sakit umum daerah
puskesmas: pusat kesehatan masyarakat
posyandu: pos pelayanan terpadu
dinkes: dinas kesehatan
disdik: dinas pendidikan
dishub: dinas perhubungan
disnaker: dinas tenaga kerja
dukcapil: kependudukan dan pencatatan sipil
satpol pp: satuan polisi pamong praja
damkar: pemadam kebakaran
karhutla: kebakaran hutan dan lahan
dbd: demam berdarah dengue
ispa: infeksi saluran pernapasan akut
pilkada: pemilihan kepala daerah
pemilu: pemilihan umum
pilpres: pemilihan presiden
pileg: pemilihan legislatif
pilgub: pemilihan gubernur
pilbup: pemilihan bupati
rakor: rapat koordinasi
rakernas: rapat kerja nasional
rakerda: rapat kerja daerah
musrenbang: musyawarah perencanaan pembangunan
munas: musyawarah nasional
ormas: organisasi kemasyarakatan
lsm: lembaga swadaya masyarakat
pns: pegawai negeri sipil
asn: aparatur sipil negara
pppk: pegawai pemerintah dengan perjanjian kerja
cpns: calon pegawai negeri sipil
ipdn: institut pemerintahan dalam negeri
pln: perusahaan listrik negara
pdam: perusahaan daerah air minum
bbm: bahan bakar minyak
spbu: stasiun pengisian bahan bakar umum
sembako: sembilan bahan pokok
bansos: bantuan sosial
blt: bantuan langsung tunai
kur: kredit usaha rakyat
pkh: program keluarga harapan
timnas: tim nasional
porprov: pekan olahraga provinsi
cabor: cabang olahraga
pon: pekan olahraga nasional
koni: komite olahraga nasional indonesia
pssi: persatuan sepak bola seluruh indonesia
pbsi: persatuan bulu tangkis seluruh indonesia
lapas: lembaga pemasyarakatan
rutan: rumah tahanan
napi: narapidana
bandara: bandar udara
tpa: tempat pemrosesan akhir
tps: tempat pemungutan suara
sd: sekolah dasar
smp: sekolah menengah pertama
sma: sekolah menengah atas
smk: sekolah menengah kejuruan
ptn: perguruan tinggi negeri
kab: kabupaten
kec: kecamatan
kel: kelurahan
kep: kepulauan
prov: provinsi
km: kilometer
kg: kilogram
ha: hektare
kepsek: kepala sekolah
wakasek: wakil kepala sekolah
sdn: sekolah dasar negeri
smpn: sekolah menengah pertama negeri
sman: sekolah menengah atas negeri
smkn: sekolah menengah kejuruan negeri
mtsn: madrasah tsanawiyah negeri
paud: pendidikan anak usia dini
ppdb: penerimaan peserta didik baru
ukt: uang kuliah tunggal
bem: badan eksekutif mahasiswa
stikes: sekolah tinggi ilmu kesehatan
poktan: kelompok tani
gapoktan: gabungan kelompok tani
stamet: stasiun meteorologi
staklim: stasiun klimatologi
stageof: stasiun geofisika
disperindag: dinas perindustrian dan perdagangan
disdag: dinas perdagangan
disperin: dinas perindustrian
dispar: dinas pariwisata
disbudpar: dinas kebudayaan dan pariwisata
dispora: dinas pemuda dan olahraga
dinsos: dinas sosial
disnakertrans: dinas tenaga kerja dan transmigrasi
distan: dinas pertanian
diskominfo: dinas komunikasi dan informatika
kominfo: komunikasi dan informatika
disdukcapil: dinas kependudukan dan pencatatan sipil
dispenda: dinas pendapatan daerah
bapenda: badan pendapatan daerah
bpkad: badan pengelolaan keuangan dan aset daerah
bkd: badan kepegawaian daerah
kesbangpol: kesatuan bangsa dan politik
sekwan: sekretaris dewan
upt: unit pelaksana teknis
uptd: unit pelaksana teknis daerah
satlantas: satuan lalu lintas
ditlantas: direktorat lalu lintas
satreskrim: satuan reserse kriminal
satresnarkoba: satuan reserse narkoba
reskrim: reserse kriminal
pidsus: pidana khusus
pidum: pidana umum
kasubag: kepala subbagian
kasubbag: kepala subbagian
kalapas: kepala lembaga pemasyarakatan
karutan: kepala rumah tahanan
kabiro: kepala biro
babinsa: bintara pembina desa
koramil: komando rayon militer
danramil: komandan koramil
tagana: taruna siaga bencana
bulog: badan urusan logistik
mpp: mal pelayanan publik
ptsp: pelayanan terpadu satu pintu
rsup: rumah sakit umum pusat
igd: instalasi gawat darurat
pustu: puskesmas pembantu
nakes: tenaga kesehatan
jkn: jaminan kesehatan nasional
kis: kartu indonesia sehat
kip: kartu indonesia pintar
bpnt: bantuan pangan non tunai
dtks: data terpadu kesejahteraan sosial
mbg: makan bergizi gratis
"""
# The head of an office is written with "Ka" before the office's short form ("Kadinsos", "Kasatlantas"), its deputy
# with "Waka" ("Wakapolres"): both are derived for every one-word short form of an office (_table()).
_HEADED = ("dinas", "satuan", "stasiun", "badan", "unit", "direktorat", "kantor")

# Chat shorthand -> the word it stands for (one way: news does not write it).
CHAT = dict(pair.split(":") for pair in """
brp:berapa brapa:berapa brpa:berapa bbrp:beberapa yg:yang skrg:sekarang skrng:sekarang kpn:kapan dmn:di_mana
gmn:bagaimana gimana:bagaimana bgmn:bagaimana knp:kenapa utk:untuk dgn:dengan dg:dengan tdk:tidak
gak:tidak nggak:tidak ngga:tidak enggak:tidak sdh:sudah udah:sudah udh:sudah blm:belum blum:belum krn:karena
krna:karena jg:juga lg:lagi aja:saja org:orang tgl:tanggal bln:bulan thn:tahun hrg:harga jml:jumlah jmlh:jumlah
ttg:tentang dlm:dalam kmrn:kemarin sblm:sebelum stlh:setelah klo:kalau kalo:kalau mnrt:menurut
sbg:sebagai spt:seperti rb:ribu jt:juta cabe:cabai telor:telur
sapa:siapa syp:siapa sp:siapa dr:dari knapa:kenapa napa:kenapa dimana:di_mana kmn:ke_mana kemana:ke_mana drmn:dari_mana
darimana:dari_mana
gmana:bagaimana brapakah:berapakah tsb:tersebut kpd:kepada pd:pada sm:sama bs:bisa bsa:bisa
jd:jadi jdi:jadi tp:tapi tpi:tapi sy:saya bnyk:banyak byk:banyak gk:tidak ga:tidak hr:hari mgg:minggu bkn:bukan
lbh:lebih sampe:sampai dpt:dapat sdg:sedang msh:masih trs:terus trus:terus kyk:seperti kayak:seperti
prnh:pernah dket:dekat deket:dekat bgt:sekali banget:sekali lwt:lewat
""".split())
_CHAT = re.compile(r"\b(" + "|".join(sorted(CHAT, key=len, reverse=True)) + r")\b", re.I)
_DOCTOR = re.compile(r"(?i:dr)\b(?=\.|\s+[A-Z])")     # "dr. Yuliana", "dr Doris Sylvanus": a doctor's title
_AMOUNT = re.compile(r"(?<=\d)(rb|jt)\b", re.I)     # "rp600rb", "5jt": the shorthand typed onto its number


def spell_out(text: str) -> str:
    """The question with chat shorthand spelled out ("Brp rumah yg rusak?" -> "berapa rumah yang rusak?", "rp600rb" ->
    "rp600 ribu"). A word in capitals is an acronym, not shorthand ("ORG", "LG"); "dr" before a name or a full stop is a
    doctor's title."""
    def spelled(m: re.Match) -> str:
        word = m.group(1)
        if word.isupper() or _DOCTOR.match(text, m.start()):
            return word
        return CHAT[word.lower()].replace("_", " ")

    return _CHAT.sub(spelled, _AMOUNT.sub(lambda m: " " + CHAT[m.group(1).lower()], text))


_WORD = re.compile(r"\w+", re.UNICODE)
_JOINING = {"dan", "&"}   # "Komunikasi dan Informatika": a word a short form may leave out


def _table() -> dict[tuple[str, ...], tuple[str, ...]]:
    out = {}
    for line in _TABLE.strip().splitlines():
        short, long = line.split(":")
        out[tuple(_WORD.findall(short))] = tuple(_WORD.findall(long))
    for (short, *more), long in list(out.items()):
        if not more and long[0] in _HEADED:
            out.setdefault((f"ka{short}",), ("kepala", *long))
    for (short, *more), long in list(out.items()):
        if not more and long[0] == "kepala":
            out.setdefault((f"wa{short}",), ("wakil", *long))
    return out


# (words of the short form) -> (words of the long form), both lower-case
SHORTENED = _table()
# a region's long form -> its short forms ("kalimantan selatan" -> ("kalsel",)), for telling a region from its
# siblings (siblings()) and naming provinces (provinces_in())
REGION_FORMS: dict[str, tuple[str, ...]] = {}
for _line in _REGIONS.strip().splitlines():
    _short, _long = (form.strip() for form in _line.split(":"))
    REGION_FORMS[_long] = REGION_FORMS.get(_long, ()) + (_short,)
# provinces and regions, each as its short and its long form ("sulteng", "sulawesi tengah")
REGIONS = frozenset(REGION_FORMS) | {short for shorts in REGION_FORMS.values() for short in shorts}


def regions_in(words: list[str]) -> list[str]:
    """The long forms of the regions that `words` (lower-case, in order) name, written either way: ["bulog", "kalsel"]
    -> ["kalimantan selatan"]."""
    text = f" {' '.join(words)} "
    return [long for long, shorts in REGION_FORMS.items()
            if f" {long} " in text or any(f" {short} " in text for short in shorts)]


# Indonesia's 38 provinces, each with the other names news gives it (the cities of DKI Jakarta name their province);
# the short forms of _REGIONS ("sultra", "jakpus") name them too. For telling a story of one province from another's
# (provinces_in())
_PROVINCES = """
aceh: nanggroe aceh darussalam
sumatera utara
sumatera barat
riau
kepulauan riau
jambi
sumatera selatan
bangka belitung: kepulauan bangka belitung
bengkulu
lampung
dki jakarta: jakarta, jakarta pusat, jakarta selatan, jakarta barat, jakarta timur, jakarta utara
jawa barat
banten
jawa tengah
di yogyakarta: daerah istimewa yogyakarta, yogyakarta
jawa timur
bali
nusa tenggara barat
nusa tenggara timur
kalimantan barat
kalimantan tengah
kalimantan selatan
kalimantan timur
kalimantan utara
sulawesi utara
gorontalo
sulawesi tengah
sulawesi barat
sulawesi selatan
sulawesi tenggara
maluku
maluku utara
papua
papua barat
papua barat daya
papua selatan
papua tengah
papua pegunungan
"""
# every form -> its province; "papua nugini" (a country) and the sea of Maluku are forms of none
_PROVINCE_OF = {"papua nugini": "", "laut maluku": ""}
for _line in _PROVINCES.strip().splitlines():
    _province, _, _others = (part.strip() for part in _line.partition(":"))
    for _form in [_province, *filter(None, (o.strip() for o in _others.split(",")))]:
        for _written in (_form, *REGION_FORMS.get(_form, ())):
            _PROVINCE_OF[_written] = _province
_LONGEST_PROVINCE = max(len(form.split()) for form in _PROVINCE_OF)


def province_of(words: list[str]) -> str | None:
    """The province that `words` (lower-case) name as a whole, in any of its forms ("sulut", "sulawesi utara"), or
    None."""
    return _PROVINCE_OF.get(" ".join(words)) or None


def provinces_in(words: list[str]) -> set[str]:
    """The provinces that `words` (lower-case, in order) name, each form read as the longest one that stands there
    ("kepulauan riau" is not "riau", "papua barat daya" not "papua")."""
    found, i = set(), 0
    while i < len(words):
        for n in range(min(_LONGEST_PROVINCE, len(words) - i), 0, -1):
            province = _PROVINCE_OF.get(" ".join(words[i:i + n]))
            if province is not None:
                found.add(province)
                i += n
                break
        else:
            i += 1
    return found - {""}


_COMPASS_NAME = re.compile(r"\b([A-Z][\w-]+) (Utara|Selatan|Timur|Barat Daya|Barat|Tengah|Tenggara)\b")


def compass_regions(text: str) -> set[tuple[str, str]]:
    """The regions named as a place and a compass word ("Barito Timur", "Lampung Selatan", "Hulu Sungai Tengah" as
    ("sungai", "tengah")) that `text` writes with capitals and the tables above do not list (regions_in() and
    provinces_in() read those in all their forms): (the word before the compass word, the compass word), lower-case."""
    found = set()
    for m in _COMPASS_NAME.finditer(text):
        long = f"{m.group(1)} {m.group(2)}".lower()
        if long not in REGION_FORMS and long not in _PROVINCE_OF:
            found.add((m.group(1).lower(), m.group(2).lower()))
    return found


_REGENCY = re.compile(r"\b(?:Kabupaten|Kab\.|Kota) ([A-Z]\w*)")


def regencies(text: str) -> set[str]:
    """The first word of each regency or city that `text` names as one, with "Kabupaten", "Kab." or "Kota" before
    it and capitals ("Kabupaten Pulang Pisau" -> "pulang"; not "kota" as a common noun), lower-case."""
    return {m.group(1).lower() for m in _REGENCY.finditer(text)}


def siblings(region: str) -> list[str]:
    """The other regions whose long form begins with the same word ("kalimantan tengah", "kalimantan barat", ... for
    "kalimantan selatan"; "kotawaringin barat" for "kotawaringin timur"): a story of one of them is another place's."""
    first = region.split()[0]
    return [long for long in REGION_FORMS if long != region and long.split()[0] == first and " " in long]


# a one-word short form -> its long form as a name is written ("sekda" -> "Sekretaris Daerah"), for the reader
SPELLED = {short[0]: " ".join(w if w in _JOINING else w.title() for w in long) for short, long in SHORTENED.items()
           if len(short) == 1}


def forms(significant) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """Both directions of every entry, worked out once and keyed by their first word: first word -> [(the form as a
    question's terms spell it, the other form)]. `significant(words)` keeps only the words that carry meaning (no
    stopwords), so that "menteri dalam negeri" matches the terms "menteri", "negeri"."""
    out: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for short, long in SHORTENED.items():
        for form, other in ((tuple(significant(short)), long), (tuple(significant(long)), short)):
            if form:
                out.setdefault(form[0], []).append((form, other))
    return out


def alternatives(terms: list[str], known_forms: dict) -> dict[str, tuple[tuple[str, ...], ...]]:
    """For each of a question's terms (lower-case, in order), other word groups that say the same: the long form
    of a shortened term, or the short form of a long form the terms spell out (`known_forms`: forms())."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for term in dict.fromkeys(terms):
        for form, other in known_forms.get(term, ()):
            if _contains(terms, form):
                for word in form:
                    out.setdefault(word, []).append(other)
    return {term: tuple(dict.fromkeys(groups)) for term, groups in out.items()}


def _contains(terms: list[str], form: tuple[str, ...]) -> bool:
    """Whether `form` stands in `terms` as consecutive words."""
    n = len(form)
    return any(tuple(terms[i:i + n]) == form for i in range(len(terms) - n + 1))


# Long forms written in the articles themselves: a question's shortened name that neither table knows ("Lotim",
# "Kadinsos", "BTT") is matched with the words of a retrieved passage that it shortens ("Lombok Timur", "Kepala Dinas
# Sosial", "Belanja Tidak Terduga").
_FUNCTION = set("yang di ke dari ini itu untuk pada oleh dengan atau juga akan sudah telah adalah bahwa para se".split())
_NAME_RUN = re.compile(r"[A-Z]\w*(?:[ \t]+(?:(?:dan|&)[ \t]+)?[A-Z]\w*)+")   # within a line: a title is no name


def shortens(short: str, words: list[str]) -> bool:
    """Whether `short` is made of `words` the way Indonesian shortens a name: a piece of every word, in order, each
    piece starting with the word's first letter, or with the first letter of its root after a prefix, and taking more
    of its letters in order ("lo" + "tim" = "Lombok Timur", "ka" + "din" + "sos" = "Kepala Dinas Sosial", "dis" +
    "hub" = "Dinas Perhubungan", "b" + "t" + "t" = "Belanja Tidak Terduga"); "dan" may give nothing ("PMD":
    "Pemberdayaan Masyarakat dan Desa"). A short form of four letters or fewer takes whole beginnings ("mu" + "ba" is
    not "Muara Bulian"): with so few letters, picking them anywhere fits too many names. Lower-case arguments."""
    n = len(short)
    loose = n > 4

    def rest(i: int, j: int) -> bool:   # short[i:] from words[j:]
        if j == len(words):
            return i == n
        word = words[j]
        if word in _JOINING and rest(i, j + 1):
            return True
        if i == n:
            return False
        for start in _starts(word):
            for end in range(i + 1, n + 1):   # the piece short[i:end], as long as `word` gives it
                if not _gives(word, start, short[i:end], loose):
                    break
                if rest(end, j + 1):
                    return True
        return False

    return rest(0, 0)


def _gives(word: str, start: int, piece: str, loose: bool) -> bool:
    """Whether `word` gives `piece` from `start`: its letters from there in a row, or (`loose`) the letter at `start`
    followed by the others in order, with letters left out between."""
    if not loose:
        return word.startswith(piece, start)
    rest = iter(word[start + 1:])
    return word[start] == piece[0] and all(letter in rest for letter in piece[1:])


_PREFIXES = ("peng", "peny", "per", "pen", "pem", "pe", "ke")   # longest first: "pendidikan", "pertanian", "kebudayaan"


def _starts(word: str) -> list[int]:
    """Where a piece of `word` may start: its first letter, or the first of its root after its prefix (the longest
    that fits, and "perke" as in "perkebunan")."""
    roots = [next((len(p) for p in _PREFIXES if word.startswith(p)), 0)]
    if word.startswith("perke"):
        roots.append(5)
    return [0, *(r for r in roots if r and len(word) > r + 2)]


def long_forms(short: str, texts: list[str], acronym: bool = False, limit: int = 3) -> list[tuple[str, ...]]:
    """The names in `texts` that `short` shortens (shortens()), as runs of two to six capitalised words (not acronyms
    themselves: "BPBD TTS" is no long form of "BTT"), most often written first; each as its written words. An
    `acronym` (written in capitals) is also found in lower case, as the first letters of words other than function words
    ("dana belanja tidak terduga")."""
    short = short.lower()
    counts: dict[tuple[str, ...], int] = {}

    def count(words: list[str], shortened) -> None:
        for start in range(len(words)):
            if words[start][0].lower() != short[0]:
                continue
            for end in range(start + 2, min(start + 6, len(words)) + 1):
                group = tuple(words[start:end])
                if group[-1].lower() not in _JOINING and shortened(group):
                    counts[group] = counts.get(group, 0) + 1

    for text in texts:
        for run in _NAME_RUN.finditer(text):
            count(run.group(0).split(), lambda group: all(w in _JOINING or w[1:].islower() for w in group)
                  and shortens(short, [w.lower() for w in group]))
        if acronym:
            count(_WORD.findall(text), lambda group: all(w.islower() and w not in _FUNCTION for w in group)
                  and "".join(w[0] for w in group if w not in _JOINING) == short)
    return sorted(counts, key=counts.get, reverse=True)[:limit]
