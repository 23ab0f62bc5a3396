"""bot.conversation: what a message is before anything is searched."""
from __future__ import annotations

import pytest

from bot.conversation import (about_quoted, asks_source, attach, latest_request, links_in, mentions, needs_context,
                              quoted_story, re_ask, search_terms, searchable, small_talk, what_to_search)


def in_context(question: str, previous: str | None, answer: str | None = None) -> str:
    """What what_to_search searches first."""
    return what_to_search(question, previous, answer).asked


def searches(question: str, previous: str | None, answer: str | None = None) -> tuple[str, str | None]:
    """What what_to_search searches first and next."""
    return what_to_search(question, previous, answer)[:2]


def reading(question: str, previous: str | None, answer: str | None = None) -> str | None:
    """What the reader reads of the first search too, by what_to_search."""
    return what_to_search(question, previous, answer).reading


@pytest.mark.parametrize("text,kind,lang", [
    ("Halo", "greeting", "id"), ("halooo kak!", "greeting", "id"), ("hi", "greeting", "en"),
    ("Selamat pagi", "greeting", "id"), ("terima kasih!", "thanks", "id"), ("makasih ya", "thanks", "id"),
    ("thanks", "thanks", "en"), ("Thank you so much!", "thanks", "en"), ("Apa kabar?", "how_are_you", "id"),
    ("Halo, apa kabar?", "how_are_you", "id"), ("how are you?", "how_are_you", "en"), ("ok", "ok", "en"),
    ("😂", "emoji", None), ("👍🏻🙏", "emoji", None),
])
def test_small_talk(text, kind, lang):
    assert small_talk(text) == (kind, lang)


@pytest.mark.parametrize("text", ["Apa kabar terbaru?", "berita terbaru", "Siapa Plt Sekda Kalteng?", "Kapan?",
                                  "Halo, berapa harga cabai rawit?", "thanks for nothing, where is the flood?", ""])
def test_not_small_talk(text):
    assert small_talk(text) is None


@pytest.mark.parametrize("text,topic", [
    ("berita terbaru", ""), ("Apa berita terbaru?", ""), ("What is the latest news?", ""), ("apa berita hari ini", ""),
    ("Ada berita apa hari ini?", ""), ("latest news", ""), ("Apa kabar terbaru soal banjir?", "banjir"),
    ("berita terbaru tentang banjir Katingan", "banjir Katingan"), ("What is the latest news about floods?", "floods"),
])
def test_latest_request(text, topic):
    assert latest_request(text) == topic


@pytest.mark.parametrize("text", ["Berapa harga cabai rawit terbaru di Palangka Raya?", "Apa kabar?",
                                  "Siapa juara maraton terbaru?"])
def test_not_a_latest_request(text):
    assert latest_request(text) is None


@pytest.mark.parametrize("question", ["di mana rakornya?", "Siapa saja yang mendampinginya?", "Kapan itu?",
                                      "Berapa waktu tempuhnya?", "Where was it held?", "Bagaimana dengan Sampit?",
                                      "Siapa juaranya?", "Kapan?", "dmn rakornya?", "brp hrgnya skrg?",
                                      "Siapa pemenang lomba dayungnya?", "Perahu karetnya berapa yang dikerahkan?",
                                      "Kenapa dia menghentikan pencarian setiap sore?"])
def test_questions_that_lean_on_the_one_before(question):
    assert needs_context(question)


@pytest.mark.parametrize("question", ["Berapa harga beras hanya di pasar?",
                                      "Berapa harga cabai rawit terbaru di Palangka Raya?",
                                      "Banjir Sungai Katingan merendam berapa desa?",
                                      "Which airline flies from Palangka Raya to Yogyakarta?",
                                      "brp harga cabai rawit di Palangka Raya skrg?",
                                      "Berapa anggaran lomba dayung di Katingan itu?"])
def test_questions_that_stand_alone(question):
    assert not needs_context(question)


@pytest.mark.parametrize("previous, question, again", [
    ("Banjir di Sintang menggenangi berapa sekolah?", "yg di Konawe Utara brp?",
     "Banjir di Konawe Utara menggenangi berapa sekolah?"),
    ("Siapa juara tunggal putra Sirnas Kaltim 2026?", "kalau yang putri siapa?",
     "Siapa juara tunggal putri Sirnas Kaltim 2026?"),
    ("Siapa juara tunggal putra Sirnas Kaltim 2026?", "kalau di Sulsel?", "Siapa juara tunggal putra Sirnas Sulsel 2026?"),
    ("Berapa harga cabai rawit di Pasar Kahayan?", "kalau bawang merah?", "Berapa harga bawang merah di Pasar Kahayan?"),
    ("How many houses were damaged by the earthquake in East Lombok?", "And in Pasaman Barat?",
     "How many houses were damaged by the earthquake in Pasaman Barat?"),
    ("Berapa orang tewas dalam kecelakaan bus rombongan guru di Cadas Pangeran?", "kalau kecelakaan truk pasir di Batu?",
     "Berapa orang tewas dalam kecelakaan truk pasir di Batu?"),
    ("Dinkes Kota Kupang sudah fogging DBD di berapa titik?", "kalau di Jember kak?",
     "Dinkes Kota Jember sudah fogging DBD di berapa titik?"),
    ("Berapa medali emas yang ditargetkan KONI Kalimantan Selatan di PON XXII 2028?", "Sulteng brp?",
     "Berapa medali emas yang ditargetkan KONI Sulteng di PON XXII 2028?"),
    # the event named again with another place, or another event: maybe another year's (the archive's), so the
    # question before's year goes, and the follow-up's own stays; the event's name is not written twice
    ("Siapa juara umum Porprov Sumatera Barat 2025?", "Kalau Porprov Kalteng?", "Siapa juara umum Porprov Kalteng?"),
    ("Berapa nilai APBD Kotim 2027 yang disahkan DPRD?", "Kalau APBD Kapuas 2026?",
     "Berapa nilai APBD Kapuas 2026 yang disahkan DPRD?"),
    ("Berapa harga cabai rawit di Pasar Kahayan pada 2026?", "kalau bawang merah?",
     "Berapa harga bawang merah di Pasar Kahayan pada 2026?"),
    ("Berapa inflasi tahunan NTB pada Maret 2026?", "kalau yang bulanan?", "Berapa inflasi bulanan NTB pada Maret 2026?"),
])
def test_a_follow_up_naming_another_thing_re_asks_the_question_before(previous, question, again):
    assert re_ask(question, previous) == again == in_context(question, previous)


@pytest.mark.parametrize("previous, question, again", [
    ("Siapa juara umum Porprov Kalteng 2026?", "Kalau 2025?", "Siapa juara umum Porprov Kalteng 2025?"),
    ("Berapa inflasi Kalteng Oktober 2026?", "Bagaimana dengan bulan September?",
     "Berapa inflasi Kalteng bulan September 2026?"),     # a month keeps the year of the month before
    ("Berapa harga cabai rawit pada September 2026?", "kalau oktober?", "Berapa harga cabai rawit pada Oktober 2026?"),
    ("Berapa harga cabai rawit sekarang?", "Kalau minggu lalu berapa?", "Berapa harga cabai rawit minggu lalu?"),
    ("Berapa harga cabai rawit pada September 2026?", "Sekarang berapa?", "Berapa harga cabai rawit sekarang?"),
    ("Berapa harga cabai di Pasar Kahayan?", "kalau kemarin?", "Berapa harga cabai di Pasar Kahayan kemarin?"),
    ("What is the price of chili in Palangka Raya now?", "What about last month?",
     "What is the price of chili in Palangka Raya last month?"),
    ("Who won the Porprov Kalteng 2026?", "and in 2025?", "Who won the Porprov Kalteng 2025?"),
    # another thing and another time: the time was kept beside the old one ("Ekspor Sulut Oktober September 2025 …?")
    # or left out ("… di Sulsel tahun ini?", "… bawang merah di Pasar Kahayan pada Oktober 2026?")
    ("Ekspor Bangka Belitung September 2025 nilainya berapa?", "Kalau Sulut bulan Oktober?",
     "Ekspor Sulut bulan Oktober 2025 nilainya berapa?"),
    ("Berapa harga beras di Kalteng tahun ini?", "kalau di Sulsel tahun lalu?", "Berapa harga beras di Sulsel tahun lalu?"),
    ("Berapa harga cabai rawit di Pasar Kahayan pada Oktober 2026?", "kalau bawang merah bulan lalu?",
     "Berapa harga bawang merah di Pasar Kahayan bulan lalu?"),
])
def test_a_follow_up_naming_another_time_re_asks_the_question_before_about_it(previous, question, again):
    # these were read as a thing in place of the question's: "Berapa harga minggu sekarang?", "... Porprov 2025 2026?"
    assert re_ask(question, previous) == again == in_context(question, previous)


@pytest.mark.parametrize("question", ["Kata siapa?", "kata siapa", "Sumbernya dari mana?", "sumber beritanya apa?",
                                      "Siapa yang bilang?", "Who said that?", "Source?", "Link beritanya?"])
def test_a_follow_up_asking_where_the_answer_comes_from_asks_the_question_before_again(question):
    # it was searched as a question of its own ("Kata siapa?", then "Kata siapa cabai rawit?")
    assert asks_source(question)
    assert what_to_search(question, "Berapa harga cabai rawit sekarang?", "Rp48.000 per kilogram") == \
        ("Berapa harga cabai rawit sekarang?", None, None)
    assert what_to_search(question, None).asked == searchable(question)     # no question before: as it is


@pytest.mark.parametrize("question", ["Kata siapa harga cabai turun?", "Sumber air bersih warga dari mana?",
                                      "Siapa sumber anggaran proyek itu?"])
def test_a_question_about_a_source_of_its_own_is_no_request_for_the_answers(question):
    assert not asks_source(question)


@pytest.mark.parametrize("previous, question", [
    ("Berapa warga yang tewas tertimbun longsor di Tana Toraja?", "Terus beras yang disalurkan berapa ton?"),
    ("Berapa belanja daerah dalam APBD 2026 Kotawaringin Timur?", "Siapa bupatinya?"),
    ("Siapa pelatih kepala tim renang Jawa Barat?", "Siapa Kadiskominfo Banyuwangi?"),
    ("Berapa lama angin kencang menyapu Krian?", "Di kecamatan mana saja titik api terbanyak berada?"),
    ("Siapa juara tunggal putra Sirnas Kaltim 2026?", "Siapa juara tunggal putri Sirnas Sulsel?"),
    # a common word capitalised only as the first is no place: not "... dilantik di Kabupaten Masa?"
    ("Berapa kepala desa yang dilantik di Kabupaten Bima?", "Masa jabatannya berapa lama?"),
    ("Siapa juara umum Porprov Kalteng 2026?", "Siapa juara 2025?"),   # a time beside a question of its own
    # asking whether, not about another thing: it was "Berapa Ada jiwa di Katingan?", answered 9.140 jiwa affected
    ("Berapa desa terendam banjir di Katingan?", "Ada korban jiwa?"),
    ("Berapa desa terendam banjir di Katingan?", "Sudah surut?"),
])
def test_a_question_of_its_own_is_not_re_asked(previous, question):
    assert re_ask(question, previous) is None


def test_a_follow_up_on_the_same_story_takes_what_names_it():
    # an attribute of the story ("-nya"): the names of the question before, not its other words
    assert attach("Defisitnya berapa?", "Berapa belanja daerah dalam APBD 2026 Kabupaten Kotawaringin Timur?") == \
        "defisit berapa APBD 2026 Kabupaten Kotawaringin Timur?"
    # a word that stands for what the question before was about: all of its words
    assert attach("Kenapa dia menghentikan pencarian setiap sore?",
                  "Siapa Kepala Kantor SAR Makassar yang memimpin pencarian korban longsor?") == \
        "Kenapa dia menghentikan pencarian setiap sore Kepala Kantor SAR Makassar memimpin pencarian longsor?"
    assert in_context("rakornya kapan?", "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?") == \
        "rakor kapan Plt Sekda Kalteng IPDN?"
    # a question that stands alone, or nothing before it: as written, "-nya" aside
    assert in_context("Banjir Sungai Katingan merendam berapa desa?", "Siapa Plt Sekda Kalteng?") == \
        "Banjir Sungai Katingan merendam berapa desa?"
    assert in_context("rakornya kapan?", None) == "rakor kapan?"


def test_the_reader_reads_a_follow_up_as_it_was_asked():
    # searched with the names of the question before, read as asked
    apbd = "Berapa belanja daerah dalam APBD 2026 Kabupaten Kotawaringin Timur?"
    assert searches("Defisitnya berapa?", apbd)[0] == "defisit berapa APBD 2026 Kabupaten Kotawaringin Timur?"
    assert reading("Defisitnya berapa?", apbd) == "defisit berapa?"
    # searched as it reads: a question that stands alone (with the person a "who" answer named in place of "dia"
    # too), the question before re-asked, or no question before
    assert reading("Kenapa dia mundur?", "Siapa yang mundur dari jabatan Sekda Kapuas?", "Agus Saputra") is None
    assert reading("Banjir Sungai Katingan merendam berapa desa?", "Siapa Plt Sekda Kalteng?") is None
    assert reading("yg di Konawe Utara brp?", "Banjir di Sintang menggenangi berapa sekolah?") is None
    assert reading("rakornya kapan?", None) is None


def test_a_follow_up_typed_in_chat_leans_on_a_question_typed_in_chat():
    # a question typed in lower case names its story with its words, not with its numbers alone ("2026")
    # (and not with its shorthand: "brp", "yg")
    assert searches("korbannya brp", "brp desa yg kerendam banjir katingan 2026") == \
        ("korban brp desa kerendam banjir katingan 2026?", None)
    # "-nya" written apart or after a hyphen refers back as "-nya" does, and is not searched for
    assert needs_context("kepala bpbd nya siapa")
    assert searches("kepala bpbd nya siapa", "brp desa yg kerendam banjir katingan")[0] == \
        "kepala bpbd siapa desa kerendam banjir katingan?"
    assert searchable("Siapa ketua DPRD-nya?") == "Siapa ketua DPRD?"


def test_a_follow_up_that_stands_alone_has_the_story_before_to_fall_back_on():
    # asked first as written; when that finds nothing, with the names of the story before
    previous = "Who was sworn in as the regional secretary of Kutai Kartanegara in January?"
    assert searches("Where was the inauguration held?", previous) == \
        ("Where was the inauguration held?", "Where was the inauguration held Kutai Kartanegara January?")
    # nothing before it, or a follow-up that already leans on the question before: nothing to fall back on
    assert searches("Where was the inauguration held?", None)[1] is None
    assert searches("rakornya kapan?", "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?")[1] is None


def test_a_follow_up_about_the_person_just_named_asks_about_that_person():
    # "dia", "he", "his" after a "who" question stand for the person its short answer named
    winner = "Siapa juara maraton Palangka Raya 2026?"
    assert searches("Dia dari mana?", winner, "Agustinus Lado") == ("Agustinus Lado dari mana?",
                                                                   "Agustinus Lado dari mana Palangka Raya 2026?")
    assert searches("What was his time?", "Who won the Palangka Raya Marathon 2026?", "Agustinus Lado")[0] == \
        "What was Agustinus Lado time?"
    # "di" before the name put in is no place swapped into the question before (re_ask)
    assert searches("Di mana dia menyampaikannya?", "Siapa Kepala Stasiun Meteorologi Tjilik Riwut?",
                    "Kukuh Prasetyo Wibowo")[0] == "Di mana Kukuh Prasetyo Wibowo menyampaikan?"
    # the "-nya" of a verb done to that person; not that of an adverb
    ipdn = "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?"
    assert searches("Siapa yang mendampinginya?", ipdn, "Benediktus T. Nyahu")[0] == \
        "Siapa yang mendampingi Benediktus T. Nyahu?"
    assert "Benediktus" not in searches("Memangnya kenapa?", ipdn, "Benediktus T. Nyahu")[0]
    # no short answer given, or the question before asked no "who": the names of the question before, as before
    assert searches("Dia dari mana?", winner, None) == ("Dia dari mana maraton Palangka Raya 2026?", None)
    flood = "Berapa desa yang terendam banjir Katingan?"
    assert searches("Dia bilang kapan surut?", flood, "23 desa") == searches("Dia bilang kapan surut?", flood, None)
    assert searches("Dia bilang kapan surut?", flood, "23 desa")[0].startswith("Dia bilang kapan surut")


def test_search_terms_and_mentions_know_common_english_news_words():
    assert search_terms("flood") == "flood banjir" and search_terms("public service") == "public service pelayanan publik"
    assert search_terms("Katingan") == "Katingan"
    assert mentions("Sungai Katingan meluap, 23 desa terendam banjir", "flood")
    assert not mentions("Rakor tata kelola pemerintahan di IPDN", "banjir")
    assert mentions("Perbaikan jalan Palangka Raya-Sampit", "jalan Palangka Raya Sampit")


def test_topic_alerts_match_new_articles_once_per_chat(store):
    from types import SimpleNamespace

    from bot.telegram_app import _due_alerts, _follow, _follows_of, _unfollow
    from corpus.ingest import ingest_text

    kabar = SimpleNamespace(store=store)
    assert _follow(kabar, 10, 1, "banjir", "id") and _follow(kabar, 20, 2, "flood", "en")
    assert _follow(kabar, 30, 3, "banjir katingan", "id")
    _, flood = ingest_text(store, "Banjir Rendam Desa Qarvel", "Banjir merendam 12 rumah di Desa Qarvel, Kapuas.")
    _, other = ingest_text(store, "Harga Cabai Turun", "Harga cabai rawit turun menjadi Rp40.000.")
    due = _due_alerts(kabar, [flood, other])
    assert {k: [a["id"] for a in v] for k, v in due.items()} == {(10, "banjir", "id"): [flood], (20, "flood", "en"): [flood]}
    assert _due_alerts(kabar, [flood]) == {}                      # each article once per chat
    assert _follows_of(kabar, 10) == ["banjir"] and _unfollow(kabar, 10, "banjir") == 1 and _follows_of(kabar, 10) == []


def test_search_terms_take_the_indonesian_of_english_news_words_from_the_glossary():
    assert search_terms("drought in Katingan") == "drought in Katingan kekeringan kemarau"   # not "di" for "in"
    assert search_terms("air bersih") == "air bersih"          # Indonesian words stay: "air" is not "udara" here
    assert mentions("Beasiswa untuk 2.500 mahasiswa", "students scholarship")


def test_a_message_replied_to_gives_its_first_line_as_the_story_and_its_links():
    post = "Kalteng Putra Tundukkan Mahakam Jaya FC 2-1 di Tuah Pahoe\n\nBaca: https://contoh.kabar.example/2026/11/a."
    assert quoted_story(post) == "Kalteng Putra Tundukkan Mahakam Jaya FC 2-1 di Tuah Pahoe"
    assert links_in(post) == ["https://contoh.kabar.example/2026/11/a"]     # the full stop after it is not part of it
    assert quoted_story("https://contoh.kabar.example/2026/11/a\nBupati Kapuas lantik 47 pejabat") == \
        "Bupati Kapuas lantik 47 pejabat"     # a line with only a link says nothing of the story
    assert quoted_story("👍") is None and quoted_story(None) is None
    assert len(quoted_story("kata " * 100)) <= 200


def test_a_question_about_a_message_replied_to_carries_its_names():
    story = "Kalteng Putra Tundukkan Mahakam Jaya FC 2-1 di Tuah Pahoe"
    # the headline's first word is a name too (a question's first word is skipped: it is capitalised anyway)
    assert about_quoted("berapa penontonnya?", story) == \
        ("berapa penonton Kalteng Putra Tundukkan Mahakam Jaya FC 2-1 Tuah Pahoe?", None)
    # a question that stands alone is also searched as written, if the first search finds nothing sure
    asked, then = about_quoted("Siapa pelatih Kalteng Putra?", story)
    assert asked.startswith("Siapa pelatih Kalteng Putra Kalteng Putra Tundukkan") and then == "Siapa pelatih Kalteng Putra?"
    # a message that is itself a question: its question word is no name
    assert about_quoted("dia hadir di mana?", "Siapa Plt Sekda Kalteng?")[0] == "dia hadir di mana Plt Sekda Kalteng?"
    # a forwarded post's first sentence writes ordinary words in lower case: its names carry the story
    assert about_quoted("Siapa pencetak golnya?", "Kalteng Putra meraih kemenangan atas Mahakam Jaya FC di Palangka Raya.")[0] \
        == "Siapa pencetak gol Kalteng Putra Mahakam Jaya FC Palangka Raya?"


def test_of_a_follow_ups_two_readings_the_surer_answers_and_a_decline_stands():
    from bot.answer import Answer
    from bot.service import surer

    def read(confidence, abstained=False):
        return Answer("q", "…", abstained, [], "id", confidence=confidence)

    searched, asked = read(0.4), read(0.97)
    assert surer(searched, asked) is asked and surer(read(0.99), asked).confidence == 0.99
    # a decline before reading stands with the reading as searched, as does the reading as asked declining
    assert surer(read(None, abstained=True), asked).abstained
    assert surer(searched, read(None, abstained=True)) is searched
    # declined after reading (the veto, an office no quoted sentence names), the reading as asked may answer
    assert surer(read(0.0001, abstained=True), asked) is asked


def test_a_follow_up_asking_another_thing_after_an_opener_is_a_new_question_on_the_story():
    # "Terus catatan waktunya berapa?" after a "siapa" asks the time, not the question before with "catatan" in place
    # of "putri" ("Siapa juara catatan Palangka Raya Marathon 2026?" was answered with the men's winner in bold)
    assert re_ask("Terus catatan waktunya berapa?", "Siapa juara putri Palangka Raya Marathon 2026?") is None
    # the same question word, or none of its own: the question before, asked again of the other thing
    assert re_ask("Kalau di Sampit berapa?", "Berapa harga cabai di Palangka Raya?") == "Berapa harga cabai di Sampit?"
    assert re_ask("Kalau di Sulsel gimana?", "Seberapa tinggi gelombang di perairan utara Jawa Timur?") is not None
    assert re_ask("What about in Bantul?", "How many houses were damaged by the whirlwind in Krian?") == \
        "How many houses were damaged by the whirlwind in Bantul?"


def test_a_follow_up_asking_who_holds_an_office_of_the_story_before(sample_kabar):
    # "Siapa sekdanya?" after the regent's swearing-in was searched "Siapa sekda Bupati Kapuas?", a "sekda bupati"
    # no sentence names; "Siapa kaptennya?" after the dragon-boat race, searched with the festival's names, ranked the
    # captain's sentence below the festival's and was declined: both now answer, from the story before.
    searches = what_to_search("Siapa sekdanya?", "Berapa pejabat yang dilantik Bupati Kapuas?")
    assert searches.asked == "Siapa sekda Kapuas?"
    _, _, answer = sample_kabar.search_and_answer(searches.asked, then=searches.then, reading=searches.reading)
    assert answer.short_answer == "Benny Arifin Hutapea", answer.plain()
    searches = what_to_search("Siapa kaptennya?", "Siapa juara lomba perahu naga Festival Dayung Sungai Kahayan?")
    _, _, answer = sample_kabar.search_and_answer(searches.asked, then=searches.then, reading=searches.reading)
    assert answer.short_answer == "Herman Jaya" and "Kapten Tim Tambun Bungai" in answer.answer, answer.plain()


def test_a_follow_up_declined_leaves_the_story_it_was_asked_about_to_the_next(sample_kabar):
    # "Ada korban jiwa?" after the Katingan flood's villages was searched "Berapa Ada jiwa di Katingan?" (another
    # thing asked again) and got **9.140 jiwa** (those affected); asking whether, it is a question of its own on the
    # same story. Declined (the story tells of no deaths), what it searched still names the story, so that the next
    # follow-up leans on the flood, not on "Ada korban jiwa?".
    searches = what_to_search("Ada korban jiwa?", "Berapa desa terendam banjir di Katingan?", "23 desa")
    asked, _, answer = sample_kabar.search_and_answer(searches.asked, then=searches.then, reading=searches.reading)
    assert answer.short_answer is None and "9.140 jiwa" not in answer.answer.split("[1]")[0], answer.plain()
    assert "Katingan" in asked
    searches = what_to_search("Berapa lama status tanggap daruratnya?", asked, answer.short_answer)
    _, _, answer = sample_kabar.search_and_answer(searches.asked, then=searches.then, reading=searches.reading)
    assert answer.short_answer == "14 hari", answer.plain()
