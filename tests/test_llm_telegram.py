"""KABAR_LLM in Telegram, end to end: the real `kabar run` against the Bot API emulator, its model the scripted
OpenAI-compatible server (tests/llm_server.py) streaming slowly. A private chat sees drafts, then the
verified answer; a group sees one message edited at most once a second, then edited into the verified
answer; /stats shows the model's figures, and the questions table holds them."""
from __future__ import annotations

import shutil
import sqlite3
import time

import pytest

pytest.importorskip("llm", reason="the llm extra is not installed: pip install -e '.[llm]'")

import llm_server  # noqa: E402
from llm_server import Reply  # noqa: E402
from telegram_harness import USERNAME, emulator_missing, running_emulator, running_kabar  # noqa: E402

pytestmark = pytest.mark.e2e

ADMIN = 950
CHILI = "Berapa harga cabai rawit di Pasar Kahayan Palangka Raya?"
TRUE = "Harga cabai rawit di Pasar Kahayan, Palangka Raya, melonjak hingga Rp85.000 per kilogram"
MADE_UP = "Harga bawang putih juga naik menjadi Rp99.000 per kilogram"


@pytest.fixture(scope="module")
def bot(tmp_path_factory, sample_home):
    if reason := emulator_missing():
        pytest.skip(reason)
    work = tmp_path_factory.mktemp("llm-bot")
    home = work / "home"
    shutil.copytree(sample_home, home)
    server = llm_server.start()
    llm_server.configure(work / "llm", server.url)

    def streaming(request: llm_server.Request) -> Reply:     # about four seconds of writing
        n = request.passage_with("Rp85.000")
        return Reply(f"{TRUE} [{n}]. {MADE_UP} [{n}].", chunk_size=8, chunk_delay=0.2)

    server.script = streaming
    try:
        with running_emulator(work / "emulator") as emulator, \
                running_kabar(emulator, home, "7301:LLM-TOKEN", work, KABAR_LLM=llm_server.MODEL_ID,
                              LLM_USER_PATH=str(work / "llm"), KABAR_ADMIN_IDS=str(ADMIN),
                              KABAR_LLM_TIMEOUT="30") as (_, log, tg):
            yield tg, home, log
    finally:
        server.shutdown()
        server.server_close()


def test_a_private_chat_sees_drafts_then_the_verified_answer(bot):
    tg, home, _ = bot
    user = 3001
    tg.send_text(user, CHILI)
    final = tg.wait_reply(user, 150)
    drafts = tg.drafts(user)
    assert len(drafts) >= 3, drafts
    texts = [d["plain_text"] for d in drafts]
    assert all(b.removesuffix(" …").startswith(a.removesuffix(" …")) for a, b in zip(texts, texts[1:]))  # it grows
    assert any(MADE_UP[:30] in t for t in texts)                 # the model's text, unverified, as it came
    assert len({d["draft_id"] for d in drafts}) == 1
    gaps = [(b["time_ms"] - a["time_ms"]) / 1000 for a, b in zip(drafts, drafts[1:])]
    assert min(gaps) >= 0.4, gaps                                  # about two drafts a second at most
    assert TRUE in final["plain_text"] and "[1]" in final["plain_text"] and "Sumber:" in final["plain_text"]
    assert "Rp99.000" not in final["plain_text"]                   # dropped: not in its passage
    assert final["reply_markup"]["inline_keyboard"]                 # sources and feedback buttons
    with sqlite3.connect(home / "kabar.db") as db:
        outcome, tokens_in, tokens_out, llm_ms = db.execute(
            "SELECT llm_outcome, llm_tokens_in, llm_tokens_out, llm_ms FROM questions ORDER BY id DESC").fetchone()
    assert outcome == "generated" and tokens_in > 100 and tokens_out > 10 and llm_ms > 2000


def test_a_group_sees_one_message_edited_at_most_once_a_second_then_the_answer(bot):
    tg, _, _ = bot
    user, group = 3002, -100_3002
    tg.send_text(user, f"@{USERNAME} {CHILI}", group)
    seen: list[tuple[float, int, str, int]] = []
    started = time.monotonic()
    deadline = started + 150
    while time.monotonic() < deadline:
        for m in tg.bot_messages(group, timeout=1):
            seen.append((time.monotonic(), m["edits"], m["plain_text"], m["message_id"]))
        if seen and TRUE in seen[-1][2] and "Sumber:" in seen[-1][2]:
            break
    first_shown = seen[0][0]
    final_at, final_edits, final_text, _ = seen[-1]
    assert "Rp99.000" not in final_text and "[1]" in final_text
    assert any(" …" in text for _, _, text, _ in seen)                # the preview was seen before the answer
    assert final_edits >= 2                                         # previews, then the answer, in one message
    assert final_edits <= (final_at - first_shown) + 2, (final_edits, final_at - first_shown)   # ≤ one a second
    assert len({message_id for *_, message_id in seen}) == 1        # no other message in the group
    assert tg.bot_messages(group, timeout=1) == []


def test_stats_shows_the_models_figures(bot):
    tg, _, _ = bot
    tg.send_text(ADMIN, "/stats")
    stats = tg.wait_reply(ADMIN, 60)["plain_text"]
    assert f"LLM {llm_server.MODEL_ID}: 2 answers written, 0 fell back to the extractive answer" in stats
    assert "Tokens today:" in stats and "(budget ∞)" in stats and "Median added latency:" in stats
