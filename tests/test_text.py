from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.text import chunk, normalize, split_sentences, unglue

ARTICLE = (
    "Palangka Raya (Kabar Contoh) - Plt Sekda Kalteng Benediktus T. Nyahu hadir di rakor IPDN. "
    "Rapat itu dibuka oleh Dr. H. Sutrisno pukul 09.00 WIB! Apakah ada hasilnya? "
    "Harga beras naik menjadi Rp13.500 per kg, kata Jl. Ahmad Yani pedagang.\n"
    "Paragraf baru dimulai di sini tanpa tanda baca akhir"
)


def test_sentences_respect_abbreviations_initials_and_numbers():
    sentences = split_sentences(ARTICLE)
    assert sentences == [
        "Palangka Raya (Kabar Contoh) - Plt Sekda Kalteng Benediktus T. Nyahu hadir di rakor IPDN.",
        "Rapat itu dibuka oleh Dr. H. Sutrisno pukul 09.00 WIB!",
        "Apakah ada hasilnya?",
        "Harga beras naik menjadi Rp13.500 per kg, kata Jl. Ahmad Yani pedagang.",
        "Paragraf baru dimulai di sini tanpa tanda baca akhir",
    ]
    # "Br." (boru) stands inside Batak names
    assert split_sentences("Kepala OJK Sumut, Rosmawati Br. Ginting, memberi keterangan. Kredit tumbuh.") == [
        "Kepala OJK Sumut, Rosmawati Br. Ginting, memberi keterangan.", "Kredit tumbuh."]


def _long_text(n_sentences: int, words_each: int) -> str:
    return " ".join(
        " ".join(f"kata{i}x{j}" for j in range(words_each)).capitalize() + "." for i in range(n_sentences)
    )


def test_passages_are_sized_and_never_cut_a_sentence():
    text = _long_text(40, 17)
    passages = chunk(text)
    sentences = set(split_sentences(text))
    for passage in passages:
        n = len(passage.split())
        assert n <= 150
        assert n >= 50
        for sentence in split_sentences(passage):
            assert sentence in sentences
    assert " ".join(passages).split() == text.split()


def test_short_tail_is_merged_and_short_article_is_one_passage():
    assert len(chunk("Satu kalimat pendek saja.")) == 1
    text = _long_text(6, 20) + " Ekor pendek."
    passages = chunk(text)
    assert passages[-1].endswith("Ekor pendek.")
    assert all(len(p.split()) > 10 for p in passages)


def test_runaway_sentence_is_split_at_the_hard_limit():
    text = " ".join(["kata"] * 700)
    passages = chunk(text)
    assert all(len(p.split()) <= 150 for p in passages)
    assert sum(len(p.split()) for p in passages) == 700


def test_normalize_keeps_paragraphs_and_drops_odd_spaces():
    assert normalize("a\u00a0 b\r\n\r\n\u200bc\t d") == "a b\nc d"


@given(st.text(alphabet=st.sampled_from(list("abc ABC.!?\n\"'0123")), max_size=3000))
@settings(max_examples=200, deadline=None)
def test_chunk_keeps_every_word_in_order(text):
    passages = chunk(text)
    assert " ".join(passages).split() == normalize(text).split()
    assert all(p.strip() for p in passages)


def test_words_a_page_glued_are_parted_and_names_written_together_kept():
    assert unglue("menginstruksikanWakil Gubernur Siti Aminah danBupati Bengkulu Selatan") == \
        "menginstruksikan Wakil Gubernur Siti Aminah dan Bupati Bengkulu Selatan"
    assert unglue("kata Yusuf kepadaCNNIndonesia, dilansirAFP.") == "kata Yusuf kepada CNNIndonesia, dilansir AFP."
    assert unglue("penyerang Liverpool,Diogo Jota") == "penyerang Liverpool, Diogo Jota"
    kept = "iPhone YouTube WhatsApp PlayStation @realDonaldTrump #GlobalCitizenIndia https://x.example/AbcDef Rp1,5"
    assert unglue(kept) == kept
