"""The store's database seam: both backends hold the same schema and answer alike; PostgreSQL's bad inputs
name the problem without the password."""
from __future__ import annotations

import logging
import socket
import threading

import pytest

from corpus import db as sqlite_db
from corpus import postgres
from corpus.database import DatabaseError, open_database, redact_url
from corpus.records import Article
from corpus.store import Store


def test_both_backends_have_the_same_migrations_in_the_same_order():
    assert [m.name for m in sqlite_db.migrations._migrations] == [name for name, _ in postgres.MIGRATIONS]


@pytest.mark.postgres
def test_both_backends_have_the_same_tables_and_columns(tmp_path, pg_url):
    lite, pg = open_database(tmp_path / "kabar.db"), open_database(pg_url)
    assert sorted(lite.tables()) == sorted(pg.tables())
    for table in lite.tables():
        assert lite.columns(table) == pg.columns(table), table


def test_store_writes_reads_and_ranks_alike_on_both(store):
    store.upsert(Article("a1", "Banjir di Sampit", "Banjir merendam ratusan rumah di Sampit, Kotawaringin Timur. "
                         "Warga mengungsi ke masjid.", "https://x.id/1", "Antara", "2026-11-01"))
    store.upsert(Article("a2", "Harga cabai naik", "Harga cabai rawit di Palangka Raya naik menjadi Rp80.000 per kilo. "
                         "Pedagang menyebut pasokan dari Jawa berkurang karena banjir.", "https://x.id/2", "Antara",
                         "2026-11-02"))
    hits = store.keyword_search("banjir Sampit")
    assert [store.passages([pid])[pid].article_id for pid, _ in hits] == ["a1", "a2"]
    assert hits[0][1] > hits[1][1] > 0
    assert store.document_frequencies(["banjir", "sampit", "tidakada"]) == {"banjir": 2, "sampit": 1}
    weights = store.term_weights(["cabai", "tidakada"])
    assert weights["tidakada"] > weights["cabai"] and weights.unknown == {"tidakada"}
    assert store.article("a2")["title"] == "Harga cabai naik"
    assert store.counts() == {"articles": 2, "passages": 2, "sources": 1, "newest": "2026-11-02"}
    assert store.delete("a1") and not store.delete("a1")
    assert [store.passages([p])[p].article_id for p, _ in store.keyword_search("banjir")] == ["a2"]


def test_diacritics_are_folded_on_both(store):
    store.upsert(Article("k1", "Kafé baru di Palangka Raya", "Sebuah kafé dibuka di tepi Sungai Kahayan."))
    assert [pid for pid, _ in store.keyword_search("kafe")] == [pid for pid, _ in store.keyword_search("Kafé")] != []


def test_a_transaction_is_rolled_back_whole_on_both(store):
    with pytest.raises(RuntimeError):
        with store.db.transaction() as db:
            db.insert("questions", {"question": "satu", "chat_id": 5_000_000_000})
            raise RuntimeError
    assert store.db.scalar("SELECT COUNT(*) FROM questions") == 0
    new = store.db.insert("questions", {"question": "dua", "chat_id": 5_000_000_000, "abstained": True})
    assert store.db.query("SELECT question, chat_id, abstained FROM questions WHERE id = ?", [new]) == [
        {"question": "dua", "chat_id": 5_000_000_000, "abstained": 1}]


@pytest.mark.postgres
def test_two_processes_starting_together_apply_the_schema_once(pg_url):
    errors, dbs = [], []

    def start():
        try:
            dbs.append(open_database(pg_url))
        except Exception as e:   # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(dbs) == 4
    assert dbs[0].scalar("SELECT COUNT(*) FROM kabar_migrations") == len(postgres.MIGRATIONS)
    assert postgres.migrate(dbs[0]) == []


@pytest.mark.postgres
def test_two_writers_of_the_same_article_store_it_once(pg_url):
    stores = [Store(open_database(pg_url)) for _ in range(2)]
    article = Article("same", "Rapat paripurna DPRD", "DPRD Kalteng menggelar rapat paripurna membahas APBD 2027.")
    results = []
    threads = [threading.Thread(target=lambda s=s: results.append(s.upsert(article).status)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["added", "unchanged"]
    assert stores[0].counts()["passages"] == 1


# -- bad input ---------------------------------------------------------------------------------------------
def test_a_password_in_a_url_is_redacted():
    assert redact_url("postgresql://kabar:s3cret@db.example:5432/kabar") == "postgresql://kabar:***@db.example:5432/kabar"
    assert redact_url("postgresql://kabar@db/kabar") == "postgresql://kabar@db/kabar"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.postgres
@pytest.mark.parametrize("url, words", [
    ("postgresql://kabar:s3cretpw@127.0.0.1:{port}/kabar", "cannot connect"),                 # a server that is down
    ("postgresql://postgres:s3cretpw@127.0.0.1:5432/kabar_no_such_db", 'database "kabar_no_such_db" does not exist'),
    ("postgresql://kabar:s3cretpw@127.0.0.1:notaport/kabar", "malformed"),
    ("postgresql://kabar:s3cretpw@[::1/kabar", "malformed"),
    ("mysql://kabar:s3cretpw@127.0.0.1/kabar", "unsupported database URL"),
])
def test_a_bad_database_url_is_named_without_its_password(url, words, caplog):
    url = url.format(port=_free_port())
    caplog.set_level(logging.DEBUG)
    with pytest.raises(DatabaseError) as raised:
        open_database(url)
    message = str(raised.value)
    assert words in message and "s3cretpw" not in message and ":***@" in message
    assert "s3cretpw" not in caplog.text


def test_without_psycopg_the_error_says_what_to_install(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_psycopg(name, *args, **kwargs):
        if name == "psycopg" or name.startswith("psycopg."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    with pytest.raises(DatabaseError, match=r"psycopg is not installed: pip install 'kabar\[postgresql\]'"):
        open_database("postgresql://kabar@127.0.0.1/kabar")


@pytest.mark.postgres
def test_a_lost_connection_is_opened_again_for_the_next_statement(pg_url):
    import psycopg

    store = Store(open_database(pg_url))
    store.upsert(Article("a1", "Banjir di Sampit", "Banjir merendam ratusan rumah di Sampit."))
    pid = store.db.scalar("SELECT pg_backend_pid()")
    with psycopg.connect(pg_url, autocommit=True) as admin:      # the server drops the connection
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    with pytest.raises(psycopg.OperationalError):
        store.counts()
    assert store.counts()["articles"] == 1 and store.db.scalar("SELECT pg_backend_pid()") != pid


@pytest.mark.postgres
def test_losing_the_server_mid_ingest_stops_it_by_name_and_the_rerun_finishes(pg_url, tmp_path):
    import json

    import psycopg

    from corpus.ingest import ingest

    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"id": f"r{i}", "title": f"Berita ke-{i}", "text": f"Banjir ke-{i} di Sampit. " * 20})
                            + "\n" for i in range(10)), encoding="utf-8")
    store = Store(open_database(pg_url))
    pid = store.db.scalar("SELECT pg_backend_pid()")

    def cut_after_four(report) -> None:
        if report.added == 4:
            with psycopg.connect(pg_url, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", [pid])

    report = ingest(store, [str(rows)], on_article=cut_after_four)
    assert (report.added, report.failed) == (4, 1)
    failure = report.failures[0]
    assert failure.where == f"{rows}:5" and "stopped here" in failure.reason and "run the same command again" in failure.reason
    again = ingest(store, [str(rows)])       # the next statement reconnects
    assert (again.added, again.unchanged, again.failed) == (6, 4, 0)
    assert store.counts()["articles"] == 10
