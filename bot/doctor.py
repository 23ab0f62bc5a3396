"""`kabar doctor`: is this installation ready to answer? One line per check; a failed check fails the run.

The checks read and never repair (`kabar index check --repair` does that). The token is never printed: a
line names the bot by the id before the colon, and an error from the Bot API is reduced to its type and
status, since an HTTP library's message carries the request URL, and the URL carries the token.
"""
from __future__ import annotations

import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import httpx

from .settings import Settings

TELEGRAM_API = "https://api.telegram.org"
MIN_FREE_BYTES = 200 * 2**20      # below this a FAIL: SQLite and an index save need room to write
LOW_FREE_BYTES = 2 * 2**30        # below this a warning


@dataclass
class Finding:
    status: str      # ok, warn, FAIL, skip
    name: str
    detail: str

    def line(self) -> str:
        return f"{self.status:<4}  {self.name:<7} {self.detail}"


def redact(token: str) -> str:
    """The bot id (public: it is the bot's user id) and nothing of the secret part."""
    bot_id = token.split(":", 1)[0]
    return f"{bot_id}:…" if bot_id.isdigit() else "…"


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def check_token(env: dict, bot: bool, client: httpx.Client) -> Iterator[Finding]:
    """getMe with TELEGRAM_BOT_TOKEN, then getWebhookInfo; skipped without a token unless `bot`."""
    token = (env.get("TELEGRAM_BOT_TOKEN") or "").strip()
    if not token:
        if bot:
            yield Finding("FAIL", "token", "TELEGRAM_BOT_TOKEN is not set (`kabar run` needs it: see @BotFather)")
        else:
            yield Finding("skip", "token", "TELEGRAM_BOT_TOKEN is not set (needed only by `kabar run`)")
        yield Finding("skip", "webhook", "no token")
        return
    shown = redact(token)
    logging.getLogger("httpx").setLevel(logging.WARNING)   # its INFO request lines carry the URL, and so the token
    base = (env.get("TELEGRAM_BASE_URL") or "").strip().rstrip("/") or TELEGRAM_API

    def call(method: str) -> dict:
        try:
            response = client.get(f"{base}/bot{token}/{method}")
        except httpx.HTTPError as e:   # its text holds the URL, and so the token: keep the type only
            raise _ApiError(f"{type(e).__name__} reaching {base}") from None
        try:
            body = response.json()
        except ValueError:
            raise _ApiError(f"HTTP {response.status_code} from {base}, not a Bot API answer") from None
        if not body.get("ok"):
            raise _ApiError(f"HTTP {response.status_code}: {str(body.get('description', ''))[:120]}".replace(token, shown))
        return body["result"]

    try:
        me = call("getMe")
    except _ApiError as e:
        yield Finding("FAIL", "token", f"{shown} rejected or unchecked: {e}")
        yield Finding("skip", "webhook", "no working token")
        return
    yield Finding("ok", "token", f"{shown} is @{me.get('username')} (getMe)")
    try:
        hook = call("getWebhookInfo")
    except _ApiError as e:
        yield Finding("warn", "webhook", f"getWebhookInfo failed: {e}")
        return
    url = hook.get("url") or ""
    if not url:
        yield Finding("ok", "webhook", "none set: `kabar run` polls (`kabar run --webhook` registers one)")
        return
    pending = hook.get("pending_update_count", 0)
    detail = f"{url}, {pending} updates pending"
    if hook.get("last_error_message"):
        yield Finding("warn", "webhook", f"{detail}; last delivery error: {hook['last_error_message'][:120]}")
    else:
        yield Finding("ok", "webhook", detail)


class _ApiError(Exception):
    """The Bot API call failed (the message never holds the token)."""


def check_home(home: Path) -> Finding:
    """KABAR_HOME exists or can be made, a file can be written there, and the disk has room."""
    try:
        home.mkdir(parents=True, exist_ok=True)
        probe = home / f".doctor-{uuid.uuid4().hex}"
        probe.write_bytes(b"kabar")
        probe.unlink()
    except OSError as e:
        return Finding("FAIL", "home", f"{home} is not writable: {e.strerror or e}")
    free = shutil.disk_usage(home).free
    if free < MIN_FREE_BYTES:
        return Finding("FAIL", "home", f"{home}: only {_size(free)} free")
    status = "warn" if free < LOW_FREE_BYTES else "ok"
    return Finding(status, "home", f"{home} is writable, {_size(free)} free")


def run_checks(settings: Settings | None = None, env: dict | None = None, bot: bool = False,
               client: httpx.Client | None = None) -> Iterator[Finding]:
    """Every check in order: token, webhook, home, model, reader, corpus, index, feeds."""
    env = os.environ if env is None else env
    settings = settings or Settings()
    with (client or httpx.Client(timeout=15)) as http:
        yield from check_token(env, bot, http)
    home = check_home(settings.home)
    yield home
    embedder = None
    from index.embedders import load_embedder

    start = time.perf_counter()
    try:
        embedder = load_embedder(settings.model)
        vector = embedder.embed_query("apa kabar?")
        if vector.shape != (embedder.dim,) or not (abs(float(vector @ vector) - 1.0) < 1e-3):
            raise ValueError(f"a test question gave a vector of shape {vector.shape}")
        yield Finding("ok", "model", f"{embedder.model_id} loads and embeds ({embedder.dim} dimensions, "
                                     f"{time.perf_counter() - start:.1f} s)")
    except Exception as e:   # any failure to load is this check's finding, not a crash of the others
        embedder = None
        yield Finding("FAIL", "model", f"{settings.model!r} does not load: {e}")
    yield check_reader()
    yield check_answerable()
    if home.status == "FAIL":
        yield Finding("skip", "corpus", "KABAR_HOME is not usable")
        return
    yield from check_corpus(settings, embedder)


def check_reader() -> Finding:
    """The reader that finds short answers loads and reads; without it answers go on, without short answers."""
    from index.reader import Reader, ReaderUnavailable, reader_path

    path = reader_path()
    if path is None:
        return Finding("ok", "reader", "off (KABAR_READER): answers without short answers")
    try:
        reader = Reader(path)
        reader.read("Siapa yang datang?", ["Budi datang ke Palangka Raya."])
    except ReaderUnavailable as e:
        return Finding("warn", "reader", f"{e}; answers go on without short answers")
    return Finding("ok", "reader", f"{path} loads and reads ({reader.info.get('layers')} layers, "
                                   f"trained {reader.info.get('date')})")


def check_answerable() -> Finding:
    """The model that may decline what the scorer's rules answer loads; without it the rules decide alone."""
    from .answerable import ANSWERABLE_FILE, Answerable, AnswerableUnavailable

    try:
        model = Answerable.load(ANSWERABLE_FILE)
    except AnswerableUnavailable as e:
        return Finding("warn", "answerable", f"{e}; the scorer's rules decide when to decline")
    return Finding("ok", "answerable", f"{ANSWERABLE_FILE.name} loads (fitted {model.info.get('date')} on "
                                       f"{model.info.get('examples')} questions)")


def check_corpus(settings: Settings, embedder) -> Iterator[Finding]:
    from corpus.database import open_database
    from corpus.feeds import list_feeds
    from corpus.store import Store
    from index import indexer

    try:
        store = Store(open_database(settings.database))
        counts = store.counts()
    except Exception as e:   # a damaged database, a server that does not answer: name it, stop here
        said = str(e)
        yield Finding("FAIL", "corpus", said if said.startswith(settings.database_name) else
                      f"{settings.database_name} cannot be read: {said}")
        return
    if counts["articles"]:
        yield Finding("ok", "corpus", f"{counts['articles']} articles, {counts['passages']} passages, newest "
                                      f"{counts['newest']}")
    else:
        yield Finding("warn", "corpus", "no articles yet: `kabar ingest FILE` (or send files to the bot as an admin)")
    if embedder is None:
        yield Finding("skip", "index", "the model did not load")
    else:
        found = indexer.check(store, embedder.model_id, embedder.dim, settings.index_dir)
        lines = found.lines()
        if found.consistent:
            yield Finding("ok", "index", lines[0])
        elif not found.problems:   # only vectors not made or not added yet: answers still come, the bot catches up
            yield Finding("warn", "index", "; ".join(lines) + " (`kabar index check --repair`)")
        else:
            yield Finding("FAIL", "index", "; ".join(lines) + " (`kabar index check --repair`)")
    feeds = list_feeds(store)
    failing = [f for f in feeds if f.failing]
    if not feeds:
        yield Finding("ok", "feeds", "none followed")
    elif not failing:
        yield Finding("ok", "feeds", f"{len(feeds)} followed, none failing")
    else:
        worst = failing[0]
        yield Finding("warn", "feeds", f"{len(failing)} of {len(feeds)} failing, e.g. feed {worst.id} {worst.url}: "
                                       f"{worst.failures}x, {(worst.last_error or '')[:120]}")
    store.db.close()


def doctor(echo: Callable[[str], None], settings: Settings | None = None, env: dict | None = None,
           bot: bool = False) -> bool:
    """Print one line per check; True when none failed."""
    ok = True
    for finding in run_checks(settings, env, bot):
        echo(finding.line())
        ok = ok and finding.status != "FAIL"
    return ok
