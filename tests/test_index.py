import json
import os

import pytest

from corpus.records import to_article
from index import indexer
from index import store as index_store
from index.store import INDEX_FILE, META_FILE, IndexCorrupt, ModelMismatch, VectorIndex

ARTICLES = [
    ("k1", "Harga cabai rawit naik", "Harga cabai rawit di Pasar Kahayan naik menjadi Rp85.000 per kilogram pada Senin."),
    ("k2", "Timnas U-17 menang", "Timnas Indonesia U-17 menang 3-1 atas Malaysia di Stadion Tuah Pahoe Palangka Raya."),
    ("k3", "BMKG peringatkan hujan lebat", "BMKG memperingatkan hujan lebat disertai angin kencang di Kalimantan Tengah pekan ini."),
]


class CountingEmbedder:
    """The real embedder, with a count of the passages it was asked to embed."""

    def __init__(self, inner):
        self.inner, self.embedded = inner, 0
        self.model_id, self.dim = inner.model_id, inner.dim

    def embed_passages(self, texts):
        self.embedded += len(texts)
        return self.inner.embed_passages(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)

    def embed_sentences(self, texts):
        return self.inner.embed_sentences(texts)


def _add(store, items):
    for article_id, title, text in items:
        store.upsert(to_article({"id": article_id, "title": title, "text": text}))


@pytest.fixture
def counting(embedder):
    return CountingEmbedder(embedder)


def test_incremental_update_embeds_only_new_passages(store, counting, tmp_path):
    directory = tmp_path / "index"
    _add(store, ARTICLES[:2])
    assert indexer.update(store, counting, directory)["size"] == 2
    assert counting.embedded == 2
    _add(store, ARTICLES[2:])
    result = indexer.update(store, counting, directory)
    assert (result["embedded"], result["added"], result["size"]) == (1, 1, 3)
    assert counting.embedded == 3

    index = VectorIndex.load(directory, model=counting.model_id)
    [(best, score)] = index.search(counting.embed_query("peringatan cuaca ekstrem dari BMKG"), 1)
    assert store.passages([best])[best].article_id == "k3" and 0 < score <= 1.0001


def test_rebuild_reads_stored_vectors_and_never_re_embeds(store, counting, tmp_path):
    directory = tmp_path / "index"
    _add(store, ARTICLES)
    indexer.update(store, counting, directory)
    before = counting.embedded
    (directory / INDEX_FILE).unlink()
    result = indexer.rebuild(store, counting, directory)
    assert result == indexer.IndexUpdate(embedded=0, added=3, removed=0, size=3, rebuilt=True)
    assert counting.embedded == before
    # Re-ingesting the same articles (even under new passage ids) reuses the stored vectors too.
    store.delete("k1")
    _add(store, ARTICLES[:1])
    assert indexer.update(store, counting, directory)["embedded"] == 0
    assert counting.embedded == before


def test_deleted_and_changed_passages_leave_the_index(store, counting, tmp_path):
    directory = tmp_path / "index"
    _add(store, ARTICLES)
    indexer.update(store, counting, directory)
    old_ids = set(VectorIndex.load(directory).ids().tolist())
    store.delete("k2")
    _add(store, [("k1", "Harga cabai rawit turun", "Harga cabai rawit di Pasar Kahayan turun menjadi Rp60.000 per kilogram.")])
    result = indexer.update(store, counting, directory)
    assert result["removed"] == 2 and result["size"] == 2
    ids = set(VectorIndex.load(directory).ids().tolist())
    assert ids == set(store.passage_ids().tolist()) and not (ids & old_ids) - set(store.passage_ids().tolist())


def test_index_files_written_atomically_with_meta(store, counting, tmp_path):
    directory = tmp_path / "index"
    _add(store, ARTICLES)
    indexer.update(store, counting, directory)
    meta = json.loads((directory / META_FILE).read_text())
    assert meta["model"] == counting.model_id and meta["dim"] == 384 and meta["count"] == 3 and meta["kind"] == "flat"
    assert sorted(os.listdir(directory)) == sorted([INDEX_FILE, META_FILE])   # no temporary files left


def test_model_mismatch_is_a_clear_error(store, counting, tmp_path):
    directory = tmp_path / "index"
    _add(store, ARTICLES[:1])
    indexer.update(store, counting, directory)
    with pytest.raises(ModelMismatch, match="kabar index rebuild"):
        VectorIndex.load(directory, model="st:some-other-model")


def test_corrupt_index_file_is_reported(store, counting, tmp_path):
    directory = tmp_path / "index"
    _add(store, ARTICLES[:1])
    indexer.update(store, counting, directory)
    (directory / INDEX_FILE).write_bytes(b"garbage")
    with pytest.raises(IndexCorrupt, match="rebuild"):
        VectorIndex.load(directory, model=counting.model_id)


def test_past_the_exact_limit_the_index_becomes_hnsw_and_deleting_rebuilds_it(store, counting, tmp_path,
                                                                             monkeypatch):
    monkeypatch.setattr(index_store, "EXACT_LIMIT", 2)
    directory = tmp_path / "index"
    _add(store, ARTICLES[:2])
    indexer.update(store, counting, directory)
    assert VectorIndex.load(directory).meta.kind == "flat"
    _add(store, ARTICLES[2:])
    result = indexer.update(store, counting, directory)   # the third passage crosses the limit
    loaded = VectorIndex.load(directory, model=counting.model_id)
    assert (result["size"], loaded.meta.kind, counting.embedded) == (3, "hnsw", 3)   # nothing embedded twice
    assert loaded.meta.params["M"] == 32 and loaded.meta.params["efSearch"] >= 64
    [(best, _)] = loaded.search(counting.embed_query("peringatan cuaca ekstrem dari BMKG"), 1)
    assert store.passages([best])[best].article_id == "k3"

    monkeypatch.setattr(index_store, "EXACT_LIMIT", 1)   # still past the limit after the delete
    store.delete("k3")   # faiss cannot remove from HNSW: the update rebuilds it from stored vectors
    assert indexer.update(store, counting, directory)["size"] == 2
    loaded = VectorIndex.load(directory, model=counting.model_id)
    assert (loaded.meta.kind, sorted(loaded.ids())) == ("hnsw", sorted(store.passage_ids()))
    assert counting.embedded == 3


def test_repair_rebuilds_an_hnsw_index_holding_deleted_passages(store, counting, tmp_path, monkeypatch):
    monkeypatch.setattr(index_store, "EXACT_LIMIT", 2)
    directory = tmp_path / "index"
    _add(store, ARTICLES)
    indexer.update(store, counting, directory)
    store.delete("k2")   # deleted without an index update, as after a crash
    found = indexer.check(store, counting.model_id, counting.dim, directory)
    assert len(found.stale) == 1 and not found.consistent
    fixed = indexer.repair(store, counting, directory)
    assert fixed["rebuilt"] and fixed["removed"] == 1 and fixed["embedded"] == 0
    assert indexer.check(store, counting.model_id, counting.dim, directory).consistent
