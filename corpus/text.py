"""Words, sentences and passages: split article text without ever cutting a sentence, and tell which of a question's
words a text holds (as written, or affixed as Indonesian writes a stem)."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from typing import Mapping

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


# Words that a news page's links glue to their neighbours ("menginstruksikanWakil Gubernur", "danBupati Bengkulu
# Utara", "dilansirAFP", "Liverpool,Diogo Jota"): a function word before a capital, five lower-case letters before a
# capitalised word or a short form, a comma before a capital.
_GLUED_FUNCTION_WORD = re.compile(r"\b(dan|yang|di|ke|dari|oleh|dengan|untuk|pada|dalam|sebagai|bahwa|serta|atau|"
                                  r"kepada|terhadap|melalui|antara|seperti|juga|akan|adalah|merupakan|ini|itu|para|"
                                  r"sang)(?=[A-Z])")
_GLUED_WORD = re.compile(r"(?<=[a-z]{5})(?=[A-Z][a-z]|[A-Z]{2})|(?<=[a-z],)(?=[A-Z])")
_NOT_UNGLUED = re.compile(r"[@#/]")    # "@realDonaldTrump", "#GlobalCitizenIndia", a link: written so on purpose


def unglue(text: str) -> str:
    """`text` with a space where a page's links glued two words ("kepadaCNNIndonesia" -> "kepada CNNIndonesia",
    "pesawatAir India" -> "pesawat Air India"), so that the words are found, read and quoted as words. Brand names in
    CamelCase with a short first part stay whole ("iPhone", "YouTube", "WhatsApp"); a longer one is split ("Shopee
    Pay"), as a reader may type it. Handles, hashtags and links are left as written."""
    return re.sub(r"\S+", lambda m: m.group() if _NOT_UNGLUED.search(m.group())
                  else _GLUED_WORD.sub(" ", _GLUED_FUNCTION_WORD.sub(r"\1 ", m.group())), text)


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


def coverage(terms: list[str], weights: dict[str, float], text: str,
             alternatives: Mapping[str, tuple[tuple[str, ...], ...]] = {}) -> float:
    """The idf-weighted share of `terms` that occur in `text`, directly or as one of their `alternatives`
    (all words of a group: "kalteng" as "Kalimantan Tengah", Question.alternatives)."""
    if not terms:
        return 0.0
    present = set(_WORD.findall(text.lower()))
    total = sum(weights.get(t, 1.0) for t in terms)
    found = sum(weights.get(t, 1.0) for t in terms if _occurs(t, present) or any(
        all(_occurs(w, present) for w in group) for group in alternatives.get(t, ())))
    return found / total if total else 0.0


# What Indonesian writes before and after a stem ("di-setor-kan", "pe-rumah-an"), and the prefixes of compounds
# ("anti-korupsi", "pasca-banjir"); two prefixes may stand together ("diper-", "memper-").
_PREFIX = ("di", "ke", "se", "ber", "be", "ter", "te", "per", "pe", "me", "mem", "men", "meng", "meny", "pem", "pen",
           "peng", "peny", "anti", "antar", "pra", "pasca", "non")
_PREFIXES = {""} | set(_PREFIX) | {a + b for a in _PREFIX for b in _PREFIX}
_SUFFIXES = {a + b for a in ("", "i", "an", "kan", "wan", "wati") for b in ("", "nya", "lah", "kah", "pun", "ku", "mu")}


def _occurs(term: str, present: set[str]) -> bool:
    """Exact, in the other voice ("dilantik" as "melantik": other_voice), or as the stem of an affixed Indonesian word
    ("setor" in "disetorkan", "rekrut" in "merekrut"); not inside another word ("uang" in "ruang", "tahu" in "tahun",
    the place "Tana" in "tanah")."""
    if term in present:
        return True
    if len(term) < 4 or term.isdigit():
        return False
    if any(form in present for form in other_voice(term)):
        return True
    return any(len(word) > len(term) and len(word) - len(term) <= 5 and _affixed(word, term) for word in present)


# meN- before a root: by its first letter, the nasal it takes and whether that letter falls ("pukul": "memukul", "tulis":
# "menulis", "sewa": "menyewa", "kirim": "mengirim"; "lantik": "melantik").
_NASALS = (("sy", "men", 0), ("p", "mem", 1), ("b", "mem", 0), ("f", "mem", 0), ("v", "mem", 0), ("t", "men", 1),
           ("d", "men", 0), ("c", "men", 0), ("j", "men", 0), ("z", "men", 0), ("s", "meny", 1), ("k", "meng", 1),
           ("g", "meng", 0), ("h", "meng", 0), *((v, "meng", 0) for v in "aeiou"))


def active(root: str) -> str:
    """The meN- form of `root` (with its suffix): "gulingkan" -> "menggulingkan", "perbaiki" -> "memperbaiki"."""
    if root.startswith("per"):
        return "mem" + root
    return next((nasal + root[drop:] for start, nasal, drop in _NASALS if root.startswith(start)), "me" + root)


def agent_verbs(word: str) -> tuple[str, ...]:
    """The meN- verbs a peN- noun of the one who does it may stand for, as a text would write them: "pencetak" (of
    goals) -> ("mencetak", "mencetaki", "mencetakkan"), "pemenang" -> (..., "memenangkan"), "pembuat" -> ("membuat",
    ...). peN- and meN- take the same nasal before a root, so only the prefix changes; many of the forms are no words,
    and a text holds the right one or none. Not a word of under six letters."""
    if len(word) < 6 or not word.startswith("pe"):
        return ()
    verb = "me" + word[2:]
    return verb, verb + "i", verb + "kan"


@lru_cache(maxsize=65536)
def other_voice(word: str) -> tuple[str, ...]:
    """`word` as a verb in the other voice: the passive di- form of an active meN- verb and the reverse ("dilantik" ->
    "melantik", "menggulingkan" -> "digulingkan"), which keep the meaning a question asks about in other words ("Siapa
    yang dilantik ...?" of "Bupati melantik ..."). An active form's root is ambiguous ("menulis": "tulis" or "nulis";
    "mengirim": "kirim" or "irim"): each reading is given, and a text holds the right one or none. Not ter-, whose
    forms often mean something else ("tersebut" is no "menyebut", "terjadi" no "menjadi")."""
    if word.startswith("di"):
        return (active(word[2:]),) if len(word) > 5 else ()
    if not word.startswith("me"):
        return ()
    roots = [word[2:]]     # "melantik"; "memakan", "menikah": a root that starts with its own nasal
    if word.startswith("memper"):
        roots.append(word[3:])                      # "memperbaiki": "perbaiki"
    elif word.startswith("meny"):
        roots.append("s" + word[4:])                # "menyewa": "sewa"
    else:
        for nasal, fallen in (("meng", "k"), ("mem", "p"), ("men", "t")):
            if word.startswith(nasal):
                rest = word[len(nasal):]
                vowel = rest[:1] in ("a", "e", "i", "o", "u")
                roots.append(fallen + rest if vowel else rest)     # "mengirim": "kirim"; "membeli": "beli"
                if vowel and nasal == "meng":
                    roots.append(rest)                             # "mengambil": "ambil"
                break
    return tuple("di" + root for root in roots if len(root) >= 4)


def _affixed(word: str, stem: str) -> bool:
    start = word.find(stem)
    while start >= 0:
        if word[:start] in _PREFIXES and word[start + len(stem):] in _SUFFIXES:
            return True
        start = word.find(stem, start + 1)
    return False
