"""bot.conversation: what a message is before anything is searched."""
from __future__ import annotations

import pytest

from bot.conversation import latest_request, mentions, merge, needs_context, search_terms, small_talk


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
                                      "Siapa juaranya?", "Kapan?", "dmn rakornya?", "brp hrgnya skrg?"])
def test_questions_that_lean_on_the_one_before(question):
    assert needs_context(question)


@pytest.mark.parametrize("question", ["Siapa pemenang lomba dayungnya?", "Berapa harga beras hanya di pasar?",
                                      "Berapa harga cabai rawit terbaru di Palangka Raya?",
                                      "Banjir Sungai Katingan merendam berapa desa?",
                                      "Which airline flies from Palangka Raya to Yogyakarta?",
                                      "brp harga cabai rawit di Palangka Raya skrg?"])
def test_questions_that_stand_alone(question):
    assert not needs_context(question)


def test_merge_adds_the_earlier_topic_and_titles_once():
    merged = merge("Berapa waktu tempuhnya?", "Siapa juara maraton Palangka Raya Marathon 2026?",
                   ["Agustinus Lado Juarai Maraton Penuh Palangka Raya Marathon 2026"])
    assert merged.startswith("Berapa waktu tempuhnya? juara maraton palangka raya marathon 2026")
    assert "agustinus lado" in merged and merged.count("maraton ") == 1
    assert merge("di mana rakornya?", "Siapa Plt Sekda yang hadir di rakor IPDN?") == \
        "di mana rakornya? plt sekda hadir ipdn"


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
