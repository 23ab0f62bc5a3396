from corpus.glossary import indonesian, rough_indonesian


def test_english_words_are_found_in_their_indonesian_forms():
    assert indonesian("won")[:2] == ("menang", "meraih")
    assert indonesian("villages") == ("desa",) and indonesian("families") == ("keluarga",)   # plurals
    assert indonesian("boys'") == ("putra",) and indonesian("badminton") == ("bulu tangkis",)
    assert indonesian("the") == () and indonesian("Zorbatron") is None   # left out / unknown


def test_a_rough_indonesian_question_keeps_names_numbers_and_unknown_words():
    assert rough_indonesian("won the senior high school boys' singles in Sampit in 2026?") == \
        "menang SMA putra tunggal di Sampit di 2026?"
    assert rough_indonesian("Zorbatron opened the new bridge") == "Zorbatron dibuka baru jembatan"


def test_an_office_named_in_english_is_read_in_the_indonesian_order():
    # Indonesian names an office head first: "regional secretary" is "sekretaris daerah", not "daerah sekretaris"
    assert rough_indonesian("Who is the acting regional secretary of Central Kalimantan?") == \
        "Who plt sekda Central Kalimantan?"
    assert rough_indonesian("the deputy governor opened the dragon boat race") == "wakil gubernur dibuka perahu naga lomba"
    assert indonesian("prosecutors") == ("jaksa", "kejaksaan") and indonesian("civil servants") is None
