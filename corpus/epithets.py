"""Names news gives places and bodies in place of their own (julukan): "Negeri Kiwi" for Selandia Baru, "Ranah Minang"
for Sumatera Barat, "Kota Pahlawan" for Surabaya, "lembaga antirasuah" for KPK. News uses them on second mention, and a
reader may ask with one while the story names the place itself at least once: a question is read with the name in place
of the epithet (Question.parse), as chat shorthand is spelled out.

Written for this project from common Indonesian usage. An epithet news gives more than one place ("Kota Santri",
"Kota Wali", "Negeri Seribu Satu Malam") is left out.
"""
from __future__ import annotations

import re

# epithet: the name it stands for, as news writes it
_TABLE = """
negeri paman sam: amerika serikat
negeri kiwi: selandia baru
negeri jiran: malaysia
negeri sakura: jepang
negeri matahari terbit: jepang
negeri tirai bambu: china
negeri tembok raksasa: china
negeri panda: china
negeri ginseng: korea selatan
negeri gingseng: korea selatan
negeri gajah putih: thailand
negeri singa: singapura
negeri kanguru: australia
negeri kangguru: australia
negeri beruang merah: rusia
negeri samba: brasil
negeri tango: argentina
negeri matador: spanyol
negeri kincir angin: belanda
negeri oranye: belanda
negeri tulip: belanda
negeri panser: jerman
negeri pizza: italia
negeri menara eiffel: prancis
negeri ayam jantan: prancis
negeri ratu elizabeth: inggris
negeri tiga singa: inggris
negeri bollywood: india
negeri hindustan: india
negeri piramida: mesir
negeri sungai nil: mesir
negeri seribu pagoda: myanmar
negeri para mullah: iran
negeri mullah: iran
negeri daun maple: kanada
negeri maple: kanada
negeri formosa: taiwan
negeri zionis: israel
ranah minang: sumatera barat
tanah minang: sumatera barat
bumi cenderawasih: papua
tanah rencong: aceh
serambi mekah: aceh
serambi makkah: aceh
serambi mekkah: aceh
bumi lancang kuning: riau
bumi sriwijaya: sumatera selatan
bumi raflesia: bengkulu
bumi rafflesia: bengkulu
bumi ruwa jurai: lampung
bumi serumpun sebalai: bangka belitung
negeri laskar pelangi: belitung
bumi pasundan: jawa barat
tanah pasundan: jawa barat
tatar sunda: jawa barat
tatar pasundan: jawa barat
pulau dewata: bali
pulau seribu pura: bali
pulau garam: madura
pulau seribu masjid: lombok
bumi gora: nusa tenggara barat
bumi flobamora: nusa tenggara timur
bumi anoa: sulawesi tenggara
bumi nyiur melambai: sulawesi utara
bumi tadulako: sulawesi tengah
bumi tambun bungai: kalimantan tengah
bumi isen mulang: kalimantan tengah
bumi etam: kalimantan timur
bumi lambung mangkurat: kalimantan selatan
kota pahlawan: surabaya
kota kembang: bandung
kota gudeg: yogyakarta
kota pelajar: yogyakarta
kota hujan: bogor
kota daeng: makassar
kota anging mammiri: makassar
kota angin mamiri: makassar
kota apel: malang
kota batik: pekalongan
kota lumpia: semarang
kota atlas: semarang
kota udang: cirebon
kota khatulistiwa: pontianak
kota seribu sungai: banjarmasin
kota tepian: samarinda
kota minyak: balikpapan
kota beriman: balikpapan
kota bengawan: solo
kota kretek: kudus
kota ukir: jepara
kota gurindam: tanjungpinang
kota bertuah: pekanbaru
kota pempek: palembang
kota empek-empek: palembang
kota tapis berseri: bandar lampung
kota cantik: palangka raya
kota sejuta bunga: tomohon
kota manise: ambon
kota karang: kupang
kota reog: ponorogo
kota marmer: tulungagung
kota tape: bondowoso
kota salak: padangsidimpuan
kota bengkuang: padang
kota serambi madinah: gorontalo
serambi madinah: gorontalo
lembaga antirasuah: kpk
komisi antirasuah: kpk
korps adhyaksa: kejaksaan
korps bhayangkara: polri
korps baju cokelat: polri
"""


_WORD = re.compile(r"\w+", re.UNICODE)


def _table() -> dict[str, str]:
    out = {}
    for line in _TABLE.strip().splitlines():
        epithet, name = line.split(":")
        out[" ".join(_WORD.findall(epithet))] = " ".join(w.upper() if len(w) <= 3 else w.title()   # "KPK"
                                                         for w in _WORD.findall(name))
    return out


# "negeri kiwi" -> "Selandia Baru": the epithet's words, lower-case, one space apart
EPITHETS = _table()
_EPITHET = re.compile(r"\b(" + "|".join(r"[\s-]+".join(map(re.escape, e.split()))
                                         for e in sorted(EPITHETS, key=len, reverse=True)) + r")\b", re.I)


# What asks about the epithet itself: "Pulau apa yang dijuluki Pulau Dewata?" and "Pulau Dewata itu pulau apa?" ask
# for "Bali", and named plainly they would say it.
_CALLED = re.compile(r"(?:juluk\w*|disebut|sebutan|dikenal(?:\s+(?:sebagai|dengan))?|bergelar|called|nicknamed|"
                     r"known\s+as|apa(?:kah)?\s+itu|what\s+is)\s+(?:sebagai\s+)?(?:the\s+)?$", re.I)
_IS = re.compile(r"\s*(?:itu|adalah|merupakan|ialah|is|was)\b", re.I)


def plainly(text: str) -> str:
    """`text` with each epithet it writes replaced by the name it stands for, as news writes it ("… klub amatir dari
    Negeri Kiwi" -> "… klub amatir dari Selandia Baru"), but for one it asks about ("… yang dijuluki Pulau Dewata?",
    "Pulau Dewata itu pulau apa?")."""
    def named(m: re.Match) -> str:
        key = " ".join(_WORD.findall(m.group(1).lower()))
        if _CALLED.search(text[:m.start()]) or _IS.match(text, m.end()):
            return m.group(0)
        return EPITHETS.get(key, m.group(0))

    return _EPITHET.sub(named, text)
