"""The bot's own state in the store (questions and feedback, follow-up context, topic subscriptions and alerts,
the LLM token budget), on SQLite and on PostgreSQL: the SQL the Telegram handlers run, without Telegram."""
from __future__ import annotations

from types import SimpleNamespace

from bot import telegram_app as app
from bot.generate import Budget
from bot.settings import LLMSettings
from corpus.records import Article

GROUP = -1_001_234_567_890     # Telegram supergroup ids do not fit 32 bits


def kabar_on(store, answer_text: str = "Banjir merendam 23 desa [1]", outcome: str | None = None):
    run = SimpleNamespace(tokens_in=120, tokens_out=30, ms=850.0, outcome=outcome) if outcome else None
    return SimpleNamespace(store=store, settings=SimpleNamespace(llm=LLMSettings()),
                           ask_llm=lambda asked, on_draft=None, then=None, reading=None: (SimpleNamespace(
                               question=asked, answer=answer_text, abstained=False, citations=[],
                               short_answer="23 desa" if "lagi" in asked else None), run),
                           status=lambda: {**store.counts(), "index_vectors": 0})


def test_questions_feedback_and_follow_up_context(store):
    kabar = kabar_on(store)
    _, first = app._ask_and_record(kabar, "banjir katingan", GROUP, 42, "Berapa desa yang terendam?")
    _, second = app._ask_and_record(kabar, "banjir katingan lagi", GROUP, 42, "Kapan surut?")
    assert second > first
    app._remember_messages(kabar, GROUP, [1001, 1002], first)
    app._remember_messages(kabar, GROUP, [1002], second)          # a message id carries one answer: the newer
    assert app._replied_context(kabar, GROUP, 1001)["id"] == first
    # what the question searched for and its short answer (a follow-up's "dia" may stand for it)
    assert app._replied_context(kabar, GROUP, 1002) == {"id": second, "asked": "banjir katingan lagi",
                                                        "short_answer": "23 desa"}
    assert app._replied_context(kabar, GROUP, 1001)["short_answer"] is None
    assert app._last_context(kabar, GROUP, 42, ttl=600)["id"] == second
    app._clear_context(kabar, GROUP, 42)
    assert app._last_context(kabar, GROUP, 42, ttl=600) is None
    app._set_feedback(kabar, first, 1)
    app._set_feedback(kabar, second, -1)
    row = app._question_row(kabar, first)
    assert (row["chat_id"], row["feedback"], row["abstained"], row["question"]) == (GROUP, 1, 0, "Berapa desa yang terendam?")
    stats = app._stats(kabar)
    assert (stats["asked"], stats["answered"], stats["up"], stats["down"]) == (2, 2, 1, 1)


def test_topic_follows_and_alerts_once_per_chat(store):
    kabar = kabar_on(store)
    assert app._follow(kabar, GROUP, 42, "banjir katingan", "id")
    assert app._follow(kabar, GROUP, 43, "banjir katingan", "en")     # the same topic again: replaced, not doubled
    assert app._follows_of(kabar, GROUP) == ["banjir katingan"]
    for i in range(app.MAX_FOLLOWS - 1):
        assert app._follow(kabar, GROUP, 42, f"topik {i}", "id")
    assert not app._follow(kabar, GROUP, 42, "satu lagi", "id")
    store.upsert(Article("k1", "Banjir Katingan meluas", "Banjir di Katingan merendam 23 desa pada Senin."))
    alerts = app._due_alerts(kabar, ["k1"])
    assert [a["id"] for a in alerts[(GROUP, "banjir katingan", "en")]] == ["k1"]
    assert app._due_alerts(kabar, ["k1"]) == {}                       # sent once
    assert app._unfollow(kabar, GROUP, "banjir katingan") == 1 and app._unfollow(kabar, GROUP, None) == app.MAX_FOLLOWS - 1


def test_the_llm_budget_and_its_figures(store):
    kabar = kabar_on(store, outcome="generated")
    app._ask_and_record(kabar, "harga cabai", 7, 7, "Harga cabai?")
    budget = Budget(1000)
    budget.spend(store.db, 600, 100)
    budget.spend(store.db, 200, 50)
    assert budget.spent(store.db)[:2] == (800, 150) and budget.spent(store.db)[2] == 2
    assert budget.allows(store.db) and (budget.spend(store.db, 100, 0) or not budget.allows(store.db))
    figures = app._llm_stats(kabar)
    assert (figures["generated"], figures["fallbacks"], figures["tokens_in"]) == (1, 0, 900)
