"""The rough English questions the reader trains on (train/english.py)."""
from train.english import to_english


def test_the_question_word_and_known_words_become_english_and_names_stay():
    assert to_english("Siapa nama presiden Indonesia sekarang?") == "What is the name of president Indonesia now?"
    assert to_english("Tanggal berapa Topan Katrina menghantam daratan pantai Louisiana?") == \
        "On what date Topan Katrina hit land beach Louisiana?"


def test_a_question_word_inside_the_question_and_unknown_words():
    english = to_english("Kelompok apakah yang menyatakan bertanggung jawab atas ledakan di Srinagar?")
    assert english.startswith("Group what that stated") and english.endswith("explosion in Srinagar?")
    assert to_english("Berapakah luas lahan Taman Lumut KRC") == "How many area land Taman Lumut KRC"
    assert to_english("Dimanakah xyzabc?") == "Where xyzabc?"
