"""The short answer of an English question as an English reader reads it (bot/in_english.py)."""
import pytest

from bot.answer import Answer
from bot.in_english import in_english


@pytest.mark.parametrize("span, shown", [
    ("Rp2,41 triliun", "Rp2.41 trillion"),          # "2,41" is two point four one, not two hundred and forty-one
    ("1.200 relawan", "1,200 volunteers"),          # ... and "1.200" twelve hundred
    ("Rp48.000 per kilogram", "Rp48,000 per kilogram"),
    ("sekitar Rp118.000 per kilogram", "about Rp118,000 per kilogram"),
    ("540 personel", "540 personnel"),
    ("0,41 persen", "0.41 percent"),
    ("sekitar Rp60 miliar", "about Rp60 billion"),
    ("47 pejabat", "47 officials"),
    ("3.600 nelayan", "3,600 fishermen"),
    ("enam medali emas", "enam medali emas"),       # word by word, "medal gold": a phrase keeps its words
    ("Tiga penumpang", "Three passengers"),
    ("satu orang", "one person"),
    ("delapan orang", "eight people"),
    ("4 tahun 6 bulan", "4 years 6 months"),
    ("Rabu (2/9)", "Wednesday, 2 September"),       # the day and month news writes
    ("Jumat, 31 Oktober 2025", "Friday, 31 October 2025"),
    ("30 Juni 2026", "30 June 2026"),
    ("pukul 16.30 WIB", "16:30 WIB"),
    ("sekitar 850 ton per hari", "about 850 tons per day"),
    ("Kabupaten Agam dan Solok", "Kabupaten Agam dan Solok"),
    ("4-3", "4-3"),
    # names stay; a span with a word the glossary does not know keeps its words, its numbers written the English way
    ("Benediktus T. Nyahu", "Benediktus T. Nyahu"),
    ("Kontingen Kota Palangka Raya", "Kontingen Kota Palangka Raya"),
    ("dr. Yuliana Tandean", "dr. Yuliana Tandean"),
    ("2.914 calon mahasiswa baru", "2,914 calon mahasiswa baru"),
    ("One UI 8.5", "One UI 8.5"),                   # a version is no Indonesian number
    ("Rp1.234,5 juta", "Rp1,234.5 million"),
])
def test_a_short_answer_is_written_as_an_english_reader_reads_it(span, shown):
    assert in_english(span) == shown


def test_only_an_english_reply_shows_it_so_and_the_json_keeps_the_span_its_sentence_holds():
    answer = Answer("How much is Kotim's 2027 budget?", "APBD 2027 senilai Rp2,41 triliun. [1]", False, [], "en",
                    short_answer="Rp2,41 triliun")
    assert answer.plain().startswith("Rp2.41 trillion [1]\nAPBD 2027 senilai Rp2,41 triliun. [1]")
    assert answer.to_dict()["short_answer"] == "Rp2,41 triliun"
    indonesian = Answer("Berapa APBD Kotim 2027?", "APBD 2027 senilai Rp2,41 triliun. [1]", False, [], "id",
                        short_answer="Rp2,41 triliun")
    assert indonesian.plain().startswith("Rp2,41 triliun [1]")
